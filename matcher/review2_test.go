package matcher

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Review of 76bffbd (55 pair codes instead of 63). These tests pass: they
// pin that sharing codes only adds false candidates, never loses or
// invents a match.

// TestReview2EdgeCodesWrapAround checks FindAll against the oracle, for
// substring patterns (no segmenter, so only the pair index, the keys and
// verification are tested) over an alphabet with far more distinct pairs
// than the 53 codes left after the whole-pattern and ASCII codes, so that every code
// is shared by several pairs and many keys collide: two-rune patterns
// (key [1]) mixed with longer ones whose first pair is itself a two-rune
// pattern (key [1, c]) and one-rune patterns, under several seeds.
func TestReview2EdgeCodesWrapAround(t *testing.T) {
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 55))
		word := randomWords(rng, "发货退款运费时候到了吗快递有现在不是我你们亲换颜色码")
		pats := randomPatterns(rng, word, 800, 4, func() bool { return true })
		m := MustNew(pats)
		require.Greater(t, pairCount(m), 4*(maxCode-firstSharedCode+1), "seed %d: the test needs pairs to share codes", seed)
		for i := range 200 {
			text := randomText(rng, word, 10, "", "，", " ", "*", "\u200b")
			got := spans(text, m.FindAll(text))
			want := oracle(nil, pats, text)
			assert.True(t, slices.Equal(got, want), "seed %d text %d: FindAll(%q) = %q, oracle says %q", seed, i, text, got, want)
		}
	}
}

// TestReview2EdgeCodesRange: every pair gets a code from 1 to maxCode, and
// code 1 exactly when the pair is a two-rune pattern.
func TestReview2EdgeCodesRange(t *testing.T) {
	alphabet := []rune("发货退款运费时候到了吗快递有现在不是我你们")
	var pats []Pattern
	whole := map[pair]bool{}
	for i, a := range alphabet {
		for j, b := range alphabet {
			text := string([]rune{a, b})
			if (i+j)%3 == 0 {
				whole[pairOf(a, b)] = true
			} else {
				text += string(alphabet[(i*j)%len(alphabet)])
			}
			pats = append(pats, Pattern{Text: text, ID: len(pats), Substring: true})
		}
	}
	m := MustNew(pats)
	for s, k := range m.pairs.keys {
		if k == 0 {
			continue
		}
		c := m.pairs.codes[s]
		assert.True(t, c >= 1 && c <= maxCode, "pair %x: code %d out of range", uint64(k), c)
		assert.Equal(t, whole[k], c == wholeCode, "pair %x: code %d", uint64(k), c)
	}
}

// TestASCIIPairsShareOneCode: a pair with an ASCII rune gets asciiCode
// unless it is a two-rune pattern, and patterns that mix pinyin and
// characters (退huo, di址) are found exactly as the oracle finds them,
// next to patterns of characters only, though all their keys collide.
func TestASCIIPairsShareOneCode(t *testing.T) {
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 2))
		word := randomWords(rng, "退货地址发huozhidiasf7天")
		pats := randomPatterns(rng, word, 400, 5, func() bool { return true })
		m := MustNew(pats)
		whole := map[pair]bool{}
		for _, p := range m.pats {
			if len(p.runes) == 2 {
				whole[pairOf(p.runes[0], p.runes[1])] = true
			}
		}
		for s, k := range m.pairs.keys {
			if k == 0 || whole[k] {
				continue
			}
			c := m.pairs.codes[s]
			assert.Equal(t, k.ascii(), c == asciiCode, "seed %d: pair %q%q has code %d", seed, rune(k>>32), rune(uint32(k)), c)
		}
		for i := range 200 {
			text := randomText(rng, word, 10, "", "，", " ", "\u200b")
			got := spans(text, m.FindAll(text))
			want := oracle(nil, pats, text)
			assert.True(t, slices.Equal(got, want), "seed %d text %d: FindAll(%q) = %q, oracle says %q", seed, i, text, got, want)
		}
	}
}
