package reply_test

import (
	"fmt"
	"strings"

	"github.com/kefu-go/kefu/reply"
)

func Example() {
	engine, _, err := reply.New(reply.Starter(), reply.WithVariables(map[string]string{"shop_name": "小熊家"}))
	if err != nil {
		panic(err)
	}
	for _, msg := range []string{"亲，什么时候发货呀", "發貨了嗎", "我发现货不对"} {
		a := engine.Reply(msg)
		fmt.Printf("%s -> %s (fallback %v)\n", msg, a.Rule, a.Fallback)
	}
	// Output:
	// 亲，什么时候发货呀 -> ship_time (fallback false)
	// 發貨了嗎 -> ship_time (fallback false)
	// 我发现货不对 -> wrong_item (fallback false)
}

func ExampleLoad() {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: ship_time
    category: 物流
    keywords: [发货]
    reply: "亲，48小时内发货。"
`
	rs, err := reply.Load(strings.NewReader(rules), reply.YAML, "rules.yaml")
	if err != nil {
		panic(err)
	}
	engine, _, err := reply.New(rs)
	if err != nil {
		panic(err)
	}
	fmt.Println(engine.Reply("啥时候寄出").Text)
	fmt.Println(engine.Reply("今天天气真好").Text)
	// Output:
	// 亲，48小时内发货。
	// 亲，稍后人工客服为您解答。
}

func ExampleHolder() {
	engine, _, _ := reply.New(reply.Starter())
	h := reply.NewHolder(engine)
	// A broken rule set is rejected and the old one keeps serving.
	_, err := h.Reload(&reply.RuleSet{Version: 1})
	fmt.Println(err != nil, h.Reply("什么时候发货").Rule)
	// Output: true ship_time
}

func ExampleConversation() {
	engine, _, _ := reply.New(reply.Starter())
	c := reply.NewConversation(engine, reply.WithHandoffAfter(2))
	c.Reply("今天天气真好")
	c.Reply("讲个笑话")
	if h := c.HandedOff(); h != nil {
		fmt.Println(h.Trigger, len(h.Transcript), len(h.Unanswered))
	}
	// Output: fallbacks in a row 2 2
}

// A keyword right after a negation does not count; WithNegations sets the
// negations.
func ExampleWithNegations() {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: invoice
    category: 售前
    keywords: [发票]
    reply: "亲，可以开电子发票。"
`
	rs, err := reply.Load(strings.NewReader(rules), reply.YAML, "rules.yaml")
	if err != nil {
		panic(err)
	}
	defaults, _, _ := reply.New(rs)
	none, _, _ := reply.New(rs, reply.WithNegations())
	for _, msg := range []string{"能开发票吗", "不用发票，快点发货"} {
		fmt.Printf("%s: %q %q\n", msg, defaults.Reply(msg).Rule, none.Reply(msg).Rule)
	}
	// Output:
	// 能开发票吗: "invoice" "invoice"
	// 不用发票，快点发货: "" "invoice"
}

func ExampleWithDismissals() {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: delivery_time
    category: 物流
    keywords: [几天到]
    reply: "亲，一般3到5天送达。"
  - id: freight
    category: 物流
    keywords: [包邮]
    reply: "亲，全场包邮。"
`
	rs, err := reply.Load(strings.NewReader(rules), reply.YAML, "rules.yaml")
	if err != nil {
		panic(err)
	}
	defaults, _, _ := reply.New(rs)
	none, _, _ := reply.New(rs, reply.WithDismissals())
	for _, msg := range []string{"几天到？", "几天到无所谓，包邮吗"} {
		fmt.Printf("%s: %q %q\n", msg, defaults.Reply(msg).Rule, none.Reply(msg).Rule)
	}
	// Output:
	// 几天到？: "delivery_time" "delivery_time"
	// 几天到无所谓，包邮吗: "freight" "delivery_time"
}

func ExampleWithoutSmallTalk() {
	e, _, _ := reply.New(reply.Starter())
	off, _, _ := reply.New(reply.Starter(), reply.WithoutSmallTalk())
	for _, msg := range []string{"我老公就是送快递的 天天累得要死", "我老公的快递还没到"} {
		a, b := e.Reply(msg), off.Reply(msg)
		fmt.Printf("%s: %s %q, without the check %q\n", msg, a.Reason, a.Rule, b.Rule)
	}
	// Output:
	// 我老公就是送快递的 天天累得要死: small-talk "", without the check "logistics_tracking"
	// 我老公的快递还没到: answered "logistics_stuck", without the check "logistics_stuck"
}

func ExampleWithSimilarity() {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
fallback_examples: [今天天气怎么样, 你是机器人吗]
rules:
  - id: cancel_order
    category: 售后
    keywords: [取消订单]
    examples: [帮我把订单撤了, 这单不要了帮我撤掉]
    reply: "亲，未发货的订单可以直接申请取消哦。"
`
	rs, err := reply.Load(strings.NewReader(rules), reply.YAML, "rules.yaml")
	if err != nil {
		panic(err)
	}
	defaults, _, _ := reply.New(rs)
	off, _, _ := reply.New(rs, reply.WithSimilarity(0))
	for _, msg := range []string{"帮我把单撤了", "今天天气好吗"} {
		a := defaults.Reply(msg)
		fmt.Printf("%s: %q %q\n", msg, a.Rule, off.Reply(msg).Rule)
		if a.Similar != nil {
			fmt.Printf("  like %s (%.2f)\n", a.Similar.Example, a.Similar.Score)
		}
	}
	// Output:
	// 帮我把单撤了: "cancel_order" ""
	//   like 帮我把订单撤了 (0.75)
	// 今天天气好吗: "" ""
}

// A rule's except words name the senses of its keywords that are not its
// own: a match that overlaps one does not count, and vetoes nothing else.
func ExampleRule_except() {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: damaged
    category: 售后
    keywords: [坏了, 碎了]
    except: [高兴坏了, 乐坏了]
    reply: "亲，麻烦拍下破损处的照片，马上为您处理。"
`
	rs, err := reply.Load(strings.NewReader(rules), reply.YAML, "rules.yaml")
	if err != nil {
		panic(err)
	}
	engine, _, _ := reply.New(rs)
	for _, msg := range []string{"我妈收到高兴坏了", "我妈高兴坏了 打开一看杯子碎了"} {
		fmt.Printf("%s: %q\n", msg, engine.Reply(msg).Rule)
	}
	// Output:
	// 我妈收到高兴坏了: ""
	// 我妈高兴坏了 打开一看杯子碎了: "damaged"
}

func ExampleWithoutPinyin() {
	rules := `
version: 1
default_reply: "亲，稍后人工客服为您解答。"
rules:
  - id: invoice
    category: 售前
    keywords: [开票, 发票]
    reply: "亲，下单时填写抬头即可开票。"
`
	rs, err := reply.Load(strings.NewReader(rules), reply.YAML, "rules.yaml")
	if err != nil {
		panic(err)
	}
	with, _, _ := reply.New(rs, reply.WithoutDefaultSynonyms())
	without, _, _ := reply.New(rs, reply.WithoutDefaultSynonyms(), reply.WithoutPinyin())
	for _, msg := range []string{"能kai票吗", "能开piao吗", "今天kaipiao吗"} {
		a := with.Reply(msg)
		fmt.Printf("%s: %q %q\n", msg, a.Rule, without.Reply(msg).Rule)
		if !a.Fallback {
			fmt.Println("  ", a.Trace())
		}
	}
	// Output:
	// 能kai票吗: "invoice" ""
	//    rule invoice [售前]; keyword "开票" in pinyin at 3-9 whole
	// 能开piao吗: "invoice" ""
	//    rule invoice [售前]; keyword "开票" in pinyin at 3-10 whole
	// 今天kaipiao吗: "" ""
}
