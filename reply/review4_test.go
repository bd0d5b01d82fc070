package reply

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Review of 5a9d6c8, 09e5b47, 3a1aab0 and 54004b0 (exceptedSpelled, the
// small-talk cues refersBack and 老家). Each TestReview4* test fails at
// 8fe7f82 and proves one problem.

// TestReview4RefersBackSilencesOrders: refersBack (3a1aab0) makes any
// keyword clause with 他 or 她 small talk when the message names a person
// anywhere. Customers buying for someone name that person and then say
// 他/她 in the very clause that asks the shop: 给她发货, 给他换个大码. No
// question word or shop word is needed for such a request, and these are
// all answered at 3a1aab0^ and with WithoutSmallTalk.
func TestReview4RefersBackSilencesOrders(t *testing.T) {
	on, off := starterEngines(t)
	for _, msg := range []string{
		"我女朋友下周生日，尽快给她发货",
		"老公出差了，他让我催一下发货",
		"我儿子嫌小，他要换大一码",
		"我老公嫌小 给他换个大码",
	} {
		w := off.Reply(msg)
		require.NotEmpty(t, w.Rule, "precondition: Reply(%q) without small talk is answered: %s", msg, w.Trace())
		a := on.Reply(msg)
		assert.Equal(t, w.Rule, a.Rule, "Reply(%q): a request about the person named (他/她 in the keyword's clause) is not small talk: %s", msg, a.Trace())
	}
}

// TestReview4HomeTownSilencesRequests: 老家 is a chat cue (3a1aab0), so a
// keyword in the same clause as 老家 is small talk unless a question word
// or shop word is there. Shipping to or from one's home town is a common
// instruction written without either: 发到老家顺丰, 回老家了先别发货. All
// are answered at 3a1aab0^ and with WithoutSmallTalk.
func TestReview4HomeTownSilencesRequests(t *testing.T) {
	on, off := starterEngines(t)
	for _, msg := range []string{
		"发到老家顺丰",
		"老家偏远发ems",
		"我老家在新疆也包邮吧",
		"过年回老家，发顺丰到老家",
		"回老家了先别发货",
		"人在老家，改成寄老家",
		"老家没有顺丰发邮政",
	} {
		w := off.Reply(msg)
		require.NotEmpty(t, w.Rule, "precondition: Reply(%q) without small talk is answered: %s", msg, w.Trace())
		a := on.Reply(msg)
		assert.Equal(t, w.Rule, a.Rule, "Reply(%q): an instruction about shipping to one's home town is not small talk: %s", msg, a.Trace())
	}
}

// TestReview4ExceptedSpelledAcrossBreak: exceptedSpelled normalises the
// window before the match and the one after it separately, and
// normalize.String drops a separator at either end of its text, so the
// break between the match and its neighbours is lost: 高兴。huai了 is read
// as 高兴坏了 and excepted, though 高兴。坏了 is not (no except word crosses
// a break). An invalid byte is a break too.
func TestReview4ExceptedSpelledAcrossBreak(t *testing.T) {
	on, _ := starterEngines(t)
	for _, c := range []struct{ written, spelled string }{
		{"我好高兴。坏了", "我好高兴。huai了"},
		{"刚拆开好高兴，坏了一个角", "刚拆开好高兴，huai了一个角"},
		{"质量，很好奇", "zhi量，很好奇"},
		{"高兴\xe5坏了", "高兴\xe5huai了"},
	} {
		w := on.Reply(c.written)
		require.NotEmpty(t, w.Rule, "precondition: Reply(%q) is answered: %s", c.written, w.Trace())
		a := on.Reply(c.spelled)
		assert.Equal(t, w.Rule, a.Rule, "Reply(%q), %q with one character in pinyin: the break keeps the except word out: %s", c.spelled, c.written, a.Trace())
	}
}

// TestReview4ExceptedSpelledNoiseWindow: the window of exceptedSpelled
// counts runes as written, noise included, "twice over for noise", while
// the matcher drops any amount of noise: 高兴 + 20 dots + 坏了 is excepted
// as 高兴坏了, but with 坏 in pinyin the window stops inside the dots and
// the rule answers.
func TestReview4ExceptedSpelledNoiseWindow(t *testing.T) {
	on, _ := starterEngines(t)
	dots := strings.Repeat(".", 20)
	written, spelled := "高兴"+dots+"坏了", "高兴"+dots+"huai了"
	w := on.Reply(written)
	require.NotEqual(t, "damaged", w.Rule, "precondition: Reply(%q) is excepted: %s", written, w.Trace())
	a := on.Reply(spelled)
	assert.Equal(t, w.Rule, a.Rule, "Reply(%q): noise between the except word's parts is dropped as for %q: %s", spelled, written, a.Trace())
}
