package synonyms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseCilinLine reads one line of 同义词词林扩展版: an eight-character code
// (Aa01A01 and a flag =, # or @), then the words separated by spaces. Only
// "=" lines with two words or more are groups.
func parseCilinLine(text string, at pos) (rawGroup, bool, error) {
	if strings.TrimSpace(text) == "" {
		return rawGroup{}, false, nil
	}
	if bad := badCilinCode(text); bad >= 0 {
		end := min(len(text), 8)
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		return rawGroup{}, false, at.at(text, bad).errorf(ErrSyntax,
			"malformed Cilin code %q: want a code like Aa01A01 followed by =, # or @", text[:end])
	}
	if rest := text[8:]; rest != "" {
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsSpace(r) {
			return rawGroup{}, false, at.at(text, 8).errorf(ErrSyntax, "want a space after the code %q", text[:8])
		}
	}
	words := splitWords(text, 8, len(text), unicode.IsSpace, at)
	switch {
	case len(words) == 0:
		return rawGroup{}, false, at.at(text, 0).errorf(ErrSyntax, "no words after the code %q", text[:8])
	case text[7] != '=' || len(words) < 2:
		// "#" (same class, not synonyms), "@" (a word on its own) and an
		// "=" line with one word hold no group; the docs say so.
		return rawGroup{}, false, nil
	}
	return rawGroup{words: words, at: at.at(text, 0)}, true, nil
}

// badCilinCode returns the byte offset of the first character that breaks
// the code pattern [A-Z][a-z][0-9]{2}[A-Z][0-9]{2}[=#@], or -1.
func badCilinCode(text string) int {
	const pattern = "Aa00A00="
	for i := 0; i < len(pattern); i++ {
		if i >= len(text) {
			return len(text)
		}
		c := text[i]
		var ok bool
		switch pattern[i] {
		case 'A':
			ok = 'A' <= c && c <= 'Z'
		case 'a':
			ok = 'a' <= c && c <= 'z'
		case '0':
			ok = '0' <= c && c <= '9'
		case '=':
			ok = c == '=' || c == '#' || c == '@'
		}
		if !ok {
			return i
		}
	}
	return -1
}
