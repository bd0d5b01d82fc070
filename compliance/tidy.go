package compliance

import (
	"unicode"
	"unicode/utf8"
)

// applyEdits returns, in buf's memory, the text with the Rewrite and Drop
// findings in edits applied; edits are sorted by Start and an edit that
// overlaps an earlier one is skipped. With rewrite false every edit is a
// drop. Each drop is followed by a tidy-up at the join (see joinDrop), so
// that the result has no doubled punctuation or spaces and no particle
// left alone.
// It also appends to changed, for each edit, the span of the result that
// replaced it: the replacement, or the empty span where the two sides of
// a drop meet; and to removed the span of text it replaced, the tidied
// characters after a drop included.
func applyEdits(buf []byte, text string, edits []Finding, rewrite bool, changed, removed []span) ([]byte, []span, []span) {
	b := buf[:0]
	prev := 0
	for k, e := range edits {
		if !e.Action.edits() || e.Start < prev {
			continue
		}
		b = append(b, text[prev:e.Start]...)
		if e.Action == Rewrite && rewrite && e.Suggestion != "" {
			b = append(b, e.Suggestion...)
			changed = append(changed, span{len(b) - len(e.Suggestion), len(b)})
			removed = append(removed, span{e.Start, e.End})
			prev = e.End
			continue
		}
		limit := len(text)
		for _, n := range edits[k+1:] {
			if n.Action.edits() && n.Start >= e.End {
				limit = n.Start
				break
			}
		}
		var skip int
		b, skip = joinDrop(b, text[e.End:limit], limit == len(text))
		// The tidy-up may have cut into what earlier edits wrote.
		for k := len(changed) - 1; k >= 0 && changed[k].hi > len(b); k-- {
			changed[k] = span{min(changed[k].lo, len(b)), len(b)}
		}
		changed = append(changed, span{len(b), len(b)})
		removed = append(removed, span{e.Start, e.End + skip})
		prev = e.End + skip
	}
	return append(b, text[prev:]...), changed, removed
}

// joinDrop tidies the place where a word was deleted. b is the text
// before the deletion, right the text after it up to the next edit, and
// atEnd says whether right runs to the end of the text. It returns b,
// possibly shortened, and how many bytes of right to skip:
//
//   - at the start of the text or of a line, the punctuation and spaces
//     that followed the word go, and so does the line if it is now empty;
//   - at the end of the text, a trailing comma, semicolon or colon goes;
//   - where two punctuation marks meet, the stronger one stays
//     (。！？ over ；over ，、：), so "很好，手慢无！" becomes "很好！";
//   - a particle (哦 呢 啦 了 ...) left alone between punctuation goes;
//   - no space is kept before punctuation, and of the spaces on the two
//     sides at most one run is kept.
func joinDrop(b []byte, right string, atEnd bool) ([]byte, int) {
	lb := trimSpaces(b)
	leftSpace := len(b) > len(lb)
	last, lastSize := utf8.DecodeLastRune(lb)
	leftStart := len(lb) == 0 || last == '\n'
	leftSep := sepStrength(last) > 0

	i := skip(right, 0, isSpace)
	if leftStart || leftSep {
		if j := skip(right, i, isParticle); j > i && clauseEnds(right, skip(right, j, isSpace), atEnd) {
			i = skip(right, j, isSpace)
		}
	}
	for {
		first, _ := utf8.DecodeRuneInString(right[i:])
		restEnd := i == len(right) && atEnd
		switch {
		case leftStart:
			i = skip(right, i, func(r rune) bool { return isSpace(r) || sepStrength(r) > 0 })
			first, _ = utf8.DecodeRuneInString(right[i:])
			if (i == len(right) && atEnd) || first == '\n' {
				// The line is empty now: remove it.
				if len(lb) > 0 {
					lb = lb[:len(lb)-1]
				} else if i < len(right) {
					i++
				}
			}
			return lb, i
		case restEnd:
			return trimWeakSeps(lb), i
		case i == len(right):
			// Another edit follows: keep what is here for it.
			return b, i
		case sepStrength(first) > 0:
			if !leftSep {
				return lb, i
			}
			if sepStrength(first) > sepStrength(last) {
				return lb[:len(lb)-lastSize], i
			}
			i = skip(right, i, func(r rune) bool { return sepStrength(r) > 0 })
			i = skip(right, i, isSpace)
		case first == '\n':
			return lb, i
		case leftSpace:
			return b, i
		default:
			// Keep the spaces just before the next word, if any.
			return lb, backSpaces(right, i)
		}
	}
}

// sepStrength ranks clause punctuation: 3 ends a sentence, 2 is a
// semicolon, 1 a comma, colon or tilde, and 0 is not punctuation.
func sepStrength(r rune) int {
	switch r {
	case '。', '！', '？', '!', '?', '…', '.':
		return 3
	case '；', ';':
		return 2
	case '，', ',', '、', '：', ':', '～', '~':
		return 1
	}
	return 0
}

func isSpace(r rune) bool { return r != '\n' && unicode.IsSpace(r) }

// isParticle reports whether r is a sentence-final particle that means
// nothing once the words before it are gone.
func isParticle(r rune) bool {
	switch r {
	case '哦', '喔', '噢', '呢', '啦', '呀', '哈', '啊', '吧', '嘛', '哟', '哇', '咯', '喽', '了', '的', '哒', '呐', '嗷':
		return true
	}
	return false
}

// clauseEnds reports whether a clause ends at right[i:]: punctuation, a
// line break or the end of the text.
func clauseEnds(right string, i int, atEnd bool) bool {
	if i == len(right) {
		return atEnd
	}
	r, _ := utf8.DecodeRuneInString(right[i:])
	return r == '\n' || sepStrength(r) > 0
}

// skip returns the index of the first rune at or after i that is not in
// the class.
func skip(s string, i int, in func(rune) bool) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !in(r) {
			break
		}
		i += size
	}
	return i
}

// backSpaces returns the start of the run of spaces that ends at s[i].
func backSpaces(s string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isSpace(r) {
			break
		}
		i -= size
	}
	return i
}

func trimSpaces(b []byte) []byte {
	for len(b) > 0 {
		r, size := utf8.DecodeLastRune(b)
		if !isSpace(r) {
			break
		}
		b = b[:len(b)-size]
	}
	return b
}

// trimWeakSeps removes trailing commas, semicolons and colons (and the
// spaces around them) from the end of the text.
func trimWeakSeps(b []byte) []byte {
	for {
		b = trimSpaces(b)
		r, size := utf8.DecodeLastRune(b)
		if s := sepStrength(r); s == 0 || s == 3 {
			return b
		}
		b = b[:len(b)-size]
	}
}
