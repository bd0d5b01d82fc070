package synonyms

import (
	"fmt"
	"strings"

	"github.com/kefu-go/kefu/matcher/normalize"
)

// Expansion is the result of [Thesaurus.ExpandPhrase].
type Expansion struct {
	// Variants are the phrase and its variants, normalised
	// (normalize.String), each once. Variants[0] is the phrase itself; the
	// others follow with fewer replaced words first.
	Variants []string
	// Truncated reports that there were more variants than the cap
	// (WithMaxVariants, DefaultMaxVariants by default) and that the rest
	// were left out.
	Truncated bool
}

// ExpandPhrase returns the variants of a multi-word keyword obtained by
// replacing its words with the words that stand for them ([Thesaurus.Expand]).
// With 什么 = 啥 and 快递 = 物流, 什么快递 gives 什么快递, 啥快递,
// 什么物流 and 啥物流.
//
// The phrase is normalised and cut by the segmenter (WithSegmenter, or
// segment.Default). Words of the thesaurus are then found on segment
// boundaries only, leftmost-longest: at each boundary the longest run of
// whole segments that is a word of the thesaurus is replaced as one unit,
// so 发票 is never touched for the 发 inside it, and if 什么时候 is a word
// it wins over 什么. A segmenter whose segments do not rebuild the phrase
// is not trusted: the phrase is then one unit.
//
// Variants are listed by the number of replaced units (none, one, two ...),
// then by position from the left, then in the order of Expand. At most the
// cap are returned; if more exist, Truncated is set: the overflow is never
// silent. An empty phrase, once normalised, gives no variants.
//
// The only error is failing to build the default segmenter. ExpandPhrase
// takes time linear in the phrase times the length of the longest word of
// the thesaurus, plus the size of the variants returned.
func (t *Thesaurus) ExpandPhrase(phrase string) (Expansion, error) {
	getSegmenter := t.segmenter
	if getSegmenter == nil { // the zero Thesaurus
		getSegmenter = segmenterFunc(nil)
	}
	seg, err := getSegmenter()
	if err != nil {
		return Expansion{}, fmt.Errorf("synonyms: loading the default segmenter: %w", err)
	}
	norm := normalize.String(phrase)
	if norm == "" {
		return Expansion{}, nil
	}
	segments := seg.Cut(norm)
	if strings.Join(segments, "") != norm {
		segments = []string{norm}
	}
	return t.enumerate(t.units(segments)), nil
}

// units groups segments into units, leftmost-longest: each unit is the
// list of its alternatives, the text itself first.
func (t *Thesaurus) units(segments []string) [][]string {
	var units [][]string
	for i := 0; i < len(segments); {
		end, text := i+1, segments[i]
		for j, s := i, ""; j < len(segments); j++ {
			if s += segments[j]; len(s) > t.maxKeyLen {
				break
			}
			if _, ok := t.index[s]; ok {
				end, text = j+1, s
			}
		}
		alts := []string{text}
		if _, ok := t.index[text]; ok {
			alts = alts[:0]
			for _, f := range t.expand(text) {
				alts = append(alts, f.key)
			}
		}
		units = append(units, alts)
		i = end
	}
	return units
}

// enumerate lists the combinations of the units' alternatives, fewest
// replacements first, up to the cap.
func (t *Thesaurus) enumerate(units [][]string) Expansion {
	var open []int // units with alternatives
	for i, alts := range units {
		if len(alts) > 1 {
			open = append(open, i)
		}
	}
	limit := t.maxVariants
	if limit < 1 { // the zero Thesaurus
		limit = DefaultMaxVariants
	}
	var (
		out    Expansion
		seen   = make(map[string]bool)
		choice = make([]int, len(units)) // alternative chosen per unit
		tries  = 0
		budget = 16 * limit // bounds the work when variants coincide
	)
	// emit adds the current choice; it returns false when the cap is hit.
	emit := func() bool {
		if len(out.Variants) == limit || tries == budget {
			out.Truncated = true
			return false
		}
		tries++
		var b strings.Builder
		for i, alts := range units {
			b.WriteString(alts[choice[i]])
		}
		if v := b.String(); !seen[v] {
			seen[v] = true
			out.Variants = append(out.Variants, v)
		}
		return true
	}
	if !emit() {
		return out
	}
	for k := 1; k <= len(open); k++ {
		if !eachCombination(len(open), k, func(picked []int) bool {
			return eachChoice(units, open, picked, choice, emit)
		}) {
			return out
		}
	}
	return out
}

// eachCombination calls fn with every k-subset of 0..n-1 in lexicographic
// order, until fn returns false; it reports whether all were visited.
func eachCombination(n, k int, fn func([]int) bool) bool {
	c := make([]int, k)
	for i := range c {
		c[i] = i
	}
	for {
		if !fn(c) {
			return false
		}
		i := k - 1
		for i >= 0 && c[i] == n-k+i {
			i--
		}
		if i < 0 {
			return true
		}
		c[i]++
		for j := i + 1; j < k; j++ {
			c[j] = c[j-1] + 1
		}
	}
}

// eachChoice sets choice to every replacement of the picked units (never
// the unit itself) in odometer order, the last unit fastest, calling emit
// for each; it restores choice and reports whether emit always said yes.
func eachChoice(units [][]string, open, picked, choice []int, emit func() bool) bool {
	for _, p := range picked {
		choice[open[p]] = 1
	}
	defer func() {
		for _, p := range picked {
			choice[open[p]] = 0
		}
	}()
	for {
		if !emit() {
			return false
		}
		i := len(picked) - 1
		for ; i >= 0; i-- {
			u := open[picked[i]]
			if choice[u]++; choice[u] < len(units[u]) {
				break
			}
			choice[u] = 1
		}
		if i < 0 {
			return true
		}
	}
}
