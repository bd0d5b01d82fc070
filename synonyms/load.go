package synonyms

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Format is the syntax of a synonym source read by [Load]. Each format is
// described in the package documentation.
type Format uint8

const (
	// Plain is kefu's own format: one group per line, words separated by
	// commas (, or ，), 、 or white space, # comments, and "a b => c" for a
	// one-way rule. The embedded defaults are written in it.
	Plain Format = iota + 1
	// Solr is the synonym file format of Solr and Elasticsearch
	// ("a, b, c" and "a, b => c", backslash escapes, # comment lines).
	Solr
	// Cilin is the format of HIT's 同义词词林扩展版 (Tongyici Cilin,
	// extended): "Aa01A01= 人 士 人物". Only "=" lines are synonym groups.
	Cilin
	// YAML is a YAML list of groups, each a list of words or a mapping with
	// "from" and "to" for a one-way rule.
	YAML
	// JSON is the JSON form of the YAML format: a list of lists of strings,
	// or of {"from": [...], "to": [...]} objects.
	JSON
)

// String returns the format's name in lower case, such as "solr".
func (f Format) String() string {
	switch f {
	case Plain:
		return "plain"
	case Solr:
		return "solr"
	case Cilin:
		return "cilin"
	case YAML:
		return "yaml"
	case JSON:
		return "json"
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// Load reads a synonym source in format f from r and builds a thesaurus
// from its groups, in order. It reads r to the end. A UTF-8 byte order mark
// is ignored; empty input gives an empty thesaurus. Every problem is an
// *[Error] naming the line and, where it helps, the column (use [WithName]
// to put a file name in it): no line is skipped unless its format says so.
func Load(r io.Reader, f Format, opts ...Option) (*Thesaurus, error) {
	c, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("synonyms: reading %s: %w", c.name, err)
	}
	raws, err := parse(data, f, c.name)
	if err != nil {
		return nil, err
	}
	return build(raws, c)
}

// LoadFile is [Load] on the named file; errors name the file.
func LoadFile(path string, f Format, opts ...Option) (*Thesaurus, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("synonyms: %w", err)
	}
	defer file.Close()
	return Load(file, f, append([]Option{WithName(path)}, opts...)...)
}

// parse checks the encoding and dispatches to the format's parser.
func parse(data []byte, f Format, name string) ([]rawGroup, error) {
	var parseFormat func([]byte, string) ([]rawGroup, error)
	switch f {
	case Plain:
		parseFormat = byLine(parsePlainLine)
	case Solr:
		parseFormat = byLine(parseSolrLine)
	case Cilin:
		parseFormat = byLine(parseCilinLine)
	case YAML:
		parseFormat = parseYAML
	case JSON:
		parseFormat = parseJSON
	default:
		return nil, fmt.Errorf("synonyms: unknown format %v", f)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return nil, offsetPos(data, i, name).errorf(ErrInvalidUTF8, "byte %#x", data[i])
	}
	return parseFormat(data, name)
}

// Lines end with "\n", "\r\n" or a lone "\r", as for Lucene's
// LineNumberReader and YAML.

// offsetPos returns the position of byte offset off in data.
func offsetPos(data []byte, off int, name string) pos {
	off = min(max(off, 0), len(data))
	line, lineStart := 1, 0
	for i := 0; i < off; i++ {
		if c := data[i]; c == '\n' || c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			line, lineStart = line+1, i+1
		}
	}
	return pos{file: name, line: line, col: utf8.RuneCount(data[lineStart:off]) + 1}
}

// splitLines returns the lines of s, without their line endings.
func splitLines(s string) []string {
	var out []string
	for {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
}

// lineParser parses one line (without its line ending) into at most one
// group; ok is false for a line that holds none.
type lineParser func(text string, at pos) (g rawGroup, ok bool, err error)

// byLine adapts a lineParser to a whole source.
func byLine(p lineParser) func([]byte, string) ([]rawGroup, error) {
	return func(data []byte, name string) ([]rawGroup, error) {
		var out []rawGroup
		for n, text := range splitLines(string(data)) {
			g, ok, err := p(text, pos{file: name, line: n + 1})
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, g)
			}
		}
		return out, nil
	}
}

// at returns the position of byte offset off of the line text at line.
func (p pos) at(text string, off int) pos {
	p.col = utf8.RuneCountInString(text[:off]) + 1
	return p
}
