package reply

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Format is a rule file format.
type Format uint8

const (
	// YAML is the rule file format of doc.go.
	YAML Format = iota + 1
	// JSON is the same structure in JSON.
	JSON
	// CSV has a header row and one rule per row (see doc.go).
	CSV
)

// MaxFileBytes is the largest rule file Load accepts.
const MaxFileBytes = 8 << 20

// Load reads a rule set in format f from r. name is used in error
// positions (a file name, or anything that tells the user where the data
// came from). Every error found is returned, as an ErrorList.
//
// JSON is read by the YAML parser (JSON is a subset of YAML), so a JSON
// loader also accepts YAML. A CSV file carries rules only: give the
// returned RuleSet its default reply and variables before calling New, for
// example with rs.FillDefaults(Starter()).
func Load(r io.Reader, f Format, name string) (*RuleSet, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reply: reading %s: %w", name, err)
	}
	if len(data) > MaxFileBytes {
		return nil, ErrorList{{Pos: Pos{File: name}, Msg: fmt.Sprintf("file is larger than %d bytes", MaxFileBytes)}}
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidAt(data)], []byte("\n"))
		return nil, ErrorList{{Pos: Pos{File: name, Line: line, Col: 1}, Msg: "file is not valid UTF-8"}}
	}
	switch f {
	case YAML, JSON:
		return parseYAML(data, name)
	case CSV:
		return parseCSV(data, name)
	}
	return nil, fmt.Errorf("reply: unknown format %d", f)
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// LoadFile reads a rule file, choosing the format by its extension: .yaml
// or .yml, .json, .csv.
func LoadFile(path string) (*RuleSet, error) {
	var f Format
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		f = YAML
	case ".json":
		f = JSON
	case ".csv":
		f = CSV
	default:
		return nil, fmt.Errorf("reply: %s: unknown rule file extension (want .yaml, .yml, .json or .csv)", path)
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reply: %w", err)
	}
	defer file.Close()
	return Load(file, f, path)
}

// yamlDoc walks a YAML (or JSON) document, collecting errors.
type yamlDoc struct {
	file string
	errs ErrorList
}

func (d *yamlDoc) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func parseYAML(data []byte, name string) (*RuleSet, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, ErrorList{yamlError(err, name)}
	}
	d := &yamlDoc{file: name}
	rs := &RuleSet{file: name, pos: Pos{File: name, Line: 1, Col: 1}}
	if len(root.Content) == 0 {
		return nil, ErrorList{{Pos: rs.pos, Msg: "empty rule file"}}
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, ErrorList{{Pos: d.pos(doc), Msg: "want a mapping with version, default_reply and rules"}}
	}
	rs.fields = map[string]Pos{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if first, dup := rs.fields[k.Value]; dup {
			d.errs.add(d.pos(k), "", "duplicate field %q (first given at %s)", k.Value, first)
			continue
		}
		rs.fields[k.Value] = d.pos(v)
		switch k.Value {
		case "version":
			rs.Version = d.int(v, "")
		case "default_reply":
			rs.DefaultReply = d.str(v, "")
		case "offhours_reply":
			rs.OffhoursReply = d.str(v, "")
		case "enabled":
			rs.Disabled = !d.bool(v, "")
		case "variables":
			rs.Variables = d.strMap(v)
		case "synonyms":
			rs.Synonyms = d.synonyms(v)
		case "rules":
			rs.Rules = d.rules(v)
		case "fallback_examples":
			rs.FallbackExamples = d.strList(v, "")
		default:
			d.errs.add(d.pos(k), "", "unknown field %q", k.Value)
		}
	}
	if _, ok := rs.fields["version"]; !ok {
		d.errs.add(d.pos(doc), "", "missing field version (want version: 1)")
	}
	if err := d.errs.err(); err != nil {
		return nil, err
	}
	return rs, nil
}

// yamlError turns a parser error into an Error with the line it names.
func yamlError(err error, name string) *Error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ":"); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, msg = l, strings.TrimSpace(after)
			}
		}
	}
	return &Error{Pos: Pos{File: name, Line: line, Col: 1}, Msg: "syntax error: " + msg}
}

func (d *yamlDoc) str(n *yaml.Node, rule string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errs.add(d.pos(n), rule, "want a string")
		return ""
	}
	return n.Value
}

func (d *yamlDoc) int(n *yaml.Node, rule string) int {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v
		}
	}
	d.errs.add(d.pos(n), rule, "want a whole number, got %q", n.Value)
	return 0
}

func (d *yamlDoc) bool(n *yaml.Node, rule string) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
	}
	d.errs.add(d.pos(n), rule, "want true or false, got %q", n.Value)
	return false
}

func (d *yamlDoc) strList(n *yaml.Node, rule string) []string {
	if n.Kind != yaml.SequenceNode {
		d.errs.add(d.pos(n), rule, "want a list of strings")
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, d.str(c, rule))
	}
	return out
}

func (d *yamlDoc) strMap(n *yaml.Node) map[string]string {
	if n.Kind != yaml.MappingNode {
		d.errs.add(d.pos(n), "", "variables: want a mapping of names to strings")
		return nil
	}
	m := make(map[string]string, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !validVarName(k.Value) {
			d.errs.add(d.pos(k), "", "variables: %q is not a valid name (letters, digits and _; not starting with a digit)", k.Value)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			d.errs.add(d.pos(v), "", "variables: %s: want a string", k.Value)
			continue
		}
		m[k.Value] = v.Value
	}
	return m
}

func validVarName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func (d *yamlDoc) synonyms(n *yaml.Node) [][]string {
	if n.Kind != yaml.SequenceNode {
		d.errs.add(d.pos(n), "", "synonyms: want a list of lists of words")
		return nil
	}
	out := make([][]string, 0, len(n.Content))
	for _, g := range n.Content {
		out = append(out, d.strList(g, ""))
	}
	return out
}

func (d *yamlDoc) rules(n *yaml.Node) []Rule {
	if n.Kind != yaml.SequenceNode {
		d.errs.add(d.pos(n), "", "rules: want a list of rules")
		return nil
	}
	out := make([]Rule, 0, len(n.Content))
	for _, rn := range n.Content {
		if rn.Kind != yaml.MappingNode {
			d.errs.add(d.pos(rn), "", "want a rule (a mapping with id, keywords and reply)")
			continue
		}
		r := Rule{pos: d.pos(rn), fields: map[string]Pos{}}
		for i := 0; i+1 < len(rn.Content); i += 2 {
			if rn.Content[i].Value == "id" && rn.Content[i+1].Kind == yaml.ScalarNode {
				r.ID = rn.Content[i+1].Value
			}
		}
		for i := 0; i+1 < len(rn.Content); i += 2 {
			k, v := rn.Content[i], rn.Content[i+1]
			if first, dup := r.fields[k.Value]; dup {
				d.errs.add(d.pos(k), r.ID, "duplicate field %q (first given at %s)", k.Value, first)
				continue
			}
			r.fields[k.Value] = d.pos(v)
			switch k.Value {
			case "id":
				r.ID = d.str(v, "")
			case "category":
				r.Category = d.str(v, r.ID)
			case "keywords":
				r.Keywords = d.strList(v, r.ID)
			case "all_of":
				r.AllOf = d.strList(v, r.ID)
			case "none_of":
				r.NoneOf = d.strList(v, r.ID)
			case "except":
				r.Except = d.strList(v, r.ID)
			case "match":
				r.Match = MatchMode(d.str(v, r.ID))
			case "priority":
				r.Priority = d.int(v, r.ID)
			case "enabled":
				r.Disabled = !d.bool(v, r.ID)
			case "handoff":
				r.Handoff = d.bool(v, r.ID)
			case "reply":
				r.Replies = append(r.Replies, d.str(v, r.ID))
			case "replies":
				r.Replies = append(r.Replies, d.strList(v, r.ID)...)
			case "examples":
				r.Examples = d.strList(v, r.ID)
			default:
				d.errs.add(d.pos(k), r.ID, "unknown field %q", k.Value)
			}
		}
		out = append(out, r)
	}
	return out
}

// csvColumns are the columns a CSV rule file may have.
var csvColumns = map[string]bool{
	"id": true, "category": true, "keywords": true, "all_of": true, "none_of": true, "except": true,
	"match": true, "priority": true, "enabled": true, "handoff": true, "reply": true, "replies": true,
	"examples": true,
}

// isListSep reports the separators of list cells: 、 , ; | and their
// full-width forms.
func isListSep(r rune) bool {
	return strings.ContainsRune("、,;|，；｜", r)
}

func splitList(cell string, sep func(rune) bool) []string {
	var out []string
	for _, f := range strings.FieldsFunc(cell, sep) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func parseCSV(data []byte, name string) (*RuleSet, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // spreadsheets add a BOM
	cr := csv.NewReader(bytes.NewReader(data))
	lines := bytes.Split(data, []byte("\n"))
	// runeCol turns csv's byte column into a character column, as YAML
	// errors count them.
	runeCol := func(line, col int) int {
		if line < 1 || line > len(lines) || col < 1 {
			return col
		}
		l := lines[line-1]
		return utf8.RuneCount(l[:min(col-1, len(l))]) + 1
	}
	cr.FieldsPerRecord = 0
	var errs ErrorList
	header, err := cr.Read()
	if err != nil {
		return nil, ErrorList{csvError(err, name)}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		line, c := cr.FieldPos(i)
		c = runeCol(line, c)
		switch {
		case !csvColumns[h]:
			errs.add(Pos{name, line, c}, "", "unknown column %q", h)
		case col[h] > 0:
			errs.add(Pos{name, line, c}, "", "column %q given twice", h)
		}
		col[h] = i + 1 // 0 means absent
	}
	if col["id"] == 0 {
		errs.add(Pos{name, 1, 1}, "", "missing column id")
	}
	if col["reply"] == 0 && col["replies"] == 0 {
		errs.add(Pos{name, 1, 1}, "", "missing column reply or replies")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	rs := &RuleSet{Version: 1, file: name, pos: Pos{name, 1, 1}}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(err, name))
			break
		}
		line, _ := cr.FieldPos(0)
		r := Rule{pos: Pos{name, line, 1}, fields: map[string]Pos{}}
		get := func(field string) (string, bool) {
			i := col[field] - 1
			if i < 0 {
				return "", false
			}
			l, c := cr.FieldPos(i)
			r.fields[field] = Pos{name, l, runeCol(l, c)}
			return strings.TrimSpace(rec[i]), true
		}
		r.ID, _ = get("id")
		r.Category, _ = get("category")
		for _, f := range []struct {
			name string
			dst  *[]string
		}{{"keywords", &r.Keywords}, {"all_of", &r.AllOf}, {"none_of", &r.NoneOf}, {"except", &r.Except}} {
			if v, ok := get(f.name); ok {
				*f.dst = splitList(v, isListSep)
			}
		}
		if v, ok := get("match"); ok {
			r.Match = MatchMode(v)
		}
		if v, ok := get("priority"); ok && v != "" {
			p, err := strconv.Atoi(v)
			if err != nil {
				errs.add(r.fields["priority"], r.ID, "priority: want a whole number, got %q", v)
			}
			r.Priority = p
		}
		for _, f := range []struct {
			field string
			dst   *bool
		}{{"enabled", &r.Disabled}, {"handoff", &r.Handoff}} {
			field, dst := f.field, f.dst
			v, ok := get(field)
			if !ok || v == "" {
				continue
			}
			b, err := parseCSVBool(v)
			if err != nil {
				errs.add(r.fields[field], r.ID, "%s: %v", field, err)
			}
			if field == "enabled" {
				b = !b
			}
			*dst = b
		}
		if v, ok := get("reply"); ok && v != "" {
			r.Replies = append(r.Replies, v)
		}
		// Replies and examples contain commas, so only | separates them.
		if v, ok := get("replies"); ok {
			r.Replies = append(r.Replies, splitList(v, isBar)...)
		}
		if v, ok := get("examples"); ok {
			r.Examples = splitList(v, isBar)
		}
		rs.Rules = append(rs.Rules, r)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return rs, nil
}

// isBar reports the separator of cells whose items may hold commas: |
// and its full-width form.
func isBar(r rune) bool { return r == '|' || r == '｜' }

func parseCSVBool(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "true", "yes", "y", "1", "是", "开", "启用":
		return true, nil
	case "false", "no", "n", "0", "否", "关", "停用":
		return false, nil
	}
	return false, fmt.Errorf("want true or false (or 是/否), got %q", v)
}

func csvError(err error, name string) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{Pos: Pos{name, pe.Line, pe.Column}, Msg: "syntax error: " + pe.Err.Error()}
	}
	if err == io.EOF {
		return &Error{Pos: Pos{name, 1, 1}, Msg: "empty file: want a header row"}
	}
	return &Error{Pos: Pos{File: name}, Msg: err.Error()}
}
