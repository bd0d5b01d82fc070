package reply

import (
	"slices"
	"time"

	"github.com/kefu-go/kefu/compliance"
	"github.com/kefu-go/kefu/matcher/segment"
	"github.com/kefu-go/kefu/synonyms"
)

// A Cleaner checks and cleans outgoing text; *compliance.Filter is one.
type Cleaner interface {
	Clean(text string) compliance.Result
}

type config struct {
	vars          map[string]string
	thesaurus     *synonyms.Thesaurus
	noDefaultSyns bool
	noSmallTalk   bool
	noPinyin      bool
	cleaner       Cleaner
	schedule      *Schedule
	clock         func() time.Time
	observer      Observer
	askBack       bool
	maxRunes      int
	seg           segment.Segmenter
	candidates    int
	negations     []string
	negationsSet  bool
	dismissals    []string
	dismissalsSet bool
	similarity    float64
	similaritySet bool
}

// An Option configures New.
type Option func(*config)

// WithVariables sets shop variables for the reply templates, overriding
// the rule set's defaults (shop_name, ship_within, links ...).
func WithVariables(vars map[string]string) Option {
	return func(c *config) {
		if c.vars == nil {
			c.vars = map[string]string{}
		}
		for k, v := range vars {
			c.vars[k] = v
		}
	}
}

// WithThesaurus adds a synonym thesaurus. Its groups win over the embedded
// defaults where they conflict (see package synonyms), and the rule set's
// own synonyms win over both.
func WithThesaurus(t *synonyms.Thesaurus) Option {
	return func(c *config) { c.thesaurus = t }
}

// WithoutDefaultSynonyms leaves out the embedded e-commerce thesaurus: only
// the rule set's synonyms and WithThesaurus count.
func WithoutDefaultSynonyms() Option {
	return func(c *config) { c.noDefaultSyns = true }
}

// WithoutSmallTalk turns off the small-talk check: by default, a message
// that asks nothing, holds no word about the shop or an order (你们, 这个,
// 买的, 订单 ...) and tells of the customer's own life (我老公, 同事,
// 就像, 哈哈, 梦见 ...) is not answered by a keyword rule, so that 我老公
// 就是送快递的 天天累得要死 falls back with reason SmallTalk; nor is one that
// asks nothing, holds no such word, and that the small-talk model taught
// by the rule set's examples takes for small talk (see the package
// documentation). Exact rules (greetings) are never affected.
func WithoutSmallTalk() Option {
	return func(c *config) { c.noSmallTalk = true }
}

// WithoutPinyin turns off pinyin variants: by default, every form of a
// keyword or all_of word of two or three Chinese characters also matches
// with one of its characters typed in pinyin, as customers send it when
// they do not wait for the input method (di址 for 地址, 退huo for 退货;
// see package matcher/pinyin). Word boundaries are decided as if the
// character were written, the syllable must be the whole run of letters
// (打zhe, not 打zhen), and the rule's except words hold for it too
// (zhi量很好 is 质量很好). Answer.Matches marks such a match Pinyin. Each
// variant is one more pattern: the starter library's 20,199 grow by
// 7,943, and its ready engine by 1.2 MB.
func WithoutPinyin() Option {
	return func(c *config) { c.noPinyin = true }
}

// WithCleaner replaces the default compliance filter (compliance.New with
// no options) that every reply passes through.
func WithCleaner(cl Cleaner) Option {
	return func(c *config) { c.cleaner = cl }
}

// WithSchedule sets business hours: outside them, every fallback (nothing
// matched, the bot switched off, a blocked reply) gets the rule set's
// OffhoursReply instead of its DefaultReply. Rules answer at any hour. The
// engine keeps a copy: later changes to s do not reach it.
func WithSchedule(s *Schedule) Option {
	return func(c *config) { c.schedule = s }
}

// WithClock replaces time.Now, for tests and replays.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.clock = now }
}

// WithObserver installs an observer of hit, fallback and handoff events.
// It is called synchronously from Reply; it must be safe for concurrent use
// and fast.
func WithObserver(o Observer) Option {
	return func(c *config) { c.observer = o }
}

// WithAskBack makes the engine ask the customer back ("您是想问「发货」还是「退款」呢？")
// instead of guessing, when the two best rules are in different categories
// and tie on everything but coverage, keyword length and file order.
func WithAskBack() Option {
	return func(c *config) { c.askBack = true }
}

// DefaultMaxMessageRunes is the default longest message Reply reads.
const DefaultMaxMessageRunes = 2000

// WithMaxMessageRunes sets the longest message Reply reads, in runes
// (characters); longer messages are cut at a character boundary and the
// answer says so (Answer.Truncated). n <= 0 restores the default.
func WithMaxMessageRunes(n int) Option {
	return func(c *config) { c.maxRunes = n }
}

// WithSegmenter sets the segmenter for word boundaries and phrase
// expansion (default: segment.Default()).
func WithSegmenter(s segment.Segmenter) Option {
	return func(c *config) { c.seg = s }
}

// WithCandidates sets how many ranked candidates an Answer carries for
// review (default 3).
func WithCandidates(n int) Option {
	return func(c *config) { c.candidates = n }
}

// defaultNegations are the words that, right before a keyword, say the
// customer does not want it: 不用发票, 我没要投诉, 不用转人工, 不是投诉,
// 别漏发.
var defaultNegations = []string{"不用", "不需要", "无需", "不必", "用不着", "没要", "不要", "不是要", "不是想", "不是来", "不想", "不打算", "不是", "别"}

// DefaultNegations returns the words WithNegations replaces: 不用, 不需要,
// 无需, 不必, 用不着, 没要, 不要, 不是要, 不是想, 不是来, 不想, 不打算, 不是, 别.
func DefaultNegations() []string { return slices.Clone(defaultNegations) }

// WithNegations sets the words that negate the keyword right after them
// (after normalisation; symbols between do not count, a space ends it): a
// negated keyword or all_of word is not counted, so 不用发票 does not fire
// an invoice rule and 我没要投诉 does not hand off. Without the option the
// engine uses DefaultNegations; WithNegations() with no words turns
// negation off. A negation of two characters or more after a keyword
// negates it too when it ends the keyword's clause without asking, after
// at most two fillers and with at most one character and a 了 after it
// (发票不需要, 会员我不想办, 赠品不要了; not 发票不需要吗; see the package
// documentation). A negated none_of word does not veto, and for one a bare
// 不 negates too (不取消订单了 麻烦尽快发); with negation off, neither. Exact rules are
// never negated, and a negation that starts with 不 or 没 is ignored in an
// A-not-A question (要不要, 是不是要, 要发票不要).
func WithNegations(words ...string) Option {
	words = slices.Clone(words)
	return func(c *config) { c.negations, c.negationsSet = words, true }
}

// defaultDismissals are the words that, right after a keyword, say the
// customer is not asking about it: 几天到货无所谓, 尺码我知道, 本来想投诉的
// 算了.
var defaultDismissals = []string{"无所谓", "没关系", "没事", "不重要", "不要紧", "不介意", "不在意", "不在乎", "我知道", "知道了", "不着急", "不急", "算了"}

// DefaultDismissals returns the words WithDismissals replaces: 无所谓,
// 没关系, 没事, 不重要, 不要紧, 不介意, 不在意, 不在乎, 我知道, 知道了, 不着急,
// 不急, 算了.
func DefaultDismissals() []string { return slices.Clone(defaultDismissals) }

// WithDismissals sets the words that dismiss the keyword right before them
// (after normalisation, and after at most two fillers such as 也, 都, 的
// or 我): a dismissed keyword or all_of word is not counted, so 几天到货无所谓
// 包邮吗 asks about postage only. A keyword after 还是, 干脆 or 不如 in its
// clause is not dismissed: 还是退货算了 decides to return; nor is one
// with 算了 right after it (取消订单算了 asks to cancel), nor one whose
// dismissal is asked about or counts (运费算了吗, 运费算了两次). Without the option the engine uses
// DefaultDismissals; WithDismissals() with no words turns dismissal off.
// A dismissed none_of word does not veto; exact rules are never
// dismissed.
func WithDismissals(words ...string) Option {
	words = slices.Clone(words)
	return func(c *config) { c.dismissals, c.dismissalsSet = words, true }
}

// DefaultSimilarity is the similarity a message needs to be answered
// through a rule's examples when WithSimilarity is not given. It was
// chosen on the starter library's tuning corpora, each scored with
// examples from the others only: lower let small talk through, higher
// answered few new phrasings.
const DefaultSimilarity = 0.5

// WithSimilarity sets how similar (cosine, 0 to 1; see package
// matcher/similar) a message must be to a rule's examples (Rule.Examples)
// to be answered by that rule when no rule fires for it. The engine asks
// more than a score: the message must keep at least MinSimilarRunes
// characters, its nearest example must belong to a rule and not to
// RuleSet.FallbackExamples, and the second nearest must belong to the same
// rule or score below 0.8 times floor. A message with a negated or
// dismissed keyword (不用改地址) is compared without the clauses that hold
// one, and is never answered this way by that keyword's rule: it said
// what it does not ask. A none_of word of the rule vetoes it as it does a
// keyword, and a disabled rule falls back (Answer.Similar still says which
// example it was). Without the option floor is DefaultSimilarity; a floor
// of 0 or less turns examples off, and with them the small-talk model
// they teach (see WithoutSmallTalk); New rejects NaN and floors above 1.
func WithSimilarity(floor float64) Option {
	return func(c *config) { c.similarity, c.similaritySet = floor, true }
}

// MinSimilarRunes is the fewest characters a message answered through
// examples may have: shorter ones (啊这, 还可以) share too little to tell.
const MinSimilarRunes = 4
