package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "什么时候发货", "什么时候发货"},
		{"traditional", "發貨了嗎", "发货了吗"},
		{"traditional phrase", "退貨運費誰出", "退货运费谁出"},
		{"space between", "发 货", "发货"},
		{"ideographic space", "发　货", "发货"},
		{"asterisk", "发*货", "发货"},
		{"tilde and dash", "退~货-了", "退货了"},
		{"middle dot", "发·货", "发货"},
		{"ellipsis between characters", "货…到…付⋯款", "货到付款"},
		{"full width latin", "ＦＡ货", "fa货"},
		{"upper case", "FA货 SF", "fa货sf"},
		{"full width digits", "７天无理由", "7天无理由"},
		{"emoji", "发🙏货😭", "发货"},
		{"emoji zwj sequence", "好👨‍👩‍👧的", "好的"},
		{"skin tone", "赞👍🏻了", "赞了"},
		{"zero width space", "发\u200b货", "发货"},
		{"zero width joiner and bom", "发\u200d\ufeff货", "发货"},
		{"rtl mark", "发\u200f货", "发货"},
		{"variation selector", "发\ufe0f货", "发货"},
		{"combining mark", "发\u0301货", "发货"},
		{"break keeps words apart", "退。货", "退,货"},
		{"run of breaks collapses", "在吗？？？发货", "在吗,发货"},
		{"leading and trailing breaks", "，，发货！！", "发货"},
		{"newline is a break", "发\n货", "发,货"},
		{"percent kept", "100%棉", "100%棉"},
		{"quotes dropped", "“发货”了吗", "发货了吗"},
		{"invalid utf8 is a break", "发\xff货", "发,货"},
		{"nul is a break", "发\x00货", "发,货"},
		{"half width katakana widened", "ｶﾀｶﾅ", "カタカナ"},
		{"only noise", "  ** ~~ 🙏", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, String(tt.in), "String(%q)", tt.in)
		})
	}
}

func TestStringIdempotent(t *testing.T) {
	for _, in := range []string{"發貨了嗎", "ＦＡ货 SF", "退。货", "乾隆麼", "100%棉", "a\xffb"} {
		once := String(in)
		assert.Equal(t, once, String(once), "String(String(%q))", in)
	}
}

// TestRuneSweep checks every Unicode code point: Rune never panics, folding
// is idempotent, and a kept rune stays kept.
func TestRuneSweep(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		f, c := Rune(r)
		if c != Keep {
			continue
		}
		f2, c2 := Rune(f)
		if f2 != f || c2 != Keep {
			t.Fatalf("Rune(%U) = %U (Keep), but Rune(%U) = %U (%d)", r, f, f, f2, c2)
		}
	}
}

func TestTextOffsets(t *testing.T) {
	in := "亲，什么时候發 货呀？？"
	var txt Text
	txt.Reset(in)
	require.Equal(t, "亲,什么时候发货呀", txt.String(), "Reset(%q)", in)
	require.Len(t, txt.Starts, txt.Len())
	require.Len(t, txt.Ends, txt.Len())
	// 发货 is normalised runes 6..8; its span must cover 發 货 in the original.
	start, end := txt.Span(6, 8)
	assert.Equal(t, "發 货", in[start:end], "Span of 发货 in %q", in)
	// The separator stands for the whole run of breaks.
	start, end = txt.Span(1, 2)
	assert.Equal(t, "，", in[start:end], "Span of separator in %q", in)
	for i := range txt.Runes {
		assert.Less(t, txt.Starts[i], txt.Ends[i], "rune %d of %q", i, in)
		if i > 0 {
			assert.LessOrEqual(t, txt.Ends[i-1], txt.Starts[i], "rune %d of %q", i, in)
		}
	}
}

func TestTextReuse(t *testing.T) {
	var txt Text
	txt.Reset(strings.Repeat("发货", 100))
	txt.Reset("退款")
	assert.Equal(t, "退款", txt.String(), "Reset after a longer text")
	assert.Equal(t, 2, txt.Len())
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"", "發 货", "退。货", "a\xffb", "👨‍👩‍👧", "ＦＡ货"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var txt Text
		txt.Reset(s)
		norm := txt.String()
		if !utf8.ValidString(norm) {
			t.Fatalf("String(%q) = %q is not valid UTF-8", s, norm)
		}
		if String(norm) != norm {
			t.Fatalf("not idempotent on %q: %q then %q", s, norm, String(norm))
		}
		prevEnd := 0
		for i := range txt.Runes {
			if txt.Starts[i] < prevEnd || txt.Ends[i] <= txt.Starts[i] || txt.Ends[i] > len(s) {
				t.Fatalf("bad span %d..%d for rune %d of %q", txt.Starts[i], txt.Ends[i], i, s)
			}
			prevEnd = txt.Ends[i]
		}
	})
}

// TestDecodeHan checks decodeHan against utf8.DecodeRuneInString: for
// every rune followed by more text, and for every three bytes led by the
// lead bytes it accepts, with continuation bytes at their edges and
// truncated.
func TestDecodeHan(t *testing.T) {
	check := func(s string) {
		want, size := utf8.DecodeRuneInString(s)
		wantOK := want >= 0x4E00 && want <= 0x9FFF && size == 3
		got, ok := decodeHan(s, 0)
		if ok != wantOK || ok && got != want {
			t.Fatalf("decodeHan(%q) = %U, %v; utf8.DecodeRuneInString says %U, size %d", s, got, ok, want, size)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check(string(r) + "x")
	}
	edges := []byte{0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for _, b1 := range edges {
			for _, b2 := range edges {
				s := string([]byte{byte(lead), b1, b2})
				check(s)
				check(s[:2])
			}
		}
	}
}

// TestRuneFastPaths checks, for every rune, that Rune's shortcuts (the
// main CJK block, and the tables of CJK punctuation and full-width forms)
// give what the general path, fold, gives.
func TestRuneFastPaths(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		f, c := Rune(r)
		wf, wc := fold(r)
		if f != wf || c != wc {
			t.Fatalf("Rune(%U) = %U, %d; fold says %U, %d", r, f, c, wf, wc)
		}
	}
}

// TestBeforeAfter checks the runes either side of a place in a text,
// with noise skipped and breaks and the ends of the text reported.
func TestBeforeAfter(t *testing.T) {
	tests := []struct {
		name   string
		s      string
		i      int // byte index
		before rune
		bclass Class
		bstart int
		after  rune
		aclass Class
		aend   int
	}{
		{"between two characters", "不用发票", 6, '用', Keep, 3, '发', Keep, 9},
		{"noise skipped", "不用 * 发票", 6, '用', Keep, 3, '发', Keep, 12},
		{"folded", "不用發票", 6, '用', Keep, 3, '发', Keep, 9},
		{"full width folded", "ＡＢ", 3, 'a', Keep, 0, 'b', Keep, 6},
		{"break before", "不用，发票", 9, 0, Break, 6, '发', Keep, 12},
		{"break after", "不用，发票", 6, '用', Keep, 3, 0, Break, 9},
		{"start and end", "发票", 0, 0, Break, 0, '发', Keep, 3},
		{"end", "发票", 6, '票', Keep, 3, 0, Break, 6},
		{"only noise", "  ", 1, 0, Break, 0, 0, Break, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, c, start := Before(tt.s, tt.i)
			if c == Break {
				r = 0
			}
			assert.Equal(t, []any{tt.before, tt.bclass, tt.bstart}, []any{r, c, start}, "Before(%q, %d)", tt.s, tt.i)
			r, c, end := After(tt.s, tt.i)
			if c == Break {
				r = 0
			}
			assert.Equal(t, []any{tt.after, tt.aclass, tt.aend}, []any{r, c, end}, "After(%q, %d)", tt.s, tt.i)
		})
	}
}

// TestResetMatchesRune checks, for every rune, that Text.Reset, which
// folds CJK characters inline, normalises a text of that rune alone as
// Rune says.
func TestResetMatchesRune(t *testing.T) {
	var txt Text
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := ""
		if f, c := Rune(r); c == Keep {
			want = string(f)
		}
		if txt.Reset(string(r)); txt.String() != want {
			t.Fatalf("Reset(%q) = %q, Rune says %q", string(r), txt.String(), want)
		}
	}
}

// TestStringUnchanged: String returns its argument when normalising
// changes nothing, and otherwise what Text holds after Reset.
func TestStringUnchanged(t *testing.T) {
	for _, s := range []string{"", "发货", "退货地址", "xl码", "7天", "發貨", "发 货", "发货，", "ＸＬ", "Xl", "\xff", "发\u200b货", "亲,在吗"} {
		var txt Text
		txt.Reset(s)
		assert.Equal(t, txt.String(), String(s), "String(%q)", s)
		if unchanged(s) {
			assert.Equal(t, s, txt.String(), "unchanged(%q) but Reset changes it", s)
		}
	}
	assert.True(t, unchanged("退货地址"), "unchanged(%q)", "退货地址")
	assert.False(t, unchanged("發貨"), "unchanged(%q)", "發貨")
}
