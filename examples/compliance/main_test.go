package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func review(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, stdin, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func decode(t *testing.T, out string) []jsonResult {
	t.Helper()
	var rs []jsonResult
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r jsonResult
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r), "line %q", sc.Text())
		rs = append(rs, r)
	}
	require.NoError(t, sc.Err())
	return rs
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func TestJSON(t *testing.T) {
	type finding struct{ category, action, found string }
	tests := []struct {
		name     string
		draft    string
		text     string
		blocked  bool
		findings []finding
	}{
		{"clean draft comes back as is", "亲，48小时内发货哦~", "亲，48小时内发货哦~", false, nil},
		{"allowed compound", "亲，您第一次购买可以领券哦", "亲，您第一次购买可以领券哦", false, nil},
		{"rewrite and drop", "我们的质量最好，手慢无！", "我们的质量很好！", false, []finding{
			{"superlative", "rewrite", "最好"}, {"urgency", "drop", "手慢无"}}},
		{"traditional and noise", "國家級品質，最 好的選擇", "专业级品質，很好的選擇", false, []finding{
			{"grade", "rewrite", "國家級"}, {"superlative", "rewrite", "最 好"}}},
		{"off platform", "加微信聊", "加微信聊", true, []finding{{"offplatform", "block", "加微信"}}},
		{"mobile masked in findings", "请发13812345678", "请发13812345678", true, []finding{
			{"mobile", "block", "138****5678"}}},
		{"empty line", "", "", false, nil},
	}
	var input strings.Builder
	for _, tt := range tests {
		input.WriteString(tt.draft + "\n")
	}
	code, out, errOut := review(t, strings.NewReader(input.String()), "--json")
	require.Equal(t, 0, code, "stderr: %s", errOut)
	got := decode(t, out)
	require.Len(t, got, len(tests), "one object per line")
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := got[i]
			assert.Equal(t, tt.text, r.Text, "text of %q", tt.draft)
			assert.Equal(t, tt.blocked, r.Blocked, "blocked of %q", tt.draft)
			assert.Equal(t, tt.text != tt.draft, r.Changed, "changed of %q", tt.draft)
			require.NotNil(t, r.Findings, "findings of %q", tt.draft)
			require.Len(t, r.Findings, len(tt.findings), "findings of %q: %+v", tt.draft, r.Findings)
			for k, want := range tt.findings {
				f := r.Findings[k]
				assert.Equal(t, want.category, f.Category, "finding %d of %q", k, tt.draft)
				assert.Equal(t, want.action, f.Action, "finding %d of %q", k, tt.draft)
				assert.Equal(t, want.found, f.Found, "finding %d of %q", k, tt.draft)
				require.True(t, f.Start >= 0 && f.Start <= f.End && f.End <= len(tt.draft), "offsets %d-%d in %q", f.Start, f.End, tt.draft)
				if f.Word != "" {
					assert.Equal(t, tt.draft[f.Start:f.End], f.Found, "byte offsets of %q", f.Word)
				}
			}
		})
	}
	assert.NotContains(t, out, `"findings":null`)
}

func TestJSONOneObjectPerLine(t *testing.T) {
	tests := []struct {
		name, input string
		lines       int
	}{
		{"blank lines", "\n\n最好\n\n", 4},
		{"CRLF", "最好\r\n\r\n", 2},
		{"no final newline", "最好\n最佳", 2},
		{"invalid UTF-8", "最\xff好\n\xc3\n", 2},
		{"very long line", strings.Repeat("好", 50000) + "\n最好\n", 2},
		{"nothing", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, _ := review(t, strings.NewReader(tt.input), "--json")
			require.Equal(t, 0, code)
			assert.Len(t, decode(t, out), tt.lines, "objects for %q", tt.name)
		})
	}
}

func TestLongLineIsCut(t *testing.T) {
	draft := strings.Repeat("好", maxLineBytes/3) + "最好"
	code, out, _ := review(t, strings.NewReader(draft+"\n"), "--json")
	require.Equal(t, 0, code)
	got := decode(t, out)
	require.Len(t, got, 1)
	assert.Empty(t, got[0].Findings, "the part after %d bytes is not read", maxLineBytes)
	assert.LessOrEqual(t, len(got[0].Text), maxLineBytes)
}

func TestText(t *testing.T) {
	input := "我们的质量最好，手慢无！\n\n亲，48小时内发货哦~\n请把手机13812345678发我\n"
	code, out, errOut := review(t, strings.NewReader(input))
	require.Equal(t, 0, code, "stderr: %s", errOut)
	want := `#1 cleaned
  draft:   我们的质量最好，手慢无！
  cleaned: 我们的质量很好！
  - rewrite "最好" (superlative) -> "很好" at 15-21
  - drop "手慢无" (urgency) at 24-33
#3 ok
  cleaned: 亲，48小时内发货哦~
#4 BLOCKED: do not send
  draft:   请把手机138****5678发我
  cleaned: 请把手机138****5678发我
  - block "138****5678" (mobile) at 12-23
`
	assert.Equal(t, want, out)
	assert.NotContains(t, out, "13812345678", "personal data is masked on the review screen")
}

func TestShopLists(t *testing.T) {
	words := writeFile(t, "words.tsv", "# shop words\n秒杀价\tsuperlative\trewrite\t活动价\n")
	allowed := writeFile(t, "allowed.tsv", "最好的朋友\tnot a claim\n")
	code, out, errOut := review(t, strings.NewReader("秒杀价99元\n送给最好的朋友\n"), "--json", "--words", words, "--allowed", allowed)
	require.Equal(t, 0, code, "stderr: %s", errOut)
	got := decode(t, out)
	require.Len(t, got, 2)
	assert.Equal(t, "活动价99元", got[0].Text, "shop word rewritten")
	assert.Equal(t, "送给最好的朋友", got[1].Text, "shop compound allowed")
	assert.Empty(t, got[1].Findings)
}

func TestShopListErrors(t *testing.T) {
	tests := []struct {
		name, flag, content, want string
	}{
		{"bad action", "--words", "秒杀价\tsuperlative\tzap\t活动价\n", "words.tsv:1:"},
		{"too few fields", "--words", "# ok\n秒杀价\tsuperlative\n", "words.tsv:2:1: "},
		{"duplicate compound", "--allowed", "最好的朋友\n最好的朋友\n", "words.tsv:2:1: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "words.tsv", tt.content)
			code, out, errOut := review(t, strings.NewReader("最好\n"), tt.flag, path)
			assert.Equal(t, 1, code, "exit status")
			assert.Empty(t, out)
			assert.True(t, strings.HasPrefix(errOut, filepath.Join(filepath.Dir(path), tt.want)), "stderr %q, want prefix file:%s", errOut, tt.want)
		})
	}
	code, _, errOut := review(t, strings.NewReader(""), "--words", filepath.Join(t.TempDir(), "none.tsv"))
	assert.Equal(t, 1, code, "missing file")
	assert.Contains(t, errOut, "none.tsv")
}

func TestUsage(t *testing.T) {
	code, _, errOut := review(t, strings.NewReader(""), "--bogus")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "usage")
	code, _, _ = review(t, strings.NewReader(""), "drafts.txt")
	assert.Equal(t, 2, code, "positional argument")
}
