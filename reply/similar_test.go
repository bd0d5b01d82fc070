package reply

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const exampleRules = `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
fallback_examples: [今天天气怎么样, 你是机器人吗, 给我讲个笑话吧]
rules:
  - id: cancel_order
    category: 售后
    keywords: [取消订单]
    examples: [帮我把订单撤了, 这单不要了帮我撤掉]
    reply: "亲，未发货的订单可以直接申请取消哦。"
  - id: business_hours
    category: 服务
    keywords: [客服几点上班]
    examples: [晚上十点还有人不, 客服几点下班呀]
    reply: "亲，客服在线时间是9:00-23:00。"
  - id: address_change
    category: 物流
    keywords: [改地址]
    none_of: [海外]
    examples: [收件地址填错了 能帮忙换一下吗]
    reply: "亲，未发货前可以修改地址。"
  - id: usage
    category: 售前
    keywords: [怎么用]
    enabled: false
    examples: [这个面膜一周敷几次]
    reply: "亲，请参考说明书。"
`

func TestReplyExamples(t *testing.T) {
	e := mustLoad(t, exampleRules)
	for _, c := range []struct {
		msg, want string // want: the rule, or "" for a fallback
		similar   bool
	}{
		{"帮我把单撤了", "cancel_order", true},
		{"晚上几点还有人", "business_hours", true},
		{"取消订单", "cancel_order", false},            // a keyword: examples are not asked
		{"今天天气好吗", "", false},                      // nearest is a fallback example
		{"撤了", "", false},                          // too short to tell
		{"我不想改地址 收件地址填错了也没事", "", false},           // a negated keyword: not asked, nor its rule by example
		{"不想取消订单 晚上几点还有人", "business_hours", true}, // the other clause, by example
		{"不用取消订单了，帮我把单撤了", "", false},              // the declined rule, not by example
		{"海外收件地址填错了 能帮忙换一下吗", "", false},           // the rule's none_of
		{"这个面膜一周敷几次", "", true},                    // its rule is disabled
		{"这个快递盒能不能拿来装东西", "", false},               // resembles nothing
		{"帮 我 把 单 撤 了 ！！", "cancel_order", true},   // noise
		{"幫我把單撤了", "cancel_order", true},           // traditional
	} {
		a := e.Reply(c.msg)
		assert.Equal(t, c.want, a.Rule, "rule for %q (%s)", c.msg, a.Trace())
		assert.Equal(t, c.want == "", a.Fallback, "fallback for %q", c.msg)
		assert.Equal(t, c.similar, a.Similar != nil, "answered through an example: %q (%s)", c.msg, a.Trace())
		if a.Similar != nil {
			assert.GreaterOrEqual(t, a.Similar.Score, DefaultSimilarity, "score for %q", c.msg)
			assert.Contains(t, a.Trace(), "similar to example", "trace for %q", c.msg)
			assert.Empty(t, a.Matches, "matches for %q", c.msg)
		}
	}
	assert.Equal(t, RulesDisabled, e.Reply("这个面膜一周敷几次").Reason, "the example's rule is disabled")
}

func TestSimilarEvent(t *testing.T) {
	var got []Event
	e := mustLoad(t, exampleRules, WithObserver(ObserverFunc(func(ev Event) { got = append(got, ev) })))
	e.Reply("帮我把单撤了")
	e.Reply("取消订单")
	require.Len(t, got, 2)
	assert.True(t, got[0].Similar, "a hit through an example")
	assert.False(t, got[1].Similar, "a hit through a keyword")
}

func TestWithSimilarity(t *testing.T) {
	off := mustLoad(t, exampleRules, WithSimilarity(0))
	assert.True(t, off.Reply("帮我把单撤了").Fallback, "WithSimilarity(0) turns examples off")
	strict := mustLoad(t, exampleRules, WithSimilarity(0.95))
	assert.True(t, strict.Reply("帮我把单撤了").Fallback, "0.95 asks for nearly the example itself")
	assert.Equal(t, "cancel_order", strict.Reply("帮我把订单撤了！").Rule, "the example itself")
}

// TestExamplesNeedAgreement: when the runner-up of another rule is close
// behind, the engine does not guess.
func TestExamplesNeedAgreement(t *testing.T) {
	e := mustLoad(t, `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: material
    keywords: [材质]
    examples: [这个沙发是什么材质的]
    reply: "亲，请看详情页。"
  - id: size
    keywords: [尺寸]
    examples: [这个沙发是多大尺寸的]
    reply: "亲，请看详情页。"
`)
	a := e.Reply("这个沙发是几人位的")
	assert.True(t, a.Fallback, "two rules' examples equally near: %s", a.Trace())
}

func TestLoadExamples(t *testing.T) {
	yamlText := okHead + "fallback_examples: [今天天气怎么样]\nrules:\n  - id: a\n    keywords: [发货]\n    examples: [啥时候寄, \"拍了几天了, 还没动静\"]\n    reply: 好\n"
	jsonText := `{"version": 1, "default_reply": "亲，请稍等人工客服。", "fallback_examples": ["今天天气怎么样"], "rules": [{"id": "a", "keywords": ["发货"], "examples": ["啥时候寄", "拍了几天了, 还没动静"], "reply": "好"}]}`
	csvText := "id,keywords,examples,reply\na,发货,\"啥时候寄|拍了几天了, 还没动静\",好\n"
	for i, rs := range loadEach(t, yamlText, jsonText, csvText) {
		assert.Equal(t, []string{"啥时候寄", "拍了几天了, 还没动静"}, rs.Rules[0].Examples, "examples, format %d", i)
		if i < 2 { // CSV carries rules only
			assert.Equal(t, []string{"今天天气怎么样"}, rs.FallbackExamples, "fallback examples, format %d", i)
		}
	}
	rs, err := Load(strings.NewReader(okHead+"rules:\n  - id: a\n    keywords: [发货]\n    examples: [\"🙏\"]\n    reply: 好\n"), YAML, "test")
	require.NoError(t, err)
	_, _, err = New(rs)
	require.Error(t, err, "an empty example")
	assert.Contains(t, err.Error(), "rule a: example 1 is empty")
}

func TestStarterExamples(t *testing.T) {
	rs := Starter()
	n := 0
	for _, r := range rs.Rules {
		n += len(r.Examples)
	}
	assert.Greater(t, n, 3000, "the starter's rules carry examples")
	assert.NotEmpty(t, rs.FallbackExamples, "the starter carries fallback examples")
	e, _, err := New(rs)
	require.NoError(t, err)
	a := e.Reply("我买的白色 给我寄成了黑的")
	assert.Equal(t, "wrong_item", a.Rule, a.Trace())
}

// TestExamplesWhenNoRuleFires: a keyword alone does not stop the
// examples; a rule that fires does. 退货 occurs, but return_fee needs
// 运费 too.
func TestExamplesWhenNoRuleFires(t *testing.T) {
	rs, err := Load(strings.NewReader(strings.Replace(exampleRules,
		"examples: [帮我把订单撤了, 这单不要了帮我撤掉]",
		"examples: [帮我把订单撤了, 这单不要了帮我撤掉, 退货太麻烦了 这单还是帮我撤掉吧]", 1)+`
  - id: return_fee
    all_of: [退货, 运费]
    reply: "亲，非质量问题退货运费由买家承担。"
`), YAML, "x")
	require.NoError(t, err)
	e, _, err := New(rs)
	require.NoError(t, err)
	a := e.Reply("退货太麻烦了 这单帮我撤掉吧")
	assert.Equal(t, "cancel_order", a.Rule, a.Trace())
	assert.NotNil(t, a.Similar, a.Trace())
	a = e.Reply("退货运费太麻烦了 这单帮我撤掉吧")
	assert.Equal(t, "return_fee", a.Rule, "a rule fires: examples are not asked (%s)", a.Trace())
}

func TestOneExample(t *testing.T) {
	e := mustLoad(t, `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: cancel_order
    keywords: [取消订单]
    examples: [这单不要了 帮我撤掉 我电话13812345678]
    reply: "亲，未发货的订单可以直接申请取消哦。"
`)
	a := e.Reply("这单不要了 帮我撤掉 我电话13812345678")
	require.Equal(t, "cancel_order", a.Rule, "the only example, against itself: %s", a.Trace())
	assert.NotContains(t, a.Similar.Example, "13812345678", "personal data in an example is masked in the answer")
	assert.NotContains(t, a.Trace(), "13812345678", "and in the trace")
}

func TestSimilarityFloorChecked(t *testing.T) {
	rs, err := Load(strings.NewReader(exampleRules), YAML, "x")
	require.NoError(t, err)
	for _, f := range []float64{math.NaN(), 1.5} {
		_, _, err := New(rs, WithSimilarity(f))
		assert.ErrorContains(t, err, "want a floor from 0 to 1", "WithSimilarity(%v)", f)
	}
	for _, f := range []float64{-1, 0, 1} {
		_, _, err := New(rs, WithSimilarity(f))
		assert.NoError(t, err, "WithSimilarity(%v)", f)
	}
	one := mustLoad(t, exampleRules, WithSimilarity(1))
	assert.Equal(t, "cancel_order", one.Reply("帮我把订单撤了").Rule, "floor 1: the example itself still answers")
}

func TestFillDefaultsLeavesFallbackExamples(t *testing.T) {
	rs, err := Load(strings.NewReader("id,keywords,examples,reply\ndelivery,送货上门,能送货上门吗|可以送上门吗,亲，支持送货上门。\n"), CSV, "rules.csv")
	require.NoError(t, err)
	rs.FillDefaults(Starter())
	assert.Empty(t, rs.FallbackExamples, "the starter's fallback examples hold shop questions another shop may answer")
}

func TestExampleErrorsAndWarnings(t *testing.T) {
	rs, err := Load(strings.NewReader(okHead+"fallback_examples: [\"好的\", \"🙏\"]\nrules:\n  - id: a\n    keywords: [发货]\n    reply: 好\n"), YAML, "x")
	require.NoError(t, err)
	_, _, err = New(rs)
	assert.ErrorContains(t, err, "fallback example 2 is empty")

	rs, err = Load(strings.NewReader(okHead+`fallback_examples: [今天天气怎么样]
rules:
  - id: a
    keywords: [发货]
    examples: [啥时候寄, 今天天气怎么样]
    reply: 好
  - id: b
    keywords: [退款]
    examples: [啥时候寄]
    reply: 好
`), YAML, "x")
	require.NoError(t, err)
	_, ws, err := New(rs)
	require.NoError(t, err)
	var msgs []string
	for _, w := range ws {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	assert.Contains(t, all, `example "今天天气怎么样" is also a fallback example`)
	assert.Contains(t, all, `example "啥时候寄" is also an example of rule a`)
}

// TestExceptBarsExamples: a rule whose keywords matched only within its
// exceptions is not answered by its examples either.
func TestExceptBarsExamples(t *testing.T) {
	rules := okHead + `rules:
  - id: damaged
    keywords: [坏了]
    except: [高兴坏了]
    examples: [杯子坏了怎么办, 收到就坏了怎么处理]
    reply: 亲，请拍照给我们看看。
  - id: ship
    keywords: [发货]
    examples: [什么时候能寄出呀, 几天能到呀, 今天能发吗]
    reply: 亲，48小时内发货。
`
	e := mustLoad(t, rules, WithoutDefaultSynonyms())
	a := e.Reply("杯子高兴坏了怎么办")
	assert.True(t, a.Fallback, "an exception, and an example near it: %s", a.Trace())
	a = e.Reply("收到就碎了怎么办")
	assert.Equal(t, "damaged", a.Rule, "no keyword, an example near it: %s", a.Trace())
}

func TestExceptWarnings(t *testing.T) {
	rs, err := Load(strings.NewReader(okHead+`synonyms: [[发货, 寄出]]
rules:
  - id: a
    keywords: [发货]
    except: [开发货单, 寄出去的信, 发票, 发货, 货单号]
    reply: 好
`), YAML, "x")
	require.NoError(t, err)
	_, ws, err := New(rs, WithoutDefaultSynonyms())
	require.NoError(t, err)
	var msgs []string
	for _, w := range ws {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	assert.Contains(t, all, `except "发票" cannot overlap any of the rule's keywords`)
	assert.NotContains(t, all, `"货单号"`, "an exception that overlaps the keyword")
	assert.Contains(t, all, `except "发货" is one of the rule's own keyword forms`)
	assert.NotContains(t, all, `"开发货单"`, "an exception that holds the keyword")
	assert.NotContains(t, all, `"寄出去的信"`, "an exception that holds a synonym of the keyword")
}

func TestWithoutClauses(t *testing.T) {
	for _, c := range []struct {
		msg  string
		at   []int // byte offsets of unasked keywords
		want string
	}{
		{"不是催发货哈，想问寄到杭州一般几天", []int{6}, "想问寄到杭州一般几天"},
		{"发票不要了 运费谁出 几天到", []int{0}, "运费谁出，几天到"},
		{"发票不要了", []int{0}, ""},
		{"a,b,,c", []int{2}, "a，c"},
		{"赠品不要了！发票也不要了", []int{0, 18}, ""},
	} {
		var un []unaskedMatch
		for _, at := range c.at {
			un = append(un, unaskedMatch{start: at})
		}
		assert.Equal(t, c.want, withoutClauses(c.msg, un), "withoutClauses(%q, %v)", c.msg, c.at)
	}
}
