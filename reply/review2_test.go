package reply

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/matcher"
)

// Review of 136e834, 76efa1d, 500cb75, 76bffbd, 7a87722 and ff7dfad.
// The TestReview2* tests above the "edge cases" line fail at ff7dfad: each
// proves one problem. The TestReview2Edge* tests pass and pin edge cases.
// BenchmarkReview2LikenessGate backs the cost claim.

// review2Rules are plain shop rules whose keywords customers use in
// instructions and complaints as often as in small talk.
const review2Rules = okHead + `rules:
  - id: courier
    keywords: [顺丰]
    reply: 亲，可以指定顺丰。
  - id: freight
    keywords: [包邮, 运费]
    reply: 亲，全场包邮。
  - id: invoice
    keywords: [发票]
    reply: 亲，可以开发票。
  - id: exchange
    keywords: [换个颜色]
    reply: 亲，可以换颜色。
  - id: colour
    keywords: [图片]
    reply: 亲，图片是实拍，可能有轻微色差。
  - id: ship
    keywords: [发货]
    reply: 亲，48小时内发货。
  - id: urge
    keywords: [催发货]
    reply: 亲，马上帮您催。
`

// review2Engines returns the rules with the small-talk check and without
// it, so that a test can require which rule answers without it.
func review2Engines(t *testing.T) (on, off *Engine) {
	t.Helper()
	on = mustLoad(t, review2Rules, WithoutDefaultSynonyms(), WithSimilarity(0))
	off = mustLoad(t, review2Rules, WithoutDefaultSynonyms(), WithSimilarity(0), WithoutSmallTalk())
	return on, off
}

// assertAnswered checks that on answers msg with the rule off answers it
// with, not with SmallTalk.
func assertAnswered(t *testing.T, on, off *Engine, msg, rule string) {
	t.Helper()
	b := off.Reply(msg)
	require.Equal(t, rule, b.Rule, "precondition: without small talk, Reply(%q): %s", msg, b.Trace())
	a := on.Reply(msg)
	assert.Equal(t, rule, a.Rule, "Reply(%q): reason %v: %s", msg, a.Reason, a.Trace())
}

// ---- problems ----

// TestReview2SmallTalkJiuHaoLeInstruction: 500cb75 made 就好了 a chat cue,
// for a wish that will not come (我的工资要是能补差价就好了). But 就好了 is
// far more often "that will do": an instruction or a request about the
// order itself, with no shop word from shopWords and no question word.
// Each of these falls back as SmallTalk; the starter library does the same
// (发顺丰就好了, 能包邮就好了, 开电子发票就好了, 换个颜色就好了 all fall
// back with it, and are answered with WithoutSmallTalk).
func TestReview2SmallTalkJiuHaoLeInstruction(t *testing.T) {
	on, off := review2Engines(t)
	for _, c := range []struct{ name, msg, rule string }{
		{"ship with SF, that will do", "发顺丰就好了", "courier"},
		{"free shipping would do", "能包邮就好了", "freight"},
		{"an invoice will do", "开个普通发票就好了", "invoice"},
		{"another colour will do", "换个颜色就好了", "exchange"},
	} {
		t.Run(c.name, func(t *testing.T) { assertAnswered(t, on, off, c.msg, c.rule) })
	}
}

// TestReview2SmallTalkLikenessNegatedWithAdverb: likens leaves out 不一样
// and 不太一样 only; a negation with another adverb between (不大一样,
// 不是很一样, 不完全一样) is still read as a likeness, and a complaint that
// the goods differ from the picture falls back as SmallTalk (the starter
// library's colour_difference rule is lost the same way). 不一样 itself is
// a shop word, but these forms are not.
func TestReview2SmallTalkLikenessNegatedWithAdverb(t *testing.T) {
	on, off := review2Engines(t)
	for _, msg := range []string{"颜色跟图片不大一样", "颜色跟图片不是很一样", "颜色跟图片不完全一样"} {
		t.Run(msg, func(t *testing.T) { assertAnswered(t, on, off, msg, "colour") })
	}
}

// TestReview2SmallTalkLikenessMisread: likens takes any 像 before 一样,
// also 好像 (it seems), and any 跟 before it, also 跟上次一样 (same as last
// time), which instructs about the order rather than likening life to the
// shop. These fall back as SmallTalk.
func TestReview2SmallTalkLikenessMisread(t *testing.T) {
	on, off := review2Engines(t)
	for _, c := range []struct{ name, msg, rule string }{
		{"好像 is 'seems'", "好像发货都一样慢", "ship"},
		{"same invoice as last time", "发票跟上次一样开", "invoice"},
		{"same courier as last time", "跟上次一样发顺丰", "courier"},
	} {
		t.Run(c.name, func(t *testing.T) { assertAnswered(t, on, off, c.msg, c.rule) })
	}
}

// TestReview2SmallTalkShuoHaoDe: 136e834 lets a clause that starts with 说
// go on with a chat cue anywhere before it, as reported speech. But 说好的
// (as promised) is no reported speech: it opens a complaint, and after a
// laugh (笑死, 哈哈) the complaint falls back as SmallTalk. Before 136e834
// both were answered.
func TestReview2SmallTalkShuoHaoDe(t *testing.T) {
	on, off := review2Engines(t)
	for _, c := range []struct{ msg, rule string }{
		{"笑死 说好的包邮结果还收运费", "freight"},
		{"哈哈 说好的今天发货 结果没发", "ship"},
	} {
		t.Run(c.msg, func(t *testing.T) { assertAnswered(t, on, off, c.msg, c.rule) })
	}
}

// TestReview2SmallTalkLikenessNoise: likens is documented to read the
// message normalised, and at 500cb75 it did; since ff7dfad, mayLiken first
// looks for 一样 or 一樣 as written, so noise between the two characters
// (a space, a zero-width space), which normalisation removes everywhere
// else, hides the likeness and the same small talk is answered.
func TestReview2SmallTalkLikenessNoise(t *testing.T) {
	on, _ := review2Engines(t)
	plain := "周末加班跟催发货一样 一天催八遍"
	require.Equal(t, SmallTalk, on.Reply(plain).Reason, "precondition: Reply(%q) is small talk", plain)
	// A space is a clause break for the engine (customers type one for a
	// comma), so 一 样 is no likeness; a zero-width space is noise.
	for _, msg := range []string{"周末加班跟催发货一\u200b样 一天催八遍"} {
		a := on.Reply(msg)
		assert.Equal(t, SmallTalk, a.Reason, "Reply(%q), normalised %q: %s", msg, plain, a.Trace())
	}
}

// TestReview2LintExceptDuplicateForm: exceptForms takes an except word's
// forms from the compiled patterns, which skip a form the rule already
// has for an earlier except word. An except word written in both scripts
// (高兴坏了, 高興壞了), or a synonym of an earlier one, then has no forms
// at all, and the linter warns that it "cannot overlap" the keyword 坏了
// and "never applies", though the engine applies it (both spellings are
// excepted).
func TestReview2LintExceptDuplicateForm(t *testing.T) {
	for _, c := range []struct{ name, rules, word, msg string }{
		{"traditional spelling", okHead + `rules:
  - id: damaged
    keywords: [坏了]
    except: [高兴坏了, 高興壞了]
    reply: 亲，请拍照给我们看看。
`, `except "高興壞了"`, "我妈高興壞了"},
		{"synonym of an earlier except word", okHead + `synonyms: [[运费险, 退货险]]
rules:
  - id: freight
    keywords: [运费]
    except: [运费险, 退货险]
    reply: 亲，全场包邮。
`, `except "退货险"`, "退货险"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := mustLoad(t, c.rules, WithoutDefaultSynonyms(), WithSimilarity(0))
			a := e.Reply(c.msg)
			require.True(t, a.Fallback, "precondition: Reply(%q): the exception applies: %s", c.msg, a.Trace())
			ws := warningsOf(t, c.rules, WithoutDefaultSynonyms())
			assert.NotContains(t, ws, c.word+" cannot overlap", "a false warning")
			assert.Contains(t, ws, c.word+" adds nothing", "the word is redundant")
		})
	}
}

// BenchmarkReview2LikenessGate measures Reply on messages that hold 一样
// as written but can be no likeness: they ask (a question mark, 吗), have
// no 跟 or 像, or say 不一样, a shop word. The small-talk check rejects
// them, but only after mayLiken has normalised the whole message (11 to 14
// allocations), before the cheap question-mark and shop-word tests. Compare each message with small talk on and off
// (WithoutSmallTalk), and with 一致, which skips the normalisation.
//
//	go test ./reply -run '^$' -bench Review2LikenessGate -benchmem -count 6 | benchstat -col /smalltalk -
func BenchmarkReview2LikenessGate(b *testing.B) {
	rs := Starter()
	on, _, err := New(rs, WithSimilarity(0))
	require.NoError(b, err)
	off, _, err := New(rs, WithSimilarity(0), WithoutSmallTalk())
	require.NoError(b, err)
	for _, msg := range []struct{ name, text string }{
		{"likeness-question-mark", "颜色跟图片一样吗？"},
		{"same-question", "和上次一样发顺丰吗"},
		{"not-alike", "颜色和图片不一样"},
		{"no-yiyang", "颜色跟图片一致吗？"},
	} {
		for _, st := range []struct {
			name string
			e    *Engine
		}{{"on", on}, {"off", off}} {
			b.Run("msg="+msg.name+"/smalltalk="+st.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(msg.text)))
				for b.Loop() {
					st.e.Reply(msg.text)
				}
			})
		}
	}
}

// ---- edge cases ----

// TestReview2EdgeExceptMergeOracle checks collectExcepts and excepted
// against a naive scan, over random spans of up to four rules: nested,
// overlapping, adjacent and repeated spans, in any order.
func TestReview2EdgeExceptMergeOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	type span struct{ rule, start, end int }
	for it := range 5000 {
		rules := 1 + rng.IntN(4)
		e := &Engine{excepts: true}
		for r := range rules {
			e.pats = append(e.pats, patInfo{rule: int32(r), role: RoleExcept})
		}
		sc := &scratch{}
		var raw []span
		for k := rng.IntN(9); k > 0; k-- {
			r, s := rng.IntN(rules), rng.IntN(20)
			x := span{r, s, s + 1 + rng.IntN(6)}
			raw = append(raw, x)
			sc.found = append(sc.found, matcher.Match{ID: r, Start: x.start, End: x.end})
		}
		sc.collectExcepts(e)
		for r := range rules {
			for s := range 28 {
				for end := s + 1; end < 30; end++ {
					want := false
					for _, x := range raw {
						want = want || x.rule == r && x.start < end && s < x.end
					}
					if got := sc.excepted(int32(r), s, end); got != want {
						t.Fatalf("run %d, spans %v: excepted(%d, %d, %d) = %v, want %v (merged %v)", it, raw, r, s, end, got, want, sc.excepts)
					}
				}
			}
		}
	}
}

// TestReview2EdgeSmallTalkOddInput: the likeness and 说 paths neither
// panic nor change the answer's kind on empty, invalid UTF-8, traditional
// and very long messages.
func TestReview2EdgeSmallTalkOddInput(t *testing.T) {
	on, _ := review2Engines(t)
	for _, c := range []struct {
		name, msg string
		reason    Reason
	}{
		{"empty", "", NoMatch},
		{"only 一样", "一样", NoMatch},
		{"invalid UTF-8 before a likeness", "\xff\xfe跟催发货一样", SmallTalk},
		{"traditional likeness", "週末加班跟催發貨一樣 一天催八遍", SmallTalk},
		{"not alike", "跟催发货不一样", Answered},
		{"long likeness", "跟催发货一样" + strings.Repeat("哈", 5000), SmallTalk},
		{"说 at the start", "说催发货", Answered},
	} {
		t.Run(c.name, func(t *testing.T) {
			var a Answer
			require.NotPanics(t, func() { a = on.Reply(c.msg) }, "Reply(%q)", c.msg)
			assert.Equal(t, c.reason, a.Reason, "Reply(%q): %s", c.msg, a.Trace())
		})
	}
}
