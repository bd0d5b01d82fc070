package synonyms

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parseYAML reads a YAML list of groups: each item is a list of words, or a
// mapping {from: [...], to: [...]} for a one-way rule (either side may be a
// single word). Words are scalars; anchors and aliases are followed.
func parseYAML(data []byte, name string) ([]rawGroup, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := decodeYAML(dec, &doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, yamlError(err, data, name)
	}
	var extra yaml.Node
	if err := decodeYAML(dec, &extra); !errors.Is(err, io.EOF) {
		at := pos{file: name, line: extra.Line, col: extra.Column}
		if err != nil {
			return nil, yamlError(err, data, name)
		}
		return nil, at.errorf(ErrSyntax, "more than one YAML document")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, nil
		}
		root = root.Content[0]
	}
	root = resolve(root)
	at := nodePos(root, name)
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.SequenceNode {
		return nil, at.errorf(ErrSyntax, "want a list of groups, found %s", nodeKind(root))
	}
	out := make([]rawGroup, 0, len(root.Content))
	for _, item := range root.Content {
		g, err := yamlGroup(resolve(item), name)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

// decodeYAML decodes one document, turning a panic inside the YAML parser
// into an error so that no input can crash the caller.
func decodeYAML(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: internal error: %v", r)
		}
	}()
	return dec.Decode(n)
}

// isYAMLParserProblem reports whether msg comes from go.yaml.in/yaml/v3's
// parser (as opposed to its scanner). For these the library reports a
// 0-based line: that of the construct left open, or of the problem.
func isYAMLParserProblem(msg string) bool {
	switch msg {
	case "did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"did not find expected '-' indicator",
		"did not find expected <document start>",
		"did not find expected <stream-start>",
		"did not find expected key",
		"did not find expected node content",
		"found duplicate %TAG directive",
		"found duplicate %YAML directive",
		"found incompatible YAML document",
		"found undefined tag handle":
		return true
	}
	return false
}

// yamlError turns a YAML error ("yaml: line 3: ...") into an *Error with a
// 1-based line within data; YAML errors have no column.
func yamlError(err error, data []byte, name string) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	at := pos{file: name}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if n, convErr := strconv.Atoi(num); convErr == nil {
				at.line, msg = n, after
				if isYAMLParserProblem(msg) {
					at.line++
				}
				last := offsetPos(bytes.TrimRight(data, "\r\n"), len(data), "").line
				at.line = min(max(at.line, 1), last)
			}
		}
	}
	return at.errorf(ErrSyntax, "%s", msg)
}

func yamlGroup(item *yaml.Node, name string) (rawGroup, error) {
	at := nodePos(item, name)
	switch item.Kind {
	case yaml.SequenceNode:
		words, err := yamlWords(item, name)
		return rawGroup{words: words, at: at}, err
	case yaml.MappingNode:
		var g rawGroup
		var seen [2]bool
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, value := resolve(item.Content[i]), resolve(item.Content[i+1])
			side := -1
			if key.Kind == yaml.ScalarNode {
				switch key.Value {
				case "from":
					side = 0
				case "to":
					side = 1
				}
			}
			if side < 0 {
				return rawGroup{}, nodePos(key, name).errorf(ErrSyntax, `want "from" or "to", found %s`, nodeText(key))
			}
			if seen[side] {
				return rawGroup{}, nodePos(key, name).errorf(ErrSyntax, "%q given twice", key.Value)
			}
			seen[side] = true
			words, err := yamlWords(value, name)
			if err != nil {
				return rawGroup{}, err
			}
			if len(words) == 0 {
				return rawGroup{}, nodePos(value, name).errorf(ErrEmptySide, "")
			}
			if side == 0 {
				g.from = words
			} else {
				g.words = words
			}
		}
		if !seen[0] || !seen[1] {
			return rawGroup{}, at.errorf(ErrSyntax, `a one-way rule needs both "from" and "to"`)
		}
		g.at = at
		return g, nil
	}
	return rawGroup{}, at.errorf(ErrSyntax, "want a group (a list of words, or from/to), found %s", nodeKind(item))
}

// yamlWords reads a list of words, or a single word.
func yamlWords(n *yaml.Node, name string) ([]rawWord, error) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	out := make([]rawWord, 0, len(items))
	for _, item := range items {
		item = resolve(item)
		at := nodePos(item, name)
		switch {
		case item.Kind != yaml.ScalarNode:
			return nil, at.errorf(ErrSyntax, "want a word, found %s", nodeKind(item))
		case item.Tag == "!!null":
			return nil, at.errorf(ErrEmptyWord, "null")
		}
		out = append(out, rawWord{text: item.Value, at: at})
	}
	return out, nil
}

// resolve follows aliases to the anchored node.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}

func nodePos(n *yaml.Node, name string) pos {
	return pos{file: name, line: n.Line, col: n.Column}
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return "the scalar " + nodeText(n)
	case yaml.AliasNode:
		return "an unresolved alias"
	}
	return "an empty document"
}

func nodeText(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return nodeKind(n)
	}
	return strconv.Quote(n.Value)
}
