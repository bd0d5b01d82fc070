package reply

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kefu-go/kefu/compliance"
	"github.com/kefu-go/kefu/matcher"
	"github.com/kefu-go/kefu/matcher/normalize"
	"github.com/kefu-go/kefu/matcher/pinyin"
	"github.com/kefu-go/kefu/matcher/segment"
	"github.com/kefu-go/kefu/matcher/similar"
	"github.com/kefu-go/kefu/reply/internal/smalltalk"
	"github.com/kefu-go/kefu/synonyms"
)

// Limits a rule set must stay within; larger sets are rejected before they
// are compiled.
const (
	MaxRules           = 20000
	MaxKeywordsPerRule = 200
	MaxPatterns        = 500000 // keyword forms after synonym expansion, over all rules
	MaxAllOf           = 16
	MaxReplyBytes      = 4096
)

// An Engine answers customer messages from a compiled rule set. Make it
// with New. It is immutable once built and safe for concurrent use by
// multiple goroutines.
type Engine struct {
	rules    []crule
	m        *matcher.Matcher
	pats     []patInfo
	def      string
	offhours string
	negs     [][]rune // negations, normalised (see WithNegations)
	dismiss  [][]rune // dismissals, normalised (see WithDismissals)
	// afterFirst holds the runes that may follow a keyword that a
	// negation or dismissal after it makes unasked (see unasked), and
	// negLast the runes that end a negation (see negated).
	afterFirst, negLast runeSet
	sim                 *similar.Index   // rules' examples; nil when there are none or they are off
	chat                *smalltalk.Model // what small talk looks like, taught by the examples; nil without them
	examples            []string         // the texts sim holds, by index, for answers
	disabled            bool
	excepts             bool // some rule has exceptions
	cfg                 config
	warnings            []Warning
	pool                sync.Pool // *scratch
}

type crule struct {
	Rule
	order   int
	replies []string // rendered and cleaned; blocked variants left out
	blocked bool     // every variant was blocked by compliance
	// excepts are the normalised forms of Except, synonyms included: a
	// pinyin match is checked against them with its form written in.
	// exceptRunes is the longest of them, in runes.
	excepts     []string
	exceptRunes int
}

type patInfo struct {
	keyword string
	form    string
	rule    int32
	index   int32 // index of the keyword within its list
	runes   int32 // runes of form, normalised
	role    Role
	synonym bool
	pinyin  bool // the pattern is form with one character in pinyin
}

// New compiles a rule set into an Engine. Problems in the rule set are
// returned together, as an ErrorList with file, line and column; a nil rule
// set, an invalid schedule or a rule set over MaxPatterns give a plain
// error. Warnings from the linter (see Lint) report problems that do not
// stop the load.
func New(rs *RuleSet, opts ...Option) (*Engine, []Warning, error) {
	if rs == nil {
		return nil, nil, errors.New("reply: nil rule set")
	}
	e := &Engine{disabled: rs.Disabled}
	for _, o := range opts {
		o(&e.cfg)
	}
	if e.cfg.clock == nil {
		e.cfg.clock = time.Now
	}
	if e.cfg.maxRunes <= 0 {
		e.cfg.maxRunes = DefaultMaxMessageRunes
	}
	if e.cfg.candidates <= 0 {
		e.cfg.candidates = 3
	}
	if !e.cfg.negationsSet {
		e.cfg.negations = defaultNegations
	}
	if !e.cfg.dismissalsSet {
		e.cfg.dismissals = defaultDismissals
	}
	var err error
	if e.negs, err = compileWords("negation", e.cfg.negations); err != nil {
		return nil, nil, err
	}
	if e.dismiss, err = compileWords("dismissal", e.cfg.dismissals); err != nil {
		return nil, nil, err
	}
	e.afterFirst = afterFirst(e.negs, e.dismiss)
	e.negLast = lastRunes(e.negs)
	if f := e.cfg.similarity; e.cfg.similaritySet && (math.IsNaN(f) || f > 1) {
		return nil, nil, fmt.Errorf("reply: WithSimilarity(%v): want a floor from 0 to 1 (0 turns examples off)", f)
	}
	if e.cfg.schedule != nil {
		e.cfg.schedule = e.cfg.schedule.clone() // the engine is immutable
		if err := e.cfg.schedule.validate(); err != nil {
			return nil, nil, err
		}
	}
	if e.cfg.seg == nil {
		s, err := segment.Default()
		if err != nil {
			return nil, nil, err
		}
		e.cfg.seg = s
	}
	if e.cfg.cleaner == nil {
		f, err := compliance.New()
		if err != nil {
			return nil, nil, err
		}
		e.cfg.cleaner = f
	}
	var errs ErrorList
	validate(rs, &errs)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	th, err := e.thesaurus(rs)
	if err != nil {
		return nil, nil, err
	}
	vars := map[string]string{}
	for k, v := range rs.Variables {
		vars[k] = v
	}
	for k, v := range e.cfg.vars {
		vars[k] = v
	}
	e.def = e.renderFixed(rs.DefaultReply, vars, rs.fieldPos("default_reply"), "default_reply", &errs)
	if rs.OffhoursReply != "" {
		e.offhours = e.renderFixed(rs.OffhoursReply, vars, rs.fieldPos("offhours_reply"), "offhours_reply", &errs)
	}
	e.rules = make([]crule, len(rs.Rules))
	for i := range rs.Rules {
		r := &rs.Rules[i]
		cr := crule{Rule: *r, order: i}
		if cr.Match == "" {
			cr.Match = Contains
		}
		for j, text := range r.Replies {
			p := r.fieldPos("replies")
			if _, ok := r.fields["reply"]; ok && j == 0 {
				p = r.fieldPos("reply")
			}
			out, ok := e.render(text, vars, p, r.ID, &errs)
			if ok {
				cr.replies = append(cr.replies, out)
			}
		}
		cr.blocked = len(cr.replies) == 0 && len(r.Replies) > 0
		e.rules[i] = cr
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	if err := e.compileKeywords(th); err != nil {
		return nil, nil, err
	}
	e.compileExamples(rs)
	e.warnings = append(e.warnings, lint(rs, e)...)
	slices.SortStableFunc(e.warnings, func(a, b Warning) int { return a.Pos.Line - b.Pos.Line })
	return e, e.warnings, nil
}

// compileExamples indexes the rules' examples, labelled with the rule's
// index, and the fallback examples, labelled -1.
func (e *Engine) compileExamples(rs *RuleSet) {
	if !e.cfg.similaritySet {
		e.cfg.similarity = DefaultSimilarity
	}
	if e.cfg.similarity <= 0 {
		return
	}
	var exs []similar.Example
	for i := range rs.Rules {
		for _, t := range rs.Rules[i].Examples {
			exs = append(exs, similar.Example{Text: t, Label: i})
		}
	}
	if len(exs) == 0 {
		return
	}
	for _, t := range rs.FallbackExamples {
		exs = append(exs, similar.Example{Text: t, Label: -1})
	}
	e.sim = similar.New(exs)
	if n := len(rs.FallbackExamples); !e.cfg.noSmallTalk && n >= minChatExamples && len(exs)-n >= minChatExamples {
		chat := make([]smalltalk.Example, len(exs))
		for i, ex := range exs {
			chat[i] = smalltalk.Example{Text: ex.Text, SmallTalk: ex.Label < 0}
		}
		e.chat = smalltalk.Train(chat)
	}
	e.examples = make([]string, len(exs))
	for i, ex := range exs {
		e.examples[i] = ex.Text
	}
}

// minChatExamples is how many fallback examples, and how many examples
// of rules, a rule set needs for its small-talk model: fewer teach it
// little.
const minChatExamples = 100

// chatScore is how sure the small-talk model must be (see
// smalltalk.Model.Score). On the dev corpora, each with a model taught
// without its own messages, 10 turned 45 answers right and none wrong,
// 5 turned 62 right and 7 wrong (before the guards for words about an
// order and for instructions).
const chatScore = 10

// chatModel reports whether msg, for which rules fired, is small talk by
// the model the examples taught: no candidate is an exact rule's, msg
// asks nothing (no question mark or question word, as written or
// normalised, and no keyword in a clause that asks) and holds no word
// about the shop or an order (see offShop), no keyword is most of its
// clause (发顺丰, 今天必须发, 转人工: an instruction, whatever the clause
// before it tells), and the model is sure enough.
func (e *Engine) chatModel(msg string, sc *scratch) bool {
	if e.chat == nil || !offShop(msg) {
		return false
	}
	for k := range sc.cands {
		if e.exactRule(int(sc.accs[sc.idx[k]].rule)) {
			return false
		}
	}
	sc.norm.Reset(msg)
	if e.chat.Score(sc.norm.Runes) < chatScore || questionSet.in(sc.norm.String()) {
		return false
	}
	for i := range sc.kms {
		m := &sc.kms[i]
		c, mark := clauseAround(msg, m.Start, m.End)
		if mark || clauseAsks(c) || 2*utf8.RuneCountInString(normalize.String(msg[m.Start:m.End])) >= utf8.RuneCountInString(c) {
			return false
		}
	}
	return true
}

// exactRule reports whether rule i matches whole messages only.
func (e *Engine) exactRule(i int) bool { return e.rules[i].Match == Exact }

// similarRule returns the rule whose examples msg resembles enough, by the
// policy of WithSimilarity, and the example, or -1.
func (e *Engine) similarRule(msg string) (int, similar.Neighbour) {
	floor := e.cfg.similarity
	// Most messages without a keyword resemble no example this much; the
	// higher bound makes their lookup cheaper than the second one.
	nb, runes := e.sim.Nearest(msg, floor)
	if runes < MinSimilarRunes || len(nb) == 0 || nb[0].Label < 0 {
		return -1, similar.Neighbour{}
	}
	switch {
	case len(nb) == 2 && nb[1].Label != nb[0].Label:
		return -1, similar.Neighbour{} // two labels at the floor or above
	case len(nb) < 2:
		// Is a runner-up of another label close behind?
		if near, _ := e.sim.Nearest(msg, 0.8*floor); len(near) > 1 && near[1].Label != near[0].Label {
			return -1, similar.Neighbour{}
		}
	}
	return nb[0].Label, nb[0]
}

// thesaurus builds the synonym thesaurus: embedded defaults, then the
// caller's, then the rule set's own groups, later ones winning.
func (e *Engine) thesaurus(rs *RuleSet) (*synonyms.Thesaurus, error) {
	var th *synonyms.Thesaurus
	if !e.cfg.noDefaultSyns {
		d, err := synonyms.Default(synonyms.WithSegmenter(e.cfg.seg))
		if err != nil {
			return nil, err
		}
		th = d
	}
	merge := func(t *synonyms.Thesaurus) {
		if th == nil {
			th = t
		} else {
			th = th.Merge(t)
		}
	}
	if e.cfg.thesaurus != nil {
		merge(e.cfg.thesaurus)
	}
	if len(rs.Synonyms) > 0 {
		groups := make([]synonyms.Group, 0, len(rs.Synonyms))
		for _, g := range rs.Synonyms {
			groups = append(groups, synonyms.Group{Words: g})
		}
		t, err := synonyms.New(groups, synonyms.WithName(rs.file), synonyms.WithSegmenter(e.cfg.seg))
		if err != nil {
			return nil, ErrorList{{Pos: rs.fieldPos("synonyms"), Msg: err.Error()}}
		}
		merge(t)
	}
	return th, nil
}

// fieldPos returns where a top-level field was given, or the document's
// start.
func (rs *RuleSet) fieldPos(field string) Pos {
	if p, ok := rs.fields[field]; ok {
		return p
	}
	return rs.pos
}

// render fills a reply template with the shop variables and cleans it.
// It reports false when the reply is blocked by compliance (a warning) or
// broken (an error).
func (e *Engine) render(text string, vars map[string]string, p Pos, rule string, errs *ErrorList) (string, bool) {
	filled, err := fillTemplate(text, vars)
	if err != nil {
		errs.add(p, rule, "reply template: %v (define variables under variables or with WithVariables)", err)
		return "", false
	}
	out := strings.TrimSpace(filled)
	if out == "" {
		errs.add(p, rule, "reply is empty")
		return "", false
	}
	if len(out) > MaxReplyBytes {
		errs.add(p, rule, "reply is longer than %d bytes", MaxReplyBytes)
		return "", false
	}
	res := e.cfg.cleaner.Clean(out)
	for _, f := range res.Findings {
		word := f.Word
		if word == "" {
			word = string(f.Category)
		}
		e.warnings = append(e.warnings, Warning{Pos: p, Rule: rule, Msg: fmt.Sprintf("compliance: %s %q (%s)", f.Action, word, f.Category)})
	}
	if res.Blocked {
		e.warnings = append(e.warnings, Warning{Pos: p, Rule: rule, Msg: "compliance blocks this reply: it is never sent"})
		return "", false
	}
	return res.Text, true
}

// renderFixed renders a reply that must be sendable (the defaults).
func (e *Engine) renderFixed(text string, vars map[string]string, p Pos, field string, errs *ErrorList) string {
	if strings.TrimSpace(text) == "" {
		errs.add(p, "", "%s is empty", field)
		return ""
	}
	n := len(*errs)
	out, ok := e.render(text, vars, p, field, errs)
	if !ok && len(*errs) == n {
		errs.add(p, "", "%s is blocked by compliance", field)
	}
	return out
}

// compileKeywords expands every keyword through the thesaurus and builds
// the matcher (exact keywords included, as substring patterns). Keywords
// and all_of words of two or three characters also get their pinyin
// variants (see pinyinForms), unless WithoutPinyin.
func (e *Engine) compileKeywords(th *synonyms.Thesaurus) error {
	var pats []matcher.Pattern
	emit := func(info patInfo, p matcher.Pattern) error {
		if len(e.pats) >= MaxPatterns {
			return fmt.Errorf("reply: more than %d keyword forms after synonym expansion and pinyin variants; split the rule set, use fewer synonyms or WithoutPinyin", MaxPatterns)
		}
		p.ID = len(e.pats)
		pats = append(pats, p)
		e.pats = append(e.pats, info)
		return nil
	}
	add := func(ri int, role Role, list []string) error {
		seen := map[string]bool{} // forms already compiled for this rule and role
		own := map[string]bool{}  // the list's own words, normalised
		for _, kw := range list {
			own[normalize.String(kw)] = true
		}
		// spelled are the forms, and fn each one's normalised text, whose
		// pinyin variants come after every written form.
		type spelledForm struct {
			info patInfo
			fn   string
		}
		var spelled []spelledForm
		for k, kw := range list {
			forms := []string{kw}
			if th != nil {
				exp, err := th.ExpandPhrase(kw)
				if err != nil {
					return err
				}
				if exp.Truncated {
					r := &e.rules[ri]
					e.warnings = append(e.warnings, Warning{Pos: r.fieldPos(roleField(role)), Rule: r.ID,
						Msg: fmt.Sprintf("keyword %q has more synonym variants than the cap; the first %d are used", kw, len(exp.Variants))})
				}
				if len(exp.Variants) > 0 {
					forms = exp.Variants
				}
			}
			kwNorm := normalize.String(kw)
			for _, f := range forms {
				fn := normalize.String(f)
				if role == RoleAllOf && fn != kwNorm && own[fn] {
					// With 发货 = 寄出, all_of [发货, 寄出] needs both words
					// written: 寄出 counts for itself, not as 发货's synonym.
					continue
				}
				key := fn
				if role == RoleExact {
					key = exactKeyword(fn)
				}
				if seen[key] && role != RoleAllOf {
					continue // another keyword of the rule already brought this form
				}
				seen[key] = true
				info := patInfo{rule: int32(ri), role: role, index: int32(k), keyword: kw, form: f,
					synonym: fn != kwNorm, runes: int32(utf8.RuneCountInString(fn))}
				var err error
				switch role {
				case RoleExact:
					// The whole message must be this key, give or take forms
					// of address before it and particles after it (see
					// exactSpans); the matcher finds the key itself.
					err = emit(info, matcher.Pattern{Text: key, Substring: true})
				case RoleNoneOf, RoleExcept:
					// A veto or an exception is eager: any occurrence counts,
					// even across a word boundary (工商银行 in 工商/银行卡).
					err = emit(info, matcher.Pattern{Text: f, Substring: true})
					if r := &e.rules[ri]; role == RoleExcept && !e.cfg.noPinyin {
						r.excepts = append(r.excepts, fn)
						r.exceptRunes = max(r.exceptRunes, utf8.RuneCountInString(fn))
					}
				default:
					err = emit(info, matcher.Pattern{Text: f})
					if !e.cfg.noPinyin {
						spelled = append(spelled, spelledForm{info, fn})
					}
				}
				if err != nil {
					return err
				}
			}
		}
		for _, sp := range spelled {
			info, fn := sp.info, sp.fn
			info.pinyin = true
			for _, v := range pinyinForms(fn) {
				if seen[v] && role != RoleAllOf {
					continue // written as such, or another form's variant
				}
				seen[v] = true
				// Words are decided as if fn were written: 能开piao吗
				// segments as 能开|piao|吗, 能开票吗 as 能|开票|吗.
				if err := emit(info, matcher.Pattern{Text: v, Means: fn}); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for i := range e.rules {
		r := &e.rules[i]
		var err error
		if r.Match == Exact {
			err = add(i, RoleExact, r.Keywords)
		} else {
			err = add(i, RoleKeyword, r.Keywords)
			if err == nil {
				err = add(i, RoleAllOf, r.AllOf)
			}
		}
		if err == nil {
			err = add(i, RoleNoneOf, r.NoneOf)
		}
		if err == nil && len(r.Except) > 0 {
			err = add(i, RoleExcept, r.Except)
			e.excepts = true
		}
		if err != nil {
			return err
		}
	}
	m, err := matcher.New(pats, matcher.WithSegmenter(e.cfg.seg))
	if err != nil {
		var pe *matcher.PatternError
		if errors.As(err, &pe) {
			info := e.pats[pats[pe.Index].ID]
			r := &e.rules[info.rule]
			return ErrorList{{Pos: r.fieldPos(roleField(info.role)), Rule: r.ID,
				Msg: fmt.Sprintf("keyword %q: %v", info.keyword, pe.Err)}}
		}
		return err
	}
	e.m = m
	return nil
}

// ownLetters reports whether the syllable of a pinyin match msg[start:end]
// is the whole run of letters the customer typed: no ASCII letter or
// digit, noise skipped, touches the match on a side where it ends in a
// letter (tui货2件 is tui货, but not in xtui货).
func ownLetters(msg string, start, end int) bool {
	if r, _, _ := normalize.After(msg, start); isAlnum(r) {
		if r, c, _ := normalize.Before(msg, start); c == normalize.Keep && isAlnum(r) {
			return false
		}
	}
	if r, _, _ := normalize.Before(msg, end); isAlnum(r) {
		if r, c, _ := normalize.After(msg, end); c == normalize.Keep && isAlnum(r) {
			return false
		}
	}
	return true
}

// exceptedSpelled reports whether the pinyin match msg[start:end] would
// lie inside one of its rule's except words if its form were written
// (zhi量很好 is 质量很好). The matcher finds except words only as written;
// this normalises a window around the match with the form written in, as
// wide on each side as the rule's longest except word, twice over, in
// runes that normalising keeps (noise does not count, up to a bound).
func (e *Engine) exceptedSpelled(msg string, start, end int, info *patInfo) bool {
	r := &e.rules[info.rule]
	if len(r.excepts) == 0 {
		return false
	}
	want, bound := 2*r.exceptRunes, 16*r.exceptRunes
	lo, hi := start, end
	for kept, n := 0, 0; kept < want && n < bound && lo > 0; n++ {
		c, size := utf8.DecodeLastRuneInString(msg[:lo])
		lo -= size
		if _, class := normalize.Rune(c); class != normalize.Noise {
			kept++
		}
	}
	for kept, n := 0, 0; kept < want && n < bound && hi < len(msg); n++ {
		c, size := utf8.DecodeRuneInString(msg[hi:])
		hi += size
		if _, class := normalize.Rune(c); class != normalize.Noise {
			kept++
		}
	}
	// One normalisation of the whole window, so that a break beside the
	// match stays a break (高兴。huai了 is not 高兴坏了).
	var t normalize.Text
	t.Reset(msg[lo:start] + info.form + msg[end:hi])
	fs, fe := start-lo, start-lo+len(info.form) // the form's bytes in the window
	i, j := len(t.Runes), 0                     // the form's runes in t
	for k := range t.Runes {
		if t.Starts[k] >= fs && t.Ends[k] <= fe {
			i, j = min(i, k), k+1
		}
	}
	if i >= j {
		return false
	}
	text := string(t.Runes)
	before := len(string(t.Runes[:i]))
	formLen := len(string(t.Runes[i:j]))
	for _, x := range r.excepts {
		for p := 0; ; {
			k := strings.Index(text[p:], x)
			if k < 0 {
				break
			}
			if k += p; k < before+formLen && k+len(x) > before {
				return true
			}
			p = k + 1
		}
	}
	return false
}

func isAlnum(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// pinyinForms returns the pinyin variants (see pinyin.Variants) of a
// normalised keyword form of two or three Chinese characters: 退huo and
// tui货 for 退货. Shorter forms would match any syllable, and longer ones
// are seldom typed half in pinyin; each variant costs a pattern.
func pinyinForms(fn string) []string {
	n := 0
	for _, r := range fn {
		if !unicode.Is(unicode.Han, r) {
			return nil
		}
		n++
	}
	if n < 2 || n > 3 {
		return nil
	}
	return pinyin.Variants(fn)
}

func roleField(r Role) string {
	switch r {
	case RoleAllOf:
		return "all_of"
	case RoleNoneOf:
		return "none_of"
	case RoleExcept:
		return "except"
	}
	return "keywords"
}

// Forms of address (addressForms) and particles (trailingParticles) may
// stand around exact keywords: 亲，在吗？ and 在吗在吗亲 are greetings.
var (
	addressForms      = []string{"亲亲", "亲爱的", "亲", "宝子", "宝宝", "宝", "老板", "客服", "掌柜的", "掌柜", "美女", "小姐姐"}
	trailingParticles = "吗嘛么呢呀啊吧哈哦喔啦哇嘞咧滴的了,"
)

// exactKeyword is what an exact keyword must meet in a message: the
// keyword without its trailing particles (在吗 meets 在呢 and 在), unless
// nothing would be left.
func exactKeyword(norm string) string {
	if k := strings.TrimRight(norm, trailingParticles); k != "" {
		return k
	}
	return norm
}

// maybeExact is a cheap first look at what follows an exact keyword: it
// reports false as soon as a rune follows that is neither a particle nor
// part of a form of address (the usual case: 在 in 放在卧室), without
// allocating. It gives up after a bounded number of runes, leaving the
// decision to exactSpans, so that a long run of particles cannot make the
// look quadratic.
func maybeExact(after string) bool {
	n := 0
	for _, r := range after {
		if f, c := normalize.Rune(r); c == normalize.Keep && !strings.ContainsRune(trailingParticles, f) && !strings.ContainsRune(addressRuneSet, f) {
			return false
		}
		if n++; n > 64 {
			return true
		}
	}
	return true
}

// addressRuneSet holds every rune of addressForms, for maybeExact.
var addressRuneSet = strings.Join(addressForms, "")

// addressRunes holds addressForms as runes.
var addressRunes = func() [][]rune {
	out := make([][]rune, len(addressForms))
	for i, a := range addressForms {
		out[i] = []rune(a)
	}
	return out
}()

// exactSpans says which exact keywords found in one message stand alone:
// the message, normalised, must be nothing but exact keywords (one or
// several: 在吗在吗, 嗨 在吗), forms of address, particles and breaks. It
// normalises the message once and covers it in two linear passes, so
// checking every occurrence of every exact keyword takes linear time.
type exactSpans struct {
	text normalize.Text
	// reach[i]: runes [0, i) are covered; back[i]: runes [i, n) are.
	reach, back []bool
}

// newExactSpans covers msg with the exact keywords found at spans.
func newExactSpans(msg string, spans []matcher.Match) *exactSpans {
	x := &exactSpans{}
	x.text.Reset(msg)
	rs := x.text.Runes
	n := len(rs)
	// keys[i] lists the rune ends of the exact keywords starting at rune i.
	keys := make(map[int][]int, len(spans))
	for _, m := range spans {
		if i, j, ok := x.runeSpan(m.Start, m.End); ok {
			keys[i] = append(keys[i], j)
		}
	}
	// steps calls f with the end of every piece that may start at rune i.
	steps := func(i int, f func(end int)) {
		if rs[i] == normalize.Separator || strings.ContainsRune(trailingParticles, rs[i]) {
			f(i + 1)
		}
		for _, a := range addressRunes {
			if len(a) <= n-i && slices.Equal(rs[i:i+len(a)], a) {
				f(i + len(a))
			}
		}
		for _, j := range keys[i] {
			f(j)
		}
	}
	x.reach = make([]bool, n+1)
	x.reach[0] = true
	for i := 0; i < n; i++ {
		if x.reach[i] {
			steps(i, func(end int) { x.reach[end] = true })
		}
	}
	x.back = make([]bool, n+1)
	x.back[n] = true
	for i := n - 1; i >= 0; i-- {
		steps(i, func(end int) { x.back[i] = x.back[i] || x.back[end] })
	}
	return x
}

// runeSpan converts bytes [start, end) of the message to runes [i, j) of
// its normalised text; ok is false when the bytes do not fall on runes
// that normalisation kept.
func (x *exactSpans) runeSpan(start, end int) (i, j int, ok bool) {
	i, found := slices.BinarySearch(x.text.Starts, start)
	if !found {
		return 0, 0, false
	}
	j, found = slices.BinarySearch(x.text.Ends, end)
	if !found {
		return 0, 0, false
	}
	return i, j + 1, true
}

// ok reports whether an exact keyword found at bytes [start, end) of the
// message is part of a cover of the whole message.
func (x *exactSpans) ok(start, end int) bool {
	i, j, ok := x.runeSpan(start, end)
	return ok && x.reach[i] && x.back[j]
}

// exactSpans returns the cover of msg by the exact keywords among found,
// or nil when none can stand alone. The cheap look comes first: unless
// some exact keyword is followed by nothing but particles and breaks (the
// usual case: 在 in 放在卧室), nothing is normalised or allocated.
func (e *Engine) exactSpans(msg string, found []matcher.Match) *exactSpans {
	last := false
	for _, m := range found {
		if e.pats[m.ID].role == RoleExact && maybeExact(msg[m.End:]) {
			last = true
			break
		}
	}
	if !last {
		return nil
	}
	var spans []matcher.Match
	for _, m := range found {
		if e.pats[m.ID].role == RoleExact {
			spans = append(spans, m)
		}
	}
	return newExactSpans(msg, spans)
}

// compileWords normalises the negations or dismissals, each of which must
// be one word of 1 to maxNegationRunes runes.
func compileWords(kind string, words []string) ([][]rune, error) {
	out := make([][]rune, 0, len(words))
	for _, w := range words {
		n := []rune(normalize.String(w))
		if len(n) == 0 || len(n) > maxNegationRunes || slices.Contains(n, normalize.Separator) {
			return nil, fmt.Errorf("reply: %s %q must be one word of 1 to %d characters", kind, w, maxNegationRunes)
		}
		out = append(out, n)
	}
	return out, nil
}

// maxNegationRunes is the longest negation or dismissal the options accept.
const maxNegationRunes = 8

// negated reports whether a negation ends right before msg[start:], after
// normalisation: noise between them does not count, a break or a space
// does (see spaced). A
// negation that is the middle of an A-not-A question (要不要, 是不是要,
// 用不用) asks rather than negates, so it does not count.
func (e *Engine) negated(msg string, start int) bool {
	if len(e.negs) == 0 {
		return false
	}
	var buf [maxNegationRunes + 1]rune // the runes before start, nearest first
	n := 0
	for i := start; n < len(buf); n++ {
		r, c, j := normalize.Before(msg, i)
		if c != normalize.Keep || n == 0 && (!e.negLast.has(r) || spaced(msg[j:start])) {
			break // the usual keyword: no negation ends right before it
		}
		buf[n], i = r, j
	}
	for _, neg := range e.negs {
		if len(neg) > n {
			continue
		}
		k := 0
		for k < len(neg) && neg[len(neg)-1-k] == buf[k] {
			k++
		}
		if k == len(neg) && !aNotA(neg, buf[k:n]) {
			return true
		}
	}
	return false
}

// spaced reports whether s, a rune and the noise after it up to a
// keyword, holds white space: customers type a space where they mean a
// comma (发票不需要 快点发货), so neither a negation nor a clause (see
// clauseAround) reaches across one.
func spaced(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return strings.ContainsFunc(s[size:], unicode.IsSpace)
}

// unasked reports whether the keyword at msg[start:end] is negated or
// dismissed, so that the customer does not ask it: a negation right
// before it (不用发票; see negated), a dismissal after it (几天到货无所谓,
// 发票 无所谓), or a negation after it that ends its clause (会员我不想办,
// 发票不需要 快点发货, 赠品不要了). After the keyword, at most two fillers
// (也, 都, 我 ...) may come first; after such a negation, at most one rune
// and a 了, and no question: 发票不需要吗 and 运费不要钱？ ask. A negation
// of one rune (别) does not count after the keyword, nor one in another
// clause (我要退货 不想要了), nor one whose verb comes shortly before the
// keyword: 要发票不要 and 要开发票不要 are A-not-A questions.
func (e *Engine) unasked(msg string, start, end int) bool {
	return e.negated(msg, start) || e.unaskedAfter(msg, start, end)
}

// unaskedAfter is unasked without a negation before the keyword: a
// dismissal or a negation after it.
func (e *Engine) unaskedAfter(msg string, start, end int) bool {
	if r, c, _ := normalize.After(msg, end); c != normalize.Keep || !e.afterFirst.has(r) {
		return false // the usual keyword: nothing after it to read
	}
	var a after
	a.read(msg, end)
	for skip := 0; skip <= 2 && skip < a.n; skip++ {
		if skip > 0 && !strings.ContainsRune(dismissalFillers, a.buf[skip-1]) {
			break
		}
		for _, d := range e.dismiss {
			if hasPrefix(a.buf[skip:a.n], d) && !a.gapIn(skip+1, skip+len(d)) && !a.askedOrCounted(skip+len(d)) {
				if skip == 0 && a.gap&1 == 0 && slices.Equal(d, suanle) {
					continue // 取消订单算了: just cancel
				}
				// White space may come before it, not inside: sf不 急着要.
				return !decidedBefore(msg, start)
			}
		}
		if skip < a.cut && a.negatedAfter(e.negs, skip) && !aNotABefore(msg, start, e.negs, a.buf[skip:a.cut]) {
			return true
		}
	}
	return false
}

// askedOrCounted reports whether the dismissal that ends before a.buf[k]
// is asked about or counts something, so that it does not dismiss: a
// question particle or a question mark right after it (运费算了吗, 满减算了
// 没), or a number (运费算了两次).
func (a *after) askedOrCounted(k int) bool {
	if k >= a.n {
		return a.end && a.ask
	}
	return a.gap&(1<<k) == 0 && strings.ContainsRune("吗么嘛没呢0123456789一二两三四五六七八九十几", a.buf[k])
}

// decisions, before a keyword in its clause, turn a dismissal after it
// into a decision: 还是退货算了 and 干脆退款算了 decide to return.
var decisions = []string{"还是", "干脆", "不如"}

// suanle (算了) right after a keyword, with no filler or space between,
// decides rather than dismisses: 取消订单算了 asks to cancel. After a
// filler or a space it dismisses: 发票就算了, 本来想投诉的 算了.
var suanle = []rune("算了")

// decidedBefore reports whether one of the decisions comes before
// msg[start:] in its clause, within maxClauseRunes runes.
func decidedBefore(msg string, start int) bool {
	var buf [maxClauseRunes]rune
	return containsAny(string(clauseBefore(&buf, msg, start)), decisions)
}

// after holds the runes after a keyword, normalised, as unasked reads
// them: white space is skipped, as in 发票 无所谓, but marks the end of
// the keyword's clause.
type after struct {
	buf [maxNegationRunes + 4]rune
	gap uint32 // bit k: white space stands before buf[k]
	n   int    // runes read
	cut int    // runes of the keyword's clause, before any white space
	end bool   // a break or the end of msg came right after buf[:n]
	ask bool   // that break is a question mark
}

func (a *after) read(msg string, end int) {
	for i := end; a.n < len(a.buf); a.n++ {
		r, c, j := normalize.After(msg, i)
		if c != normalize.Keep {
			a.end, a.ask = true, c == normalize.Break && r == '?'
			break
		}
		_, size := utf8.DecodeLastRuneInString(msg[:j])
		if strings.ContainsFunc(msg[i:j-size], unicode.IsSpace) {
			a.gap |= 1 << a.n
		}
		a.buf[a.n], i = r, j
	}
	a.cut = min(a.n, bits.TrailingZeros32(a.gap))
}

// gapIn reports whether white space stands before any of buf[from:to].
func (a *after) gapIn(from, to int) bool {
	return from < to && a.gap>>from&(1<<(to-from)-1) != 0
}

// negatedAfter reports whether the keyword's clause, from rune skip on,
// is a negation of two runes or more, then at most one rune and a 了,
// then its end, which does not ask.
func (a *after) negatedAfter(negs [][]rune, skip int) bool {
	if a.cut == a.n && (!a.end || a.ask) {
		return false // the clause goes on past buf, or asks with a ？
	}
	rest := a.buf[skip:a.cut]
	for _, neg := range negs {
		if len(neg) < 2 || !hasPrefix(rest, neg) {
			continue
		}
		tail := rest[len(neg):]
		if len(tail) > 0 && tail[len(tail)-1] == '了' {
			tail = tail[:len(tail)-1]
		}
		if len(tail) == 0 || len(tail) == 1 && !strings.ContainsRune(questionParticles, tail[0]) {
			return true
		}
	}
	return false
}

// questionParticles end a clause that asks: 发票不需要吗.
const questionParticles = "吗么呢嘛"

// aNotABefore reports whether the negation at the start of rest, from
// negs, has its verb (要 of 不要, 需要 of 不需要) among the few runes
// before msg[start:] in the keyword's clause, so that the whole is an
// A-not-A question: 要发票不要, 要开发票不要.
func aNotABefore(msg string, start int, negs [][]rune, rest []rune) bool {
	var before [maxNegationRunes + 4]rune // nearest first
	n := 0
	for i := start; n < len(before); n++ {
		r, c, j := normalize.Before(msg, i)
		if c != normalize.Keep || spaced(msg[j:i]) {
			break
		}
		before[n], i = r, j
	}
	for _, neg := range negs {
		if len(neg) < 2 || !negStart(neg) || !hasPrefix(rest, neg) {
			continue
		}
		verb := neg[1:]
		// verb, reversed, within the nearest aNotAReach+len(verb) runes.
		for k := 0; k+len(verb) <= min(n, aNotAReach+len(verb)); k++ {
			match := true
			for m := range verb {
				if before[k+m] != verb[len(verb)-1-m] {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}

// aNotAReach is how many runes may stand between an A-not-A question's
// verb and its keyword: 开 in 要开发票不要.
const aNotAReach = 3

// hasPrefix reports whether s begins with prefix, which is not empty.
func hasPrefix(s, prefix []rune) bool {
	return len(prefix) <= len(s) && s[0] == prefix[0] && slices.Equal(s[1:len(prefix)], prefix[1:])
}

// negStart reports whether neg starts with 不 or 没, as the middle of an
// A-not-A question does.
func negStart(neg []rune) bool { return neg[0] == '不' || neg[0] == '没' }

// afterFirst returns the fillers and the first runes of the dismissals
// and of the negations of two runes or more: the runes with which what
// makes a keyword unasked may begin after it.
func afterFirst(negs, dismiss [][]rune) runeSet {
	runes := []rune(dismissalFillers)
	for _, w := range negs {
		if len(w) >= 2 {
			runes = append(runes, w[0])
		}
	}
	for _, w := range dismiss {
		runes = append(runes, w[0])
	}
	return newRuneSet(runes)
}

// lastRunes returns the set of the words' last runes.
func lastRunes(words [][]rune) runeSet {
	var runes []rune
	for _, w := range words {
		runes = append(runes, w[len(w)-1])
	}
	return newRuneSet(runes)
}

// dismissalFillers may stand between a keyword and its dismissal.
const dismissalFillers = "也都我倒就其实的"

// aNotA reports whether the negation neg, with the runes before it
// (nearest first), is the middle of an A-not-A question: 要 before 不要,
// 是 before 不是要, 用 before 不用.
func aNotA(neg, before []rune) bool {
	return len(neg) >= 2 && negStart(neg) && len(before) > 0 && before[0] == neg[1]
}

// notVetoed reports whether the none_of word at msg[start:end] vetoes
// nothing although it is not negated by a negation (see unasked): a bare
// 不 right before it negates it (不取消订单了 麻烦尽快发), unless it asks or
// proposes (取不取消订单, 取消不取消订单, 要不取消订单吧, 怎么还不取消订单,
// 不得不取消订单) or its clause asks (不能取消吗); and a word that starts
// right where a dismissed keyword ends (see dismissedEnd in reply) goes
// with that keyword (赠品不要了 能早点发吗: what is not wanted is the gift).
// Negation off (WithNegations with no words) turns this off too.
func (e *Engine) notVetoed(msg string, start, end, dismissedEnd int) bool {
	if len(e.negs) == 0 {
		return false
	}
	if dismissedEnd >= 0 && start >= dismissedEnd {
		if _, c, j := normalize.After(msg, dismissedEnd); c == normalize.Keep {
			if _, size := utf8.DecodeLastRuneInString(msg[:j]); j-size == start {
				return true
			}
		}
	}
	r, c, j := normalize.Before(msg, start)
	if r != '不' || c != normalize.Keep || spaced(msg[j:start]) {
		return false // the usual none_of word: no 不 right before it
	}
	word := []rune(normalize.String(msg[start:end]))
	if len(word) == 0 || word[0] == '不' || word[0] == '没' || word[0] == '别' {
		return false // 不想要了 is a negation itself
	}
	// before holds the runes before the 不, nearest first.
	var before [3]rune
	n := 0
	for i := j; n < len(before); n++ {
		b, c, k := normalize.Before(msg, i)
		if c != normalize.Keep {
			break
		}
		before[n], i = b, k
	}
	if n > 0 && strings.ContainsRune(proposals, before[0]) {
		return false
	}
	for k := 1; k <= n && k <= len(word); k++ {
		// A-not-A: the k runes before 不 are the word's first k.
		same := true
		for i := 0; i < k; i++ {
			same = same && before[k-1-i] == word[i]
		}
		if same {
			return false
		}
	}
	if clause, mark := clauseAround(msg, start, end); mark || clauseAsks(clause) {
		return false
	}
	return true
}

// proposals, right before a 不, make it ask, propose or insist rather than
// negate: 要不取消吧, 还不取消, 怎么不取消, 怎不取消, 为啥不取消, 咋不取消,
// 何不取消, 干嘛不取消, 不得不取消.
const proposals = "要还么啥咋何怎嘛得"

// orderWords name the order itself: dismissing one (快递不要了) drops the
// order, so its dismissal counts as a none_of word too.
var orderWords = []string{"快递", "包裹", "货", "东西", "订单", "单子", "这单", "宝贝", "商品"}

// declined reports whether a keyword of rule r was negated or dismissed.
func (sc *scratch) declined(r int32) bool {
	for _, u := range sc.unasked {
		if u.rule == r {
			return true
		}
	}
	return false
}

// withoutClauses returns msg without the clauses, as written, that hold
// a keyword of unasked, joined by a comma, or "" when nothing is left.
func withoutClauses(msg string, unasked []unaskedMatch) string {
	var b strings.Builder
	from := 0
	for from < len(msg) {
		to := strings.IndexFunc(msg[from:], isBreak)
		if to < 0 {
			to = len(msg)
		} else {
			to += from
		}
		held := false
		for _, u := range unasked {
			held = held || from <= u.start && u.start < to
		}
		if !held && from < to {
			if b.Len() > 0 {
				b.WriteString("，")
			}
			b.WriteString(msg[from:to])
		}
		from = to
		if to < len(msg) {
			_, size := utf8.DecodeRuneInString(msg[to:])
			from += size
		}
	}
	return b.String()
}

// Warnings returns the linter's warnings from New.
func (e *Engine) Warnings() []Warning { return slices.Clone(e.warnings) }

// Reply answers one message. It always returns an answer with non-empty
// Text; it never panics, whatever the input.
func (e *Engine) Reply(msg string) Answer {
	return e.reply(msg, true)
}

// acc accumulates a rule's matches in one message. Its keyword matches
// are the entries of scratch.kms whose acc index is its own.
type acc struct {
	rule     int32
	kwHit    bool
	allSeen  uint32
	vetoed   bool
	toldVeto bool // a none_of word in a clause that tells, not asks (see clausesOf)
	excepted bool // a keyword match overlapped one of the rule's exceptions
	exact    bool
	best     int
	longest  int
	first    int // index in scratch.kms of its first match, or -1
}

// ruleMatch is a keyword match and the acc it belongs to.
type ruleMatch struct {
	KeywordMatch
	acc int
}

// scratch holds the buffers of one Reply call. Engines keep them in a
// pool, so that a message allocates little more than its Answer.
type scratch struct {
	found   []matcher.Match
	excepts []exceptSpan
	accs    []acc // few rules match one message: a slice beats a map
	kms     []ruleMatch
	cands   []Candidate
	idx     []int // the acc of each candidate
	order   []int // candidates, best first
	tells   int8  // whether msg may tell: 1 or -1; 0 until asked (see scratch.mayTell)
	unasked []unaskedMatch
	norm    normalize.Text // msg normalised, for the small-talk model
}

// unaskedMatch is a keyword negated or dismissed: where it starts, and
// its rule.
type unaskedMatch struct {
	start int
	rule  int32
}

func strength(b matcher.Boundary) int {
	switch b {
	case matcher.InWord:
		return 2
	case matcher.Partial:
		return 1
	}
	return 3
}

// ruleForms are the normalised forms, synonyms included, of a rule's
// keywords and all_of words, and of each of its except words.
type ruleForms struct {
	keywords []string
	except   [][]string // by index in Rule.Except
}

// exceptForms returns the forms of each rule with exceptions.
func (e *Engine) exceptForms() map[int]ruleForms {
	out := map[int]ruleForms{}
	if !e.excepts {
		return out
	}
	for i := range e.pats {
		p := &e.pats[i]
		r := int(p.rule)
		if len(e.rules[r].Except) == 0 {
			continue
		}
		fs := out[r]
		switch p.role {
		case RoleKeyword, RoleAllOf:
			fs.keywords = append(fs.keywords, normalize.String(p.form))
		case RoleExcept:
			if fs.except == nil {
				fs.except = make([][]string, len(e.rules[r].Except))
			}
			fs.except[p.index] = append(fs.except[p.index], normalize.String(p.form))
		}
		out[r] = fs
	}
	return out
}

// barred reports whether a none_of word of rule r occurs in the message,
// or its keywords matched only where they overlap its exceptions: then no
// example answers for r either.
func (sc *scratch) barred(r int32) bool {
	for i := range sc.accs {
		if x := &sc.accs[i]; x.rule == r {
			return x.vetoed || x.excepted && x.first < 0
		}
	}
	return false
}

// exceptSpan is where a rule's exceptions occur in the message: the
// union of their occurrences, one span per run of overlapping ones.
type exceptSpan struct {
	rule       int32
	start, end int
}

// collectExcepts fills sc.excepts from the matches found, sorted by rule
// and start, each rule's overlapping occurrences merged, so that
// excepted is a binary search.
func (sc *scratch) collectExcepts(e *Engine) {
	sc.excepts = sc.excepts[:0]
	if !e.excepts {
		return
	}
	for _, m := range sc.found {
		if info := &e.pats[m.ID]; info.role == RoleExcept {
			sc.excepts = append(sc.excepts, exceptSpan{info.rule, m.Start, m.End})
		}
	}
	if len(sc.excepts) < 2 {
		return
	}
	slices.SortFunc(sc.excepts, byRuleStart)
	n := 0
	for _, x := range sc.excepts {
		if last := &sc.excepts[max(n-1, 0)]; n > 0 && last.rule == x.rule && x.start < last.end {
			last.end = max(last.end, x.end)
			continue
		}
		sc.excepts[n] = x
		n++
	}
	sc.excepts = sc.excepts[:n]
}

// excepted reports whether the match [start, end) of rule r shares a
// character with one of its exceptions.
func (sc *scratch) excepted(r int32, start, end int) bool {
	// The last span of r that starts before end is the only one that can
	// overlap: the spans of a rule are disjoint and sorted.
	i, _ := slices.BinarySearchFunc(sc.excepts, exceptSpan{rule: r, start: end}, byRuleStart)
	return i > 0 && sc.excepts[i-1].rule == r && start < sc.excepts[i-1].end
}

func byRuleStart(a, b exceptSpan) int {
	return cmp.Or(cmp.Compare(a.rule, b.rule), cmp.Compare(a.start, b.start))
}

// accFor returns the index of the acc of rule r, adding one if needed.
func (sc *scratch) accFor(r int32) int {
	for i := range sc.accs {
		if sc.accs[i].rule == r {
			return i
		}
	}
	sc.accs = append(sc.accs, acc{rule: r, first: -1})
	return len(sc.accs) - 1
}

// matchesOf returns a new slice of the keyword matches of acc i, in the
// order they were found.
func (sc *scratch) matchesOf(i int) []KeywordMatch {
	n := 0
	for k := range sc.kms {
		if sc.kms[k].acc == i {
			n++
		}
	}
	out := make([]KeywordMatch, 0, n)
	for k := range sc.kms {
		if sc.kms[k].acc == i {
			out = append(out, sc.kms[k].KeywordMatch)
		}
	}
	return out
}

func (e *Engine) reply(msg string, enabled bool) Answer {
	var a Answer
	if len(msg) > e.cfg.maxRunes && utf8.RuneCountInString(msg) > e.cfg.maxRunes {
		msg = truncateRunes(msg, e.cfg.maxRunes)
		a.Truncated = true
	}
	if e.disabled || !enabled {
		return e.fallback(a, SwitchedOff, msg)
	}
	sc, _ := e.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer e.pool.Put(sc)
	sc.found = e.m.AppendAll(sc.found[:0], msg)
	sc.tells = 0
	sc.accs, sc.kms, sc.unasked = sc.accs[:0], sc.kms[:0], sc.unasked[:0]
	// negEnd is the furthest end of a negated or dismissed match so far.
	// Matches come ordered by start, so a later match that ends by then
	// lies inside one of them and is not counted either.
	negEnd := 0
	// dismissedEnd is where the last keyword dismissed by the words after
	// it ends (赠品 in 赠品不要了), or -1.
	dismissedEnd := -1
	exact := e.exactSpans(msg, sc.found)
	sc.collectExcepts(e)
	for _, m := range sc.found {
		info := &e.pats[m.ID]
		if info.role == RoleExact && (exact == nil || !exact.ok(m.Start, m.End)) || info.role == RoleExcept {
			continue
		}
		if info.pinyin && !ownLetters(msg, m.Start, m.End) {
			// The syllable must be the whole run of letters: 打zhe is
			// not in 打zhen (打针), nor di址 in xdi址.
			continue
		}
		if info.role == RoleKeyword || info.role == RoleAllOf {
			if m.End <= negEnd {
				continue // 顺丰 in 不用发顺丰: inside a negated keyword
			}
			if negated := e.negated(msg, m.Start); negated || e.unaskedAfter(msg, m.Start, m.End) {
				negEnd = max(negEnd, m.End)
				sc.unasked = append(sc.unasked, unaskedMatch{m.Start, info.rule})
				if !negated && !containsAny(normalize.String(msg[m.Start:m.End]), orderWords) {
					dismissedEnd = m.End
				}
				continue // 不用发票, 几天到无所谓: the customer does not ask it
			}
			if sc.excepted(info.rule, m.Start, m.End) || info.pinyin && e.exceptedSpelled(msg, m.Start, m.End, info) {
				sc.accs[sc.accFor(info.rule)].excepted = true
				continue // 坏了 in 高兴坏了: the word means something else
			}
		}
		xi := sc.accFor(info.rule)
		x := &sc.accs[xi]
		km := KeywordMatch{Keyword: info.keyword, Form: info.form, Synonym: info.synonym, Pinyin: info.pinyin, Role: info.role,
			Start: m.Start, End: m.End, Boundary: m.Boundary, Normalized: msg[m.Start:m.End] != info.form}
		switch info.role {
		case RoleNoneOf:
			if e.unasked(msg, m.Start, m.End) || e.notVetoed(msg, m.Start, m.End, dismissedEnd) {
				continue
			}
			if sc.mayTell(msg) {
				if asks, done := clauseKind(msg, m.Start, m.End); done && !asks {
					x.toldVeto = true
					continue
				}
			}
			x.vetoed = true
			continue
		case RoleKeyword:
			x.kwHit = true
		case RoleAllOf:
			x.allSeen |= 1 << info.index
		case RoleExact:
			x.exact = true
			km.Boundary = matcher.Whole
			km.Normalized = msg[m.Start:m.End] != exactKeyword(info.form)
		}
		x.best = max(x.best, strength(km.Boundary))
		x.longest = max(x.longest, int(info.runes))
		if x.first < 0 {
			x.first = len(sc.kms)
		}
		sc.kms = append(sc.kms, ruleMatch{km, xi})
	}

	// cands[k] is the candidate of acc idx[k].
	sc.cands, sc.idx = sc.cands[:0], sc.idx[:0]
	anyDisabled := false
	for i := range sc.accs {
		x := &sc.accs[i]
		r := &e.rules[x.rule]
		allOK := len(r.AllOf) > 0 && x.allSeen == 1<<len(r.AllOf)-1
		if x.toldVeto && !x.vetoed {
			// 发票已经开好了 下次买有满减吗: a none_of word in a clause
			// that tells vetoes only a rule not matched in one that asks.
			asked, _ := sc.clausesOf(msg, i)
			x.vetoed = !asked
		}
		fires := !x.vetoed && (x.exact ||
			(r.Match != Exact && (len(r.AllOf) == 0 || allOK) && (len(r.Keywords) == 0 || x.kwHit) && (x.kwHit || allOK)))
		if !fires {
			continue
		}
		if r.Disabled {
			anyDisabled = true
			continue
		}
		sc.cands = append(sc.cands, Candidate{Rule: r.ID, Category: r.Category, Score: Score{
			AllOf: allOK, Strength: x.best, Priority: r.Priority, Coverage: sc.coverage(msg, i),
			Longest: x.longest, Order: r.order}})
		sc.idx = append(sc.idx, i)
	}
	told := len(sc.cands) > 0 && sc.dropDone(msg) // said, not asked
	if len(sc.cands) > 0 && !e.cfg.noSmallTalk && (sc.chats(msg, e.exactRule) || e.chatModel(msg, sc)) {
		return e.fallback(a, SmallTalk, msg)
	}
	cands := sc.cands
	if len(cands) == 0 {
		if anyDisabled {
			return e.fallback(a, RulesDisabled, msg)
		}
		if e.sim != nil && !told {
			// A message with a negated or dismissed keyword is compared
			// without the clauses that hold one, and never answered by
			// its rule: 不是催发货哈，想问寄到杭州一般几天 by 想问寄到杭州一般几天.
			text := msg
			if len(sc.unasked) > 0 {
				text = withoutClauses(msg, sc.unasked)
			}
			if ri, nb := e.similarRule(text); ri >= 0 && !sc.barred(int32(ri)) && !sc.declined(int32(ri)) {
				a.Similar = &Similar{Example: compliance.Mask(e.examples[nb.Example]), Score: nb.Score}
				return e.answer(a, &e.rules[ri], msg)
			}
		}
		return e.fallback(a, NoMatch, msg)
	}
	// order ranks the candidates; equal scores keep the order in which
	// their rules first matched.
	order := sc.order[:0]
	for k := range cands {
		order = append(order, k)
	}
	sc.order = order
	slices.SortFunc(order, func(i, j int) int {
		switch {
		case i == j:
			return 0
		case cands[i].Score == cands[j].Score:
			return cmp.Compare(i, j)
		}
		if w, _ := cands[i].Score.beats(cands[j].Score); w {
			return -1
		}
		return 1
	})
	top := cands[order[0]]
	a.Candidates = make([]Candidate, 1, min(len(order), e.cfg.candidates))
	a.Candidates[0] = top
	for k := 1; k < len(order) && k < e.cfg.candidates; k++ {
		_, why := top.Score.beats(cands[order[k]].Score)
		c := cands[order[k]]
		c.Lost = why
		a.Candidates = append(a.Candidates, c)
	}
	xi := sc.idx[order[0]]
	r := &e.rules[sc.accs[xi].rule]
	a.Matches = sc.matchesOf(xi)
	slices.SortFunc(a.Matches, func(p, q KeywordMatch) int { return p.Start - q.Start })

	if e.cfg.askBack && len(order) > 1 {
		second := cands[order[1]]
		s1, s2 := top.Score, second.Score
		y := &sc.accs[sc.idx[order[1]]]
		handoff := r.Handoff || e.rules[y.rule].Handoff
		if !handoff && top.Category != second.Category && s1.AllOf == s2.AllOf && s1.Strength == s2.Strength && s1.Priority == s2.Priority {
			q := fmt.Sprintf("亲，您是想问「%s」还是「%s」呢？", a.Matches[0].Keyword, sc.kms[y.first].Keyword)
			if res := e.cfg.cleaner.Clean(q); !res.Blocked {
				a.Text = res.Text
				a.Fallback, a.Reason = true, AskedBack
				e.observe(Event{Kind: EventFallback, Reason: AskedBack, Message: msg})
				return a
			}
		}
	}
	return e.answer(a, r, msg)
}

// answer fills a with rule r's reply, or falls back when r's replies are
// all blocked or r is disabled.
func (e *Engine) answer(a Answer, r *crule, msg string) Answer {
	if r.Disabled {
		return e.fallback(a, RulesDisabled, msg)
	}
	if r.blocked {
		a = e.fallback(a, Blocked, msg)
		a.Rule, a.Category, a.Handoff = r.ID, r.Category, r.Handoff
		if r.Handoff {
			e.observe(Event{Kind: EventHandoff, Rule: r.ID, Category: r.Category, Trigger: "rule " + r.ID})
		}
		return a
	}
	a.Rule, a.Category, a.Handoff = r.ID, r.Category, r.Handoff
	a.Text = r.replies[variant(msg, len(r.replies))]
	e.observe(Event{Kind: EventHit, Rule: r.ID, Category: r.Category, Similar: a.Similar != nil})
	if r.Handoff {
		e.observe(Event{Kind: EventHandoff, Rule: r.ID, Category: r.Category, Trigger: "rule " + r.ID})
	}
	return a
}

// coverage returns how many characters of the message the matches of acc
// i cover, counting only characters that normalisation keeps (not spaces
// or emoji).
func (sc *scratch) coverage(msg string, i int) int {
	var buf [8][2]int
	spans := buf[:0]
	for k := range sc.kms {
		if m := &sc.kms[k]; m.acc == i {
			spans = append(spans, [2]int{m.Start, m.End})
		}
	}
	slices.SortFunc(spans, func(p, q [2]int) int { return p[0] - q[0] })
	total, end := 0, 0
	for _, s := range spans {
		if s[1] <= end {
			continue
		}
		for _, r := range msg[max(s[0], end):s[1]] {
			if _, c := normalize.Rune(r); c == normalize.Keep {
				total++
			}
		}
		end = s[1]
	}
	return total
}

// variant picks a reply variant from the message, so that the same
// message always gets the same reply and different messages vary.
func variant(msg string, n int) int {
	if n <= 1 {
		return 0
	}
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(msg); i++ {
		h ^= uint32(msg[i])
		h *= 16777619
	}
	return int(h % uint32(n))
}

func (e *Engine) fallback(a Answer, why Reason, msg string) Answer {
	a.Fallback, a.Reason = true, why
	a.Text = e.def
	if e.offhours != "" && e.cfg.schedule != nil && !e.cfg.schedule.IsOpen(e.cfg.clock()) {
		a.Text, a.OffHours = e.offhours, true
	}
	e.observe(Event{Kind: EventFallback, Reason: why, Message: msg})
	return a
}

func (e *Engine) observe(ev Event) {
	if e.cfg.observer == nil {
		return
	}
	if ev.Message != "" {
		ev.Message = compliance.Mask(normalize.String(compliance.Mask(ev.Message)))
	}
	e.cfg.observer.Observe(ev)
}

// maskText masks personal data in a customer's message for transcripts.
// Mask alone misses a number split by noise (1 3 8 1 2 3 4 5 6 7 8), which
// normalisation joins again; when the normalised text still holds personal
// data, the normalised, masked text is kept instead of the original.
func maskText(msg string) string {
	raw := compliance.Mask(msg)
	norm := normalize.String(raw)
	if masked := compliance.Mask(norm); masked != norm {
		return masked
	}
	return raw
}

func truncateRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
