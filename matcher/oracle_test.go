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
	alphabet := []rune("发货退款运费什么时候到了吗快递有现在的不是我你们亲")
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	seen := map[string]bool{}
	var pats []Pattern
	for len(pats) < 1500 {
		w := word(1 + rng.IntN(5))
		if seen[w] {
			continue
		}
		seen[w] = true
		pats = append(pats, Pattern{Text: w, ID: len(pats), Substring: rng.IntN(3) == 0})
	}
	m := MustNew(pats, WithSegmenter(seg))
	pairs := 0
	for _, c := range m.pairs.codes {
		if c != 0 {
			pairs++
		}
	}
	require.Greater(t, pairs, maxCode, "the test needs more pairs than codes")
	for i := range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(word(1 + rng.IntN(6)))
			b.WriteString([]string{"", "，", " ", "呀", "*"}[rng.IntN(5)])
		}
		text := b.String()
		got := spans(text, m.FindAll(text))
		want := oracle(seg, pats, text)
		assert.True(t, slices.Equal(got, want), "text %d: FindAll(%q) = %q, oracle says %q", i, text, got, want)
	}
}
