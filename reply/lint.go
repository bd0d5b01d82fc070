package reply

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kefu-go/kefu/matcher/normalize"
)

// A Warning is a problem in a rule set that does not stop the load.
type Warning struct {
	Pos  Pos
	Rule string
	Msg  string
}

// String formats the warning as file:line:col: rule id: message.
func (w Warning) String() string {
	if w.Rule != "" {
		return fmt.Sprintf("%s: rule %s: %s", w.Pos, w.Rule, w.Msg)
	}
	return fmt.Sprintf("%s: %s", w.Pos, w.Msg)
}

// broadKeywords fire on almost every message: a contains rule may not use
// them (use match: exact for greetings).
var broadKeywords = []string{
	"你好", "您好", "在吗", "在么", "在不在", "亲", "亲亲", "请问", "问一下", "问下", "有人吗", "有人在吗",
	"好的", "谢谢", "嗯", "哦", "你们", "我们", "这个", "那个", "什么", "怎么", "可以", "吗", "呢", "的", "了",
	"是", "有", "不", "我", "你", "hi", "hello", "ok",
}

// validate checks a rule set for errors that stop the load.
func validate(rs *RuleSet, errs *ErrorList) {
	if rs.Version != 1 {
		errs.add(rs.fieldPos("version"), "", "version %d is not supported (want 1)", rs.Version)
	}
	if strings.TrimSpace(rs.DefaultReply) == "" {
		errs.add(rs.pos, "", "default_reply is missing or empty: every rule set needs the reply sent when nothing matches")
	}
	if len(rs.Rules) > MaxRules {
		errs.add(rs.pos, "", "%d rules is more than the limit of %d", len(rs.Rules), MaxRules)
		return
	}
	for gi, g := range rs.Synonyms {
		if len(g) < 2 {
			errs.add(rs.fieldPos("synonyms"), "", "synonyms group %d: want at least two words", gi+1)
		}
	}
	checkExamples(rs.FallbackExamples, rs.fieldPos("fallback_examples"), "", "fallback example", errs)
	ids := map[string]Pos{}
	for i := range rs.Rules {
		r := &rs.Rules[i]
		switch {
		case strings.TrimSpace(r.ID) == "":
			errs.add(r.pos, "", "rule %d has no id", i+1)
		case ids[r.ID] != (Pos{}):
			errs.add(r.fieldPos("id"), r.ID, "duplicate id (first defined at %s)", ids[r.ID])
		default:
			ids[r.ID] = r.fieldPos("id")
		}
		switch r.Match {
		case "", Contains, Exact:
		default:
			errs.add(r.fieldPos("match"), r.ID, "match %q: want contains or exact", r.Match)
		}
		checkExamples(r.Examples, r.fieldPos("examples"), r.ID, "example", errs)
		if len(r.Keywords) == 0 && len(r.AllOf) == 0 {
			errs.add(r.pos, r.ID, "no keywords: give keywords or all_of")
		}
		if r.Match == Exact && len(r.AllOf) > 0 {
			errs.add(r.fieldPos("all_of"), r.ID, "all_of has no meaning with match: exact")
		}
		if r.Match == Exact && len(r.Except) > 0 {
			errs.add(r.fieldPos("except"), r.ID, "except has no meaning with match: exact")
		}
		if len(r.AllOf) > MaxAllOf {
			errs.add(r.fieldPos("all_of"), r.ID, "all_of has %d words, more than %d", len(r.AllOf), MaxAllOf)
		}
		if n := len(r.Keywords) + len(r.AllOf) + len(r.NoneOf) + len(r.Except); n > MaxKeywordsPerRule {
			errs.add(r.pos, r.ID, "%d keywords is more than the limit of %d", n, MaxKeywordsPerRule)
		}
		if len(r.Replies) == 0 {
			errs.add(r.pos, r.ID, "no reply: give reply or replies")
		}
		for _, field := range []struct {
			name string
			list []string
		}{{"keywords", r.Keywords}, {"all_of", r.AllOf}, {"none_of", r.NoneOf}, {"except", r.Except}} {
			for _, kw := range field.list {
				switch {
				case normalize.String(kw) == "":
					errs.add(r.fieldPos(field.name), r.ID, "%s: keyword %q is empty after normalisation", field.name, kw)
				case r.Match != Exact && (field.name == "keywords" || field.name == "all_of") && slices.Contains(broadKeywords, normalize.String(kw)):
					errs.add(r.fieldPos(field.name), r.ID, "%s: %q is too broad: it would fire on almost every message (use it in a rule with match: exact)", field.name, kw)
				}
			}
		}
		for _, text := range r.Replies {
			if strings.TrimSpace(text) == "" {
				errs.add(r.fieldPos("replies"), r.ID, "empty reply")
			}
		}
	}
}

// lint finds the problems that do not stop the load.
func lint(rs *RuleSet, e *Engine) []Warning {
	var ws []Warning
	warn := func(p Pos, rule, format string, args ...any) {
		ws = append(ws, Warning{Pos: p, Rule: rule, Msg: fmt.Sprintf(format, args...)})
	}
	type owner struct {
		rule  int
		field string
	}
	byKeyword := map[string][]owner{}
	forms := e.exceptForms()
	for i := range rs.Rules {
		r := &rs.Rules[i]
		own := map[string]bool{}
		for _, field := range []struct {
			name string
			list []string
		}{{"keywords", r.Keywords}, {"all_of", r.AllOf}} {
			for _, kw := range field.list {
				n := normalize.String(kw)
				own[n] = true
				if r.Match != Exact && utf8.RuneCountInString(n) == 1 {
					warn(r.fieldPos(field.name), r.ID, "%s: single-character keyword %q matches inside many words", field.name, kw)
				}
				// A rule with all_of never fires on one keyword alone.
				if field.name == "keywords" && len(r.AllOf) == 0 && !slices.ContainsFunc(byKeyword[n], func(o owner) bool { return o.rule == i }) {
					byKeyword[n] = append(byKeyword[n], owner{i, field.name})
				}
			}
		}
		for _, kw := range r.NoneOf {
			if own[normalize.String(kw)] {
				warn(r.fieldPos("none_of"), r.ID, "none_of %q is also one of the rule's own keywords: the rule can never fire on it", kw)
			}
		}
		if len(r.Except) > 0 {
			lintExcept(r, forms[i], warn)
		}
	}
	keys := make([]string, 0, len(byKeyword))
	for k := range byKeyword {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		owners := byKeyword[k]
		if len(owners) < 2 {
			continue
		}
		// Who wins on this keyword alone: higher priority, then file order.
		win := owners[0]
		for _, o := range owners[1:] {
			if rs.Rules[o.rule].Priority > rs.Rules[win.rule].Priority {
				win = o
			}
		}
		var others []string
		for _, o := range owners {
			if o != win {
				others = append(others, rs.Rules[o.rule].ID)
			}
		}
		why := "it comes first in the file"
		if slices.ContainsFunc(owners, func(o owner) bool { return rs.Rules[o.rule].Priority != rs.Rules[win.rule].Priority }) {
			why = "it has the highest priority"
		}
		w := &rs.Rules[win.rule]
		warn(w.fieldPos("keywords"), w.ID, "keyword %q is also in rule(s) %s; on this keyword alone %s wins because %s",
			k, strings.Join(others, ", "), w.ID, why)
	}
	// A rule none of whose keywords it owns alone, behind a rule that beats
	// it on priority and needs nothing more, can never win. Only the rules
	// that share the first keyword can cover all of them, so look there
	// (byKeyword holds rules without all_of, in file order).
	for i := range rs.Rules {
		r := &rs.Rules[i]
		if r.Disabled || len(r.AllOf) > 0 || len(r.Keywords) == 0 || r.Match == Exact {
			continue
		}
		want := map[string]bool{}
		for _, k := range r.Keywords {
			want[normalize.String(k)] = true
		}
		for _, own := range byKeyword[normalize.String(r.Keywords[0])] {
			j := own.rule
			o := &rs.Rules[j]
			if j == i || o.Disabled || o.Match == Exact || len(o.NoneOf) > 0 || len(o.Except) > 0 || o.Priority < r.Priority || (o.Priority == r.Priority && j > i) {
				continue
			}
			if coversAll(o.Keywords, want) {
				warn(r.pos, r.ID, "can never win: every keyword is also in rule %s, which ranks above it", o.ID)
				break
			}
		}
	}
	for i := range e.rules {
		if e.rules[i].blocked {
			warn(e.rules[i].pos, e.rules[i].ID, "every reply is blocked by compliance: the rule answers with the default reply")
		}
	}
	// The same example under two rules (or a rule and the fallback list)
	// ties with itself, and the engine answers neither.
	byExample := map[string]string{} // normalised example -> rule id, "" for fallback
	for _, ex := range rs.FallbackExamples {
		byExample[normalize.String(ex)] = ""
	}
	for i := range rs.Rules {
		r := &rs.Rules[i]
		for _, ex := range r.Examples {
			k := normalize.String(ex)
			switch o, ok := byExample[k]; {
			case !ok:
				byExample[k] = r.ID
			case o == "":
				warn(r.fieldPos("examples"), r.ID, "example %q is also a fallback example: a message like it falls back", ex)
			case o != r.ID:
				warn(r.fieldPos("examples"), r.ID, "example %q is also an example of rule %s: a message like it goes to neither", ex, o)
			}
		}
	}
	return ws
}

// coversAll reports whether have holds every word of want (normalised).
func coversAll(have []string, want map[string]bool) bool {
	n := 0
	seen := map[string]bool{}
	for _, k := range have {
		if k = normalize.String(k); want[k] && !seen[k] {
			seen[k] = true
			n++
		}
	}
	return n == len(want)
}

// Lint compiles rs as New would and returns its warnings and errors, for
// rule-file checkers. Warnings come only from a rule set without errors:
// fix the errors first.
func Lint(rs *RuleSet, opts ...Option) ([]Warning, error) {
	_, ws, err := New(rs, opts...)
	return ws, err
}

// checkExamples reports examples that normalise to nothing, since no
// message could resemble them; what names the list in the message.
func checkExamples(exs []string, p Pos, rule, what string, errs *ErrorList) {
	for i, ex := range exs {
		if normalize.String(ex) == "" {
			errs.add(p, rule, "%s %d is empty", what, i+1)
		}
	}
}

// lintExcept warns of exceptions that can never apply, because none of
// their forms can overlap a keyword form of the rule, and of those that
// are one of the keyword forms, which then never counts. The forms are
// normalised, synonyms included; fs.except[k] are those of r.Except[k].
func lintExcept(r *Rule, fs ruleForms, warn func(p Pos, rule, format string, args ...any)) {
	for k, w := range r.Except {
		switch {
		case slices.Contains(fs.keywords, normalize.String(w)):
			warn(r.fieldPos("except"), r.ID, "except %q is one of the rule's own keyword forms: that form never counts", w)
		case k >= len(fs.except) || len(fs.except[k]) == 0:
			// Every form it brings, an earlier except word of the rule
			// brought already (高兴坏了 and 高興壞了, or synonyms).
			warn(r.fieldPos("except"), r.ID, "except %q adds nothing: an earlier except word of the rule has the same forms", w)
		case !slices.ContainsFunc(fs.except[k], func(x string) bool {
			return slices.ContainsFunc(fs.keywords, func(f string) bool { return overlaps(x, f) })
		}):
			warn(r.fieldPos("except"), r.ID, "except %q cannot overlap any of the rule's keywords or their synonyms: it never applies (to veto the rule, use none_of)", w)
		}
	}
}

// overlaps reports whether occurrences of a and b can share a character:
// one holds the other, or an end of one is the start of the other (没有要
// 取消 and 取消订单).
func overlaps(a, b string) bool {
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	for i := range a {
		if i > 0 && (strings.HasPrefix(b, a[i:]) || strings.HasSuffix(b, a[:i])) {
			return true
		}
	}
	return false
}
