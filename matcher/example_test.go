package matcher_test

import (
	"fmt"

	"github.com/kefu-go/kefu/matcher"
)

func Example() {
	m, err := matcher.New([]matcher.Pattern{
		{Text: "发货", ID: 1},
		{Text: "现货", ID: 2},
		{Text: "发票", ID: 3},
	})
	if err != nil {
		panic(err)
	}
	for _, msg := range []string{"亲，什么时候發 货呀", "我发现货不对", "可以开发票吗"} {
		for _, match := range m.FindAll(msg) {
			fmt.Printf("%s: pattern %d %q %s\n", msg, match.ID, msg[match.Start:match.End], match.Boundary)
		}
	}
	// Output:
	// 亲，什么时候發 货呀: pattern 1 "發 货" whole
	// 可以开发票吗: pattern 3 "发票" in-word
}

func ExampleMatcher_FindAll() {
	m := matcher.MustNew([]matcher.Pattern{
		{Text: "退货", ID: 1},
		{Text: "运费", ID: 2},
		{Text: "退货运费", ID: 3},
	})
	msg := "退貨運費誰出"
	for _, match := range m.FindAll(msg) {
		fmt.Println(match.ID, msg[match.Start:match.End])
	}
	// Output:
	// 3 退貨運費
	// 1 退貨
	// 2 運費
}

// AppendAll reuses one buffer of matches for a stream of messages.
func ExampleMatcher_AppendAll() {
	m := matcher.MustNew([]matcher.Pattern{{Text: "发货", ID: 1}, {Text: "退款", ID: 2}})
	var buf []matcher.Match
	for _, msg := range []string{"什么时候发货", "退款多久到账", "今天天气真好"} {
		buf = m.AppendAll(buf[:0], msg)
		fmt.Println(msg, len(buf))
	}
	// Output:
	// 什么时候发货 1
	// 退款多久到账 1
	// 今天天气真好 0
}

func ExampleMatcher_FindLeftmostLongest() {
	m := matcher.MustNew([]matcher.Pattern{
		{Text: "最好", ID: 1, Substring: true},
		{Text: "最好不", ID: 2, Substring: true},
	})
	msg := "你最好不要买"
	for _, match := range m.FindLeftmostLongest(msg) {
		fmt.Println(match.ID, msg[match.Start:match.End])
	}
	// Output: 2 最好不
}

func ExampleWithCrossing() {
	m := matcher.MustNew([]matcher.Pattern{{Text: "和服", ID: 1}}, matcher.WithCrossing())
	msg := "我和服务员说过了"
	for _, match := range m.FindAll(msg) {
		fmt.Println(msg[match.Start:match.End], match.Boundary)
	}
	// Output: 和服 crossing
}
