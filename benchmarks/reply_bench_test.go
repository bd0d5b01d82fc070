package benchmarks

import (
	"fmt"
	"testing"

	"github.com/kefu-go/kefu/matcher/segment"
	"github.com/kefu-go/kefu/reply"
)

// ruleSet returns the reply rule set of a scale: the embedded starter
// library (43 rules), followed for the larger scales by one rule per
// generated line of keywords_N.tsv, whose keyword is the line's first form
// and whose synonym group is the whole line. The engine adds its embedded
// e-commerce thesaurus, as it does by default.
func replyRuleSet(tb testing.TB, n int) *reply.RuleSet {
	tb.Helper()
	rs := reply.Starter()
	if n == len(rs.Rules) {
		return rs
	}
	set := loadRules(tb, n)
	for _, r := range set.rules[len(rs.Rules):] {
		rs.Rules = append(rs.Rules, reply.Rule{
			ID:       r.id,
			Category: "生成",
			Keywords: r.forms[:1],
			Replies:  []string{"亲，关于" + r.forms[0] + "的问题，请以商品页面的说明为准哦~"},
		})
		rs.Synonyms = append(rs.Synonyms, r.forms)
	}
	return rs
}

func newEngine(tb testing.TB, rs *reply.RuleSet, opts ...reply.Option) *reply.Engine {
	tb.Helper()
	e, _, err := reply.New(rs, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// buildReply is the finder of BenchmarkMatch for the whole engine: Reply
// of one message, ranking and the answer included. A message without a
// keyword is also compared with the starter library's examples.
func buildReply(tb testing.TB, rs *ruleSet) func(string) int {
	e := newEngine(tb, replyRuleSet(tb, len(rs.rules)))
	return func(s string) int { return len(e.Reply(s).Matches) }
}

// buildReplyKeywords is buildReply with examples turned off
// (reply.WithSimilarity(0)): keywords only, as before examples existed.
func buildReplyKeywords(tb testing.TB, rs *ruleSet) func(string) int {
	e := newEngine(tb, replyRuleSet(tb, len(rs.rules)), reply.WithSimilarity(0))
	return func(s string) int { return len(e.Reply(s).Matches) }
}

// TestReplyCorpus checks the premise of the engine benchmarks: at every
// scale, a hit message is answered by a rule and a miss falls back.
func TestReplyCorpus(t *testing.T) {
	m := messages(t)
	for _, n := range scales {
		if n > 1000 && testing.Short() {
			t.Logf("rules=%d: skipped under -short (the build takes tens of seconds)", n)
			continue
		}
		e := newEngine(t, replyRuleSet(t, n))
		fallbacks := 0
		for _, msg := range m.hit {
			if a := e.Reply(msg); a.Fallback {
				fallbacks++
				t.Logf("rules=%d: hit %q falls back (%v)", n, msg, a.Reason)
			}
		}
		if fallbacks > len(m.hit)/10 {
			t.Errorf("rules=%d: %d of %d hits fall back", n, fallbacks, len(m.hit))
		}
		for _, msg := range m.miss {
			if a := e.Reply(msg); !a.Fallback {
				t.Errorf("rules=%d: miss %q answered by %s", n, msg, a.Rule)
			}
		}
	}
}

// BenchmarkEngineBuild compiles the rule set of each scale, and reports
// the heap the engine keeps (heap-B) next to that of raw
// cloudflare/ahocorasick over the rule set's surface forms. The engine's
// heap excludes the default segmenter, built once per process and shared.
func BenchmarkEngineBuild(b *testing.B) {
	if _, err := segment.Default(); err != nil {
		b.Fatal(err)
	}
	for _, n := range scales {
		set := loadRules(b, n)
		b.Run(fmt.Sprintf("rules=%d/impl=reply", n), func(b *testing.B) {
			benchBuild(b, func() any { return newEngine(b, replyRuleSet(b, n)) })
		})
		b.Run(fmt.Sprintf("rules=%d/impl=cloudflare", n), func(b *testing.B) {
			benchBuild(b, func() any { return buildCloudflare(b, set) })
		})
	}
}

// BenchmarkEngineColdStart builds a ready engine from the embedded defaults
// alone: a fresh segmenter over the embedded dictionary, then reply.New
// of the starter library, which loads the embedded thesaurus and compliance
// lists. Compare it with BenchmarkColdStart/impl=gse-full.
func BenchmarkEngineColdStart(b *testing.B) {
	benchBuild(b, func() any {
		g, err := segment.NewGse()
		if err != nil {
			b.Fatal(err)
		}
		return newEngine(b, reply.Starter(), reply.WithSegmenter(g))
	})
}
