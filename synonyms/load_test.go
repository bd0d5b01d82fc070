package synonyms_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/synonyms"
)

type loadCase struct {
	name string
	in   string
	want []string // the groups, as Group.String
}

type loadErrorCase struct {
	name      string
	in        string
	line, col int
	want      error
}

var loadCases = map[synonyms.Format][]loadCase{
	synonyms.Plain: {
		{"empty", "", nil},
		{"comments and blank lines", "# 注释\n\n   \n\t# more\n", nil},
		{"separators", "发货 寄出，发出、出库,发走\t寄走　送出", []string{"发货, 寄出, 发出, 出库, 发走, 寄走, 送出"}},
		{"comment after words", "发货 寄出 # shipping", []string{"发货, 寄出"}},
		{"comment glued to a word", "发货 寄出#shipping", []string{"发货, 寄出"}},
		{"one-way", "木有 莫有 => 没有", []string{"木有, 莫有 => 没有"}},
		{"one-way without spaces", "木有=>没有", []string{"木有 => 没有"}},
		{"one-way with several targets", "包邮吗 => 包邮 免运费", []string{"包邮吗 => 包邮, 免运费"}},
		{"several lines, CRLF and BOM", "\uFEFF发货 寄出\r\n啥 什么\r\n", []string{"发货, 寄出", "啥, 什么"}},
		{"normalised repeats kept once", "發貨 发货 寄出", []string{"發貨, 寄出"}},
		{"same word in two groups", "发 寄\n发 发送", []string{"发, 寄", "发, 发送"}},
		{"lone CR ends a line", "发货 寄出\r啥 什么\r", []string{"发货, 寄出", "啥, 什么"}},
	},
	synonyms.Solr: {
		{"empty", "", nil},
		{"comments", "# comment\n  # indented comment\n\n", nil},
		{"equivalence", "laptop, notebook computer, 笔记本电脑", []string{"laptop, notebook computer, 笔记本电脑"}},
		{"one-way", "iphone 15, i phone => 苹果手机", []string{"iphone 15, i phone => 苹果手机"}},
		{"words equal once normalised", "ipod, i-pod, i pod, 播放器", []string{"ipod, 播放器"}},
		{"one-way keeping itself", "a => a, b", []string{"a => a, b"}},
		{"escaped comma", `a\,b, c`, []string{`a\,b, c`}},
		{"escaped arrow", `a\=>b, c`, []string{`a\=>b, c`}},
		{"escaped backslash", `a\\, b`, []string{`a\\, b`}},
		{"hash inside a line", "c#, csharp", []string{`c\#, csharp`}},
		{"escaped hash at the start", `\#1, no1`, []string{`\#1, no1`}},
		{"empty pieces are ignored", "a,, b,", []string{"a, b"}},
		{"Chinese without spaces", "发货,寄出,发出", []string{"发货, 寄出, 发出"}},
		{"spaces and CRLF", "  发货 ,  寄出  \r\n", []string{"发货, 寄出"}},
	},
	synonyms.Cilin: {
		{"empty", "", nil},
		{"only = lines are groups",
			"Aa01A01= 人 士 人物 人士 人氏 人选\nAa01B03# 良民 顺民\nAa01D01@ 角色\n",
			[]string{"人, 士, 人物, 人士, 人氏, 人选"}},
		{"= line with one word adds no group", "Aa01A05= 匹夫\nBh06A32= 番茄 西红柿", []string{"番茄, 西红柿"}},
		{"repeated code keeps lines apart",
			"Hg03A01= 修养 修身\nHg03A01= 摄影 拍照",
			[]string{"修养, 修身", "摄影, 拍照"}},
		{"CRLF, BOM and trailing space", "\uFEFFBh06A32= 番茄 西红柿 \r\n\r\n", []string{"番茄, 西红柿"}},
	},
	synonyms.YAML: {
		{"empty", "", nil},
		{"comment only", "# nothing yet\n", nil},
		{"null root", "~\n", nil},
		{"empty list", "[]", nil},
		{"flow lists", "- [发货, 寄出]\n- [啥, 什么]\n", []string{"发货, 寄出", "啥, 什么"}},
		{"block lists", "-\n  - 发货\n  - 寄出\n", []string{"发货, 寄出"}},
		{"one-way", "- {from: [木有, 莫有], to: [没有]}\n", []string{"木有, 莫有 => 没有"}},
		{"one-way with single words", "- from: 木有\n  to: 没有\n", []string{"木有 => 没有"}},
		{"scalars of any type are words", "- [38, 38码]\n- [yes, 是的]\n", []string{"38, 38码", "yes, 是的"}},
		{"aliases are followed", "- &g [发货, 寄出]\n- [啥, &w 什么]\n- [*w, 神马]\n", []string{"发货, 寄出", "啥, 什么", "什么, 神马"}},
		{"JSON is YAML", `[["发货", "寄出"]]`, []string{"发货, 寄出"}},
	},
	synonyms.JSON: {
		{"empty", "", nil},
		{"empty list", " [ ] \n", nil},
		{"groups", `[["发货","寄出"],{"from":["木有","莫有"],"to":["没有"]}]`, []string{"发货, 寄出", "木有, 莫有 => 没有"}},
		{"single words in from/to", `[{"to": "没有", "from": "木有"}]`, []string{"木有 => 没有"}},
		{"tabs and newlines", "[\n\t[\"发货\",\n\t \"寄出\"]\n]\n", []string{"发货, 寄出"}},
		{"escapes", `[["\u53d1\u8d27", "寄\/出"]]`, []string{"发货, 寄/出"}},
	},
}

var loadErrorCases = map[synonyms.Format][]loadErrorCase{
	synonyms.Plain: {
		{"one word", "发货 寄出\n  退货  \n", 2, 3, synonyms.ErrTooFewWords},
		{"one word once normalised", "發貨 发货", 1, 1, synonyms.ErrTooFewWords},
		{"lines counted across CR, LF and CRLF", "发货 寄出\r啥 什么\r\n发货 寄出\n退货", 4, 1, synonyms.ErrTooFewWords},
		{"two arrows", "a => b => c", 1, 8, synonyms.ErrSyntax},
		{"empty left side", "=> 没有", 1, 1, synonyms.ErrEmptySide},
		{"empty right side", "木有 =>  # note", 1, 4, synonyms.ErrEmptySide},
		{"word empty once normalised", "发货 ！！", 1, 4, synonyms.ErrEmptyWord},
		{"invalid UTF-8", "发货 寄出\n退\xff货 退掉", 2, 2, synonyms.ErrInvalidUTF8},
	},
	synonyms.Solr: {
		{"one word", "# c\nfoo\n", 2, 1, synonyms.ErrTooFewWords},
		{"two arrows", "a => b => c", 1, 8, synonyms.ErrSyntax},
		{"backslash at end of line", "a, b \\", 1, 6, synonyms.ErrSyntax},
		{"empty left side", " => b", 1, 2, synonyms.ErrEmptySide},
		{"empty right side", "a, b =>", 1, 6, synonyms.ErrEmptySide},
		{"only commas", ", ,", 1, 1, synonyms.ErrEmptyWord},
		{"word empty once normalised", "a, ！！！", 1, 4, synonyms.ErrEmptyWord},
		{"invalid UTF-8", "a, \xc0", 1, 4, synonyms.ErrInvalidUTF8},
	},
	synonyms.Cilin: {
		{"lower-case class", "aa01A01= 人 士", 1, 1, synonyms.ErrSyntax},
		{"short code", "Aa01A0= 人 士", 1, 7, synonyms.ErrSyntax},
		{"unknown flag", "Bh06A32= 番茄 西红柿\nAa01A01* 人 士", 2, 8, synonyms.ErrSyntax},
		{"truncated line", "Aa01", 1, 5, synonyms.ErrSyntax},
		{"no space after the code", "Aa01A01=人 士", 1, 9, synonyms.ErrSyntax},
		{"no words", "Aa01A01=", 1, 1, synonyms.ErrSyntax},
		{"one word once normalised", "Aa01A01= 人 人", 1, 1, synonyms.ErrTooFewWords},
		{"GBK bytes", "Aa01A01= \xc8\xcb \xca\xbf", 1, 10, synonyms.ErrInvalidUTF8},
	},
	synonyms.YAML: {
		{"root is a mapping", "a: b\n", 1, 1, synonyms.ErrSyntax},
		{"item is a scalar", "- [发货, 寄出]\n- 发货\n", 2, 3, synonyms.ErrSyntax},
		{"null word", "- [发货, ~]\n", 1, 8, synonyms.ErrEmptyWord},
		{"nested list", "- [发货, [寄出]]\n", 1, 8, synonyms.ErrSyntax},
		{"one word", "- [发货, 寄出]\n- [发货]\n", 2, 3, synonyms.ErrTooFewWords},
		{"unclosed list", "- [发货, 寄出]\n- [发货, 寄出\n", 2, 0, synonyms.ErrSyntax},
		{"unclosed list after blank lines", "\n\n- [发货, 寄出\n\n", 3, 0, synonyms.ErrSyntax},
		{"bad indentation", "- a\n- b\n- [c, d]\n  - e\n", 4, 0, synonyms.ErrSyntax},
		{"tab", "- [a, b]\n-\t[b, c]\n", 2, 0, synonyms.ErrSyntax},
		{"unclosed quote", "- [a,\n b]\n- 'x\n", 3, 0, synonyms.ErrSyntax},
		{"end of input in a list", "- [a, b]\n- [c,", 2, 0, synonyms.ErrSyntax},
		{"from without to", "- {from: [木有]}\n", 1, 3, synonyms.ErrSyntax},
		{"unknown key", "- {from: [a], to: [b], by: c}\n", 1, 24, synonyms.ErrSyntax},
		{"empty side", "- {from: [], to: [b]}\n", 1, 10, synonyms.ErrEmptySide},
		{"lone CR ends a line", "- [a, b]\r- [c]\r", 2, 3, synonyms.ErrTooFewWords},
		{"two documents", "- [a, b]\n---\n- [c, d]\n", 2, 1, synonyms.ErrSyntax},
		{"invalid UTF-8", "- [a, \xff]\n", 1, 7, synonyms.ErrInvalidUTF8},
	},
	synonyms.JSON: {
		{"root is an object", `{"a": 1}`, 1, 1, synonyms.ErrSyntax},
		{"number word", `[["发货", 38]]`, 1, 9, synonyms.ErrSyntax},
		{"null word", `[["发货", null]]`, 1, 9, synonyms.ErrSyntax},
		{"missing comma", `[["发货" "寄出"]]`, 1, 8, synonyms.ErrSyntax},
		{"unexpected end", "[[\"发货\", \"寄出\"]\n", 2, 1, synonyms.ErrSyntax},
		{"bad escape", `[["a", "\q"]]`, 1, 8, synonyms.ErrSyntax},
		{"data after the list", `[["a", "b"]] x`, 1, 14, synonyms.ErrSyntax},
		{"second list", `[["a", "b"]] []`, 1, 14, synonyms.ErrSyntax},
		{"missing to", `[{"from": ["a"]}]`, 1, 2, synonyms.ErrSyntax},
		{"key twice", `[{"from": "a", "to": "b", "from": "c"}]`, 1, 27, synonyms.ErrSyntax},
		{"unknown key", `[{"by": "a"}]`, 1, 3, synonyms.ErrSyntax},
		{"empty side", `[{"from": [], "to": "b"}]`, 1, 3, synonyms.ErrEmptySide},
		{"one word", "[\n  [\"发货\"]\n]", 2, 3, synonyms.ErrTooFewWords},
		{"lone CR ends a line", "[\r  [\"a\", 1]]", 2, 9, synonyms.ErrSyntax},
		{"error on a later line", "[\n  [\"发货\",\n   1]\n]", 3, 4, synonyms.ErrSyntax},
		{"invalid UTF-8", "[[\"a\", \"\xff\"]]", 1, 9, synonyms.ErrInvalidUTF8},
	},
}

var allFormats = []synonyms.Format{synonyms.Plain, synonyms.Solr, synonyms.Cilin, synonyms.YAML, synonyms.JSON}

func TestLoad(t *testing.T) {
	for _, f := range allFormats {
		for _, tt := range loadCases[f] {
			t.Run(f.String()+"/"+tt.name, func(t *testing.T) {
				th, err := synonyms.Load(strings.NewReader(tt.in), f)
				require.NoError(t, err, "Load(%q, %v)", tt.in, f)
				assert.Equal(t, tt.want, nilIfEmpty(groupStrings(th.Groups())), "Load(%q, %v)", tt.in, f)
			})
		}
	}
}

func TestLoadErrors(t *testing.T) {
	for _, f := range allFormats {
		for _, tt := range loadErrorCases[f] {
			t.Run(f.String()+"/"+tt.name, func(t *testing.T) {
				th, err := synonyms.Load(strings.NewReader(tt.in), f, synonyms.WithName("shop.txt"))
				require.Error(t, err, "Load(%q, %v)", tt.in, f)
				assert.Nil(t, th, "Load(%q, %v)", tt.in, f)
				assert.ErrorIs(t, err, tt.want, "Load(%q, %v)", tt.in, f)
				var e *synonyms.Error
				require.ErrorAs(t, err, &e, "Load(%q, %v)", tt.in, f)
				assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{e.Line, e.Col}, "line and column of Load(%q, %v): %v", tt.in, f, err)
				assert.Equal(t, "shop.txt", e.File, "file of Load(%q, %v)", tt.in, f)
				assert.True(t, strings.HasPrefix(err.Error(), "synonyms: shop.txt:"), "message of Load(%q, %v): %v", tt.in, f, err)
				assert.NotContains(t, err.Error()[len("synonyms:"):], "synonyms:", "message of Load(%q, %v)", tt.in, f)
			})
		}
	}
}

// TestFormatsAgree loads the same groups written in every format that can
// hold them.
func TestFormatsAgree(t *testing.T) {
	sources := map[synonyms.Format]string{
		synonyms.Plain: "发货 寄出 发出\n# c\n木有 莫有 => 没有\n啥 什么\n",
		synonyms.Solr:  "发货, 寄出, 发出\n# c\n木有, 莫有 => 没有\n啥, 什么\n",
		synonyms.YAML:  "- [发货, 寄出, 发出]\n# c\n- {from: [木有, 莫有], to: 没有}\n- [啥, 什么]\n",
		synonyms.JSON:  `[["发货", "寄出", "发出"], {"from": ["木有", "莫有"], "to": "没有"}, ["啥", "什么"]]`,
	}
	want := []string{"发货, 寄出, 发出", "木有, 莫有 => 没有", "啥, 什么"}
	for f, src := range sources {
		t.Run(f.String(), func(t *testing.T) {
			th, err := synonyms.Load(strings.NewReader(src), f)
			require.NoError(t, err, "Load(%q, %v)", src, f)
			assert.Equal(t, want, groupStrings(th.Groups()), "Load(%q, %v)", src, f)
		})
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(good, []byte("发货 寄出\n"), 0o600), "writing %s", good)
	require.NoError(t, os.WriteFile(bad, []byte("发货 寄出\n退货\n"), 0o600), "writing %s", bad)

	th, err := synonyms.LoadFile(good, synonyms.Plain)
	require.NoError(t, err, "LoadFile(%q)", good)
	assert.Equal(t, 1, th.Len(), "LoadFile(%q)", good)

	_, err = synonyms.LoadFile(bad, synonyms.Plain)
	assert.EqualError(t, err, "synonyms: "+bad+`:2:1: a group needs at least two different words: "退货"`, "LoadFile(%q)", bad)

	missing := filepath.Join(dir, "missing.txt")
	_, err = synonyms.LoadFile(missing, synonyms.Plain)
	assert.ErrorIs(t, err, os.ErrNotExist, "LoadFile(%q)", missing)
	assert.ErrorContains(t, err, "synonyms: open "+missing, "LoadFile(%q)", missing)
}

func TestLoadUnknownFormat(t *testing.T) {
	_, err := synonyms.Load(strings.NewReader("a b"), synonyms.Format(99))
	assert.EqualError(t, err, "synonyms: unknown format Format(99)", "Load with Format(99)")
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, os.ErrClosed }

func TestLoadReadError(t *testing.T) {
	_, err := synonyms.Load(failingReader{}, synonyms.Plain, synonyms.WithName("x.txt"))
	assert.ErrorIs(t, err, os.ErrClosed, "Load from a failing reader")
	assert.ErrorContains(t, err, "synonyms: reading x.txt", "Load from a failing reader")
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
