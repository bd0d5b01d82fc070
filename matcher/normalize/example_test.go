package normalize_test

import (
	"fmt"

	"github.com/kefu-go/kefu/matcher/normalize"
)

func ExampleString() {
	fmt.Println(normalize.String("亲，發 货了嗎？？"))
	fmt.Println(normalize.String("ＦＡ*货🙏"))
	// Output:
	// 亲,发货了吗
	// fa货
}

func ExampleText() {
	in := "什么时候發*貨"
	var t normalize.Text
	t.Reset(in)
	start, end := t.Span(4, 6) // the normalised runes 发货
	fmt.Println(t.String(), in[start:end])
	// Output: 什么时候发货 發*貨
}
