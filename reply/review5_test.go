package reply

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReview5SmallTalkModelSilencesInstructions: the small-talk model
// scores the whole message, and chatModel only asks that no keyword's
// clause asks. A clause of the customer's life before a plain instruction
// about the order (发顺丰, 今天一定要发货, 开发票) makes the model sure
// enough, and the instruction is silenced as small talk, even a request
// for a person (转人工, a handoff rule). Before the model, each was
// answered by its rule.
func TestReview5SmallTalkModelSilencesInstructions(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	for _, c := range []struct{ msg, rule string }{
		{"我老公明天生日 发顺丰", "specify_courier"},
		{"我老公明天生日 今天一定要发货", "urge_shipping"},
		{"我老公明天生日 今天必须发", "urge_shipping"},
		{"我老公天天加班 快点发货", "urge_shipping"},
		{"我男朋友下周生日 开发票", "invoice"},
		// A request for a person: a handoff rule silenced.
		{"我老公天天加班 转人工", "human"},
		{"我老公天天加班 投诉", "complaint"},
	} {
		a := e.Reply(c.msg)
		assert.NotEqual(t, SmallTalk, a.Reason, "Reply(%q): an instruction about the order is not small talk: %s", c.msg, a.Trace())
		assert.Equal(t, c.rule, a.Rule, "Reply(%q): %s", c.msg, a.Trace())
	}
}

// TestReview5SmallTalkModelExactRule: chatModel, like chats, passes
// sc.idx[k] (the index of an acc) to exactRule, which wants the index of
// a rule. An exact rule that is not rule 0 is then not seen, and its
// whole-message greeting is silenced as small talk, although the docs say
// exact rules are never affected: 新年快乐 and 辛苦了 by the model, 哈哈哈
// (a chat cue) by chats and the model.
func TestReview5SmallTalkModelExactRule(t *testing.T) {
	rs := Starter()
	rs.Rules = append(rs.Rules, Rule{
		ID: "season", Category: "服务", Match: Exact,
		Keywords: []string{"新年快乐", "辛苦了", "哈哈哈"},
		Replies:  []string{"亲，也祝您新年快乐！"},
	})
	e, _, err := New(rs)
	require.NoError(t, err)
	require.NotNil(t, e.chat, "the starter library's small-talk model")
	for _, msg := range []string{"新年快乐", "辛苦了", "哈哈哈"} {
		a := e.Reply(msg)
		assert.Equal(t, "season", a.Rule, "Reply(%q): an exact rule is never affected by small talk: %s", msg, a.Trace())
		assert.NotEqual(t, SmallTalk, a.Reason, "Reply(%q): %s", msg, a.Trace())
	}
}

// TestReview5SmallTalkModelTraditionalQuestion: offShop looks for the
// question words as written, and they are simplified (吗, 么, 几, 什么,
// 怎么, 请问): a question in traditional characters (怎麼, 嗎, 幾) in a
// clause without a keyword is not seen, and chatModel, unlike chats, does
// not look again in the normalised message. The same message in simplified
// characters is answered.
func TestReview5SmallTalkModelTraditionalQuestion(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	simp := "我们学校食堂今天搞活动 鸡腿半价 怎么才能参加"
	trad := "我們學校食堂今天搞活動 雞腿半價 怎麼才能參加"
	as, at := e.Reply(simp), e.Reply(trad)
	require.NotEqual(t, SmallTalk, as.Reason, "Reply(%q): it asks: %s", simp, as.Trace())
	assert.Equal(t, as.Reason, at.Reason, "Reply(%q) in traditional characters answers as Reply(%q): %s", trad, simp, at.Trace())
	assert.Equal(t, as.Rule, at.Rule, "Reply(%q) in traditional characters answers as Reply(%q): %s", trad, simp, at.Trace())
}

// TestReview5BareBuInQuestion: a bare 不 before a none_of word lifts its
// veto even where the clause asks about it: 不能退吗 and 不可以退吗 ask
// whether it can be returned, 不能取消吗 whether the order can be
// cancelled. The docs say a 不 that asks does not negate. Before the
// change, the none_of word vetoed and the right rule answered.
func TestReview5BareBuInQuestion(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	for _, c := range []struct{ msg, rule string }{
		{"积分兑换的东西不能退吗", "return_policy"}, // not membership: 能退 vetoes it
		{"质量这么差 不能退吗", "return_policy"},  // not quality
		{"这个质量不可以退吗", "return_policy"},   // not quality
		{"为啥不发货 不能取消吗", "cancel_order"},  // not urge_shipping
	} {
		a := e.Reply(c.msg)
		assert.Equal(t, c.rule, a.Rule, "Reply(%q): %s", c.msg, a.Trace())
	}
}

// TestReview5BareBuNotNegating: 不 before a none_of word negates only
// when it is the word's own negation: in 不得不取消订单 (must cancel) and
// 取消不取消订单 (an A-not-A question with a two-rune verb) the
// cancellation stands or is asked, and urging is still vetoed.
func TestReview5BareBuNotNegating(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	for _, msg := range []string{
		"等了五天还没发货 不得不取消订单",
		"还没发货 取消不取消订单",
	} {
		a := e.Reply(msg)
		assert.NotEqual(t, "urge_shipping", a.Rule, "Reply(%q): the customer cancels or asks about cancelling, not hurries: %s", msg, a.Trace())
	}
}

// TestReview5DismissedParcel: a none_of word that starts where a dismissed
// keyword ends no longer vetoes, whatever the keyword: in 快递不要了 what is
// not wanted is the parcel, the whole order, not a gift, and the customer
// cancels. Before the change cancel_order answered.
func TestReview5DismissedParcel(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	msg := "发货太慢了 快递不要了"
	a := e.Reply(msg)
	assert.Equal(t, "cancel_order", a.Rule, "Reply(%q): %s", msg, a.Trace())
}
