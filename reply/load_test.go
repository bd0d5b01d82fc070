package reply

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const okHead = "version: 1\ndefault_reply: \"亲，请稍等人工客服。\"\n"

// TestLoadErrors: every malformed rule set gives an error that names the
// place; New is run too, so semantic errors count.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		text   string
		want   string // substring of the error, with its position
	}{
		{"yaml syntax", YAML, "version: 1\nrules: [\n", "test:2:1: syntax error"},
		{"not a mapping", YAML, "- a\n- b\n", "test:1:1: want a mapping"},
		{"empty file", YAML, "", "empty rule file"},
		{"missing version", YAML, "default_reply: x\nrules: []\n", "missing field version"},
		{"wrong version", YAML, "version: 2\ndefault_reply: 亲\nrules: []\n", "version 2 is not supported"},
		{"version not a number", YAML, "version: one\n", "test:1:10: want a whole number"},
		{"unknown top field", YAML, okHead + "rulez: []\n", "test:3:1: unknown field \"rulez\""},
		{"unknown rule field", YAML, okHead + "rules:\n  - id: a\n    keyword: [发货]\n    reply: 好\n", "test:5:5: rule a: unknown field \"keyword\""},
		{"keywords not a list", YAML, okHead + "rules:\n  - id: a\n    keywords: 发货\n    reply: 好\n", "test:5:15: rule a: want a list"},
		{"priority not a number", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    priority: high\n    reply: 好\n", "test:6:15: rule a: want a whole number"},
		{"enabled not a bool", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    enabled: maybe\n    reply: 好\n", "rule a: want true or false"},
		{"null reply", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    reply:\n", "rule a: want a string"},
		{"missing default", YAML, "version: 1\nrules: []\n", "default_reply is missing"},
		{"no id", YAML, okHead + "rules:\n  - keywords: [发货]\n    reply: 好\n", "rule 1 has no id"},
		{"duplicate id", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    reply: 好\n  - id: a\n    keywords: [退款]\n    reply: 好\n", "test:7:9: rule a: duplicate id (first defined at test:4:9)"},
		{"no keywords", YAML, okHead + "rules:\n  - id: a\n    reply: 好\n", "rule a: no keywords"},
		{"empty keyword", YAML, okHead + "rules:\n  - id: a\n    keywords: [\"🙏 \"]\n    reply: 好\n", "rule a: keywords: keyword \"🙏 \" is empty after normalisation"},
		{"broad keyword", YAML, okHead + "rules:\n  - id: a\n    keywords: [在吗]\n    reply: 好\n", "rule a: keywords: \"在吗\" is too broad"},
		{"bad match mode", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    match: fuzzy\n    reply: 好\n", "test:6:12: rule a: match \"fuzzy\""},
		{"exact with all_of", YAML, okHead + "rules:\n  - id: a\n    match: exact\n    keywords: [发货]\n    all_of: [退款]\n    reply: 好\n", "all_of has no meaning"},
		{"exact with except", YAML, okHead + "rules:\n  - id: a\n    match: exact\n    keywords: [在吗]\n    except: [在吗在吗]\n    reply: 好\n", "test:7:13: rule a: except has no meaning"},
		{"empty except", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    except: [\"🙏\"]\n    reply: 好\n", "rule a: except: keyword \"🙏\" is empty"},
		{"no reply", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n", "rule a: no reply"},
		{"empty reply", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    reply: \"  \"\n", "rule a: empty reply"},
		{"unknown variable", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    reply: \"{{.shop}}发货\"\n", "test:6:12: rule a: reply template: unknown variable \"shop\""},
		{"template syntax", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    reply: \"{{.shop\"\n", "rule a: reply template: unclosed {{ at byte 0"},
		{"template action", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    reply: \"{{if .x}}好{{end}}\"\n", "rule a: reply template: unsupported action {{if .x}}"},
		{"bad variable name", YAML, okHead + "variables: {\"shop name\": x}\nrules: []\n", "is not a valid name"},
		{"synonym group of one", YAML, okHead + "synonyms: [[发货]]\nrules: []\n", "synonyms group 1"},
		{"too many all_of", YAML, okHead + "rules:\n  - id: a\n    all_of: [a1,a2,a3,a4,a5,a6,a7,a8,a9,b1,b2,b3,b4,b5,b6,b7,b8]\n    reply: 好\n", "all_of has 17 words"},
		{"blocked default", YAML, "version: 1\ndefault_reply: \"本品药到病除\"\nrules: []\n", "default_reply is blocked by compliance"},
		{"invalid utf8", YAML, okHead + "rules: []\n# \xff\n", "test:4:1: file is not valid UTF-8"},
		{"json syntax", JSON, "{\"version\": 1,,}", "syntax error"},
		{"json unknown field", JSON, "{\"version\": 1, \"default_reply\": \"亲\", \"rule\": []}", "test:1:38: unknown field \"rule\""},
		{"json wrong type", JSON, "{\"version\": 1, \"default_reply\": \"亲\", \"rules\": [{\"id\": \"a\", \"keywords\": \"发货\", \"reply\": \"好\"}]}", "rule a: want a list"},
		{"duplicate top field", YAML, okHead + "rules: []\nrules: []\n", "test:4:1: duplicate field \"rules\" (first given at test:3:8)"},
		{"duplicate rule field", YAML, okHead + "rules:\n  - id: a\n    keywords: [发货]\n    keywords: [退款]\n    reply: 好\n", "test:6:5: rule a: duplicate field \"keywords\""},
		{"default reply position", YAML, "version: 1\nrules: []\ndefault_reply: \"本品药到病除\"\n", "test:3:16: default_reply is blocked"},
		{"csv empty", CSV, "", "empty file"},
		{"csv unknown column", CSV, "id,keyword,reply\na,发货,好\n", "test:1:4: unknown column \"keyword\""},
		{"csv missing id column", CSV, "keywords,reply\n发货,好\n", "missing column id"},
		{"csv missing reply column", CSV, "id,keywords\na,发货\n", "missing column reply"},
		{"csv bad priority", CSV, "id,keywords,priority,reply\na,发货,high,好\n", "test:2:6: rule a: priority"},
		{"csv bad bool", CSV, "id,keywords,enabled,reply\na,发货,maybe,好\n", "test:2:6: rule a: enabled"},
		{"csv quote error", CSV, "id,keywords,reply\na,\"发货,好\n", "syntax error"},
		{"csv duplicate id", CSV, "id,keywords,reply\na,发货,好\na,退款,好\n", "test:3:1: rule a: duplicate id"},
		{"csv duplicate column", CSV, "id,id,reply\na,a,好\n", "column \"id\" given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := Load(strings.NewReader(tt.text), tt.format, "test")
			if err == nil {
				if tt.format == CSV && rs.DefaultReply == "" {
					rs.DefaultReply = "亲，请稍等人工客服。"
				}
				_, _, err = New(rs)
			}
			require.Error(t, err, "Load+New(%q)", tt.text)
			var list ErrorList
			require.True(t, errors.As(err, &list), "error of %q is an ErrorList: %v", tt.text, err)
			assert.Contains(t, err.Error(), tt.want, "error of %q", tt.text)
		})
	}
	assert.GreaterOrEqual(t, len(tests), 40, "malformed cases")
}

func TestLoadHugeFile(t *testing.T) {
	huge := okHead + "# " + strings.Repeat("发货", MaxFileBytes/6+1) + "\n"
	_, err := Load(strings.NewReader(huge), YAML, "huge.yaml")
	require.Error(t, err, "a file over MaxFileBytes")
	assert.Contains(t, err.Error(), "huge.yaml: file is larger than")
}

func TestLoadFormatsAgree(t *testing.T) {
	yamlText := okHead + "rules:\n  - id: ship\n    category: 物流\n    keywords: [发货, 寄出]\n    none_of: [预售]\n    except: [开发货单, 寄出去的信]\n    priority: 2\n    replies: [\"亲，48小时内发货。\", \"亲，两天内发出。\"]\n"
	jsonText := `{"version": 1, "default_reply": "亲，请稍等人工客服。", "rules": [{"id": "ship", "category": "物流", "keywords": ["发货", "寄出"], "none_of": ["预售"], "except": ["开发货单", "寄出去的信"], "priority": 2, "replies": ["亲，48小时内发货。", "亲，两天内发出。"]}]}`
	csvText := "\ufeffid,category,keywords,none_of,except,priority,replies\nship,物流,发货、寄出,预售,开发货单|寄出去的信,2,亲，48小时内发货。|亲，两天内发出。\n"
	var got []Rule
	for _, rs := range loadEach(t, yamlText, jsonText, csvText) {
		require.Len(t, rs.Rules, 1)
		r := rs.Rules[0]
		r.pos, r.fields = Pos{}, nil
		got = append(got, r)
	}
	assert.Equal(t, got[0], got[1], "YAML and JSON")
	assert.Equal(t, got[0], got[2], "YAML and CSV")
}

// loadEach loads the same rule set written in YAML, JSON and CSV.
func loadEach(t *testing.T, yamlText, jsonText, csvText string) []*RuleSet {
	t.Helper()
	var out []*RuleSet
	for _, c := range []struct {
		f    Format
		text string
	}{{YAML, yamlText}, {JSON, jsonText}, {CSV, csvText}} {
		rs, err := Load(strings.NewReader(c.text), c.f, "x")
		require.NoError(t, err, "Load(%q)", c.text)
		out = append(out, rs)
	}
	return out
}

func TestStarterLoadsCleanly(t *testing.T) {
	_, ws, err := New(Starter())
	require.NoError(t, err)
	for _, w := range ws {
		t.Log(w)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(okHead+"rules:\n  - id: a\n    keywords: [发货]\n    reply: 好\n"), uint8(0))
	f.Add([]byte("id,keywords,reply\na,发货,好\n"), uint8(2))
	f.Add([]byte(okHead+"rules:\n  - id: a\n    keywords: [坏了]\n    except: [高兴坏了]\n    reply: 好\n"), uint8(0))
	f.Add([]byte(`{"version":1}`), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		format := Format(1 + which%3)
		rs, err := Load(strings.NewReader(string(data)), format, "fuzz")
		if err != nil {
			return
		}
		if format == CSV {
			rs.DefaultReply = "亲，请稍等。"
		}
		e, _, err := New(rs, WithoutDefaultSynonyms())
		if err != nil {
			return
		}
		if a := e.Reply("什么时候发货"); a.Text == "" {
			t.Fatalf("empty answer from a loaded rule set %q", data)
		}
	})
}

func TestFillDefaults(t *testing.T) {
	rs, err := Load(strings.NewReader("id,keywords,reply\nship,发货,{{.shop_name}}48小时内发货\n"), CSV, "rules.csv")
	require.NoError(t, err)
	rs.Variables = map[string]string{"shop_name": "小熊家"}
	rs.FillDefaults(Starter())
	assert.Equal(t, Starter().DefaultReply, rs.DefaultReply, "default reply taken from the base")
	assert.Equal(t, "小熊家", rs.Variables["shop_name"], "own variable kept")
	assert.NotEmpty(t, rs.Variables["ship_within"], "missing variable taken from the base")
	e, _, err := New(rs)
	require.NoError(t, err, "a CSV rule set with defaults filled loads")
	assert.Equal(t, "小熊家48小时内发货", e.Reply("发货了吗").Text)
}
