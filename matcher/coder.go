package matcher

import (
	"cmp"
	"slices"
)

// coder maps runes to one-byte codes for the automaton. The runes of the
// patterns' prefixes get codes 1 to 255, the most frequent first, wrapping around when
// there are more than 255 of them (different runes may then share a code:
// candidates are verified exactly). Runes that occur in no prefix get 0,
// which no prefix contains.
type coder struct {
	cjk   []byte        // codes of U+4E00..U+9FFF
	ascii [128]byte     // codes of ASCII runes
	other map[rune]byte // codes of the remaining pattern runes
}

const cjkLo, cjkHi = 0x4E00, 0xA000

func newCoder(pats []pattern) coder {
	// Only the runes of the indexed prefixes reach the automaton; the rest
	// of each pattern is verified rune by rune. Coding only prefix runes
	// keeps the alphabet small and code sharing (false candidates) rare.
	freq := map[rune]int{}
	for _, p := range pats {
		for _, r := range p.runes[:min(len(p.runes), prefixRunes)] {
			freq[r]++
		}
	}
	alphabet := make([]rune, 0, len(freq))
	for r := range freq {
		alphabet = append(alphabet, r)
	}
	slices.SortFunc(alphabet, func(a, b rune) int {
		if c := cmp.Compare(freq[b], freq[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	c := coder{other: map[rune]byte{}}
	for i, r := range alphabet {
		code := byte(1 + i%255)
		switch {
		case r < 128:
			c.ascii[r] = code
		case r >= cjkLo && r < cjkHi:
			if c.cjk == nil {
				c.cjk = make([]byte, cjkHi-cjkLo)
			}
			c.cjk[r-cjkLo] = code
		default:
			c.other[r] = code
		}
	}
	return c
}

func (c *coder) code(r rune) byte {
	switch {
	case r < 128:
		return c.ascii[r]
	case r >= cjkLo && r < cjkHi:
		if c.cjk == nil {
			return 0
		}
		return c.cjk[r-cjkLo]
	default:
		return c.other[r]
	}
}
