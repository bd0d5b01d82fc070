package compliance_test

import (
	"fmt"
	"strings"

	"github.com/kefu-go/kefu/compliance"
)

func ExampleFilter_Clean() {
	f := compliance.MustNew()

	r := f.Clean("亲，这款是全网最便宜的，马上涨价了，快下单吧！")
	fmt.Println(r.Text, r.Blocked)

	r = f.Clean("您第一次购买的话，最快明天发货")
	fmt.Println(r.Text, len(r.Findings))

	r = f.Clean("有问题加微信聊")
	fmt.Println(r.Text, r.Blocked)
	// Output:
	// 亲，这款是实惠的，快下单吧！ false
	// 您第一次购买的话，最快明天发货 0
	// 有问题加微信聊 true
}

func ExampleFilter_Check() {
	f := compliance.MustNew()
	text := "國家級工艺，手机13812345678"
	for _, x := range f.Check(text) {
		fmt.Printf("%s %s %v %q -> %q\n", x.Category, x.Action, x.Confidence == compliance.ConfidenceHigh, text[x.Start:x.End], x.Suggestion)
	}
	// Output:
	// grade rewrite true "國家級" -> "专业级"
	// mobile block true "13812345678" -> ""
}

func ExampleNew() {
	f, err := compliance.New(
		compliance.WithAllowed("最好的朋友"),
		compliance.WithWords(compliance.Entry{Word: "闭眼入", Category: "absolute", Action: compliance.Rewrite, Replacement: "值得入手"}),
		compliance.WithAction(compliance.CategoryMobile, compliance.Flag),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := f.Clean("送给最好的朋友，闭眼入，电话13812345678")
	fmt.Println(r.Text, r.Blocked)
	// Output:
	// 送给最好的朋友，值得入手，电话13812345678 false
}

func ExampleMask() {
	fmt.Println(compliance.Mask("手机13812345678，身份证11010519491231002X"))
	fmt.Println(compliance.Mask("卡号6222021234567890128，验证码：482913"))
	// Output:
	// 手机138****5678，身份证1101**********002X
	// 卡号****0128，验证码：
}

func ExampleValidIDNumber() {
	fmt.Println(compliance.ValidIDNumber("11010519491231002X"))
	fmt.Println(compliance.ValidIDNumber("340524198001010013"))
	// Output:
	// true
	// false
}

func ExampleReadWords() {
	list := "# my shop's words\n闭眼入\tabsolute\trewrite\t值得入手\n秒没\turgency\tdrop\t\n"
	entries, err := compliance.ReadWords(strings.NewReader(list))
	fmt.Println(len(entries), err)

	_, err = compliance.ReadWords(strings.NewReader("闭眼入\tabsolute\trewrite\t\n"))
	fmt.Println(err)
	// Output:
	// 2 <nil>
	// compliance: 1:22: bad replacement: rewrite needs a replacement
}
