package synonyms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parsePlainLine reads one line of the Plain format.
func parsePlainLine(text string, at pos) (rawGroup, bool, error) {
	if i := strings.IndexByte(text, '#'); i >= 0 {
		text = text[:i]
	}
	arrow := strings.Index(text, "=>")
	if arrow < 0 {
		words := splitWords(text, 0, len(text), isPlainSeparator, at)
		if len(words) == 0 {
			return rawGroup{}, false, nil
		}
		return rawGroup{words: words, at: words[0].at}, true, nil
	}
	if j := strings.Index(text[arrow+2:], "=>"); j >= 0 {
		return rawGroup{}, false, at.at(text, arrow+2+j).errorf(ErrSyntax, `more than one "=>"`)
	}
	from := splitWords(text, 0, arrow, isPlainSeparator, at)
	words := splitWords(text, arrow+2, len(text), isPlainSeparator, at)
	if len(from) == 0 || len(words) == 0 {
		return rawGroup{}, false, at.at(text, arrow).errorf(ErrEmptySide, "")
	}
	return rawGroup{words: words, from: from, at: from[0].at}, true, nil
}

func isPlainSeparator(r rune) bool {
	return r == ',' || r == '，' || r == '、' || unicode.IsSpace(r)
}

// splitWords returns the words of text[lo:hi] between separators, each with
// its position.
func splitWords(text string, lo, hi int, isSep func(rune) bool, at pos) []rawWord {
	var out []rawWord
	start := -1
	for i := lo; i < hi; {
		r, size := utf8.DecodeRuneInString(text[i:hi])
		switch sep := isSep(r); {
		case sep && start >= 0:
			out = append(out, rawWord{text: text[start:i], at: at.at(text, start)})
			start = -1
		case !sep && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		out = append(out, rawWord{text: text[start:hi], at: at.at(text, start)})
	}
	return out
}
