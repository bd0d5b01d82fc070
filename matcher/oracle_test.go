package matcher

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/matcher/segment"
)

// TestManyPatternsAgainstOracle checks FindAll against the oracle with more
// pairs of adjacent runes than the automaton has codes, so that codes are
// shared and keys collide: every false candidate that sharing lets through
// must be caught by verification, and no true match may be lost. Patterns
// and texts are drawn, with a fixed seed, from a small alphabet, so that
// patterns overlap, share prefixes and occur often.
func TestManyPatternsAgainstOracle(t *testing.T) {
	seg, err := segment.Default()
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(1, 2))
	word := randomWords(rng, "发货退款运费什么时候到了吗快递有现在的不是我你们亲")
	pats := randomPatterns(rng, word, 1500, 5, func() bool { return rng.IntN(3) == 0 })
	m := MustNew(pats, WithSegmenter(seg))
	require.Greater(t, pairCount(m), maxCode, "the test needs more pairs than codes")
	for i := range 300 {
		text := randomText(rng, word, 12, "", "，", " ", "呀", "*")
		got := spans(text, m.FindAll(text))
		want := oracle(seg, pats, text)
		assert.True(t, slices.Equal(got, want), "text %d: FindAll(%q) = %q, oracle says %q", i, text, got, want)
	}
}

// randomWords returns a function that draws a word of n runes from
// alphabet.
func randomWords(rng *rand.Rand, alphabet string) func(n int) string {
	runes := []rune(alphabet)
	return func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(runes[rng.IntN(len(runes))])
		}
		return b.String()
	}
}

// randomPatterns draws n distinct patterns of 1 to maxRunes runes;
// substring says whether each is a substring pattern.
func randomPatterns(rng *rand.Rand, word func(n int) string, n, maxRunes int, substring func() bool) []Pattern {
	seen := map[string]bool{}
	var pats []Pattern
	for len(pats) < n {
		w := word(1 + rng.IntN(maxRunes))
		if seen[w] {
			continue
		}
		seen[w] = true
		pats = append(pats, Pattern{Text: w, ID: len(pats), Substring: substring()})
	}
	return pats
}

// randomText joins up to maxWords words of 1 to 6 runes, each followed
// by one of seps.
func randomText(rng *rand.Rand, word func(n int) string, maxWords int, seps ...string) string {
	var b strings.Builder
	for range 1 + rng.IntN(maxWords) {
		b.WriteString(word(1 + rng.IntN(6)))
		b.WriteString(seps[rng.IntN(len(seps))])
	}
	return b.String()
}

// pairCount returns how many distinct pairs of adjacent runes m indexes.
func pairCount(m *Matcher) int {
	n := 0
	for _, c := range m.pairs.codes {
		if c != 0 {
			n++
		}
	}
	return n
}
