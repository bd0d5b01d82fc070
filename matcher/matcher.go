package matcher

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/cloudflare/ahocorasick"

	"github.com/kefu-go/kefu/matcher/normalize"
	"github.com/kefu-go/kefu/matcher/segment"
)

// MaxPatternRunes is the longest pattern New accepts, in normalised runes.
const MaxPatternRunes = 64

// keyPairs is how many pairs of adjacent runes, at most, of each pattern
// the automaton indexes: a pattern's key is the codes of its first two
// pairs (three runes). Candidates are verified in full, so a short key costs only
// some false candidates, and it keeps the automaton small (see doc.go):
// with three pairs the starter library's automaton took 66 MB, with two
// 27 MB, and a message without a keyword took about 10% longer
// (benchmarks, interleaved runs, 2026-11-27).
const keyPairs = 2

// A Pattern is a keyword to find.
type Pattern struct {
	// Text is the surface form. It is normalised like messages, so 發貨,
	// 发 货 and 发货 are the same pattern.
	Text string
	// ID is the caller's identifier, reported in every Match of this
	// pattern. IDs need not be unique.
	ID int
	// Substring turns off word-boundary checks for this pattern: it matches
	// wherever its normalised text occurs, and no segmentation is done for it.
	Substring bool
	// Means, if set, is what Text stands for when it is written another way
	// (地址 for di址, typed in pinyin): word boundaries are then decided as
	// if Means were written in the match's place. Segmenting 我的di址 as
	// written splits di from 址, and 能开piao吗 glues 开 to 能 (能开|piao),
	// while 能开票吗 gives 能|开票|吗. A clause that holds such candidates
	// is segmented once more with all their Means in place (once per
	// layer, where they overlap). Means is ignored for a Substring
	// pattern. It is normalised like Text.
	Means string
}

// A Match is one occurrence of a pattern.
type Match struct {
	// ID is the ID of the pattern that matched.
	ID int
	// Start and End are byte offsets of the match in the caller's original,
	// un-normalised text: text[Start:End] is what the customer typed.
	Start, End int
	// Boundary says how the match sits among the words of the text.
	Boundary Boundary
}

// Errors returned by New.
var (
	ErrEmptyPattern   = errors.New("matcher: pattern is empty after normalisation")
	ErrPatternTooLong = fmt.Errorf("matcher: pattern is longer than %d runes", MaxPatternRunes)
	ErrPatternBreak   = errors.New("matcher: pattern holds punctuation that ends a word (，。？ ...)")
)

// A PatternError reports which pattern New rejected.
type PatternError struct {
	Index int    // index of the pattern in the slice given to New
	Text  string // the pattern's Text, or its Means if Means is set
	Means bool   // the Means is wrong, not the Text
	Err   error  // ErrEmptyPattern, ErrPatternTooLong or ErrPatternBreak
}

// Error names the pattern, the field if it is the Means, and what is
// wrong.
func (e *PatternError) Error() string {
	if e.Means {
		return fmt.Sprintf("%v: pattern %d's Means %q", e.Err, e.Index, e.Text)
	}
	return fmt.Sprintf("%v: pattern %d %q", e.Err, e.Index, e.Text)
}

// Unwrap returns ErrEmptyPattern, ErrPatternTooLong or ErrPatternBreak.
func (e *PatternError) Unwrap() error { return e.Err }

// pattern is a compiled Pattern.
// Its index in Matcher.pats is its index in the slice given to New, the
// tie-break between matches of the same span. It is kept small: a
// library with pinyin variants has tens of thousands of patterns.
type pattern struct {
	runes     []rune
	id        int
	group     int32 // the automaton's key for the pattern; -1 for one rune
	meansAt   int32 // Means is Matcher.means[meansAt:meansAt+meansLen]
	lastWord  int8  // start of the last word of the pattern, or of Means if set; 0 for a single word
	meansLen  int8  // 0 when the pattern has no Means
	substring bool
}

// Matcher finds patterns in text. It is immutable once built and safe for
// concurrent use by multiple goroutines.
type Matcher struct {
	pats    []pattern
	means   []rune // the runes of every pattern's Means, one after another; empty when none has one
	pairs   pairIndex
	groups  int                  // number of distinct automaton keys
	ac      *ahocorasick.Matcher // nil when no pattern has two runes
	singles bool                 // some pattern is a single rune
	seg     segment.Segmenter
	cfg     config
	pool    sync.Pool // *scratch
}

// New compiles patterns into a Matcher. It returns a *PatternError for a
// pattern whose Text or Means is empty after normalisation, longer than
// MaxPatternRunes, or split by punctuation that ends a word (发货，退款 is
// two patterns).
func New(patterns []Pattern, opts ...Option) (*Matcher, error) {
	m := &Matcher{}
	for _, o := range opts {
		o(&m.cfg)
	}
	m.seg = m.cfg.seg
	needSeg := false
	m.pats = make([]pattern, len(patterns))
	for i, p := range patterns {
		runes, err := patternRunes(i, p.Text)
		if err != nil {
			return nil, err
		}
		m.pats[i] = pattern{runes: runes, id: p.ID, substring: p.Substring}
		needSeg = needSeg || !p.Substring
		if p.Means == "" || p.Substring {
			continue
		}
		means, err := patternRunes(i, p.Means)
		if err != nil {
			err.(*PatternError).Means = true
			return nil, err
		}
		m.pats[i].meansAt, m.pats[i].meansLen = int32(len(m.means)), int8(len(means))
		m.means = append(m.means, means...)
	}
	if needSeg && m.seg == nil {
		s, err := segment.Default()
		if err != nil {
			return nil, err
		}
		m.seg = s
	}
	// Segmenting is the costly part of New: each distinct text once (the
	// Means of a word's pinyin variants and the word itself are one).
	lastWords := map[string]int8{}
	for i := range m.pats {
		p := &m.pats[i]
		w := m.wordsOf(p)
		if p.substring || len(w) < 2 {
			continue
		}
		lw, ok := lastWords[string(w)]
		if !ok {
			lw = int8(lastWordStart(m.seg, w))
			lastWords[string(w)] = lw
		}
		p.lastWord = lw
	}
	m.build()
	return m, nil
}

// patternRunes normalises the text of pattern i (its Text or Means) and
// checks it.
func patternRunes(i int, text string) ([]rune, error) {
	runes := []rune(normalize.String(text))
	switch {
	case len(runes) == 0:
		return nil, &PatternError{Index: i, Text: text, Err: ErrEmptyPattern}
	case len(runes) > MaxPatternRunes:
		return nil, &PatternError{Index: i, Text: text, Err: ErrPatternTooLong}
	case slices.Contains(runes, normalize.Separator):
		// It would match across a break, which no word does.
		return nil, &PatternError{Index: i, Text: text, Err: ErrPatternBreak}
	}
	return runes, nil
}

// wordsOf returns the runes whose words decide p's boundaries: its Means
// if it has one, else its own.
func (m *Matcher) wordsOf(p *pattern) []rune {
	if p.meansLen > 0 {
		return m.means[p.meansAt : p.meansAt+int32(p.meansLen)]
	}
	return p.runes
}

// MustNew is like New but panics if a pattern is invalid. It is meant for
// patterns fixed at compile time.
func MustNew(patterns []Pattern, opts ...Option) *Matcher {
	m, err := New(patterns, opts...)
	if err != nil {
		panic(err)
	}
	return m
}

// lastWordStart returns the rune offset at which the last word of the
// pattern starts when the segmenter splits it, or 0.
func lastWordStart(seg segment.Segmenter, runes []rune) int {
	norm := string(runes)
	words := seg.Cut(norm)
	if len(words) < 2 {
		return 0
	}
	last := words[len(words)-1]
	if len(last) >= len(norm) || norm[len(norm)-len(last):] != last {
		return 0 // the segmenter broke its contract; treat as one word
	}
	return utf8.RuneCountInString(norm[:len(norm)-len(last)])
}

// build indexes the pairs of the patterns and compiles the automaton over
// their keys.
func (m *Matcher) build() {
	m.pairs = newPairIndex(m.pats)
	var dict [][]byte
	group := map[string]int32{} // key -> index in dict
	for i := range m.pats {
		p := &m.pats[i]
		if len(p.runes) == 1 {
			p.group = -1
			m.singles = true
			continue
		}
		key := make([]byte, 0, keyPairs)
		for j := 0; j+1 < len(p.runes) && j < keyPairs; j++ {
			key = append(key, m.pairs.codes[m.pairs.slot(pairOf(p.runes[j], p.runes[j+1]))])
		}
		g, ok := group[string(key)]
		if !ok {
			g = int32(len(dict))
			group[string(key)] = g
			dict = append(dict, key)
		}
		p.group = g
	}
	m.groups = len(dict)
	if len(dict) > 0 {
		m.ac = ahocorasick.NewMatcher(dict)
	}
}

// scratch holds the per-call buffers.
type scratch struct {
	text   normalize.Text
	enc    []byte  // the code of each pair of adjacent runes, 0 for none
	slots  []int32 // the pair index slot of each pair, -1 for none
	hit    []bool  // automaton keys that occur
	cands  []candidate
	clause []byte // the clause being segmented, in UTF-8
	ends   []int
	words  words
	alt    words   // the words of a clause with patterns' Means in it
	altRun []rune  // that clause
	altAt  []int32 // where each placed candidate's Means starts in altRun
	wait   []int32 // candidates with a Means not classified yet
	placed []int32 // those classified in the current pass
}

type candidate struct {
	pat  int32
	s, e int // rune positions
	b    Boundary
}

// FindAll returns every occurrence of every pattern in text, overlapping
// ones included, ordered by start offset, then longer matches first, then
// by the patterns' order in New. Matches that cross a word boundary are
// left out unless WithCrossing was given.
func (m *Matcher) FindAll(text string) []Match {
	return m.AppendAll(nil, text)
}

// AppendAll appends the matches FindAll would return to dst and returns the
// extended slice, so that a caller can reuse one buffer for many texts.
func (m *Matcher) AppendAll(dst []Match, text string) []Match {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	cands := m.find(sc, text)
	dst = slices.Grow(dst, len(cands))
	for _, c := range cands {
		start, end := sc.text.Span(c.s, c.e)
		dst = append(dst, Match{ID: m.pats[c.pat].id, Start: start, End: end, Boundary: c.b})
	}
	return dst
}

// FindLeftmostLongest returns non-overlapping matches, scanning from the
// left: at each position the longest match wins, and among matches of the
// same span the pattern given first to New wins. Matches that cross a word
// boundary never take part, and are not reported even with WithCrossing.
func (m *Matcher) FindLeftmostLongest(text string) []Match {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	cands := m.find(sc, text)
	var out []Match
	next := 0 // first rune position not yet covered
	for _, c := range cands {
		if c.b == Crossing || c.s < next {
			continue
		}
		start, end := sc.text.Span(c.s, c.e)
		out = append(out, Match{ID: m.pats[c.pat].id, Start: start, End: end, Boundary: c.b})
		next = c.e
	}
	return out
}

func (m *Matcher) getScratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{hit: make([]bool, m.groups)}
}

// find normalises text, codes its pairs of adjacent runes, runs the
// automaton over the codes, verifies the candidates, classifies them and
// returns them sorted.
func (m *Matcher) find(sc *scratch, text string) []candidate {
	sc.text.Reset(text)
	runes := sc.text.Runes
	n := len(runes)
	if n == 0 || len(m.pats) == 0 {
		return nil
	}
	sc.enc, sc.slots = slices.Grow(sc.enc[:0], n)[:n-1], slices.Grow(sc.slots[:0], n)[:n-1]
	starts := false // some pair of the text is the first pair of a pattern
	for i := range sc.enc {
		s := m.pairs.slot(pairOf(runes[i], runes[i+1]))
		c := byte(0)
		if s >= 0 {
			c = m.pairs.codes[s]
			starts = starts || m.pairs.off[s] < m.pairs.off[s+1]
		}
		sc.enc[i], sc.slots[i] = c, int32(s)
	}
	var hits []int
	if starts && m.ac != nil {
		hits = m.ac.MatchThreadSafe(sc.enc)
	}
	if len(hits) == 0 && !m.singles {
		return nil // the usual message: no key, so no candidate
	}
	for _, g := range hits {
		sc.hit[g] = true
	}
	defer func() {
		for _, g := range hits {
			sc.hit[g] = false
		}
	}()

	sc.cands = sc.cands[:0]
	needWords := false
	for i := 0; i < n; i++ {
		if m.singles {
			if s := m.pairs.slot(pairOf(runes[i], anyRune)); s >= 0 {
				needWords = m.verify(sc, m.pairs.starting(s), i) || needWords
			}
		}
		if len(hits) > 0 && i+1 < n && sc.slots[i] >= 0 {
			needWords = m.verify(sc, m.pairs.starting(int(sc.slots[i])), i) || needWords
		}
	}
	if len(sc.cands) == 0 {
		return nil
	}
	if needWords {
		m.segmentClauses(sc)
	}
	if len(m.means) > 0 {
		m.classifyMeanings(sc)
	}
	kept := sc.cands[:0]
	for _, c := range sc.cands {
		p := &m.pats[c.pat]
		switch {
		case p.substring:
			c.b = Substring
		case p.meansLen > 0:
			// classified by classifyMeanings
		default:
			c.b = sc.words.classify(c.s, c.e, int(p.lastWord))
		}
		if c.b != Crossing || m.cfg.crossing {
			kept = append(kept, c)
		}
	}
	slices.SortFunc(kept, func(a, b candidate) int {
		if a.s != b.s {
			return cmp.Compare(a.s, b.s)
		}
		if a.e != b.e {
			return cmp.Compare(b.e, a.e)
		}
		return cmp.Compare(a.pat, b.pat)
	})
	return kept
}

// segmentClauses segments, each on its own, the clauses (runs of runes
// between separators) that hold a candidate needing word boundaries. No
// word crosses a break, so a clause's words do not depend on the rest of
// the message, and the other clauses are never segmented.
func (m *Matcher) segmentClauses(sc *scratch) {
	runes := sc.text.Runes
	sc.words.reset(len(runes))
	done := 0 // runes before done are segmented or need not be
	for _, c := range sc.cands {
		if p := &m.pats[c.pat]; p.substring || p.meansLen > 0 || c.e <= done {
			continue
		}
		a, b := clauseOf(runes, done, max(c.s, done), c.e)
		m.segment(sc, runes[a:b])
		sc.words.add(a, sc.clause, b-a, sc.ends)
		done = b
	}
}

// clauseOf returns the clause, [a, b) in runes, that holds the runes
// [s, e): the runs of runes between separators around them, not starting
// before lo.
func clauseOf(runes []rune, lo, s, e int) (a, b int) {
	a, b = s, e
	for a > lo && runes[a-1] != normalize.Separator {
		a--
	}
	for b < len(runes) && runes[b] != normalize.Separator {
		b++
	}
	return a, b
}

// segment segments clause into sc.clause (its UTF-8) and sc.ends (the
// byte ends of its words).
func (m *Matcher) segment(sc *scratch, clause []rune) {
	sc.clause = sc.clause[:0]
	for _, r := range clause {
		sc.clause = utf8.AppendRune(sc.clause, r)
	}
	sc.ends = sc.ends[:0]
	if bd, ok := m.seg.(segment.Bounder); ok {
		sc.ends = bd.AppendBoundaries(sc.ends, sc.clause)
		return
	}
	prev := 0
	for _, w := range m.seg.Cut(string(sc.clause)) {
		prev += len(w)
		sc.ends = append(sc.ends, prev)
	}
}

// classifyMeanings classifies the candidates of patterns with a Means
// (see Pattern.Means): every clause that holds some is segmented again
// with their Means written in their places, and each is classified
// there. A candidate that overlaps one already placed waits for another
// pass, so a clause is segmented once per layer of overlapping
// candidates, not once per candidate; candidates of the same span and
// Means (one variant in several rules) share a place.
func (m *Matcher) classifyMeanings(sc *scratch) {
	runes := sc.text.Runes
	sc.wait = sc.wait[:0]
	for k, c := range sc.cands {
		if m.pats[c.pat].meansLen > 0 {
			sc.wait = append(sc.wait, int32(k))
		}
	}
	for len(sc.wait) > 0 {
		// Place the candidates that overlap no placed one; the others wait.
		sc.placed = sc.placed[:0]
		next := sc.wait[:0] // filtered in place: it never overtakes the reading
		end := -1
		for _, k := range sc.wait {
			if c := sc.cands[k]; c.s >= end || m.samePlace(sc, sc.placed[len(sc.placed)-1], k) {
				sc.placed = append(sc.placed, k)
				end = max(end, c.e)
			} else {
				next = append(next, k)
			}
		}
		for i := 0; i < len(sc.placed); {
			first := sc.cands[sc.placed[i]]
			a, b := clauseOf(runes, 0, first.s, first.e)
			j := i
			for j < len(sc.placed) && sc.cands[sc.placed[j]].s < b {
				j++
			}
			// The clause with every placed candidate's Means in its place;
			// altAt[x] is where the Means of placed[i+x] starts in it.
			sc.altRun, sc.altAt = sc.altRun[:0], sc.altAt[:0]
			pos := a
			for x, k := range sc.placed[i:j] {
				if x > 0 && m.samePlace(sc, sc.placed[i+x-1], k) {
					sc.altAt = append(sc.altAt, sc.altAt[x-1])
					continue
				}
				c := sc.cands[k]
				sc.altRun = append(sc.altRun, runes[pos:c.s]...)
				sc.altAt = append(sc.altAt, int32(len(sc.altRun)))
				sc.altRun = append(sc.altRun, m.wordsOf(&m.pats[c.pat])...)
				pos = c.e
			}
			sc.altRun = append(sc.altRun, runes[pos:b]...)
			m.segment(sc, sc.altRun)
			sc.alt.reset(len(sc.altRun))
			sc.alt.add(0, sc.clause, len(sc.altRun), sc.ends)
			for x, k := range sc.placed[i:j] {
				p := &m.pats[sc.cands[k].pat]
				s := int(sc.altAt[x])
				sc.cands[k].b = sc.alt.classify(s, s+int(p.meansLen), int(p.lastWord))
			}
			i = j
		}
		sc.wait = next
	}
}

// samePlace reports whether candidates k0 and k stand for the same words
// in the same place: the same span and the same Means.
func (m *Matcher) samePlace(sc *scratch, k0, k int32) bool {
	c0, c := sc.cands[k0], sc.cands[k]
	return c0.s == c.s && c0.e == c.e && slices.Equal(m.wordsOf(&m.pats[c0.pat]), m.wordsOf(&m.pats[c.pat]))
}

// verify appends the patterns of pats that occur at rune position i and
// whose key the automaton reported, and reports whether any of them needs
// word boundaries. The patterns of pats start with the runes at i, so only
// the runes after the first two are compared.
func (m *Matcher) verify(sc *scratch, pats []int32, i int) bool {
	need := false
	runes := sc.text.Runes
	for _, pi := range pats {
		p := &m.pats[pi]
		e := i + len(p.runes)
		if p.group >= 0 && !sc.hit[p.group] || e > len(runes) || len(p.runes) > 2 && !slices.Equal(p.runes[2:], runes[i+2:e]) {
			continue
		}
		sc.cands = append(sc.cands, candidate{pat: pi, s: i, e: e})
		need = need || !p.substring && p.meansLen == 0
	}
	return need
}
