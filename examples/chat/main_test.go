package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/reply"
)

// chat runs the program and returns its exit status, stdout and stderr.
func chat(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, stdin, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// decode splits --json output into objects, requiring one per line.
func decode(t *testing.T, out string) []jsonAnswer {
	t.Helper()
	var as []jsonAnswer
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a jsonAnswer
		require.NoError(t, json.Unmarshal(sc.Bytes(), &a), "line %q", sc.Text())
		as = append(as, a)
	}
	require.NoError(t, sc.Err())
	return as
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func TestText(t *testing.T) {
	code, out, errOut := chat(t, strings.NewReader("发货了吗\n\n我发现货不对\n今天天气真好\n"))
	require.Equal(t, 0, code, "stderr: %s", errOut)
	assert.Empty(t, errOut, "no prompt when stdin is not a terminal")
	assert.Equal(t, 3, strings.Count(out, "客服: "), "one answer per non-empty line:\n%s", out)
	assert.Contains(t, out, "(rule ship_time [物流])")
	assert.Contains(t, out, "(rule wrong_item [售后])")
	assert.Contains(t, out, "(fallback: no-match)")
}

func TestTraceFlag(t *testing.T) {
	code, out, _ := chat(t, strings.NewReader("发货了吗\n"), "--trace")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `rule ship_time [物流]; keyword "发货"`)
}

func TestJSONOneObjectPerLine(t *testing.T) {
	long := strings.Repeat("发货", 40000) // 240,000 bytes: longer than maxLineBytes
	tests := []struct {
		name  string
		input string
		lines int
	}{
		{"plain", "发货了吗\n在吗\n", 2},
		{"empty lines included", "\n发货了吗\n\n\n", 4},
		{"no final newline", "发货了吗\n在吗", 2},
		{"CRLF", "发货了吗\r\n\r\n在吗\r\n", 3},
		{"invalid UTF-8", "发货\xff\xfe了吗\n\xc3\n", 2},
		{"very long line", long + "\n在吗\n", 2},
		{"whitespace only", "   \n\t\n", 2},
		{"no input", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := chat(t, strings.NewReader(tt.input), "--json")
			require.Equal(t, 0, code, "stderr: %s", errOut)
			as := decode(t, out)
			assert.Len(t, as, tt.lines, "objects for %q", tt.name)
			assert.Equal(t, tt.lines, strings.Count(out, "\n"), "output lines for %q", tt.name)
		})
	}
}

func TestJSONFields(t *testing.T) {
	input := "我发现货不对\n\n發貨了嗎\n今天天气真好\n"
	code, out, _ := chat(t, strings.NewReader(input), "--json")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSuffix(input, "\n"), "\n")
	as := decode(t, out)
	require.Len(t, as, len(lines))

	trap := as[0]
	assert.Equal(t, "wrong_item", trap.Rule, "rule for %q", lines[0])
	assert.Equal(t, "售后", trap.Category)
	assert.False(t, trap.Fallback)
	assert.Equal(t, "answered", trap.Reason)
	require.NotEmpty(t, trap.Matches, "matches for %q", lines[0])
	m := trap.Matches[0]
	assert.Equal(t, "货不对", m.Keyword)
	assert.Equal(t, "货不对", lines[0][m.Start:m.End], "byte offsets of %+v in %q", m, lines[0])
	for _, m := range trap.Matches {
		assert.NotEqual(t, "现货", m.Keyword, "现货 crosses a word boundary in %q", lines[0])
	}

	empty := as[1]
	assert.True(t, empty.Empty, "empty line")
	assert.Equal(t, "", empty.Rule)
	assert.Equal(t, "", empty.Text)
	assert.NotNil(t, empty.Matches)
	assert.Contains(t, out, `"matches":[]`, "matches is a list, never null")

	trad := as[2]
	assert.Equal(t, "ship_time", trad.Rule, "rule for %q", lines[2])
	for _, m := range trad.Matches {
		assert.GreaterOrEqual(t, m.Start, 0)
		assert.LessOrEqual(t, m.End, len(lines[2]))
		assert.Equal(t, "發貨", lines[2][m.Start:m.End], "offsets point into the original traditional text")
	}

	fb := as[3]
	assert.True(t, fb.Fallback, "fallback for %q", lines[3])
	assert.Equal(t, "no-match", fb.Reason)
	assert.Equal(t, "", fb.Rule)
	assert.NotEmpty(t, fb.Text)
}

func TestJSONLongLineTruncated(t *testing.T) {
	long := strings.Repeat("发货", 3000)
	code, out, _ := chat(t, strings.NewReader(long+"\n"), "--json")
	require.Equal(t, 0, code)
	as := decode(t, out)
	require.Len(t, as, 1)
	assert.True(t, as[0].Truncated, "a %d-byte line is truncated", len(long))
	assert.Equal(t, "ship_time", as[0].Rule)
}

func TestHandoff(t *testing.T) {
	t.Run("after three fallbacks", func(t *testing.T) {
		code, out, _ := chat(t, strings.NewReader("今天天气真好\n讲个笑话\n唱首歌\n发货了吗\n"), "--json")
		require.Equal(t, 0, code)
		as := decode(t, out)
		require.Len(t, as, 4)
		assert.False(t, as[1].Handoff, "second fallback")
		assert.False(t, as[1].HandedOff)
		assert.True(t, as[2].Handoff, "third fallback hands off")
		assert.Equal(t, "fallbacks in a row", as[2].Trigger)
		assert.True(t, as[3].HandedOff, "the conversation stays with a human")
		assert.Equal(t, "", as[3].Trigger, "the trigger is reported once")
	})
	t.Run("complaint rule", func(t *testing.T) {
		code, out, _ := chat(t, strings.NewReader("我要投诉\n"))
		require.Equal(t, 0, code)
		assert.Contains(t, out, "handed off to a human: rule complaint")
	})
}

func TestRulesFile(t *testing.T) {
	yamlRules := `version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: ship
    category: 物流
    keywords: [发货]
    reply: "亲，48小时内发货。"
`
	jsonRules := `{"version": 1, "default_reply": "亲，稍后人工客服为您解答。",
 "rules": [{"id": "ship", "category": "物流", "keywords": ["发货"], "reply": "亲，48小时内发货。"}]}`
	csvRules := "id,category,keywords,reply\nship,物流,发货|发出,亲，{{.ship_within}}内发货。\n"
	tests := []struct{ name, file, content string }{
		{"yaml", "shop.yaml", yamlRules},
		{"yml", "shop.yml", yamlRules},
		{"json", "shop.json", jsonRules},
		{"csv", "shop.csv", csvRules},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.file, tt.content)
			code, out, errOut := chat(t, strings.NewReader("啥时候发货\n在吗\n"), "--rules", path, "--json")
			require.Equal(t, 0, code, "stderr: %s", errOut)
			as := decode(t, out)
			require.Len(t, as, 2)
			assert.Equal(t, "ship", as[0].Rule, "%s: rule", tt.name)
			assert.Equal(t, "亲，48小时内发货。", as[0].Text)
			assert.True(t, as[1].Fallback, "%s: the starter greeting is not loaded", tt.name)
			if tt.name == "csv" {
				// CSV has no default_reply: the starter's is used.
				assert.Equal(t, reply.Starter().DefaultReply, as[1].Text)
				return
			}
			assert.Equal(t, "亲，稍后人工客服为您解答。", as[1].Text)
		})
	}
}

func TestRulesFileErrors(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                []string // lines of stderr, after the temp dir
	}{
		{
			name: "unknown field and bad priority",
			file: "bad.yaml",
			content: `version: 1
default_reply: "亲，稍后为您解答。"
rules:
  - id: ship
    keyword: [发货]
    priority: high
    reply: "亲，48小时内发货。"
`,
			want: []string{
				"bad.yaml:5:5: rule ship: unknown field \"keyword\"",
				"bad.yaml:6:15: rule ship: want a whole number, got \"high\"",
			},
		},
		{
			name:    "YAML syntax",
			file:    "syntax.yaml",
			content: "version: 1\nrules: [\n",
			want:    []string{"syntax.yaml:"},
		},
		{
			name:    "duplicate id in CSV",
			file:    "dup.csv",
			content: "id,keywords,reply\nship,发货,亲，48小时内发货。\nship,发出,亲，48小时内发货。\n",
			want:    []string{"dup.csv:3:1: rule ship: duplicate id (first defined at "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.file, tt.content)
			code, out, errOut := chat(t, strings.NewReader("发货\n"), "--rules", path)
			assert.Equal(t, 1, code, "exit status for %s", tt.file)
			assert.Empty(t, out, "no answers when the rules are rejected")
			got := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
			require.Len(t, got, len(tt.want), "stderr:\n%s", errOut)
			dir := filepath.Dir(path) + string(filepath.Separator)
			for i, w := range tt.want {
				assert.True(t, strings.HasPrefix(got[i], dir+w), "line %d: got %q, want prefix %q", i, got[i], dir+w)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		code, _, errOut := chat(t, strings.NewReader(""), "--rules", filepath.Join(t.TempDir(), "none.yaml"))
		assert.Equal(t, 1, code)
		assert.Contains(t, errOut, "none.yaml")
	})
	t.Run("unknown extension", func(t *testing.T) {
		code, _, errOut := chat(t, strings.NewReader(""), "--rules", writeFile(t, "rules.txt", "x"))
		assert.Equal(t, 1, code)
		assert.Contains(t, errOut, "unknown rule file extension")
	})
}

func TestWarningsDoNotStop(t *testing.T) {
	rules := `version: 1
default_reply: "亲，稍后为您解答。"
rules:
  - id: best
    keywords: [质量]
    reply: "亲，我们的质量最好。"
`
	path := writeFile(t, "warn.yaml", rules)
	code, out, errOut := chat(t, strings.NewReader("质量怎么样\n"), "--rules", path)
	require.Equal(t, 0, code, "stderr: %s", errOut)
	assert.Equal(t, path+`:6:12: warning: rule best: compliance: rewrite "最好" (superlative)`+"\n", errOut)
	assert.Contains(t, out, "客服: 亲，我们的质量很好。\n", "the reply is cleaned")
	assert.Contains(t, out, "(rule best)\n", "no empty category brackets")
}

func TestBroadKeywordIsAnError(t *testing.T) {
	rules := `version: 1
default_reply: "亲，稍后为您解答。"
rules:
  - id: hello
    keywords: [你好]
    reply: "亲，您好。"
`
	path := writeFile(t, "broad.yaml", rules)
	code, out, errOut := chat(t, strings.NewReader("你好\n"), "--rules", path)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.True(t, strings.HasPrefix(errOut, path+":5:15: rule hello: "), "stderr: %q", errOut)
}

func TestUsage(t *testing.T) {
	code, _, errOut := chat(t, strings.NewReader(""), "--nope")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "usage")
	code, _, _ = chat(t, strings.NewReader(""), "extra")
	assert.Equal(t, 2, code, "positional arguments")
	code, _, _ = chat(t, strings.NewReader(""), "-h")
	assert.Equal(t, 0, code, "-h")
}

// fakeTerminal is stdin that says it is a character device.
type fakeTerminal struct{ io.Reader }

func (fakeTerminal) Stat() (fs.FileInfo, error) { return charDevice{}, nil }

type charDevice struct{}

func (charDevice) Name() string       { return "tty" }
func (charDevice) Size() int64        { return 0 }
func (charDevice) Mode() fs.FileMode  { return fs.ModeDevice | fs.ModeCharDevice | 0o620 }
func (charDevice) ModTime() time.Time { return time.Time{} }
func (charDevice) IsDir() bool        { return false }
func (charDevice) Sys() any           { return nil }

func TestPrompt(t *testing.T) {
	code, out, errOut := chat(t, fakeTerminal{strings.NewReader("发货了吗\n")})
	require.Equal(t, 0, code)
	assert.Equal(t, 2, strings.Count(errOut, "顾客> "), "a prompt before each read, on stderr: %q", errOut)
	assert.Contains(t, errOut, "Ctrl-D quits", "a greeting says how to stop")
	assert.NotContains(t, out, "顾客>", "the prompt stays out of stdout")

	assert.False(t, isTerminal(strings.NewReader("")), "a string reader")
	f, err := os.Open(writeFile(t, "in.txt", ""))
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f), "a regular file")
}
