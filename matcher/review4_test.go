package matcher

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Review of 545e36e (classifyMeanings) and 3c9879d (lastWords cache).

// review4Pats are patterns with a Means that overlap in many ways, and
// written ones.
var review4Pats = []Pattern{
	{Text: "开piao", Means: "开票"}, {Text: "kai票", Means: "开票"}, {Text: "fa货", Means: "发货"},
	{Text: "货kuan", Means: "货款"}, {Text: "发huo", Means: "发货"}, {Text: "fa货", Means: "伐货"},
	{Text: "piao吗", Means: "票吗"}, {Text: "huo", Means: "货"}, {Text: "发货", ID: 0}, {Text: "开票"},
	{Text: "fa", Means: "发"}, {Text: strings.Repeat("退", MaxPatternRunes), Means: strings.Repeat("货", MaxPatternRunes)},
	{Text: "退退", Means: strings.Repeat("款", MaxPatternRunes)},
}

func review4Matcher(twins bool, opts ...Option) *Matcher {
	var pats []Pattern
	for i, p := range review4Pats {
		p.ID = i
		pats = append(pats, p)
		if twins && p.Means != "" {
			p.ID = 100 + i
			pats = append(pats, p)
		}
	}
	return MustNew(pats, opts...)
}

// FuzzReview4MeansTwins: a twin (the same Text and Means under another
// ID) shares its pattern's place, so adding twins changes no other
// match, and each twin is classified like its pattern.
func FuzzReview4MeansTwins(f *testing.F) {
	for _, s := range []string{"能开piao吗", "fa货kuan", "开piaofa货kuan，piao吗", "fahuo发huo", strings.Repeat("退", 70), "\xff开piao…吗", ""} {
		f.Add(s)
	}
	one, two := review4Matcher(false, WithCrossing()), review4Matcher(true, WithCrossing())
	f.Fuzz(func(t *testing.T, text string) {
		want := map[string]Boundary{}
		for _, x := range one.FindAll(text) {
			want[fmt.Sprintf("%d:%d-%d", x.ID, x.Start, x.End)] = x.Boundary
		}
		n := 0
		for _, x := range two.FindAll(text) {
			id := x.ID
			if id >= 100 {
				id -= 100
			} else {
				n++
			}
			k := fmt.Sprintf("%d:%d-%d", id, x.Start, x.End)
			b, ok := want[k]
			require.True(t, ok, "FindAll(%q) with twins reports %s (ID %d), not found without", text, k, x.ID)
			require.Equal(t, b, x.Boundary, "FindAll(%q): %s (ID %d) is classified differently with twins", text, k, x.ID)
		}
		require.Equal(t, len(want), n, "FindAll(%q): matches without twins", text)
	})
}
