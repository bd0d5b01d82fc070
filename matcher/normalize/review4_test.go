package normalize

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Review of 3c9879d: String returns s when unchanged(s). FuzzReview4Unchanged
// checks that unchanged never disagrees with Reset.
func FuzzReview4Unchanged(f *testing.F) {
	for _, s := range []string{"", "发货", "發貨", "xl码", "ＸＬ", "\xff", "发\u200b货", "亲,在吗", "货…到", "\xe5\xbf", "\ufffd", "Ⅻ", "ǅ", "ß", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var txt Text
		txt.Reset(s)
		if unchanged(s) {
			require.Equal(t, s, txt.String(), "unchanged(%q) but Reset gives %q", s, txt.String())
		}
		require.Equal(t, txt.String(), String(s), "String(%q)", s)
	})
}

// TestReview4UnchangedEveryRune: for every rune, unchanged agrees with
// Reset (found fine; kept as a guard).
func TestReview4UnchangedEveryRune(t *testing.T) {
	var txt Text
	for r := rune(0); r <= 0x10FFFF; r++ {
		s := string(r) + "货" + string(r)
		if !unchanged(s) {
			continue
		}
		txt.Reset(s)
		require.Equal(t, s, txt.String(), "unchanged(%q) but Reset gives %q", s, txt.String())
	}
}
