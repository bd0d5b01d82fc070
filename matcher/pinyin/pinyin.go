package pinyin

import (
	"slices"
	"strings"
	"unicode/utf8"
)

//go:generate go run ./internal/genpinyin

// Readings returns the toneless readings of r in lower-case letters, the
// most common first (地 gives di and de, 绿 lv and lu), or nil when r is
// not a character of the CJK Unified Ideographs block. The readings are
// substrings of one embedded constant: only the slice is allocated.
func Readings(r rune) []string {
	list := listOfRune(r)
	if list == "" {
		return nil
	}
	return strings.Split(list, ",")
}

// listOfRune returns r's readings joined by commas, or "".
func listOfRune(r rune) string {
	if r < tableLo || r >= tableHi {
		return ""
	}
	i := listOf[r-tableLo]
	return lists[listOff[i]:listOff[i+1]]
}

// Variants returns the ways of writing word with exactly one of its
// characters in pinyin, as customers type when the input method offers
// the wrong character or they do not wait for it: for 地址, di址 and de址
// (地 reads both ways), then 地zhi. A character's readings are its first
// one in the table and the other common ones (see alsoRead), not its rare
// or literary ones (积 zhi, 坏 pi), and never one of one letter (e for 额
// would stand next to too many other words). Other runes are kept as they
// are, and a word with no character in the table yields nothing. Variants
// are in order of the characters, with no duplicates.
func Variants(word string) []string {
	var out []string
	for i, r := range word {
		first, _, _ := strings.Cut(listOfRune(r), ",")
		for _, p := range []string{first, otherReadings(r)} {
			for p := range strings.SplitSeq(p, ",") {
				if len(p) < 2 {
					continue
				}
				if v := word[:i] + p + word[i+utf8.RuneLen(r):]; !slices.Contains(out, v) {
					out = append(out, v)
				}
			}
		}
	}
	return out
}
