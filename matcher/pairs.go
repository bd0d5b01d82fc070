package matcher

import (
	"github.com/kefu-go/kefu/matcher/internal/order"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// A pair is two adjacent runes, r0<<32 | r1. Runes are below 1<<21, so no
// pair is zero, which marks an empty slot.
type pair uint64

func pairOf(r0, r1 rune) pair { return pair(uint64(r0)<<32 | uint64(uint32(r1))) }

// ascii reports whether either rune of p is ASCII (anyRune is not).
func (p pair) ascii() bool {
	return p>>32 < utf8.RuneSelf || uint32(p) < utf8.RuneSelf
}

// anyRune stands for the second rune of a one-rune pattern: the pair
// (r, anyRune) indexes the patterns that are the rune r alone. No rune of a
// text equals it.
const anyRune = rune(-1)

// wholeCode is the code of every pair that is a two-rune pattern.
const wholeCode = 1

// asciiCode is the code of every other pair that holds an ASCII rune (a
// Latin letter or a digit, after folding): di, i址 and 退h of the pinyin
// variants di址 and 退huo, or sf and 7天. Such pairs are rare in Chinese
// messages, and sharing one code keeps the keys of patterns that hold
// them few: with codes by frequency, the starter library's pinyin
// variants brought some 750 new keys and 3.1 MB of automaton; with one
// code, they bring at most one key per code.
const asciiCode = 2

// firstSharedCode is the lowest code that pairs share by frequency.
const firstSharedCode = 3

// maxCode is the highest code of a pair. Fewer codes mean fewer distinct
// automaton keys, and cloudflare/ahocorasick allocates a 4 KB node for
// every byte of every key (the keys' shared first bytes included); more
// codes mean fewer false candidates. In interleaved benchmark runs over
// the tuned starter library (2026-11-27), a ready engine kept 42.0 MB at
// 63 against 53.8 MB at 255, and a message without a keyword took 580 to
// 670 ns against 500 to 520 ns. As the library grew, a ready engine came
// to 50.9 MB at 63 (0.253x gse's full dictionary, over its 0.25x
// target); 55 keeps 47.5 MB (0.236x), and in interleaved runs (n=6) no
// benchmark of 55, 59 and 63 differed significantly (geomean +2.7%).
const maxCode = 55

// pairIndex is an open-addressing hash table over the pairs of adjacent
// runes that occur in the patterns. For each pair it holds the one-byte
// code the automaton sees for it, and the patterns that start with it.
// Lookups are exact: a pair of a text that occurs in no pattern is not
// found, and gets code 0, which no automaton key contains.
type pairIndex struct {
	keys  []pair   // 0 for an empty slot
	codes []byte   // code of keys[i], 1 to maxCode
	off   []uint32 // the patterns starting with keys[i] are pats[off[i]:off[i+1]]
	pats  []int32  // pattern indexes, grouped by slot
}

// slot returns the slot of p, or -1 when p is not in the index.
func (x *pairIndex) slot(p pair) int {
	if i, found := x.probe(p); found {
		return i
	}
	return -1
}

// probe returns the slot holding p, or the empty slot where p would go.
func (x *pairIndex) probe(p pair) (i int, found bool) {
	mask := len(x.keys) - 1
	for i = hash(p) & mask; x.keys[i] != 0; i = (i + 1) & mask {
		if x.keys[i] == p {
			return i, true
		}
	}
	return i, false
}

// insert returns the slot of p, adding p if it is new.
func (x *pairIndex) insert(p pair) int {
	i, found := x.probe(p)
	if !found {
		x.keys[i] = p
	}
	return i
}

// hash mixes the runes of a pair (Fibonacci hashing); the table takes its
// low bits, which come from the middle of the product.
func hash(p pair) int { return int((uint64(p) * 0x9E3779B97F4A7C15) >> 29) }

// starting returns the indexes of the patterns that start with the pair in
// slot i.
func (x *pairIndex) starting(i int) []int32 { return x.pats[x.off[i]:x.off[i+1]] }

// newPairIndex indexes every pair of adjacent runes of the patterns, and
// every pattern under its first pair (a one-rune pattern r under (r,
// anyRune)).
//
// A two-rune pattern is its first pair, so its pairs all get code 1: the
// automaton's key [1] then occurs exactly where some two-rune pattern
// does. Pairs with an ASCII rune get asciiCode. The other pairs get codes
// firstSharedCode to maxCode in order of how many patterns hold them, the
// most frequent first, wrapping around: the keys of longer patterns are
// sequences of these, and pairs that share a code are told apart when
// candidates are verified.
func newPairIndex(pats []pattern) pairIndex {
	freq := map[pair]int{}
	whole := map[pair]bool{} // pairs that are a two-rune pattern
	for _, p := range pats {
		switch len(p.runes) {
		case 1:
			freq[pairOf(p.runes[0], anyRune)]++
		case 2:
			whole[pairOf(p.runes[0], p.runes[1])] = true
		}
		for i := 0; i+1 < len(p.runes); i++ {
			freq[pairOf(p.runes[i], p.runes[i+1])]++
		}
	}
	// At most a quarter full, so that most lookups of a pair that is not
	// there, the usual case, stop at the first slot.
	size := 1 << max(4, bits.Len(uint(4*len(freq))))
	x := pairIndex{
		keys:  make([]pair, size),
		codes: make([]byte, size),
		off:   make([]uint32, size+1),
	}
	ranked := order.ByCount(freq, true)
	next := 0
	for _, p := range ranked {
		var code byte
		switch {
		case whole[p]:
			code = wholeCode
		case p.ascii():
			code = asciiCode
		default:
			code = byte(firstSharedCode + next%(maxCode-firstSharedCode+1))
			next++
		}
		x.codes[x.insert(p)] = code
	}
	// Group the patterns by the slot of their first pair, in pattern order.
	firstSlot := make([]int, len(pats))
	for i, p := range pats {
		second := anyRune
		if len(p.runes) > 1 {
			second = p.runes[1]
		}
		firstSlot[i] = x.slot(pairOf(p.runes[0], second))
		x.off[firstSlot[i]+1]++
	}
	for i := 1; i <= size; i++ {
		x.off[i] += x.off[i-1]
	}
	fill := slices.Clone(x.off[:size])
	x.pats = make([]int32, len(pats))
	for i, s := range firstSlot {
		x.pats[fill[s]] = int32(i)
		fill[s]++
	}
	return x
}
