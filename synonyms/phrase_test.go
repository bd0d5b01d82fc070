package synonyms_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/matcher/segment"
	"github.com/kefu-go/kefu/synonyms"
)

// greedy is a test segmenter: the longest of its words at each position,
// else one rune.
type greedy []string

func (g greedy) Cut(text string) []string {
	var out []string
	for text != "" {
		n := 0
		for _, w := range g {
			if strings.HasPrefix(text, w) && len(w) > n {
				n = len(w)
			}
		}
		if n == 0 {
			_, n = utf8.DecodeRuneInString(text)
		}
		out, text = append(out, text[:n]), text[n:]
	}
	return out
}

// broken is a segmenter that does not rebuild its input.
type broken struct{}

func (broken) Cut(string) []string { return []string{"x"} }

func TestExpandPhrase(t *testing.T) {
	words := greedy{"什么", "时候", "快递", "发票", "没有", "木有", "发货"}
	tests := []struct {
		name      string
		groups    []synonyms.Group
		seg       segment.Segmenter
		max       int
		phrase    string
		want      []string
		truncated bool
	}{
		// replacement
		{"fewest replacements first", []synonyms.Group{eq("什么", "啥"), eq("快递", "物流")}, words, 0,
			"什么快递", []string{"什么快递", "啥快递", "什么物流", "啥物流"}, false},
		{"no word of the thesaurus", []synonyms.Group{eq("什么", "啥")}, words, 0,
			"发货", []string{"发货"}, false},
		{"phrase is itself a word", []synonyms.Group{eq("发货", "寄出")}, words, 0,
			"发货", []string{"发货", "寄出"}, false},
		{"later alternatives in Expand order", []synonyms.Group{eq("什么", "啥", "神马")}, words, 0,
			"什么什么", []string{"什么什么", "啥什么", "神马什么", "什么啥", "什么神马", "啥啥", "啥神马", "神马啥", "神马神马"}, false},
		// boundaries
		{"longest run of segments wins", []synonyms.Group{eq("什么", "啥"), eq("什么时候", "几时")}, words, 0,
			"什么时候发", []string{"什么时候发", "几时发"}, false},
		{"words inside a segment are left alone", []synonyms.Group{eq("发", "寄")}, words, 0,
			"发票", []string{"发票"}, false},
		{"single-rune segments are words", []synonyms.Group{eq("发", "寄")}, words, 0,
			"快递发", []string{"快递发", "快递寄"}, false},
		{"segmenter breaking its contract: whole phrase only", []synonyms.Group{eq("什么", "啥"), eq("什么快递", "哪家快递")}, broken{}, 0,
			"什么快递", []string{"什么快递", "哪家快递"}, false},
		// direction
		{"one-way: target expands", []synonyms.Group{oneWay([]string{"木有"}, "没有")}, words, 0,
			"没有货", []string{"没有货", "木有货"}, false},
		{"one-way: source does not", []synonyms.Group{oneWay([]string{"木有"}, "没有")}, words, 0,
			"木有货", []string{"木有货"}, false},
		// normalisation
		{"phrase is normalised", []synonyms.Group{eq("什么", "啥"), eq("快递", "物流")}, words, 0,
			"什麼 快遞！", []string{"什么快递", "啥快递", "什么物流", "啥物流"}, false},
		{"empty phrase", []synonyms.Group{eq("什么", "啥")}, words, 0,
			"！！ ", nil, false},
		// cap
		{"cap reached", []synonyms.Group{eq("什么", "啥", "神马"), eq("快递", "物流", "快件")}, words, 3,
			"什么快递", []string{"什么快递", "啥快递", "神马快递"}, true},
		{"cap of one", []synonyms.Group{eq("什么", "啥")}, words, 1,
			"什么", []string{"什么"}, true},
		{"exactly the cap", []synonyms.Group{eq("什么", "啥"), eq("快递", "物流")}, words, 4,
			"什么快递", []string{"什么快递", "啥快递", "什么物流", "啥物流"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := []synonyms.Option{synonyms.WithSegmenter(tt.seg)}
			if tt.max > 0 {
				opts = append(opts, synonyms.WithMaxVariants(tt.max))
			}
			th, err := synonyms.New(tt.groups, opts...)
			require.NoError(t, err, "New(%v)", tt.groups)
			got, err := th.ExpandPhrase(tt.phrase)
			require.NoError(t, err, "ExpandPhrase(%q)", tt.phrase)
			assert.Equal(t, tt.want, got.Variants, "ExpandPhrase(%q).Variants", tt.phrase)
			assert.Equal(t, tt.truncated, got.Truncated, "ExpandPhrase(%q).Truncated", tt.phrase)
		})
	}
}

func TestExpandPhraseDefaultCap(t *testing.T) {
	var groups []synonyms.Group
	var phrase strings.Builder
	for i := range 8 { // 2^8 = 256 combinations
		w := fmt.Sprintf("w%d", i)
		groups = append(groups, eq(w, "x"+w))
		phrase.WriteString(w + "，")
	}
	th, err := synonyms.New(groups, synonyms.WithSegmenter(greedy{"w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7"}))
	require.NoError(t, err, "New")
	got, err := th.ExpandPhrase(phrase.String())
	require.NoError(t, err, "ExpandPhrase(%q)", phrase.String())
	assert.Len(t, got.Variants, synonyms.DefaultMaxVariants, "ExpandPhrase(%q)", phrase.String())
	assert.True(t, got.Truncated, "ExpandPhrase(%q).Truncated", phrase.String())
}

// TestExpandPhraseGolden expands real keywords with the defaults and the
// default segmenter.
func TestExpandPhraseGolden(t *testing.T) {
	th, err := synonyms.Default(synonyms.WithMaxVariants(12))
	require.NoError(t, err, "Default()")
	seg, err := segment.Default()
	require.NoError(t, err, "segment.Default()")
	phrases := []string{
		"什么时候发", "什么时候发货", "什么快递", "发什么快递", "快递到哪了", "怎么退货", "怎么退款",
		"可以换货吗", "有没有发票", "包邮吗", "没有货吗", "多久能到", "运费谁出", "什么颜色",
		"尺码偏大吗", "能便宜点吗", "亲在吗", "我的快递丢了", "发票抬头", "发货", "退货运费",
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# ExpandPhrase with Default(WithMaxVariants(12)) and segment.Default();\n")
	fmt.Fprintf(&b, "# regenerate with: go test ./synonyms -run TestExpandPhraseGolden -update\n")
	for _, p := range phrases {
		got, err := th.ExpandPhrase(p)
		require.NoError(t, err, "ExpandPhrase(%q)", p)
		require.NotEmpty(t, got.Variants, "ExpandPhrase(%q)", p)
		assert.Equal(t, p, got.Variants[0], "ExpandPhrase(%q) starts with the phrase", p)
		more := ""
		if got.Truncated {
			more = " (truncated)"
		}
		fmt.Fprintf(&b, "\n%s  [%s]%s\n", p, strings.Join(seg.Cut(p), "/"), more)
		for _, v := range got.Variants[1:] {
			fmt.Fprintf(&b, "  %s\n", v)
		}
	}
	checkGolden(t, "phrases.golden", b.Bytes())
}
