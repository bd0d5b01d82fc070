package synonyms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseSolrLine reads one line of a Solr / Elasticsearch synonym file, as
// Lucene's SolrSynonymParser does: "=>" splits the sides, commas split the
// words, a backslash makes the next character literal, and words are
// trimmed after unescaping.
func parseSolrLine(text string, at pos) (rawGroup, bool, error) {
	if trimmed := strings.TrimLeftFunc(text, unicode.IsSpace); trimmed == "" || trimmed[0] == '#' {
		return rawGroup{}, false, nil
	}
	var (
		from, words []rawWord
		word        strings.Builder
		wordStart   = -1 // byte offset of the word's first non-space character
		arrow       = -1
	)
	flush := func() {
		if w := strings.TrimSpace(word.String()); w != "" {
			words = append(words, rawWord{text: w, at: at.at(text, wordStart)})
		}
		word.Reset()
		wordStart = -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		start := i
		switch {
		case r == '\\':
			if i+1 >= len(text) {
				return rawGroup{}, false, at.at(text, i).errorf(ErrSyntax, "backslash at end of line")
			}
			r, size = utf8.DecodeRuneInString(text[i+1:])
			size++
		case strings.HasPrefix(text[i:], "=>"):
			if arrow >= 0 {
				return rawGroup{}, false, at.at(text, i).errorf(ErrSyntax, `more than one "=>"`)
			}
			flush()
			from, words, arrow = words, nil, i
			i += 2
			continue
		case r == ',':
			flush()
			i += size
			continue
		}
		if wordStart < 0 && !unicode.IsSpace(r) {
			wordStart = start
		}
		word.WriteRune(r)
		i += size
	}
	flush()
	switch {
	case arrow >= 0 && (len(from) == 0 || len(words) == 0):
		return rawGroup{}, false, at.at(text, arrow).errorf(ErrEmptySide, "")
	case arrow >= 0:
		return rawGroup{words: words, from: from, at: from[0].at}, true, nil
	case len(words) == 0: // only commas
		return rawGroup{}, false, at.at(text, 0).errorf(ErrEmptyWord, "no words on the line")
	}
	return rawGroup{words: words, at: words[0].at}, true, nil
}

// writeSolrSide writes words separated by ", ", escaping what the Solr
// parser would read as syntax.
func writeSolrSide(b *strings.Builder, words []string) {
	for i, w := range words {
		if i > 0 {
			b.WriteString(", ")
		}
		for _, r := range w {
			if r == '\\' || r == ',' || r == '=' || r == '#' {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
	}
}
