package compliance

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kefu-go/kefu/matcher"
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

	f := &Filter{actions: s.actions}
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
	}
	if f.index, err = matcher.New(ps); err != nil {
		return nil, fmt.Errorf("compliance: %w", err)
	}
	for _, e := range f.words {
		if e.Action != Rewrite {
			continue
		}
		if edits, others := f.scan(e.Replacement); len(edits)+len(others) > 0 {
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
	edits, others := f.scan(text)
	fs := append(edits, others...)
	for _, s := range findPII(text) {
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
// result is checked again, because a deletion can join two halves into a
// listed word; Clean repeats until no Rewrite or Drop word is left outside
// an allowed compound. Ordinary replies take one pass; each pass is linear
// in the length of the text plus the number of matches.
func (f *Filter) Clean(text string) Result {
	res := Result{Text: text, Findings: f.Check(text)}
	var edits []Finding
	for _, x := range res.Findings {
		res.Blocked = res.Blocked || x.Action == Block
		if x.Action.edits() {
			edits = append(edits, x)
		}
	}
	for pass := 0; ; pass++ {
		if len(edits) > 0 {
			res.Text = applyEdits(res.Text, edits, pass < maxRewritePasses)
		} else if utf8.ValidString(res.Text) {
			return res
		}
		// Invalid bytes become U+FFFD, which the matcher takes for noise:
		// scan again, as after an edit.
		res.Text = strings.ToValidUTF8(res.Text, "\uFFFD")
		var others []Finding
		edits, others = f.scan(res.Text)
		for _, x := range others {
			res.Blocked = res.Blocked || x.Action == Block
		}
	}
}

// scan finds the listed words in text outside allowed compounds and
// returns two leftmost-longest selections: the words to edit and the
// others.
func (f *Filter) scan(text string) (edits, others []Finding) {
	ms := f.index.FindAll(text)
	sortMatches(ms)
	var allowed []matcher.Match
	for _, m := range ms {
		if m.ID >= len(f.words) && f.edgesOK(text, m) {
			allowed = append(allowed, m)
		}
	}
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
// later one (a user's addition) wins.
func sortMatches(ms []matcher.Match) {
	slices.SortStableFunc(ms, func(a, b matcher.Match) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End), cmp.Compare(b.ID, a.ID))
	})
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
}
