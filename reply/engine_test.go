package reply

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustLoad(t testing.TB, yamlText string, opts ...Option) *Engine {
	t.Helper()
	rs, err := Load(strings.NewReader(yamlText), YAML, "test.yaml")
	require.NoError(t, err, "Load")
	e, _, err := New(rs, opts...)
	require.NoError(t, err, "New")
	return e
}

const shopRules = `
version: 1
default_reply: "亲，这个问题我还不会，回复“人工”转人工客服。"
offhours_reply: "亲，客服在线时间是{{.hours}}，请留言。"
variables: {shop: 小店, within: 48小时, hours: "9:00-23:00"}
synonyms:
  - [发货, 寄出, 发出]
rules:
  - id: ship_time
    category: 物流
    keywords: [发货, 什么时候发]
    reply: "亲，{{.shop}}{{.within}}内发货。"
  - id: return_fee
    category: 售后
    all_of: [退货, 运费]
    priority: 2
    replies: ["亲，非质量问题退货运费由买家承担。"]
  - id: return
    category: 售后
    keywords: [退货]
    none_of: [不想退]
    reply: "亲，支持七天无理由退货。"
  - id: freight
    category: 物流
    keywords: [运费, 包邮]
    reply: "亲，全场包邮。"
  - id: invoice
    category: 售前
    keywords: [发票]
    reply: "亲，可以开发票。"
  - id: warranty
    category: 售后
    keywords: [保修]
    reply: "亲，保修一年。"
  - id: warranty_period
    category: 售后
    keywords: [保修期]
    reply: "亲，保修期一年。"
  - id: greeting
    category: 服务
    match: exact
    keywords: [在吗, 你好]
    reply: "在的亲，请问有什么可以帮您？"
  - id: human
    category: 服务
    keywords: [人工, 投诉]
    handoff: true
    reply: "亲，马上为您转接人工客服。"
  - id: stock
    category: 售前
    keywords: [现货, 有货]
    enabled: false
    reply: "亲，有现货。"
`

func TestReplyRanking(t *testing.T) {
	e := mustLoad(t, shopRules, WithoutDefaultSynonyms())
	tests := []struct {
		name, msg, rule string
		reason          Reason
	}{
		{"keyword", "什么时候发货", "ship_time", Answered},
		{"synonym", "啥时候寄出呀", "ship_time", Answered},
		{"traditional", "發貨了嗎", "ship_time", Answered},
		{"phrase ending inside a word", "什么时候发啊", "ship_time", Answered},
		{"all_of beats a single keyword", "退货运费谁出", "return_fee", Answered},
		{"all_of in any order", "运费是退货的时候谁出", "return_fee", Answered},
		{"single keyword", "我要退货", "return", Answered},
		{"none_of vetoes", "我不想退货了", "", NoMatch},
		{"whole word beats in-word", "保修期多久", "warranty_period", Answered},
		{"in-word still answers", "可以开发票吗", "invoice", Answered},
		{"trap does not fire", "你们是批发货源吗", "", NoMatch},
		{"exact greeting", "亲，在吗？", "greeting", Answered},
		{"exact needs the whole message", "在吗 什么时候发货", "ship_time", Answered},
		{"exact is not contains", "你好坏", "", NoMatch},
		{"exact keyword repeated", "在吗在吗", "greeting", Answered},
		{"exact keywords in a row", "你好，在吗亲", "greeting", Answered},
		{"exact keywords around a word", "你好 发货 在吗", "ship_time", Answered},
		{"exact keyword then a word", "在吗在吗坏", "", NoMatch},
		{"disabled rule falls back", "有现货吗", "", RulesDisabled},
		{"small talk", "今天天气真好", "", NoMatch},
		{"empty", "", "", NoMatch},
		{"noise only", "🙏🙏 ？？", "", NoMatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.Reply(tt.msg)
			assert.Equal(t, tt.rule, a.Rule, "Reply(%q): %s", tt.msg, a.Trace())
			assert.Equal(t, tt.reason, a.Reason, "Reply(%q) reason", tt.msg)
			assert.Equal(t, tt.rule == "", a.Fallback, "Reply(%q) fallback", tt.msg)
			assert.NotEmpty(t, a.Text, "Reply(%q) text", tt.msg)
		})
	}
}

func TestReplyTextAndTrace(t *testing.T) {
	e := mustLoad(t, shopRules, WithoutDefaultSynonyms())
	a := e.Reply("亲，什么时候寄出呀")
	assert.Equal(t, "亲，小店48小时内发货。", a.Text, "template filled")
	require.NotEmpty(t, a.Matches)
	assert.Equal(t, "发货", a.Matches[0].Keyword)
	assert.Equal(t, "寄出", a.Matches[0].Form)
	assert.True(t, a.Matches[0].Synonym)
	assert.Contains(t, a.Trace(), `via synonym "寄出"`)
	assert.False(t, a.Matches[0].Normalized, "寄出 written as is")

	a = e.Reply("發 貨了嗎")
	require.NotEmpty(t, a.Matches)
	assert.True(t, a.Matches[0].Normalized, "發 貨 is 发货 after normalisation")
	assert.Contains(t, a.Trace(), "after normalisation")

	a = e.Reply("退货运费谁出")
	require.GreaterOrEqual(t, len(a.Candidates), 2, "candidates of %q", "退货运费谁出")
	assert.Equal(t, "return_fee", a.Candidates[0].Rule)
	assert.Equal(t, "all_of", a.Candidates[1].Lost, "why %s lost", a.Candidates[1].Rule)
}

func TestReplyDeterministic(t *testing.T) {
	e := mustLoad(t, shopRules)
	for _, msg := range []string{"什么时候发货", "退货运费谁出", "我和服务员说过了", ""} {
		first := e.Reply(msg)
		for range 5 {
			assert.Equal(t, first, e.Reply(msg), "Reply(%q) twice", msg)
		}
	}
}

func TestSwitchAndOffHours(t *testing.T) {
	now := time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) // 03:00, closed
	sched := Daily(time.UTC, Window{9 * 60, 23 * 60})
	e := mustLoad(t, shopRules, WithSchedule(sched), WithClock(func() time.Time { return now }))

	a := e.Reply("今天天气真好")
	assert.True(t, a.OffHours, "night fallback uses the off-hours reply")
	assert.Equal(t, "亲，客服在线时间是9:00-23:00，请留言。", a.Text)
	assert.Equal(t, "ship_time", e.Reply("什么时候发货").Rule, "rules answer at night too")

	now = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	assert.False(t, e.Reply("今天天气真好").OffHours, "day fallback uses the default reply")

	sched.Dates = map[string][]Window{"2026-11-25": nil}
	assert.False(t, e.Reply("今天天气真好").OffHours, "the engine keeps its own copy of the schedule")
	e2 := mustLoad(t, shopRules, WithSchedule(sched), WithClock(func() time.Time { return now }))
	assert.True(t, e2.Reply("今天天气真好").OffHours, "a dated exception closes the day")

	h := NewHolder(e2)
	h.SetEnabled(false)
	a = h.Reply("什么时候发货")
	assert.Equal(t, SwitchedOff, a.Reason, "switched off")
	assert.True(t, a.Fallback)
	h.SetEnabled(true)
	assert.Equal(t, "ship_time", h.Reply("什么时候发货").Rule, "switched on again")
}

func TestAskBack(t *testing.T) {
	e := mustLoad(t, shopRules, WithoutDefaultSynonyms(), WithAskBack())
	a := e.Reply("发票和包邮")
	assert.Equal(t, AskedBack, a.Reason, "Reply(%q): %s", "发票和包邮", a.Trace())
	assert.Contains(t, a.Text, "还是")
}

// TestNegations checks that a negation right before a keyword stops it
// from counting, under the default negations, with negation turned off and
// with a merchant's own list.
// A keyword inside a negated keyword is negated with it: in 不用发顺丰
// the 顺丰 does not touch the negation, but it is part of 发顺丰, which
// does.
func TestNegationCoversInnerKeywords(t *testing.T) {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: courier
    category: 物流
    keywords: [发顺丰, 顺丰]
    reply: "亲，可以加钱发顺丰。"
`
	e := mustLoad(t, rules, WithoutDefaultSynonyms())
	for msg, want := range map[string]string{
		"能发顺丰吗":        "courier",
		"顺丰到哪了":        "courier",
		"不用发顺丰，普通快递就行": "",
		"不用发顺丰，顺丰太贵":   "courier", // the second 顺丰 is not inside
	} {
		a := e.Reply(msg)
		assert.Equal(t, want, a.Rule, "Reply(%q): %s", msg, a.Trace())
	}
}

func TestNegations(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		msg  string
		rule string // "" for a fallback
	}{
		{"keyword", nil, "发票怎么开", "invoice"},
		{"negated keyword", nil, "不用发票，寄快点就行", ""},
		{"negated with noise between", nil, "不用**发票", ""},
		{"a space ends the negation", nil, "发票不需要 发货什么时候", "ship_time"},
		{"negated handoff", nil, "我没要投诉，就问问保修", "warranty"},
		{"not here to", nil, "我不是来投诉的", ""},
		{"negation in another clause", nil, "不用了，发票怎么开", "invoice"},
		{"negation not right before", nil, "不用给我开发票吗", "invoice"},
		{"negated all_of word", nil, "退货不要运费吗", "return"},
		{"traditional characters", nil, "不需要發票", ""},
		{"changed mind", nil, "不想投诉了", ""},
		{"changed mind, negation off", []Option{WithNegations()}, "不想投诉了", "human"},
		{"no plan", nil, "不打算发票了", ""},
		{"A-not-A question", nil, "要不要发票", "invoice"},
		{"A-not-A question, longer", nil, "是不是要发票", "invoice"},
		{"negation off", []Option{WithNegations()}, "不用发票", "invoice"},
		{"own list", []Option{WithNegations("免")}, "免发票", ""},
		{"own list leaves defaults out", []Option{WithNegations("免")}, "不用发票", "invoice"},
		{"dismissed", nil, "发票无所谓", ""},
		{"dismissed after fillers", nil, "发票我也无所谓，保修多久", "warranty"},
		{"dismissal too far", nil, "发票怎么开 无所谓的话就算了", "invoice"},
		{"dismissed, traditional characters", nil, "發票無所謂", ""},
		{"dismissal off", []Option{WithDismissals()}, "发票无所谓", "invoice"},
		{"dismissed by 没事 after a filler", nil, "发票也没事，保修多久", "warranty"},
		{"own dismissals", []Option{WithDismissals("随便")}, "发票随便", ""},
		{"negation after, ending the clause", nil, "发票不需要", ""},
		{"negation after, a filler, a verb and 了", nil, "发票我不想要了 保修多久", "warranty"},
		{"negation after, the clause goes on", nil, "发票不需要开很多张吗", "invoice"},
		{"negation after, A-not-A", nil, "要发票不要", "invoice"},
		{"negation after, longer A-not-A", nil, "需要发票不需要", "invoice"},
		{"negation after, one rune", nil, "发票别", "invoice"},
		{"negation after, negation off", []Option{WithNegations()}, "发票不需要", "invoice"},
		{"negation after, in the next clause", nil, "我要退货 不想要了", "return"},
		{"negation after, in the next clause, far", nil, "退货" + strings.Repeat(" ", 40) + "不要了", "return"},
		{"negation after, in a question", nil, "发票不需要吗", "invoice"},
		{"negation after, before a question mark", nil, "运费不要钱？", "freight"},
		{"negation after, A-not-A with a verb between", nil, "要开发票不要", "invoice"},
		{"dismissed after a filler and a space", nil, "发票也 无所谓", ""},
		{"no dismissal across a space inside it", nil, "能开发票不 急用", "invoice"},
		{"dismissed by 算了 after 的 and a space", nil, "本来想投诉的 算了", ""},
		{"dismissed by 就算了", nil, "发票就算了 保修多久", "warranty"},
		{"还是 before the keyword decides", nil, "还是退货算了", "return"},
		{"干脆 before the keyword decides", nil, "干脆退货算了 保修多久", "return"},
		{"a decision in another clause does not", nil, "还是 发票就算了 保修多久", "warranty"},
		{"算了 right after the keyword decides", nil, "退货算了", "return"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := mustLoad(t, shopRules, append([]Option{WithoutDefaultSynonyms()}, tt.opts...)...)
			a := e.Reply(tt.msg)
			assert.Equal(t, tt.rule, a.Rule, "Reply(%q): %s", tt.msg, a.Trace())
			assert.Equal(t, tt.rule == "", a.Fallback, "Reply(%q) fallback: %s", tt.msg, a.Trace())
		})
	}
	rs, err := Load(strings.NewReader(shopRules), YAML, "test.yaml")
	require.NoError(t, err)
	for _, bad := range []string{"", "**", "不，用", "一二三四五六七八九"} {
		_, _, err := New(rs, WithNegations(bad))
		assert.ErrorContains(t, err, "negation", "New with WithNegations(%q)", bad)
		_, _, err = New(rs, WithDismissals(bad))
		assert.ErrorContains(t, err, "dismissal", "New with WithDismissals(%q)", bad)
	}
}

func TestTruncation(t *testing.T) {
	e := mustLoad(t, shopRules, WithMaxMessageRunes(10))
	a := e.Reply(strings.Repeat("好", 20) + "什么时候发货")
	assert.True(t, a.Truncated, "long message truncated")
	assert.True(t, a.Fallback, "the keyword past the limit is not read")
}

func TestConversationHandoff(t *testing.T) {
	e := mustLoad(t, shopRules)
	c := NewConversation(e, WithHandoffAfter(2))
	c.Reply("什么时候发货")
	c.Reply("我的手机号13812345678能改吗你们那个东西")
	assert.Nil(t, c.HandedOff(), "one fallback is not enough")
	a := c.Reply("天气怎么样")
	assert.True(t, a.Handoff, "second fallback in a row hands off")
	h := c.HandedOff()
	require.NotNil(t, h)
	assert.Equal(t, "fallbacks in a row", h.Trigger)
	assert.Len(t, h.Transcript, 3)
	require.Len(t, h.Unanswered, 2)
	assert.NotContains(t, h.Unanswered[0], "13812345678", "personal data masked in the handoff")

	c2 := NewConversation(e)
	a = c2.Reply("我要投诉")
	assert.True(t, a.Handoff)
	require.NotNil(t, c2.HandedOff())
	assert.Equal(t, "rule human", c2.HandedOff().Trigger)
}

func TestStats(t *testing.T) {
	st := NewStats(2)
	e := mustLoad(t, shopRules, WithObserver(st))
	for _, m := range []string{"什么时候发货", "发货了吗", "天气好", "天气好", "电话13812345678", "讲个笑话", "我要投诉"} {
		e.Reply(m)
	}
	s := st.Snapshot(10)
	assert.Equal(t, 7, s.Messages)
	assert.Equal(t, 2, s.Hits["ship_time"])
	assert.Equal(t, 4, s.Fallbacks)
	assert.Equal(t, 1, s.Handoffs)
	assert.InDelta(t, 4.0/7, s.FallbackRate, 1e-9)
	require.Len(t, s.Unanswered, 2, "bounded to 2 questions")
	assert.Equal(t, Question{"天气好", 2}, s.Unanswered[0])
	for _, q := range s.Unanswered {
		assert.NotContains(t, q.Text, "13812345678", "stats hold no raw phone number")
	}
}

func TestHolderReloadKeepsServingOnError(t *testing.T) {
	e := mustLoad(t, shopRules)
	h := NewHolder(e)
	_, err := h.Reload(&RuleSet{Version: 1})
	require.Error(t, err, "a rule set without default reply")
	assert.Same(t, e, h.Engine(), "the old engine keeps serving")
	assert.Equal(t, "ship_time", h.Reply("什么时候发货").Rule)
}

func TestReloadUnderLoad(t *testing.T) {
	a := mustLoad(t, shopRules)
	b := mustLoad(t, strings.ReplaceAll(shopRules, "内发货。", "内发出哦。"))
	h := NewHolder(a)
	wantA, wantB := a.Reply("什么时候发货").Text, b.Reply("什么时候发货").Text
	require.NotEqual(t, wantA, wantB)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if got := h.Reply("什么时候发货").Text; got != wantA && got != wantB {
					t.Errorf("answer %q comes from neither rule set", got)
					return
				}
			}
		}()
	}
	for i := range 300 {
		if i%2 == 0 {
			h.Swap(b)
		} else {
			h.Swap(a)
		}
	}
	close(stop)
	wg.Wait()
}

func FuzzReply(f *testing.F) {
	fuzzReply(f, mustLoad(f, shopRules), "什么时候发货", "退货运费谁出", "我发现货不对", "\xff\x00", "在吗", "")
}

// FuzzStarterReply is FuzzReply over the starter library, whose examples
// and small-talk model the small rule sets do not reach.
func FuzzStarterReply(f *testing.F) {
	e, _, err := New(Starter())
	require.NoError(f, err)
	fuzzReply(f, e, "赠品不要了，能早点发吗", "不取消订单了 麻烦尽快发", "取消不取消订单", "不是催发货哈，想问寄到杭州一般几天",
		"我们村里的大喇叭天天喊双十一", "我老公明天生日 今天必须发", "不\xff取消订单", "，，不")
}

// fuzzReply checks that e gives every message one non-empty answer, the
// same each time.
func fuzzReply(f *testing.F, e *Engine, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		a := e.Reply(msg)
		if a.Text == "" {
			t.Fatalf("Reply(%q) gave an empty answer", msg)
		}
		if b := e.Reply(msg); b.Text != a.Text || b.Rule != a.Rule || b.Reason != a.Reason {
			t.Fatalf("Reply(%q) not deterministic: %q (%s) then %q (%s)", msg, a.Text, a.Reason, b.Text, b.Reason)
		}
	})
}

// Cases found in review: each once showed a wrong answer.
func TestReviewFindings(t *testing.T) {
	t.Run("exact keyword keeps its own form of address", func(t *testing.T) {
		e := mustLoad(t, okHead+"rules:\n  - id: kids\n    match: exact\n    keywords: [亲子装]\n    reply: 有的\n", WithoutDefaultSynonyms())
		assert.True(t, e.Reply("子装").Fallback, "子装 is not 亲子装")
		assert.Equal(t, "kids", e.Reply("亲子装吗").Rule, "亲子装吗 is")
		assert.Equal(t, "kids", e.Reply("亲，亲子装？").Rule, "亲，亲子装？ is")
	})
	t.Run("all_of needs distinct words even when they are synonyms", func(t *testing.T) {
		e := mustLoad(t, okHead+"synonyms: [[发货, 寄出]]\nrules:\n  - id: both\n    all_of: [发货, 寄出]\n    reply: 好\n", WithoutDefaultSynonyms())
		assert.True(t, e.Reply("什么时候发货").Fallback, "one word cannot satisfy both")
		assert.Equal(t, "both", e.Reply("发货了还是寄出了").Rule, "two words do")
	})
	t.Run("ask-back never cancels a handoff", func(t *testing.T) {
		e := mustLoad(t, shopRules, WithoutDefaultSynonyms(), WithAskBack())
		a := e.Reply("我要投诉发票")
		assert.NotEqual(t, AskedBack, a.Reason, "no question back when a candidate asks for a human: %s", a.Trace())
		assert.False(t, a.Fallback, "Reply: %s", a.Trace())
	})
	t.Run("phone number split by noise is masked in events and transcripts", func(t *testing.T) {
		st := NewStats(10)
		e := mustLoad(t, shopRules, WithObserver(st))
		c := NewConversation(e)
		msg := "号码1 3 8 1 2 3 4 5 6 7 8"
		c.Reply(msg)
		for _, q := range st.Snapshot(0).Unanswered {
			assert.NotContains(t, q.Text, "13812345678", "stats of %q", msg)
		}
		turn := c.History()[0].Customer
		assert.NotContains(t, strings.ReplaceAll(turn, " ", ""), "13812345678", "transcript of %q", msg)
	})
	t.Run("exact keyword repeated in a long message stays linear", func(t *testing.T) {
		e := mustLoad(t, okHead+"rules:\n  - id: oh\n    match: exact\n    keywords: [哦哦]\n    reply: 好\n", WithoutDefaultSynonyms())
		a := e.Reply(strings.Repeat("哦", DefaultMaxMessageRunes))
		assert.NotEmpty(t, a.Text)
	})
	t.Run("zero Stats is usable", func(t *testing.T) {
		var st Stats
		st.Observe(Event{Kind: EventHit, Rule: "a"})
		assert.Equal(t, 1, st.Snapshot(0).Hits["a"])
	})
	t.Run("window with trailing text is an error", func(t *testing.T) {
		_, err := ParseWindow("09:00-12:00,14:00-18:00")
		assert.Error(t, err)
		w, err := ParseWindow("09:00-12:00")
		assert.NoError(t, err)
		assert.Equal(t, Window{540, 720}, w)
	})
}

func TestDoneClauses(t *testing.T) {
	e := mustLoad(t, shopRules)
	for _, c := range []struct {
		name, msg, rule string // rule "" for a fallback
	}{
		{"done clause loses to the question", "上次的退货已经处理好了 这次发票怎么开", "invoice"},
		{"without a done word, file order", "退货很方便 这次发票怎么开", "return"},
		{"traditional", "上次的退貨已經處理好了 這次發票怎麼開", "invoice"},
		{"done and thanks: nothing asked", "发票已经收到了 谢谢亲", ""},
		{"done without thanks still answers", "发票已经收到了", "invoice"},
		{"asked in the done clause", "发票已经开了吗", "invoice"},
		{"a question mark asks", "上次的退货已经处理了？发票呢", "return"},
		{"thanks alone does not drop a question", "包邮吗 谢谢", "freight"},
		{"done handoff loses too", "投诉的事已经解决了 谢谢 发票怎么开", "invoice"},
		{"a request asks", "发票已经开好了 现在想投诉", "human"},
		{"told once, then neither told nor asked", "上次的退货已经处理好了 退货很方便 发票怎么开", "invoice"},
		{"told, then neither, and thanks", "发票已经收到了 发票很清楚 谢谢", ""},
		{"a completion tells", "发票开好了 谢谢", ""},
		{"a completion tells, another clause asks", "退货处理好了 发票怎么开", "invoice"},
		{"a completion in a question asks", "退货处理好了吗 发票怎么开", "return"},
		{"praise tells", "发票开得很好 谢谢", ""},
		{"到账了 tells", "运费到账了 辛苦了", ""},
		{"发我 requests", "上次的退货已经处理了 这次发票发我下", "invoice"},
		{"praise in another clause does not", "很满意 发票记得开 谢谢", "invoice"},
		{"praise in a question asks", "发票开得很好吗 谢谢", "invoice"},
		{"negated praise does not tell", "退货流程不满意 谢谢", "return"},
		{"negated praise, a handoff kept", "投诉处理结果不满意 谢谢", "human"},
		{"a negated completion does not tell", "运费查不到了 谢谢", "freight"},
		{"要 inside another word does not request", "之前要的发票已经收到了 谢谢亲", ""},
		{"没想到 does not request", "没想到发票今天就到了 谢谢", ""},
		{"a request told as done tells", "退货已经给我退了 发票怎么开", "invoice"},
		{"a request before a done word asks", "帮我把上次的退货处理下 发票怎么开", "return"},
		{"辛苦啦 closes", "运费到账了 辛苦啦", ""},
	} {
		a := e.Reply(c.msg)
		assert.Equal(t, c.rule, a.Rule, "%s: %q (%s)", c.name, c.msg, a.Trace())
	}
}

// TestWordSets checks the word sets' one-pass lookup against looking for
// each word, on every corpus message and on each word alone.
func TestWordSets(t *testing.T) {
	texts := slices.Concat(doneWords, completions, praiseWords, closings, []string{"", "了好不", "\xff到\xfe了"})
	for _, c := range corpora {
		for _, l := range readCorpus(t, c.file) {
			texts = append(texts, l.msg)
		}
	}
	for _, text := range texts {
		assert.Equal(t, containsAny(text, slices.Concat(doneWords, completions, praiseWords)), tellWords.in(text), "tellWords.in(%q)", text)
		assert.Equal(t, containsAny(text, closings), closingWords.in(text), "closingWords.in(%q)", text)
	}
}

func TestNoneOfSaidNotAsked(t *testing.T) {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: promotion
    keywords: [满减]
    none_of: [会员, 发票]
    reply: "亲，满300减30。"
  - id: membership
    keywords: [会员]
    reply: "亲，会员95折。"
  - id: invoice
    keywords: [发票]
    reply: "亲，可以开发票。"
`
	e := mustLoad(t, rules, WithoutDefaultSynonyms(), WithSimilarity(0))
	for _, c := range []struct {
		name, msg, rule string
	}{
		{"none_of vetoes", "会员有满减吗", "membership"},
		{"none_of negated after", "会员我不想办 有满减吗", "promotion"},
		{"none_of negated before", "不要发票 有满减吗", "promotion"},
		{"none_of dismissed", "发票无所谓 有满减吗", "promotion"},
		{"none_of told as done, keyword asked", "发票已经开好了 谢谢 下次买有满减吗", "promotion"},
		{"none_of told as done, keyword not asked", "发票已经开好了 满减也用上了", "invoice"},
	} {
		a := e.Reply(c.msg)
		assert.Equal(t, c.rule, a.Rule, "%s: %q (%s)", c.name, c.msg, a.Trace())
	}
}

// TestNoneOfNotVetoing: a none_of word after a bare 不 is negated, unless
// the 不 asks or proposes, and one that dismisses another keyword (赠品不要了)
// vetoes nothing else.
func TestNoneOfNotVetoing(t *testing.T) {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: urge
    keywords: [快点发, 早点发]
    none_of: [取消订单, 不要了, 不着急]
    reply: "亲，已为您催促仓库。"
  - id: cancel
    keywords: [取消订单]
    reply: "亲，未发货的订单可以直接取消。"
  - id: gift
    keywords: [赠品]
    reply: "亲，赠品随单发出。"
`
	e := mustLoad(t, rules, WithoutDefaultSynonyms(), WithSimilarity(0))
	off := mustLoad(t, rules, WithoutDefaultSynonyms(), WithSimilarity(0), WithNegations())
	urged := func(e *Engine, msg string) bool {
		return slices.ContainsFunc(e.Reply(msg).Candidates, func(c Candidate) bool { return c.Rule == "urge" })
	}
	for _, c := range []struct {
		name, msg string
		urged     bool
	}{
		{"none_of vetoes", "取消订单 快点发", false},
		{"bare 不 negates a none_of word", "不取消订单了 麻烦快点发", true},
		{"bare 不 through noise", "不~取消订单了 麻烦快点发", true},
		{"a space ends the negation", "不 取消订单了 麻烦快点发", false},
		{"要不 proposes", "要不取消订单吧 快点发也行", false},
		{"还不 asks", "怎么还不取消订单 快点发", false},
		{"A-not-A asks", "取不取消订单 快点发", false},
		{"a none_of word that is a negation", "不不着急 快点发", false},
		{"the dismissal of another keyword", "赠品不要了，能早点发吗", true},
		{"the dismissal through noise", "赠品~不要了，能早点发吗", true},
		{"a dismissal of nothing", "不要了，能早点发吗", false},
		{"a dismissal apart from the keyword", "赠品呢？不要了，能早点发吗", false},
	} {
		assert.Equal(t, c.urged, urged(e, c.msg), "%s: %q (%s)", c.name, c.msg, e.Reply(c.msg).Trace())
	}
	for _, msg := range []string{"不取消订单了 麻烦快点发", "赠品不要了，能早点发吗"} {
		assert.False(t, urged(off, msg), "without negations, %q (%s)", msg, off.Reply(msg).Trace())
	}
}

// TestExcept: a keyword match that overlaps one of its rule's exceptions
// does not count, and vetoes nothing.
func TestExcept(t *testing.T) {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: damaged
    keywords: [坏了]
    except: [高兴坏了, 累坏了]
    reply: "亲，请拍照给我们看看。"
  - id: return_fee
    all_of: [退货, 运费]
    except: [运费险]
    reply: "亲，非质量问题退货运费由买家承担。"
  - id: insurance
    keywords: [运费险]
    reply: "亲，下单可选运费险。"
  - id: cancel
    keywords: [取消订单]
    except: [没有要取消]
    reply: "亲，未发货的订单可以直接取消。"
`
	e := mustLoad(t, rules, WithoutDefaultSynonyms(), WithSimilarity(0))
	for _, c := range []struct {
		name, msg, rule string
	}{
		{"the keyword alone", "杯子坏了", "damaged"},
		{"within an exception", "我妈收到礼物高兴坏了", ""},
		{"traditional characters", "我媽收到禮物高興壞了", ""},
		{"an exception and the keyword apart", "我妈高兴坏了 打开一看杯子坏了", "damaged"},
		{"the keyword first", "杯子坏了 我都累坏了", "damaged"},
		{"an all_of word within one", "退货 运费险能赔多少", "insurance"},
		{"every all_of word outside", "退货运费谁出 有运费险吗", "return_fee"},
		{"overlapping an exception", "我没有要取消订单 就问问", ""},
		{"overlapping once, then alone", "我没有要取消订单 但取消订单以后多久退钱", "cancel"},
	} {
		a := e.Reply(c.msg)
		assert.Equal(t, c.rule, a.Rule, "%s: %q (%s)", c.name, c.msg, a.Trace())
		assert.Equal(t, c.rule == "", a.Fallback, "%s: %q falls back", c.name, c.msg)
	}
}

func TestDoneClauseSkipsExamples(t *testing.T) {
	e := mustLoad(t, strings.Replace(exampleRules, "examples: [帮我把订单撤了, 这单不要了帮我撤掉]",
		"examples: [帮我把订单撤了, 这单不要了帮我撤掉, 订单已经取消了 谢谢]", 1))
	a := e.Reply("取消订单已经好了 谢谢")
	assert.True(t, a.Fallback, "told as done and thanked: not asked, and not compared with examples (%s)", a.Trace())
	assert.Nil(t, a.Similar)
}

func TestSmallTalk(t *testing.T) {
	on, _, err := New(Starter())
	require.NoError(t, err)
	off, _, err := New(Starter(), WithoutSmallTalk())
	require.NoError(t, err)
	for _, c := range []struct {
		name, msg string
		chat      bool // falls back as small talk
	}{
		{"a job in the family", "我老公就是送快递的 天天累得要死", true},
		{"a likeness", "我男朋友就像快递 永远在路上", true},
		{"a dream", "昨晚梦见自己拆快递拆了一整夜", true},
		{"traditional characters", "我老公就是送快遞的 天天累得要死", true},
		{"the cue in another clause", "我老公说太小了 换大一码", false},
		{"an order of the family", "我爸的快递还没到", false},
		{"a shop word", "我妈说这个质量很好 哈哈", false},
		{"a question", "我老公就是送快递的 你们发什么快递", false},
		{"an A-not-A tail", "送女票的 能包一下不", false},
		{"a clause that requests", "我妈说不合适 要退货", false},
		{"a question mark", "我老公就是送快递的？", false},
		{"no cue", "快递三天没动了", false},
		{"school", "我们学校上课玩手机要扣积分", true},
		{"a relative's teacher", "我闺女的班主任说她作业质量越来越高了", true},
		{"a damage relayed from family", "我妈打开发现屏幕有道裂痕", false},
		{"a colour complaint relayed", "室友说颜色和图片不一样", false},
		{"a slow delivery relayed", "我对象说物流太慢了", false},
		{"a deadline", "考试前能到就行", false},
		{"a nephew", "侄子坚信圣诞礼物是圣诞老人用顺丰寄来的", true},
		{"a likeness with 像个", "今天被老板骂了 感觉自己像个被退货的次品", true},
		{"a month, not the goods", "领导说我这个月写的报告质量不行 心好累", true},
		{"坏了 meaning very", "我奶奶攒了十年积分 换了个脸盆 乐坏了", true},
		{"a damage after 坏了 meaning very", "我妈高兴坏了 结果打开发现杯子碎了", false},
		{"remembering, not wishing", "我闺蜜谈恋爱跟领优惠券似的 过期了才想起来用", true},
		{"a wish", "我闺蜜说想领优惠券", false},
		{"reported speech after a cue", "我表哥在韵达开车 说双十一忙得脚不沾地", true},
		{"a likeness with 跟...一样", "周末加班跟催发货一样 一天催八遍", true},
		{"not alike", "我妈说颜色跟图片不一样", false},
		{"a wish that will not come", "我的年假要是能补差价就好了", true},
		{"reported speech that asks", "我表哥在韵达开车 说双十一发货慢 你们会慢吗", false},
		{"a person to cancel", "跟老公吵架了，真想把他取消", true},
		{"oneself to ship", "上班好累 想把自己包邮寄去马尔代夫", true},
		{"oneself shipped", "想被包邮到马尔代夫", true},
		{"goods to return", "想把它退了 颜色不喜欢", false},
		{"one's order to cancel", "想把我的订单取消", false},
		{"goods bought for him", "我想把他那双换大一码", false},
		{"goods of one's own", "想把自己那件退掉", false},
		{"a parcel to be returned", "快递要被退回了", false},
		{"a job, then a request", "最近在加班晚点再发货吧", false},
	} {
		a := on.Reply(c.msg)
		assert.Equal(t, c.chat, a.Reason == SmallTalk, "%s: Reply(%q): %s", c.name, c.msg, a.Trace())
		if c.chat {
			assert.True(t, a.Fallback, "%s: Reply(%q) falls back", c.name, c.msg)
			assert.False(t, off.Reply(c.msg).Fallback, "%s: Reply(%q) WithoutSmallTalk answers", c.name, c.msg)
		}
	}
}

// TestSmallTalkOrderStatements: complaints and requests about an order
// that name a relative or a colleague and ask nothing are not small talk.
func TestSmallTalkOrderStatements(t *testing.T) {
	on, _, err := New(Starter())
	require.NoError(t, err)
	for _, c := range []struct{ msg, rule string }{
		{"我妈说快递一直没动", "logistics_stuck"},
		{"同事说物流一直不动", "logistics_stuck"},
		{"我老公说物流三天没更新了", "logistics_stuck"},
		{"我老婆说发票开错了", "invoice"},
		{"领导说发票抬头要改成公司名", "invoice"},
		{"老师说发票要开专票", "invoice"},
		{"我儿子穿了一天就开胶了", "damaged"},
		{"老婆说颜色发错了", "wrong_item"},
		{"我女儿说少发了一件", "missing_item"},
		{"我妈说少了一个赠品", "missing_item"},
		{"我爸说快递员态度很差", "complaint"},
		{"我妈说不合适要退货", "return_policy"}, // TestSmallTalk's case, without its space
	} {
		a := on.Reply(c.msg)
		assert.Equal(t, c.rule, a.Rule, "Reply(%q): %s", c.msg, a.Trace())
	}
}

// TestSmallTalkEveryKeywordClause: small talk needs every matched keyword
// TestSmallTalkModel: the starter library's examples teach a model that
// takes for small talk what the cues do not know, and still leaves
// statements about an order to the rules.
func TestSmallTalkModel(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	require.NotNil(t, e.chat, "the starter library's small-talk model")
	cuesOnly, _, err := New(Starter())
	require.NoError(t, err)
	cuesOnly.chat = nil
	for _, msg := range []string{
		"今天地铁上好多人在看双十一的广告",
		"我们老板天天画饼 比预售还能拖",
		"我们村里的大喇叭天天喊双十一",
	} {
		a := e.Reply(msg)
		assert.Equal(t, SmallTalk, a.Reason, "Reply(%q): %s", msg, a.Trace())
		a = cuesOnly.Reply(msg)
		assert.False(t, a.Fallback, "without the model, Reply(%q): %s", msg, a.Trace())
	}
	for _, msg := range []string{
		"我对象说物流太慢了",        // a word about an order
		"车厘子到了一半都烂了",       // not sure enough
		"我表姐在快递公司上班 能发顺丰吗", // asks
		"我老公明天生日 今天必须发",    // an instruction after a clause of small talk
		"我们学校食堂今天搞活动 鸡腿半价", // a keyword half its clause
	} {
		a := e.Reply(msg)
		assert.False(t, a.Fallback, "Reply(%q): %s", msg, a.Trace())
	}
	off, _, err := New(Starter(), WithoutSmallTalk())
	require.NoError(t, err)
	assert.Nil(t, off.chat, "the small-talk model with WithoutSmallTalk")
	few := mustLoad(t, exampleRules)
	assert.Nil(t, few.chat, "the small-talk model of a rule set with a few examples")
}

// in a clause that tells of the customer's own life.
func TestSmallTalkEveryKeywordClause(t *testing.T) {
	on, _, err := New(Starter())
	require.NoError(t, err)
	for _, msg := range []string{
		"发票开错了 我老公说发票都这样", // 发票 at 0 is in 发票开错了, no cue
		"物流三天没动 同事说物流就这样", // 物流 at 0 is in 物流三天没动, no cue
	} {
		a := on.Reply(msg)
		assert.NotEqual(t, SmallTalk, a.Reason, "Reply(%q): a keyword sits in a clause without a cue: %s", msg, a.Trace())
	}
}

// TestDismissalAskedOrCounted: 算了 after a keyword also means counted or
// charged (运费算了吗, 运费算了两次): asked about or with a number after
// it, a dismissal does not dismiss.
func TestDismissalAskedOrCounted(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	for _, c := range []struct{ msg, rule string }{
		{"运费算了吗", "freight"},
		{"这单运费算了没有", "freight"},
		{"满减算了没", "promotion"},
		{"优惠券算了吗", "coupon"},
		{"积分算了吗", "membership"},
		{"运费算了两次", "freight"},
		{"运费的算了吗", "freight"}, // the new 的 filler reaches it too
	} {
		a := e.Reply(c.msg)
		assert.Equal(t, c.rule, a.Rule, "Reply(%q): %s", c.msg, a.Trace())
	}
}

// TestRequestAfterDoneWord: 之前 and 上次 often qualify the object (之前的
// 订单帮我取消) and 已经 a wait (已经三天了帮我查下物流); only a clause that
// ends with 了 (已经给我补发了) tells the request as done.
func TestRequestAfterDoneWord(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	for _, c := range []struct{ msg, rule string }{
		{"之前的订单帮我取消一下 谢谢", "cancel_order"},
		{"已经等了一周了麻烦帮我催下快递 谢谢", "logistics_tracking"},
		{"已经三天了帮我查下物流 谢谢", "logistics_tracking"},
		{"上次的退货麻烦处理一下 谢谢", "return_policy"},
		{"之前买的帮我开个发票 谢谢", "invoice"},
	} {
		a := e.Reply(c.msg)
		assert.Equal(t, c.rule, a.Rule, "Reply(%q): %s", c.msg, a.Trace())
	}
}

func TestPinyinVariants(t *testing.T) {
	e := mustLoad(t, shopRules, WithoutDefaultSynonyms())
	tests := []struct {
		name, msg, rule string
	}{
		{"second character", "什么时候fa货", "ship_time"},
		{"first character", "什么时候发huo", "ship_time"},
		{"synonym", "ji出了吗", "ship_time"},
		{"upper case and full width", "什么时候发ＨＵＯ", "ship_time"},
		{"all_of", "退huo运费谁出", "return_fee"},
		{"three characters beat two", "保xiu期多久", "warranty_period"},
		{"negation still holds", "不想tui货了", ""},
		{"no variant inside a run of letters", "打xfa货", ""},
		{"syllable must end the run", "发huoa", ""},
		{"not both characters", "fahuo", ""},
		{"not exact keywords", "zai吗", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.Reply(tt.msg)
			assert.Equal(t, tt.rule, a.Rule, "Reply(%q): %s", tt.msg, a.Trace())
		})
	}

	a := e.Reply("什么时候fa货")
	require.NotEmpty(t, a.Matches, "matches of %q", "什么时候fa货")
	m := a.Matches[len(a.Matches)-1]
	assert.Equal(t, "发货", m.Keyword, "keyword of %q", "什么时候fa货")
	assert.True(t, m.Pinyin && m.Normalized, "fa货 is 发货 in pinyin: %+v", m)
	assert.Equal(t, "fa货", "什么时候fa货"[m.Start:m.End], "span of the pinyin match")
	assert.Contains(t, a.Trace(), `"发货" in pinyin`)

	off := mustLoad(t, shopRules, WithoutDefaultSynonyms(), WithoutPinyin())
	for msg, rule := range map[string]string{"什么时候fa货": "ship_time", "退huo运费谁出": "return_fee", "保xiu期多久": "warranty_period"} {
		a := off.Reply(msg)
		assert.NotEqual(t, rule, a.Rule, "WithoutPinyin: Reply(%q) = %s", msg, a.Trace())
	}
}

func TestPinyinForms(t *testing.T) {
	for _, tc := range []struct {
		form string
		want []string
	}{
		{"发货", []string{"fa货", "发huo"}},
		{"保修期", []string{"bao修期", "保xiu期", "保修qi"}}, // not 期 ji, rare
		{"票", nil},    // one character: the syllable alone would match everywhere
		{"什么时候", nil}, // four
		{"sf快递", nil}, // not all characters
		{"退货ok", nil}, // nor here
		{"", nil},
	} {
		assert.Equal(t, tc.want, pinyinForms(tc.form), "pinyinForms(%q)", tc.form)
	}
}
