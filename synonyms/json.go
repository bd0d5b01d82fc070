package synonyms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonParser reads the JSON format token by token, so that every error has
// a line and column.
type jsonParser struct {
	data []byte
	name string
	dec  *json.Decoder
}

// parseJSON reads a JSON list of groups: lists of strings, or objects
// {"from": ..., "to": ...} whose values are a list of strings or a string.
func parseJSON(data []byte, name string) ([]rawGroup, error) {
	if len(bytes.Trim(data, " \t\r\n")) == 0 {
		return nil, nil
	}
	p := &jsonParser{data: data, name: name, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	tok, at, err := p.next()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('[') {
		return nil, at.errorf(ErrSyntax, "want a list of groups, found %s", tokenText(tok))
	}
	var out []rawGroup
	for {
		tok, at, err := p.next()
		if err != nil {
			return nil, err
		}
		var g rawGroup
		switch tok {
		case json.Delim(']'):
			return out, p.end()
		case json.Delim('['):
			g.words, err = p.words(false)
		case json.Delim('{'):
			g, err = p.oneWay(at)
		default:
			err = at.errorf(ErrSyntax, "want a group (a list of strings, or from/to), found %s", tokenText(tok))
		}
		if err != nil {
			return nil, err
		}
		g.at = at
		out = append(out, g)
	}
}

// next returns the next token and where it starts.
func (p *jsonParser) next() (json.Token, pos, error) {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && bytes.IndexByte([]byte(" \t\r\n,:"), p.data[off]) >= 0 {
		off++
	}
	at := offsetPos(p.data, off, p.name)
	tok, err := p.dec.Token()
	switch {
	case err == nil:
		return tok, at, nil
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return nil, at, at.errorf(ErrSyntax, "unexpected end of input")
	}
	// The decoder's offsets count from its buffer; the token start is
	// where the error is.
	return nil, at, at.errorf(ErrSyntax, "%v", err)
}

// end checks that nothing but white space follows the list.
func (p *jsonParser) end() error {
	off := int(p.dec.InputOffset())
	rest := bytes.TrimLeft(p.data[off:], " \t\r\n")
	if len(rest) == 0 {
		return nil
	}
	at := offsetPos(p.data, len(p.data)-len(rest), p.name)
	return at.errorf(ErrSyntax, "want the end of input after the list of groups")
}

// words reads strings up to "]" (after "["), or, if single is set and the
// next token is a string, that one string.
func (p *jsonParser) words(single bool) ([]rawWord, error) {
	var out []rawWord
	for {
		tok, at, err := p.next()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case string:
			out = append(out, rawWord{text: t, at: at})
			if single {
				return out, nil
			}
			continue
		case json.Delim:
			if t == ']' && !single {
				return out, nil
			}
			if t == '[' && single {
				single = false
				continue
			}
		}
		return nil, at.errorf(ErrSyntax, "want a string, found %s", tokenText(tok))
	}
}

// oneWay reads the members of a {"from": ..., "to": ...} object after "{".
func (p *jsonParser) oneWay(open pos) (rawGroup, error) {
	var g rawGroup
	var seen [2]bool
	for {
		tok, at, err := p.next()
		if err != nil {
			return rawGroup{}, err
		}
		if tok == json.Delim('}') {
			if !seen[0] || !seen[1] {
				return rawGroup{}, open.errorf(ErrSyntax, `a one-way rule needs both "from" and "to"`)
			}
			return g, nil
		}
		side := map[json.Token]int{"from": 1, "to": 2}[tok] - 1
		if side < 0 {
			return rawGroup{}, at.errorf(ErrSyntax, `want "from" or "to", found %s`, tokenText(tok))
		}
		if seen[side] {
			return rawGroup{}, at.errorf(ErrSyntax, "%s given twice", tokenText(tok))
		}
		seen[side] = true
		words, err := p.words(true)
		if err != nil {
			return rawGroup{}, err
		}
		if len(words) == 0 {
			return rawGroup{}, at.errorf(ErrEmptySide, "")
		}
		if side == 0 {
			g.from = words
		} else {
			g.words = words
		}
	}
}

func tokenText(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return fmt.Sprintf("%q", string(t))
	case string:
		return fmt.Sprintf("the string %q", t)
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}
