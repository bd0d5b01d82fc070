package reply

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Review of 07fcd4b, b9d1eda, e06c48c, 6d855ab and 89b403b (pinyin
// variants, Pattern.Means, the small-talk cues). Each TestReview3* test
// fails at 89b403b and proves one problem; the benchmarks back the cost
// claims.

// starterEngines returns the starter library's engine, with the
// small-talk check and without it.
func starterEngines(t testing.TB) (on, off *Engine) {
	t.Helper()
	on, _, err := New(Starter())
	require.NoError(t, err, "New(Starter())")
	off, _, err = New(Starter(), WithoutSmallTalk())
	require.NoError(t, err, "New(Starter(), WithoutSmallTalk())")
	return on, off
}

// TestReview3PinyinBypassesExcept: a rule's except words name the senses
// of its keywords that are not the rule's (质量很好 is praise, not a
// complaint about quality; 高兴坏了 is joy, not damage). Pinyin variants
// are made for the keywords but not for the except words, so the same
// praise or feeling with one character typed in pinyin fires the rule the
// except word was written to keep out.
func TestReview3PinyinBypassesExcept(t *testing.T) {
	on, _ := starterEngines(t)
	for _, c := range []struct{ written, spelled, rule string }{
		{"质量很好", "zhi量很好", "quality"},
		{"质量很好", "质liang很好", "quality"},
		{"物流很快", "wu流很快", "logistics_tracking"},
		{"高兴坏了", "高兴huai了", "damaged"},
		{"相信是正品", "相信是zheng品", "authenticity"},
	} {
		w := on.Reply(c.written)
		require.NotEqual(t, c.rule, w.Rule, "precondition: Reply(%q) is kept out of %s by an except word: %s", c.written, c.rule, w.Trace())
		a := on.Reply(c.spelled)
		assert.NotEqual(t, c.rule, a.Rule, "Reply(%q), %q with one character in pinyin, should be excepted like it: %s", c.spelled, c.written, a.Trace())
	}
}

// TestReview3PinyinDigitAfterCharacter: ownLetters rejects a variant when
// a letter or digit touches either end of the match, though only the
// syllable's side says whether the syllable is the whole run of letters.
// A quantity or an order number right after the written character (退货2件,
// 订单号123) is common, and then the variant is lost.
func TestReview3PinyinDigitAfterCharacter(t *testing.T) {
	on, _ := starterEngines(t)
	for _, c := range []struct{ written, spelled, rule string }{
		{"退货2件", "tui货2件", "return_policy"},
		{"我要退货3件", "我要tui货3件", "return_policy"},
	} {
		w := on.Reply(c.written)
		require.Equal(t, c.rule, w.Rule, "precondition: Reply(%q): %s", c.written, w.Trace())
		a := on.Reply(c.spelled)
		assert.Equal(t, c.rule, a.Rule, "Reply(%q): the syllable tui is the whole run of letters, the digit is after 货: %s", c.spelled, a.Trace())
	}
}

// TestReview3PinyinRareReading: Variants takes the first two readings of
// the table, which are not the two most common: 坏 is read huai, pi (an
// old reading, 坯) and pei, so 坏了 gets the variant pi了. Customers who
// type pi mean 批, 皮 or 劈: 老板把我pi了一顿 (批, scolded) and 你太pi了吧
// (皮, naughty) are answered as damaged goods.
func TestReview3PinyinRareReading(t *testing.T) {
	on, _ := starterEngines(t)
	w := on.Reply("老板把我批了一顿")
	require.NotEqual(t, "damaged", w.Rule, "precondition: Reply(%q): %s", "老板把我批了一顿", w.Trace())
	for _, msg := range []string{"老板把我pi了一顿", "你太pi了吧"} {
		a := on.Reply(msg)
		assert.NotEqual(t, "damaged", a.Rule, "Reply(%q): pi is not a reading customers type for 坏: %s", msg, a.Trace())
	}
}

// TestReview3SmallTalkSilencesRequests: 89b403b makes a 想 before 把他,
// 把她 or 把自己 no longer a wish, and those words, 上班, 加班, 生活, 减肥
// and 体检 chat cues. But 把他的那件 and 把自己那件 are goods (what was
// bought for him, or for oneself), 生活用品 and 减肥茶 are goods, and a
// request written without punctuation shares its clause with the cue.
// Every message below was answered with the rule at d752951, the parent
// commit; now each falls back as small talk.
func TestReview3SmallTalkSilencesRequests(t *testing.T) {
	on, off := starterEngines(t)
	for _, c := range []struct{ msg, rule string }{
		{"我想把他那双换大一码", "exchange"},
		{"我想把她的那件换成红色", "exchange"},
		{"想把他的那件退掉 我的留着", "return_policy"},
		{"想把自己那件退掉", "return_policy"},
		{"减肥茶一点效果都没有退货", "return_policy"},
		{"最近在加班晚点再发货吧", "ship_time"},
		{"生活用品也包邮吧", "freight"},
		{"体检报告出来了能开发票", "invoice"},
	} {
		b := off.Reply(c.msg)
		require.Equal(t, c.rule, b.Rule, "precondition: without small talk, Reply(%q): %s", c.msg, b.Trace())
		a := on.Reply(c.msg)
		assert.Equal(t, c.rule, a.Rule, "Reply(%q) asks the shop, not small talk: %s", c.msg, a.Trace())
	}
}

// TestReview3MaxPatternsBlamesSynonyms: MaxPatterns counts "keyword forms
// after synonym expansion", but the pinyin variants now count too. A rule
// set of 200,000 two-character keywords, no synonyms, is well within the
// documented limit and loads with WithoutPinyin (as every such set
// did before 6d855ab); by default it is rejected, and the
// error tells the merchant to use fewer synonyms, not WithoutPinyin.
func TestReview3MaxPatternsBlamesSynonyms(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a rule set of 200,000 keywords")
	}
	rs := &RuleSet{Version: 1, DefaultReply: "亲，请稍等人工客服。"}
	const rules, perRule = 1000, 200
	for i := range rules {
		r := Rule{ID: fmt.Sprintf("r%d", i), Replies: []string{"好的"}}
		for k := range perRule {
			// Rare characters, so that no keyword is too broad.
			r.Keywords = append(r.Keywords, string([]rune{0x9B00 + rune(i), 0x7000 + rune(k)}))
		}
		rs.Rules = append(rs.Rules, r)
	}
	require.Less(t, rules*perRule, MaxPatterns, "precondition: fewer keyword forms than MaxPatterns")
	_, _, err := New(rs, WithoutDefaultSynonyms(), WithSimilarity(0), WithoutPinyin())
	require.NoError(t, err, "precondition: New with %d keywords, WithoutPinyin", rules*perRule)
	_, _, err = New(rs, WithoutDefaultSynonyms(), WithSimilarity(0))
	if err != nil {
		assert.Contains(t, err.Error(), "pinyin", "New with %d keywords and no synonyms: %v", rules*perRule, err)
	}
}

// BenchmarkReview3PinyinLongMessage: each candidate of a pinyin variant
// re-segments its whole clause (matcher classifyMeaning), so a message of
// DefaultMaxMessageRunes runes of one clause full of variants costs
// quadratic time: about 190 ms for tui货 against about 1 ms for 退货 on
// the review machine, a factor of some 160 that grows with the length.
func BenchmarkReview3PinyinLongMessage(b *testing.B) {
	e, _, err := New(Starter())
	require.NoError(b, err)
	for _, unit := range []string{"退货", "tui货", "kai票"} {
		for _, n := range []int{250, 500, 1000, DefaultMaxMessageRunes} {
			msg := string([]rune(strings.Repeat(unit, n))[:n])
			b.Run(fmt.Sprintf("%s/%d", unit, n), func(b *testing.B) {
				for b.Loop() {
					e.Reply(msg)
				}
			})
		}
	}
}
