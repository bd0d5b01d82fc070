package reply

import (
	_ "embed"
	"fmt"
	"strings"
)

// A RuleSet is a merchant's reply library as loaded from a rule file, before
// it is compiled into an Engine. Its fields mirror the file format (see
// doc.go); positions are kept so that errors can name file, line and column.
type RuleSet struct {
	// Version of the file format; only 1 exists.
	Version int
	// DefaultReply is sent when nothing matches. It should say what the bot
	// cannot do and offer a human.
	DefaultReply string
	// OffhoursReply, if set, replaces DefaultReply outside business hours
	// (see WithSchedule).
	OffhoursReply string
	// Disabled turns the whole bot off: every answer is the default reply,
	// marked as a fallback. The file field is `enabled: false`.
	Disabled bool
	// Variables are the shop variables templates may use, with defaults;
	// WithVariables overrides them.
	Variables map[string]string
	// Synonyms are extra synonym groups, added to the thesaurus.
	Synonyms [][]string
	// Rules are the reply rules, in file order (the last tie-break).
	Rules []Rule
	// FallbackExamples are messages that no rule should answer (small
	// talk, questions the shop does not handle). A message nearer one of
	// them than to any rule's Examples falls back (see WithSimilarity).
	FallbackExamples []string

	file   string         // name used in errors
	pos    Pos            // where the document starts
	fields map[string]Pos // where each top-level field was given
}

// MatchMode says how a rule's keywords must appear in a message.
type MatchMode string

const (
	// Contains fires when a keyword occurs as a word of the message.
	Contains MatchMode = "contains"
	// Exact fires when the whole message, normalised and without leading
	// forms of address (亲, 宝) and trailing particles and punctuation (吗 呢
	// 呀 ？), is one of the keywords.
	Exact MatchMode = "exact"
)

// A Rule maps keywords to replies.
type Rule struct {
	// ID names the rule in answers, traces, stats and errors. Unique.
	ID string
	// Category groups rules in the reply library (物流, 售后 ...).
	Category string
	// Keywords: any one of them (or of their synonyms) fires the rule.
	Keywords []string
	// AllOf: every one must be present (alone, they fire the rule too).
	AllOf []string
	// NoneOf: any one present vetoes the rule.
	NoneOf []string
	// Except are words in which a keyword of the rule means something
	// else (高兴坏了 for 坏了, 钱包装 for 包装), expanded through the
	// synonyms like keywords: a keyword or all_of match that overlaps an
	// occurrence of one of them does not count, and if the rule had no
	// other match its examples do not answer for it either. Unlike
	// none_of, they veto nothing: 我妈高兴坏了 打开一看杯子坏了 still fires
	// on its second 坏了.
	Except []string
	// Match is Contains (the default) or Exact.
	Match MatchMode
	// Priority ranks rules that matched equally well; higher wins.
	Priority int
	// Disabled rules never answer. The file field is `enabled: false`.
	Disabled bool
	// Handoff hands the conversation to a human after this reply.
	Handoff bool
	// Replies are the reply variants, templates over the shop variables
	// ({{.shop_name}}). The file takes `reply` (one) or `replies` (several).
	Replies []string
	// Examples are questions the rule answers, written as customers ask
	// them (相似问法). A message for which no rule fires is answered by
	// the rule whose examples it resembles most, if it resembles them
	// enough (see WithSimilarity). Keywords always win.
	Examples []string

	pos    Pos            // where the rule starts
	fields map[string]Pos // where each field was given
}

// Pos is a place in a rule file.
type Pos struct {
	File      string
	Line, Col int
}

// String formats the position as file:line:col.
func (p Pos) String() string {
	switch {
	case p.File == "" && p.Line == 0:
		return "-"
	case p.Line == 0:
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// fieldPos returns where field was given in the rule, or the rule's start.
func (r *Rule) fieldPos(field string) Pos {
	if p, ok := r.fields[field]; ok {
		return p
	}
	return r.pos
}

// An Error is one problem in a rule set, with its place.
type Error struct {
	Pos  Pos
	Rule string // rule id, if the problem is in a rule
	Msg  string
}

// Error formats the problem as file:line:col: rule id: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Pos.String())
	b.WriteString(": ")
	if e.Rule != "" {
		b.WriteString("rule ")
		b.WriteString(e.Rule)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found in a rule set. A rule set with any
// error is rejected whole.
type ErrorList []*Error

// Error lists every problem, one per line after the first.
func (l ErrorList) Error() string {
	if len(l) == 1 {
		return "reply: " + l[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "reply: %d errors in rule set:", len(l))
	for _, e := range l {
		b.WriteString("\n\t")
		b.WriteString(e.Error())
	}
	return b.String()
}

func (l *ErrorList) add(p Pos, rule, format string, args ...any) {
	*l = append(*l, &Error{Pos: p, Rule: rule, Msg: fmt.Sprintf(format, args...)})
}

func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// FillDefaults takes from base what rs leaves unset: the default and
// off-hours replies, and every shop variable rs does not define. It is how
// a CSV file, which carries rules only, gets its defaults, e.g.
// rs.FillDefaults(Starter()). It leaves the fallback examples alone: the
// starter's include shop questions its rules do not cover (送货上门吗),
// which another shop's rules may answer.
func (rs *RuleSet) FillDefaults(base *RuleSet) {
	if rs.DefaultReply == "" {
		rs.DefaultReply = base.DefaultReply
	}
	if rs.OffhoursReply == "" {
		rs.OffhoursReply = base.OffhoursReply
	}
	if len(base.Variables) > 0 && rs.Variables == nil {
		rs.Variables = map[string]string{}
	}
	for k, v := range base.Variables {
		if _, ok := rs.Variables[k]; !ok {
			rs.Variables[k] = v
		}
	}
}

//go:generate go run ./internal/genexamples -o data/examples.tsv testdata/accuracy.tsv testdata/accuracy_tune.tsv testdata/accuracy_fresh.tsv testdata/accuracy_tune2.tsv testdata/accuracy_tune3.tsv testdata/accuracy_tune4.tsv testdata/accuracy_tune5.tsv testdata/accuracy_tune6.tsv testdata/accuracy_holdout.tsv testdata/accuracy_holdout2.tsv testdata/accuracy_holdout3.tsv testdata/accuracy_holdout4.tsv testdata/accuracy_holdout5.tsv testdata/accuracy_holdout6.tsv testdata/accuracy_holdout7.tsv testdata/accuracy_holdout8.tsv testdata/accuracy_holdout9.tsv testdata/accuracy_holdout10.tsv testdata/accuracy_holdout11.tsv testdata/accuracy_holdout12.tsv testdata/accuracy_holdout13.tsv testdata/accuracy_holdout14.tsv testdata/accuracy_holdout15.tsv testdata/accuracy_holdout16.tsv testdata/accuracy_holdout17.tsv testdata/accuracy_holdout18.tsv testdata/accuracy_holdout19.tsv testdata/accuracy_holdout20.tsv testdata/accuracy_holdout21.tsv testdata/accuracy_holdout22.tsv testdata/accuracy_holdout23.tsv testdata/accuracy_holdout24.tsv testdata/accuracy_holdout25.tsv testdata/accuracy_holdout26.tsv

var (
	//go:embed data/starter.yaml
	starterYAML []byte
	//go:embed data/examples.tsv
	starterExamples string
)

// Starter returns the embedded starter reply library: 43 rules over
// shipping, returns, after-sales and the rest of the usual questions, with
// shop variables, and examples of how customers ask each (Rule.Examples)
// and of messages that must fall back (RuleSet.FallbackExamples). Each
// call parses a fresh copy that the caller may change.
func Starter() *RuleSet {
	rs, err := parseYAML(starterYAML, "starter.yaml")
	if err != nil {
		panic("reply: embedded starter library is invalid: " + err.Error()) // caught by the tests
	}
	byID := make(map[string]*Rule, len(rs.Rules))
	for i := range rs.Rules {
		byID[rs.Rules[i].ID] = &rs.Rules[i]
	}
	for line := range strings.Lines(starterExamples) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		id, text, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if id == "-" {
			rs.FallbackExamples = append(rs.FallbackExamples, text)
		} else if r := byID[id]; r != nil {
			r.Examples = append(r.Examples, text)
		} else {
			panic("reply: embedded examples name an unknown rule " + id) // caught by the tests
		}
	}
	return rs
}
