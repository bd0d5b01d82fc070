package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func lint(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func TestFiles(t *testing.T) {
	tests := []struct {
		name string
		file string
		code int
		want []string
	}{
		{"clean YAML", "ok.yaml", 0, nil},
		{"clean JSON", "ok.json", 0, nil},
		{"clean CSV with starter defaults", "ok.csv", 0, nil},
		{"warnings only", "warnings.yaml", 0, []string{
			`testdata/warnings.yaml:6:15: warning: rule best: keyword "质量" is also in rule(s) quality; on this keyword alone best wins because it comes first in the file`,
			`testdata/warnings.yaml:7:12: warning: rule best: compliance: rewrite "最好" (superlative)`,
			`testdata/warnings.yaml:8:5: warning: rule quality: can never win: every keyword is also in rule best, which ranks above it`,
		}},
		{"load errors", "errors.yaml", 1, []string{
			`testdata/errors.yaml:8:5: rule hello: unknown field "keyword"`,
			`testdata/errors.yaml:9:15: rule hello: want a whole number, got "high"`,
		}},
		{"compile errors", "compile.yaml", 1, []string{
			`testdata/compile.yaml:1:10: version 2 is not supported (want 1)`,
			`testdata/compile.yaml:7:9: rule ship: duplicate id (first defined at testdata/compile.yaml:4:9)`,
			`testdata/compile.yaml:8:12: rule ship: match "fuzzy": want contains or exact`,
			`testdata/compile.yaml:12:15: rule hello: keywords: "你好" is too broad: it would fire on almost every message (use it in a rule with match: exact)`,
		}},
		{"YAML syntax", "syntax.yaml", 1, []string{
			`testdata/syntax.yaml:4:1: syntax error: did not find expected ',' or ']'`,
		}},
		{"JSON type", "bad.json", 1, []string{
			`testdata/bad.json:5:51: rule ship: want a list of strings`,
		}},
		{"CSV unknown column", "bad.csv", 1, []string{
			`testdata/bad.csv:1:19: unknown column "colour"`,
		}},
		{"CSV bad cell", "dup.csv", 1, []string{
			`testdata/dup.csv:2:20: rule ship: handoff: want true or false (or 是/否), got "maybe"`,
		}},
		{"missing file", "none.yaml", 1, []string{
			`reply: open testdata/none.yaml: no such file or directory`,
		}},
		{"unknown extension", "notes.txt", 1, []string{
			`reply: testdata/notes.txt: unknown rule file extension (want .yaml, .yml, .json or .csv)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			code, out, errOut := lint(path)
			assert.Equal(t, tt.code, code, "exit status of lint %s", path)
			assert.Equal(t, tt.want, lines(out), "lint %s", path)
			assert.Empty(t, errOut, "lint %s", path)
		})
	}
}

func TestSeveralFiles(t *testing.T) {
	code, out, _ := lint("testdata/ok.yaml", "testdata/syntax.yaml", "testdata/warnings.yaml")
	assert.Equal(t, 1, code, "one file with errors fails the run")
	got := lines(out)
	require.Len(t, got, 4)
	assert.True(t, strings.HasPrefix(got[0], "testdata/syntax.yaml:4:1: "), "files in argument order: %q", got[0])
	for _, l := range got[1:] {
		assert.True(t, strings.HasPrefix(l, "testdata/warnings.yaml:"), "line %q", l)
	}

	code, _, _ = lint("testdata/ok.yaml", "testdata/warnings.yaml")
	assert.Equal(t, 0, code, "warnings do not fail the run")
}

func TestUsage(t *testing.T) {
	code, out, errOut := lint()
	assert.Equal(t, 2, code, "no files")
	assert.Empty(t, out)
	assert.Contains(t, errOut, "usage: lint FILE...")
	code, _, _ = lint("--bogus", "x.yaml")
	assert.Equal(t, 2, code, "unknown flag")
}
