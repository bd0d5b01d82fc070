package compliance

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kefu-go/kefu/matcher"
	"github.com/kefu-go/kefu/matcher/normalize"
)

// Filter checks and cleans outgoing reply text. Build one with New; a
// Filter is immutable and safe for concurrent use by multiple goroutines.
type Filter struct {
	index   *matcher.Matcher
	words   []Entry  // pattern ID i < len(words) is words[i]
	allowed []string // pattern ID len(words)+j is allowed[j]
	// latin[id] says whether the pattern starts (bit 0) or ends (bit 1)
	// with an ASCII letter or digit, and so must not touch one in the text.
	latin   []uint8
	actions map[Category]Action
	// pairs holds every pair of adjacent runes of the listed words and
	// allowed compounds, normalised: a word can form across a join only
	// if the two runes that meet there are one of them.
	pairs map[[2]rune]bool
	pool  sync.Pool // *scratch
}

// scratch holds the buffers of one Check or Clean call.
type scratch struct {
	ms, allowed   []matcher.Match
	edits, others []Finding
	next          []Finding // the edits of the next pass
	text          []byte    // the text being built by applyEdits
	changed       []span    // where applyEdits changed the text, in the new text
	removed       []span    // what applyEdits replaced, in the old text
}

// A span is a byte range [lo, hi) of a text.
type span struct{ lo, hi int }

func (f *Filter) getScratch() *scratch {
	if sc, ok := f.pool.Get().(*scratch); ok {
		return sc
	}
	return new(scratch)
}

// maxRewritePasses bounds the passes of Clean that may rewrite; later
// passes only drop, so cleaning always ends.
const maxRewritePasses = 4

// New builds a Filter from the embedded word list and allow-list and the
// options. It returns an *EntryError for a bad entry.
func New(opts ...Option) (*Filter, error) {
	var s settings
	for _, o := range opts {
		o(&s)
	}
	var l lists
	if !s.noDefaults {
		words, allowed, err := defaultLists()
		if err != nil {
			return nil, err
		}
		for _, e := range words {
			l.words.put(e.Word, e)
		}
		for _, a := range allowed {
			l.allowed.put(a, struct{}{})
		}
	}
	for _, c := range s.changes {
		c(&l)
	}
	for c, a := range s.actions {
		if a < Rewrite || a > Flag {
			return nil, &EntryError{Word: string(c), Err: fmt.Errorf("%w %v for category %q", ErrAction, a, c)}
		}
	}

	f := &Filter{actions: s.actions, pairs: map[[2]rune]bool{}}
	var ps []matcher.Pattern
	var err error
	l.words.each(func(w string, e Entry) {
		if err != nil || l.allowed.has(w) {
			return
		}
		if _, verr := e.validate(); verr != nil {
			err = &EntryError{Word: w, Err: verr}
			return
		}
		e.Action = f.action(e.Category, e.Action, e.Replacement != "")
		ps = append(ps, matcher.Pattern{Text: w, ID: len(f.words), Substring: true})
		f.words = append(f.words, e)
	})
	if err != nil {
		return nil, err
	}
	l.allowed.each(func(w string, _ struct{}) {
		if err == nil && (strings.TrimSpace(w) == "" || !utf8.ValidString(w)) {
			err = &EntryError{Word: w, Err: ErrEmptyWord}
		}
		ps = append(ps, matcher.Pattern{Text: w, ID: len(f.words) + len(f.allowed), Substring: true})
		f.allowed = append(f.allowed, w)
	})
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		f.latin = append(f.latin, latinEdges(p.Text))
		rs := []rune(normalize.String(p.Text))
		for i := 1; i < len(rs); i++ {
			f.pairs[[2]rune{rs[i-1], rs[i]}] = true
		}
	}
	if f.index, err = matcher.New(ps); err != nil {
		return nil, fmt.Errorf("compliance: %w", err)
	}
	sc := new(scratch)
	for _, e := range f.words {
		if e.Action != Rewrite {
			continue
		}
		if edits, others := f.scan(sc, e.Replacement, nil, nil); len(edits)+len(others) > 0 {
			return nil, &EntryError{Word: e.Word, Err: fmt.Errorf("%w: %q contains %q", ErrReplacementListed, e.Replacement, append(edits, others...)[0].Word)}
		}
	}
	return f, nil
}

// MustNew is like New but panics on error. It is for static options,
// such as the defaults, whose errors are programming errors.
func MustNew(opts ...Option) *Filter {
	f, err := New(opts...)
	if err != nil {
		panic(err)
	}
	return f
}

// Words returns a copy of the word list in use, with the actions that
// WithAction set.
func (f *Filter) Words() []Entry { return slices.Clone(f.words) }

// Allowed returns a copy of the allow-list in use.
func (f *Filter) Allowed() []string { return slices.Clone(f.allowed) }

// action returns the action for a finding of category c whose list
// action is a.
func (f *Filter) action(c Category, a Action, canRewrite bool) Action {
	if o, ok := f.actions[c]; ok {
		a = o
	}
	if a == Rewrite && !canRewrite {
		a = Drop
	}
	return a
}

// Check returns the findings in text, sorted by Start and, at the same
// Start, longest first. Listed words are chosen leftmost-longest, once
// for the words Clean edits (Rewrite, Drop) and once for the others
// (Block, Flag), so a Block finding may overlap an edit. A listed word
// that lies wholly inside an allowed compound is not a finding.
func (f *Filter) Check(text string) []Finding {
	sc := f.getScratch()
	defer f.pool.Put(sc)
	return f.check(sc, text)
}

// check is Check, with the buffers of sc.
func (f *Filter) check(sc *scratch, text string) []Finding {
	sc.edits, sc.others = f.scan(sc, text, sc.edits[:0], sc.others[:0])
	pii := findPII(text)
	if len(sc.edits)+len(sc.others)+len(pii) == 0 {
		return nil
	}
	fs := make([]Finding, 0, len(sc.edits)+len(sc.others)+len(pii))
	fs = append(append(fs, sc.edits...), sc.others...)
	for _, s := range pii {
		fs = append(fs, Finding{
			Category:   s.cat,
			Action:     f.piiAction(s),
			Start:      s.start,
			End:        s.end,
			Confidence: s.conf,
		})
	}
	sortFindings(fs)
	return fs
}

func (f *Filter) piiAction(s piiSpan) Action {
	a := Block
	if s.cat == CategoryBankCard && s.conf == ConfidenceLow {
		a = Flag
	}
	return f.action(s.cat, a, false)
}

// Clean returns text with Rewrite findings replaced and Drop findings
// deleted, the findings of Check, and whether the reply is blocked. The
// cleaned text is always valid UTF-8: invalid bytes in the input become
// U+FFFD.
//
// After a deletion the text around it is tidied (see joinDrop), and the
// result is checked again when an edit may have made a new word: where
// the two runes that now meet are a pair of a listed word or allowed
// compound, or where an edit broke an allowed compound. Clean repeats
// until no Rewrite or Drop word is left outside an allowed compound.
// Ordinary replies take one pass; each pass is linear in the length of the
// text plus the number of matches.
func (f *Filter) Clean(text string) Result {
	return f.clean(text, false)
}

// clean is Clean. With always, it checks the text again after every edit:
// the tests compare the two.
func (f *Filter) clean(text string, always bool) Result {
	sc := f.getScratch()
	defer f.pool.Put(sc)
	res := Result{Text: text, Findings: f.check(sc, text)}
	edits := sc.edits[:0] // the words, and any personal data set to Drop
	for _, x := range res.Findings {
		res.Blocked = res.Blocked || x.Action == Block
		if x.Action.edits() {
			edits = append(edits, x)
		}
	}
	valid := utf8.ValidString(text)
	for pass := 0; ; pass++ {
		if len(edits) > 0 {
			sc.text, sc.changed, sc.removed = applyEdits(sc.text, res.Text, edits, pass < maxRewritePasses, sc.changed[:0], sc.removed[:0])
			res.Text = string(sc.text)
			if valid && !always && !f.mayFormWords(sc, res.Text) {
				return res
			}
		} else if valid {
			return res
		}
		// Invalid bytes become U+FFFD, which the matcher takes for noise:
		// check again, as after an edit.
		res.Text = strings.ToValidUTF8(res.Text, "\uFFFD")
		valid = true
		var others []Finding
		edits, others = f.scan(sc, res.Text, sc.next[:0], sc.others[:0])
		sc.next, sc.edits, sc.others = sc.edits, edits, others
		for _, x := range others {
			res.Blocked = res.Blocked || x.Action == Block
		}
	}
}

// mayFormWords reports whether the edits that made text, recorded in
// sc.changed and sc.removed, may have made a listed word that a new check
// would find. A word the edits made either crosses a place where they
// changed the text, and then holds the two runes that meet there, or was
// inside an allowed compound that an edit broke (sc.allowed holds the
// compounds of the text before the edits). A word with a Latin edge cannot
// have been freed by an edit from the letter it touched: a listed word
// that held that letter touched the word's edge too, and was not found
// either, and personal data does not start or end next to a letter or
// digit.
func (f *Filter) mayFormWords(sc *scratch, text string) bool {
	for _, c := range sc.changed {
		if f.mayJoin(text, c.lo) || c.hi > c.lo && f.mayJoin(text, c.hi) {
			return true
		}
	}
	for _, a := range sc.allowed {
		for _, r := range sc.removed {
			if a.Start < r.hi && r.lo < a.End {
				return true
			}
		}
	}
	return false
}

// mayJoin reports whether a word may cross text at i: the runes that
// normalisation keeps on either side, skipping noise, are a pair of some
// word.
func (f *Filter) mayJoin(text string, i int) bool {
	left, lc, _ := normalize.Before(text, i)
	right, rc, _ := normalize.After(text, i)
	// No word crosses a break or an end of the text.
	return lc == normalize.Keep && rc == normalize.Keep && f.pairs[[2]rune{left, right}]
}

// scan finds the listed words in text outside allowed compounds and
// appends two leftmost-longest selections to edits and others: the words
// to edit and the others. It leaves the allowed compounds in sc.allowed.
func (f *Filter) scan(sc *scratch, text string, edits, others []Finding) ([]Finding, []Finding) {
	sc.ms = f.index.AppendAll(sc.ms[:0], text)
	ms := sc.ms
	sortMatches(ms)
	allowed := sc.allowed[:0]
	for _, m := range ms {
		if m.ID >= len(f.words) && f.edgesOK(text, m) {
			allowed = append(allowed, m)
		}
	}
	sc.allowed = allowed
	j, coveredTo := 0, -1
	editEnd, otherEnd := 0, 0
	for _, m := range ms {
		if m.ID >= len(f.words) || !f.edgesOK(text, m) {
			continue
		}
		for ; j < len(allowed) && allowed[j].Start <= m.Start; j++ {
			coveredTo = max(coveredTo, allowed[j].End)
		}
		if coveredTo >= m.End {
			continue
		}
		e := f.words[m.ID]
		fd := Finding{Category: e.Category, Action: e.Action, Start: m.Start, End: m.End, Word: e.Word, Confidence: ConfidenceHigh}
		if e.Action == Rewrite {
			fd.Suggestion = e.Replacement
		}
		switch {
		case e.Action.edits() && m.Start >= editEnd:
			edits = append(edits, fd)
			editEnd = m.End
		case !e.Action.edits() && m.Start >= otherEnd:
			others = append(others, fd)
			otherEnd = m.End
		}
	}
	return edits, others
}

// edgesOK reports whether a match of a pattern that starts or ends with an
// ASCII letter or digit stands clear of letters and digits in the text,
// so that TOP1 is not found in laptop1 or TOP10.
func (f *Filter) edgesOK(text string, m matcher.Match) bool {
	l := f.latin[m.ID]
	if l&1 != 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:m.Start]); isASCIIAlnum(foldRune(r)) {
			return false
		}
	}
	if l&2 != 0 {
		if r, _ := utf8.DecodeRuneInString(text[m.End:]); isASCIIAlnum(foldRune(r)) {
			return false
		}
	}
	return true
}

func latinEdges(w string) uint8 {
	var l uint8
	if r, _ := utf8.DecodeRuneInString(w); isASCIIAlnum(foldRune(r)) {
		l |= 1
	}
	if r, _ := utf8.DecodeLastRuneInString(w); isASCIIAlnum(foldRune(r)) {
		l |= 2
	}
	return l
}

// sortMatches orders matches by Start, then longest first, then by
// descending ID, so that of two entries with the same normalised text the
// later one (a user's addition) wins. The matcher reports them by Start,
// then longest first, then in the order of the patterns given to New,
// which is ID order here: reversing each run of one span is enough.
func sortMatches(ms []matcher.Match) {
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].Start == ms[i].Start && ms[j].End == ms[i].End {
			j++
		}
		slices.Reverse(ms[i:j])
		i = j
	}
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
}
