package compliance

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzClean checks Clean against a naive oracle: whatever the input, Clean
// does not panic, returns valid UTF-8, reports findings inside the input,
// is idempotent, and leaves no Rewrite or Drop word, found by plain
// strings.Index, outside an occurrence of an allowed compound.
// The seed corpus is in testdata/fuzz/FuzzClean.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "最好", "最手慢无好", "这款是最好的，手慢无！", "您第一次购买，最快明天发货", "\xff最\xff好\xfe"} {
		f.Add(s)
	}
	flt := MustNew()
	var edited []string
	for _, e := range flt.Words() {
		if e.Action.edits() {
			edited = append(edited, e.Word)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		res := flt.Clean(text)
		out := res.Text
		require.True(t, utf8.ValidString(out), "Clean(%q) = %q is not valid UTF-8", text, out)
		if utf8.ValidString(text) && len(res.Findings) == 0 {
			require.Equal(t, text, out, "Clean(%q) without findings must not change the text", text)
		}
		for _, x := range res.Findings {
			require.True(t, 0 <= x.Start && x.Start < x.End && x.End <= len(text), "Clean(%q): finding %+v outside the input", text, x)
		}
		again := flt.Clean(out)
		require.Equal(t, out, again.Text, "Clean(Clean(%q)) differs from Clean(%q)", text, text)

		covered := allowedSpans(flt, out)
		for _, w := range edited {
			for i := 0; ; {
				k := strings.Index(out[i:], w)
				if k < 0 {
					break
				}
				s, e := i+k, i+k+len(w)
				i = s + 1
				if !clearOfLatin(out, s, e, w) {
					continue
				}
				inside := false
				for _, a := range covered {
					inside = inside || (a[0] <= s && e <= a[1])
				}
				assert.True(t, inside, "Clean(%q) = %q keeps %q at %d outside any allowed compound", text, out, w, s)
			}
		}
	})
}

// allowedSpans returns the spans of the allowed compounds in text.
func allowedSpans(f *Filter, text string) [][2]int {
	var out [][2]int
	for _, m := range f.index.FindAll(text) {
		if m.ID >= len(f.words) && f.edgesOK(text, m) {
			out = append(out, [2]int{m.Start, m.End})
		}
	}
	return out
}

// clearOfLatin is the oracle's version of the rule that a word starting or
// ending with an ASCII letter or digit must not touch another one.
func clearOfLatin(text string, s, e int, w string) bool {
	alnum := func(r rune) bool {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		return r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}
	first, _ := utf8.DecodeRuneInString(w)
	last, _ := utf8.DecodeLastRuneInString(w)
	before, _ := utf8.DecodeLastRuneInString(text[:s])
	after, _ := utf8.DecodeRuneInString(text[e:])
	return !(alnum(first) && alnum(before)) && !(alnum(last) && alnum(after))
}
