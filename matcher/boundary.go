package matcher

import (
	"strconv"
	"unicode/utf8"
)

// Boundary says how a match sits among the words of the message.
type Boundary uint8

const (
	// Whole: both edges of the match fall on word boundaries
	// (发货 in 什么/时候/发货).
	Whole Boundary = iota + 1
	// InWord: the match lies inside one longer word (发票 in 开发票, 保修 in
	// 保修期). It is a weaker match than Whole, not a wrong one.
	InWord
	// Partial: a phrase pattern starts on a word boundary and its last word
	// is the beginning of a longer word of the message (什么时候发 in
	// 什么/时候/发货). It is weaker than InWord.
	Partial
	// Substring: the pattern opted out of boundary checks
	// (Pattern.Substring); nothing was segmented for it.
	Substring
	// Crossing: the match crosses a word boundary (和服 in 和/服务员, 现货 in
	// 发现/货). Such matches are dropped unless WithCrossing is given.
	Crossing
)

var boundaryNames = [...]string{"", "whole", "in-word", "partial", "substring", "crossing"}

// String returns the boundary's name: whole, in-word, partial, substring or
// crossing.
func (b Boundary) String() string {
	if int(b) < len(boundaryNames) && b != 0 {
		return boundaryNames[b]
	}
	return "Boundary(" + strconv.Itoa(int(b)) + ")"
}

// words describes the segmentation of a normalised text in rune positions.
type words struct {
	// edge[i] reports whether a word starts at rune position i; edge[n] is true.
	edge []bool
	// start[i] is the rune position at which the word holding rune i starts.
	start []int
}

// reset prepares w for a text of n runes, with no clause segmented yet.
func (w *words) reset(n int) {
	w.edge = append(w.edge[:0], make([]bool, n+1)...)
	w.start = append(w.start[:0], make([]int, n)...)
}

// add records the segmentation of the clause of runes [a, a+n), whose text
// is clause and whose word ends, in bytes of clause, are ends. When the
// ends do not describe the clause (a segmenter that broke its contract),
// every position in it is an edge.
func (w *words) add(a int, clause []byte, n int, ends []int) {
	if !validEnds(ends, len(clause)) {
		for i := a; i <= a+n; i++ {
			w.edge[i] = true
		}
		for i := a; i < a+n; i++ {
			w.start[i] = i
		}
		return
	}
	w.edge[a] = true
	pos, rpos, wordStart := 0, a, a
	for _, end := range ends {
		for pos < end && rpos < a+n {
			_, size := utf8.DecodeRune(clause[pos:])
			w.start[rpos] = wordStart
			pos += size
			rpos++
		}
		w.edge[rpos] = true
		wordStart = rpos
	}
}

func validEnds(ends []int, n int) bool {
	if len(ends) == 0 || ends[len(ends)-1] != n {
		return false
	}
	prev := 0
	for _, e := range ends {
		if e <= prev {
			return false
		}
		prev = e
	}
	return true
}

// classify decides how the match of runes [s, e) sits among the words.
// lastWord is the offset, within the pattern, of the start of the pattern's
// own last word, or 0 when the pattern is a single word.
func (w *words) classify(s, e, lastWord int) Boundary {
	startOK, endOK := w.edge[s], w.edge[e]
	switch {
	case startOK && endOK:
		return Whole
	case w.start[s] == w.start[e-1]:
		return InWord
	case startOK && lastWord > 0 && w.start[e-1] == s+lastWord:
		return Partial
	default:
		return Crossing
	}
}
