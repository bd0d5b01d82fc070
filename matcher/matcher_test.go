package matcher

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/matcher/normalize"
	"github.com/kefu-go/kefu/matcher/segment"
)

func spans(text string, ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%d:%s:%s", m.ID, text[m.Start:m.End], m.Boundary))
	}
	return out
}

func TestFindAllOverlapping(t *testing.T) {
	m := MustNew([]Pattern{
		{Text: "退货", ID: 1},
		{Text: "运费", ID: 2},
		{Text: "退货运费", ID: 3},
		{Text: "货运", ID: 4, Substring: true},
	})
	in := "請問退貨運費誰出"
	got := spans(in, m.FindAll(in))
	want := []string{"3:退貨運費:whole", "1:退貨:whole", "4:貨運:substring", "2:運費:whole"}
	assert.Equal(t, want, got, "FindAll(%q)", in)
}

func TestFindLeftmostLongest(t *testing.T) {
	m := MustNew([]Pattern{
		{Text: "最好", ID: 1, Substring: true},
		{Text: "最好不", ID: 2, Substring: true},
		{Text: "好不好", ID: 3, Substring: true},
		{Text: "不要", ID: 4, Substring: true},
	})
	tests := []struct {
		name, in string
		want     []string
	}{
		{"longest wins at a position", "你最好不要买", []string{"2:最好不:substring"}},
		{"leftmost wins over longer later", "最好不好不要", []string{"2:最好不:substring", "4:不要:substring"}},
		{"no match", "什么时候发货", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, spans(tt.in, m.FindLeftmostLongest(tt.in)), "FindLeftmostLongest(%q)", tt.in)
		})
	}
}

func TestSameSpanTieBreak(t *testing.T) {
	m := MustNew([]Pattern{{Text: "發貨", ID: 9}, {Text: "发货", ID: 5}})
	in := "什么时候发货"
	assert.Equal(t, []string{"9:发货:whole", "5:发货:whole"}, spans(in, m.FindAll(in)), "FindAll(%q)", in)
	assert.Equal(t, []string{"9:发货:whole"}, spans(in, m.FindLeftmostLongest(in)), "FindLeftmostLongest(%q)", in)
}

func TestWithCrossing(t *testing.T) {
	m := MustNew([]Pattern{{Text: "现货", ID: 1}}, WithCrossing())
	in := "我发现货不对"
	assert.Equal(t, []string{"1:现货:crossing"}, spans(in, m.FindAll(in)), "FindAll(%q)", in)
	assert.Empty(t, m.FindLeftmostLongest(in), "FindLeftmostLongest(%q) never uses crossing matches", in)
}

func TestOffsetsIntoOriginal(t *testing.T) {
	m := MustNew([]Pattern{{Text: "发货", ID: 1}, {Text: "sf", ID: 2}})
	in := "亲，什么时候發 🙏貨呀？能走ＳＦ吗"
	got := m.FindAll(in)
	require.Len(t, got, 2, "FindAll(%q)", in)
	assert.Equal(t, "發 🙏貨", in[got[0].Start:got[0].End], "first match of %q", in)
	assert.Equal(t, "ＳＦ", in[got[1].Start:got[1].End], "second match of %q", in)
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		pat  string
		want error
	}{
		{"empty", "", ErrEmptyPattern},
		{"only noise", " *~🙏 ", ErrEmptyPattern},
		{"only breaks", "？？。", ErrEmptyPattern},
		{"too long", strings.Repeat("发", MaxPatternRunes+1), ErrPatternTooLong},
		{"break inside", "发货，退款", ErrPatternBreak},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New([]Pattern{{Text: "退款"}, {Text: tt.pat}})
			require.Error(t, err, "New(%q)", tt.pat)
			assert.ErrorIs(t, err, tt.want, "New(%q)", tt.pat)
			var pe *PatternError
			require.True(t, errors.As(err, &pe), "New(%q) returns a *PatternError", tt.pat)
			assert.Equal(t, 1, pe.Index, "index reported for %q", tt.pat)
		})
	}
	assert.Panics(t, func() { MustNew([]Pattern{{Text: ""}}) }, "MustNew with an empty pattern")
}

func TestEdgeInputs(t *testing.T) {
	m := MustNew([]Pattern{{Text: "发货", ID: 1}, {Text: "a", ID: 2}})
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"invalid utf8", "\xff\xfe发货\xc3", 1},
		{"nul bytes", "\x00发货\x00", 1},
		{"lone surrogate encoding", "\xed\xa0\x80发货", 1},
		{"rtl and combining", "\u202e发\u0301货", 1},
		{"only emoji", strings.Repeat("😀", 10000), 0},
		{"long run of one character", strings.Repeat("a", 100000), 100000},
		{"pattern at both ends", "发货" + strings.Repeat("好", 1000) + "发货", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.FindAll(tt.in)
			assert.Len(t, got, tt.want, "FindAll(%q...)", truncate(tt.in))
			for _, g := range got {
				assert.True(t, g.Start >= 0 && g.Start < g.End && g.End <= len(tt.in), "span %d..%d in %q", g.Start, g.End, truncate(tt.in))
			}
		})
	}
}

func truncate(s string) string {
	if len(s) > 30 {
		return s[:30]
	}
	return s
}

func TestNoPatterns(t *testing.T) {
	m := MustNew(nil)
	assert.Empty(t, m.FindAll("什么时候发货"), "FindAll with no patterns")
}

// countingSegmenter counts calls, to prove that a message with no candidate
// is not segmented.
type countingSegmenter struct {
	mu    sync.Mutex
	calls int
	seg   segment.Segmenter
}

func (c *countingSegmenter) Cut(text string) []string {
	c.mu.Lock()
	c.calls++
	c.mu.Unlock()
	return c.seg.Cut(text)
}

func TestSegmentsOnlyWithACandidate(t *testing.T) {
	def, err := segment.Default()
	require.NoError(t, err)
	cs := &countingSegmenter{seg: def}
	m := MustNew([]Pattern{{Text: "发货"}, {Text: "退款", Substring: true}}, WithSegmenter(cs))
	cs.calls = 0 // New segments multi-word patterns
	m.FindAll("今天天气真好")
	m.FindAll("我发了一张图") // 发 is a prefix of a pattern, but no candidate verifies
	m.FindAll("退款多久到")  // only a Substring pattern matches
	assert.Equal(t, 0, cs.calls, "segmenter calls without a candidate that needs boundaries")
	m.FindAll("什么时候发货")
	assert.Equal(t, 1, cs.calls, "segmenter calls with one candidate")
}

// brokenSegmenter returns words that do not make up the text.
type brokenSegmenter struct{}

func (brokenSegmenter) Cut(string) []string { return []string{"x"} }

func TestBrokenSegmenterMeansWholeWords(t *testing.T) {
	m := MustNew([]Pattern{{Text: "现货"}}, WithSegmenter(brokenSegmenter{}))
	in := "我发现货不对"
	assert.Equal(t, []string{"0:现货:whole"}, spans(in, m.FindAll(in)), "FindAll(%q)", in)
}

func TestConcurrentUse(t *testing.T) {
	m := MustNew([]Pattern{{Text: "发货", ID: 1}, {Text: "退货", ID: 2}, {Text: "运费", ID: 3}, {Text: "现货", ID: 4}})
	inputs := []string{"什么时候发货", "退货运费谁出", "我发现货不对", "有现货吗", "今天天气真好"}
	want := make([][]Match, len(inputs))
	for i, in := range inputs {
		want[i] = m.FindAll(in)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 200; k++ {
				i := (g + k) % len(inputs)
				if got := m.FindAll(inputs[i]); !slices.Equal(got, want[i]) {
					t.Errorf("FindAll(%q) = %v concurrently, want %v", inputs[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// oracle finds matches the slow way: normalise, compare at every rune
// position, then apply the boundary rule to the segmenter's words, each
// clause between breaks segmented on its own.
func oracle(seg segment.Segmenter, pats []Pattern, text string) []string {
	var txt normalize.Text
	txt.Reset(text)
	norm := txt.String()
	// word index of every rune, from the words' byte lengths
	var wordOf []int
	var wordStart []int
	if seg != nil && norm != "" {
		// Each clause between separators is segmented on its own; a
		// separator is a word of its own.
		var ws []string
		for i, clause := range strings.Split(norm, string(normalize.Separator)) {
			if i > 0 {
				ws = append(ws, string(normalize.Separator))
			}
			if clause != "" {
				ws = append(ws, seg.Cut(clause)...)
			}
		}
		for i, w := range ws {
			wordStart = append(wordStart, len(wordOf))
			for range utf8.RuneCountInString(w) {
				wordOf = append(wordOf, i)
			}
		}
	}
	var out []string
	type hit struct {
		s, e, order int
		b           Boundary
	}
	var hits []hit
	for pi, p := range pats {
		pr := []rune(normalize.String(p.Text))
		for s := 0; s+len(pr) <= len(txt.Runes); s++ {
			if !slices.Equal(pr, txt.Runes[s:s+len(pr)]) {
				continue
			}
			e := s + len(pr)
			b := Substring
			if !p.Substring {
				startEdge := s == 0 || wordOf[s] != wordOf[s-1]
				endEdge := e == len(wordOf) || wordOf[e] != wordOf[e-1]
				switch {
				case startEdge && endEdge:
					b = Whole
				case wordOf[s] == wordOf[e-1]:
					b = InWord
				default:
					b = Crossing
					pw := seg.Cut(string(pr))
					if len(pw) > 1 && startEdge {
						last := utf8.RuneCountInString(pw[len(pw)-1])
						if wordStart[wordOf[e-1]] == e-last {
							b = Partial
						}
					}
				}
			}
			if b != Crossing {
				hits = append(hits, hit{s, e, pi, b})
			}
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.s != b.s {
			return a.s - b.s
		}
		if a.e != b.e {
			return b.e - a.e
		}
		return a.order - b.order
	})
	for _, h := range hits {
		start, end := txt.Span(h.s, h.e)
		out = append(out, fmt.Sprintf("%d:%s:%s", pats[h.order].ID, text[start:end], h.b))
	}
	return out
}

func FuzzFindAll(f *testing.F) {
	for _, s := range []string{"什么时候发货", "我发现货不对", "退貨運費誰出", "可以开发票吗", "发*货\xff发货", "什么时候发货呀", ""} {
		f.Add(s)
	}
	seg, err := segment.Default()
	require.NoError(f, err)
	pats := []Pattern{
		{Text: "发货", ID: 0}, {Text: "现货", ID: 1}, {Text: "发票", ID: 2}, {Text: "退货", ID: 3},
		{Text: "运费", ID: 4}, {Text: "货运", ID: 5, Substring: true}, {Text: "什么时候发", ID: 6},
		{Text: "货", ID: 7}, {Text: "a", ID: 8}, {Text: "发", ID: 9, Substring: true},
	}
	m := MustNew(pats, WithSegmenter(seg))
	f.Fuzz(func(t *testing.T, text string) {
		got := spans(text, m.FindAll(text))
		want := oracle(seg, pats, text)
		if !slices.Equal(got, want) {
			t.Fatalf("FindAll(%q) = %q, oracle says %q", text, got, want)
		}
	})
}

// TestMeans: a pattern written another way than what it stands for is
// classified by the words of what it stands for, in its place.
func TestMeans(t *testing.T) {
	pats := []Pattern{
		{Text: "开piao", Means: "开票", ID: 1},
		{Text: "发huo", Means: "发货", ID: 2},
		{Text: "开piao", ID: 3}, // the same text without Means
		{Text: "di址", Means: "地址", ID: 4},
		{Text: "保xiu", Means: "保修", ID: 5},
	}
	m := MustNew(pats)
	for _, tc := range []struct {
		text string
		want []string
	}{
		// 能开|piao|吗 as written; 能|开票|吗 with 开票 in its place.
		{"能开piao吗", []string{"1:开piao:whole"}},
		// 批发|货源: 发货 would cross a word.
		{"批发huo源", nil},
		{"什么时候发huo", []string{"2:发huo:whole"}},
		{"改个di址", []string{"4:di址:whole"}},
		// 保修期 is one word: 保修 is inside it.
		{"保xiu期多久", []string{"5:保xiu:in-word"}},
		// Noise inside the match, and a second clause.
		{"你好，能开 piao吗", []string{"1:开 piao:whole"}},
	} {
		assert.Equal(t, tc.want, spans(tc.text, m.FindAll(tc.text)), "FindAll(%q)", tc.text)
	}

	for _, tc := range []struct {
		means string
		err   error
	}{
		{"开，票", ErrPatternBreak},
		{" *", ErrEmptyPattern},
		{strings.Repeat("票", MaxPatternRunes+1), ErrPatternTooLong},
	} {
		_, err := New([]Pattern{{Text: "开piao", Means: tc.means}})
		var pe *PatternError
		require.ErrorAs(t, err, &pe, "Means %q", tc.means)
		assert.ErrorIs(t, err, tc.err, "Means %q", tc.means)
		assert.Equal(t, tc.means, pe.Text, "PatternError.Text names the Means %q", tc.means)
		assert.True(t, pe.Means, "PatternError.Means for Means %q", tc.means)
		assert.Contains(t, err.Error(), "Means", "error for Means %q", tc.means)
	}
	_, err := New([]Pattern{{Text: "开piao", Means: "，", Substring: true}})
	assert.NoError(t, err, "Means is ignored for a Substring pattern")
}

// TestMeansLayers: candidates with a Means that overlap are classified in
// separate passes, each in its own clause; twins (the same text and Means
// under several IDs) share one place and one pass.
func TestMeansLayers(t *testing.T) {
	def, err := segment.Default()
	require.NoError(t, err)
	cs := &byteCountingSegmenter{seg: def}
	m := MustNew([]Pattern{
		{Text: "fa货", Means: "发货", ID: 1},
		{Text: "fa货", Means: "发货", ID: 2},
		{Text: "货kuan", Means: "货款", ID: 3},
		{Text: "发货", ID: 4},
	}, WithSegmenter(cs))
	text := "什么时候fa货，货kuan退了吗，发货了吗"
	got := spans(text, m.FindAll(text))
	assert.Equal(t, []string{"1:fa货:whole", "2:fa货:whole", "3:货kuan:whole", "4:发货:whole"}, got, "FindAll(%q)", text)

	text = "fa货kuan"
	cs.bytes = 0
	got = spans(text, m.FindAll(text))
	assert.Equal(t, []string{"1:fa货:whole", "2:fa货:whole", "3:货kuan:whole"}, got, "FindAll(%q): overlapping candidates, each in its own pass", text)
	// Two passes over the clause (发货kuan, then fa货款), the twins in the first.
	assert.Equal(t, len("发货kuan")+len("fa货款"), cs.bytes, "bytes segmented for %q", text)
}

// FuzzFindAllMeans: with patterns that have a Means, FindAll never
// panics, and reports only occurrences of the patterns' texts (those the
// oracle finds when boundaries are ignored), each at most once.
func FuzzFindAllMeans(f *testing.F) {
	for _, s := range []string{"能开piao吗", "fa货kuan", "什么时候fa货，货kuan退了吗", "批发huo源", "fa货fa货fa货", "\xffkai票", ""} {
		f.Add(s)
	}
	pats := []Pattern{
		{Text: "开piao", Means: "开票", ID: 0}, {Text: "kai票", Means: "开票", ID: 1}, {Text: "fa货", Means: "发货", ID: 2},
		{Text: "fa货", Means: "发货", ID: 3}, {Text: "货kuan", Means: "货款", ID: 4}, {Text: "发huo", Means: "发货", ID: 5},
		{Text: "发货", ID: 6}, {Text: "开票", ID: 7},
	}
	subs := make([]Pattern, len(pats))
	for i, p := range pats {
		subs[i] = Pattern{Text: p.Text, ID: p.ID, Substring: true}
	}
	m := MustNew(pats)
	f.Fuzz(func(t *testing.T, text string) {
		var got []string
		for _, x := range m.FindAll(text) {
			got = append(got, fmt.Sprintf("%d:%s", x.ID, text[x.Start:x.End]))
		}
		var all []string
		for _, s := range oracle(nil, subs, text) {
			all = append(all, s[:strings.LastIndex(s, ":")])
		}
		seen := map[string]int{}
		for _, s := range got {
			seen[s]++
			require.Contains(t, all, s, "FindAll(%q) reports %s, which does not occur", text, s)
		}
		for _, s := range all {
			require.LessOrEqual(t, seen[s], strings.Count(strings.Join(all, "\n"), s), "FindAll(%q): %s reported too often", text, s)
		}
	})
}
