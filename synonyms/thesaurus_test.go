package synonyms_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/synonyms"
)

func eq(words ...string) synonyms.Group { return synonyms.Group{Words: words} }

func oneWay(from []string, to ...string) synonyms.Group {
	return synonyms.Group{From: from, Words: to}
}

func mustNew(t testing.TB, groups ...synonyms.Group) *synonyms.Thesaurus {
	t.Helper()
	th, err := synonyms.New(groups)
	require.NoError(t, err, "New(%v)", groups)
	return th
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name    string
		groups  []synonyms.Group
		opts    []synonyms.Option
		want    error
		message string
	}{
		{"one word", []synonyms.Group{eq("发货")}, nil, synonyms.ErrTooFewWords,
			`synonyms: group 1: a group needs at least two different words: "发货"`},
		{"same word twice once normalised", []synonyms.Group{eq("发货", "寄出"), eq("發貨", "发 货")}, nil, synonyms.ErrTooFewWords,
			`synonyms: group 2: a group needs at least two different words: "發貨"`},
		{"empty group", []synonyms.Group{{}}, nil, synonyms.ErrTooFewWords, ""},
		{"blank word", []synonyms.Group{eq("发货", " ")}, nil, synonyms.ErrEmptyWord,
			`synonyms: group 1: empty word: " "`},
		{"punctuation only", []synonyms.Group{eq("发货", "寄出"), eq("！！", "发货")}, nil, synonyms.ErrEmptyWord,
			`synonyms: group 2: empty word: "！！"`},
		{"one-way without target", []synonyms.Group{{From: []string{"木有"}}}, nil, synonyms.ErrEmptySide,
			`synonyms: group 1: one side of a one-way rule is empty`},
		{"one-way with empty word", []synonyms.Group{oneWay([]string{"木有", "~"}, "没有")}, nil, synonyms.ErrEmptyWord, ""},
		{"named source", []synonyms.Group{eq("发货", "寄出"), eq("退货")}, []synonyms.Option{synonyms.WithName("rules.yaml")}, synonyms.ErrTooFewWords,
			`synonyms: rules.yaml: group 2: a group needs at least two different words: "退货"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, err := synonyms.New(tt.groups, tt.opts...)
			require.Error(t, err, "New(%v)", tt.groups)
			assert.Nil(t, th, "New(%v)", tt.groups)
			assert.ErrorIs(t, err, tt.want, "New(%v)", tt.groups)
			var e *synonyms.Error
			require.ErrorAs(t, err, &e, "New(%v)", tt.groups)
			assert.Positive(t, e.Group, "New(%v)", tt.groups)
			if tt.message != "" {
				assert.EqualError(t, err, tt.message, "New(%v)", tt.groups)
			}
		})
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		opt  synonyms.Option
	}{
		{"zero variants", synonyms.WithMaxVariants(0)},
		{"negative variants", synonyms.WithMaxVariants(-3)},
		{"nil segmenter", synonyms.WithSegmenter(nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := synonyms.New([]synonyms.Group{eq("啥", "什么")}, tt.opt)
			assert.ErrorContains(t, err, "synonyms: With", "New with %s", tt.name)
			_, err = synonyms.Default(tt.opt)
			assert.Error(t, err, "Default with %s", tt.name)
		})
	}
}

// lookupTests are grouped by semantics; each runs against a thesaurus built
// from its own groups.
var lookupTests = []struct {
	name      string
	groups    []synonyms.Group
	word      string
	expand    []string
	means     []string
	canonical string // "" when the word is in no group
	groupsOf  int
}{
	// equivalence
	{"equivalence: canonical word", []synonyms.Group{eq("发货", "寄出", "发出")}, "发货",
		[]string{"发货", "寄出", "发出"}, []string{"发货", "寄出", "发出"}, "发货", 1},
	{"equivalence: other word", []synonyms.Group{eq("发货", "寄出", "发出")}, "发出",
		[]string{"发出", "发货", "寄出"}, []string{"发出", "发货", "寄出"}, "发货", 1},
	{"equivalence: unknown word", []synonyms.Group{eq("发货", "寄出")}, "退货",
		[]string{"退货"}, []string{"退货"}, "", 0},
	{"equivalence: empty word", []synonyms.Group{eq("发货", "寄出")}, "",
		[]string{""}, []string{""}, "", 0},
	// one-way
	{"one-way: target", []synonyms.Group{oneWay([]string{"木有", "莫有"}, "没有")}, "没有",
		[]string{"没有", "木有", "莫有"}, []string{"没有"}, "没有", 1},
	{"one-way: source", []synonyms.Group{oneWay([]string{"木有", "莫有"}, "没有")}, "木有",
		[]string{"木有"}, []string{"木有", "没有"}, "没有", 1},
	{"one-way: several targets", []synonyms.Group{oneWay([]string{"包邮吗"}, "包邮", "免运费")}, "免运费",
		[]string{"免运费", "包邮吗"}, []string{"免运费"}, "包邮", 1},
	{"one-way: word on both sides", []synonyms.Group{oneWay([]string{"a"}, "a", "b")}, "a",
		[]string{"a"}, []string{"a", "b"}, "a", 1},
	// polysemy: never transitive
	{"polysemy: both groups count", []synonyms.Group{eq("发", "寄"), eq("发", "发送")}, "发",
		[]string{"发", "寄", "发送"}, []string{"发", "寄", "发送"}, "发", 2},
	{"polysemy: no transitivity", []synonyms.Group{eq("发", "寄"), eq("发", "发送")}, "寄",
		[]string{"寄", "发"}, []string{"寄", "发"}, "发", 1},
	{"polysemy: first group gives the canonical word", []synonyms.Group{eq("亲", "亲亲"), oneWay([]string{"宝"}, "亲")}, "亲",
		[]string{"亲", "亲亲", "宝"}, []string{"亲", "亲亲"}, "亲", 2},
	{"polysemy: equivalence and one-way", []synonyms.Group{eq("宝贝", "商品"), oneWay([]string{"宝贝"}, "亲")}, "宝贝",
		[]string{"宝贝", "商品"}, []string{"宝贝", "商品", "亲"}, "宝贝", 2},
	// normalisation
	{"normalised: traditional look-up", []synonyms.Group{eq("发货", "寄出")}, "發貨",
		[]string{"發貨", "寄出"}, []string{"發貨", "寄出"}, "发货", 1},
	{"normalised: full width and case", []synonyms.Group{eq("VX", "微信")}, "ｖｘ",
		[]string{"ｖｘ", "微信"}, []string{"ｖｘ", "微信"}, "VX", 1},
	{"normalised: noise inside", []synonyms.Group{eq("发货", "寄出")}, "寄 出",
		[]string{"寄 出", "发货"}, []string{"寄 出", "发货"}, "发货", 1},
	{"normalised: repeats dropped, first surface kept", []synonyms.Group{eq("發貨", "发货", "寄出")}, "寄出",
		[]string{"寄出", "發貨"}, []string{"寄出", "發貨"}, "發貨", 1},
}

func TestLookups(t *testing.T) {
	for _, tt := range lookupTests {
		t.Run(tt.name, func(t *testing.T) {
			th := mustNew(t, tt.groups...)
			assert.Equal(t, tt.expand, th.Expand(tt.word), "Expand(%q)", tt.word)
			assert.Equal(t, tt.means, th.Means(tt.word), "Means(%q)", tt.word)
			canonical, ok := th.Canonical(tt.word)
			assert.Equal(t, tt.canonical, canonical, "Canonical(%q)", tt.word)
			assert.Equal(t, tt.canonical != "", ok, "Canonical(%q) ok", tt.word)
			assert.Len(t, th.GroupsOf(tt.word), tt.groupsOf, "GroupsOf(%q)", tt.word)
		})
	}
}

func TestGroupMethods(t *testing.T) {
	tests := []struct {
		name      string
		group     synonyms.Group
		canonical string
		oneWay    bool
		forms     []string
		str       string
	}{
		{"equivalence", eq("发货", "寄出"), "发货", false, []string{"发货", "寄出"}, "发货, 寄出"},
		{"one-way", oneWay([]string{"木有", "莫有"}, "没有"), "没有", true, []string{"没有", "木有", "莫有"}, "木有, 莫有 => 没有"},
		{"one-way repeating a word", oneWay([]string{"a", "b"}, "a"), "a", true, []string{"a", "b"}, "a, b => a"},
		{"forms fold normalised repeats", eq("發貨", "发货", "寄出"), "發貨", false, []string{"發貨", "寄出"}, "發貨, 发货, 寄出"},
		{"escapes Solr syntax", eq(`a,b`, `c=>d`, `#e`, `f\g`), "a,b", false, []string{`a,b`, `c=>d`, `#e`, `f\g`}, `a\,b, c\=>d, \#e, f\\g`},
		{"empty", synonyms.Group{}, "", false, []string{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.canonical, tt.group.Canonical(), "Canonical of %#v", tt.group)
			assert.Equal(t, tt.oneWay, tt.group.OneWay(), "OneWay of %#v", tt.group)
			assert.Equal(t, tt.forms, tt.group.Forms(), "Forms of %#v", tt.group)
			assert.Equal(t, tt.str, tt.group.String(), "String of %#v", tt.group)
		})
	}
}

func TestGroupsAreCopies(t *testing.T) {
	th := mustNew(t, eq("发货", "寄出"))
	gs := th.Groups()
	gs[0].Words[0] = "退货"
	th.GroupsOf("发货")[0].Words[1] = "退款"
	assert.Equal(t, []string{"发货", "寄出"}, th.Groups()[0].Words, "Groups after the caller changed a copy")
}

func TestMerge(t *testing.T) {
	base := []synonyms.Group{
		eq("发货", "寄出", "发出", "出库"),
		eq("退货", "退掉"),
		oneWay([]string{"木有", "莫有"}, "没有"),
		oneWay([]string{"宝"}, "亲"),
	}
	tests := []struct {
		name string
		over []synonyms.Group
		want []string // groups of the result, as Group.String
	}{
		{"no conflict: both kept, override first", []synonyms.Group{eq("啥", "什么")},
			[]string{"啥, 什么", "发货, 寄出, 发出, 出库", "退货, 退掉", "木有, 莫有 => 没有", "宝 => 亲"}},
		{"shared word leaves the default group", []synonyms.Group{eq("出库", "出仓")},
			[]string{"出库, 出仓", "发货, 寄出, 发出", "退货, 退掉", "木有, 莫有 => 没有", "宝 => 亲"}},
		{"conflicts compare normalised words", []synonyms.Group{eq("出庫", "出仓")},
			[]string{"出庫, 出仓", "发货, 寄出, 发出", "退货, 退掉", "木有, 莫有 => 没有", "宝 => 亲"}},
		{"default group left with one word is dropped", []synonyms.Group{eq("退掉", "取消")},
			[]string{"退掉, 取消", "发货, 寄出, 发出, 出库", "木有, 莫有 => 没有", "宝 => 亲"}},
		{"repeating a group with a word added extends it", []synonyms.Group{eq("发货", "寄出", "发出", "出库", "出仓")},
			[]string{"发货, 寄出, 发出, 出库, 出仓", "退货, 退掉", "木有, 莫有 => 没有", "宝 => 亲"}},
		{"one-way source taken", []synonyms.Group{eq("木有", "没了")},
			[]string{"木有, 没了", "发货, 寄出, 发出, 出库", "退货, 退掉", "莫有 => 没有", "宝 => 亲"}},
		{"one-way left without target is dropped", []synonyms.Group{oneWay([]string{"宝宝"}, "亲")},
			[]string{"宝宝 => 亲", "发货, 寄出, 发出, 出库", "退货, 退掉", "木有, 莫有 => 没有"}},
		{"empty override", nil,
			[]string{"发货, 寄出, 发出, 出库", "退货, 退掉", "木有, 莫有 => 没有", "宝 => 亲"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def := mustNew(t, base...)
			merged := def.Merge(mustNew(t, tt.over...))
			assert.Equal(t, tt.want, groupStrings(merged.Groups()), "Merge(%v)", tt.over)
			assert.Equal(t, groupStrings(base), groupStrings(def.Groups()), "the base after Merge(%v)", tt.over)
		})
	}
}

func TestMergeLookups(t *testing.T) {
	def := mustNew(t, eq("发货", "寄出", "发出", "出库"))
	merged := def.Merge(mustNew(t, eq("出库", "出仓")))
	assert.Equal(t, []string{"出库", "出仓"}, merged.Expand("出库"), "Expand(出库) after the override")
	assert.Equal(t, []string{"发货", "寄出", "发出"}, merged.Expand("发货"), "Expand(发货) after the override")
	assert.Equal(t, []string{"发货", "寄出", "发出", "出库"}, def.Expand("发货"), "Expand(发货) of the base")
}

func groupStrings(gs []synonyms.Group) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.String()
	}
	return out
}

// checkConverse verifies that w is in Expand(k) exactly when k is in
// Means(w), for all words of th, comparing normalised forms.
func checkConverse(t *testing.T, th *synonyms.Thesaurus, key func(string) string) {
	t.Helper()
	var words []string
	seen := map[string]bool{}
	for _, g := range th.Groups() {
		for _, w := range g.Forms() {
			if k := key(w); !seen[k] {
				seen[k] = true
				words = append(words, w)
			}
		}
	}
	keys := func(ws []string) map[string]bool {
		out := make(map[string]bool, len(ws))
		for _, w := range ws {
			out[key(w)] = true
		}
		return out
	}
	means := make(map[string]map[string]bool, len(words))
	for _, w := range words {
		means[key(w)] = keys(th.Means(w))
	}
	for _, k := range words {
		expand := keys(th.Expand(k))
		for _, w := range words {
			if expand[key(w)] != means[key(w)][key(k)] {
				t.Errorf("Expand(%q) holds %q: %v, but Means(%q) holds %q: %v",
					k, w, expand[key(w)], w, k, means[key(w)][key(k)])
			}
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	th, err := synonyms.Default(synonyms.WithSegmenter(perRune{}))
	require.NoError(t, err, "Default()")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				word := []string{"发货", "啥", "没有", "退款", "亲"}[(i+j)%5]
				_ = th.Expand(word)
				_ = th.Means(word)
				_, _ = th.Canonical(word)
				_ = th.GroupsOf(word)
				if _, err := th.ExpandPhrase(word + "吗"); err != nil {
					errs <- fmt.Errorf("ExpandPhrase(%q): %w", word, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	assert.NoError(t, errors.Join(collect(errs)...), "concurrent look-ups")
}

func collect(ch <-chan error) []error {
	var out []error
	for err := range ch {
		out = append(out, err)
	}
	return out
}

// perRune is a segmenter that cuts every rune apart.
type perRune struct{}

func (perRune) Cut(text string) []string {
	var out []string
	for _, r := range text {
		out = append(out, string(r))
	}
	return out
}

func TestZeroThesaurus(t *testing.T) {
	var th synonyms.Thesaurus
	assert.Equal(t, 0, th.Len(), "Len of the zero Thesaurus")
	assert.Equal(t, []string{"发货"}, th.Expand("发货"), "Expand on the zero Thesaurus")
	assert.Equal(t, []string{"发货"}, th.Means("发货"), "Means on the zero Thesaurus")
	assert.Nil(t, th.GroupsOf("发货"), "GroupsOf on the zero Thesaurus")
	e, err := th.ExpandPhrase("什么快递")
	require.NoError(t, err, "ExpandPhrase on the zero Thesaurus")
	assert.Equal(t, []string{"什么快递"}, e.Variants, "ExpandPhrase on the zero Thesaurus")
	merged := th.Merge(mustNew(t, eq("啥", "什么")))
	assert.Equal(t, []string{"啥", "什么"}, merged.Expand("啥"), "Expand after merging over the zero Thesaurus")
}
