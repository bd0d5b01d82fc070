package similar_test

import (
	"fmt"

	"github.com/kefu-go/kefu/matcher/similar"
)

func ExampleIndex_Nearest() {
	x := similar.New([]similar.Example{
		{Text: "帮我把订单撤了", Label: 1},
		{Text: "晚上十点还有人不", Label: 2},
		{Text: "今天天气怎么样", Label: -1},
	})
	for _, msg := range []string{"帮我把单撤了", "晚上几点还有人", "退货地址发我"} {
		nb, _ := x.Nearest(msg, 0.4)
		if len(nb) == 0 {
			fmt.Printf("%s: nothing near\n", msg)
			continue
		}
		fmt.Printf("%s: label %d, %.2f\n", msg, nb[0].Label, nb[0].Score)
	}
	// Output:
	// 帮我把单撤了: label 1, 0.84
	// 晚上几点还有人: label 2, 0.72
	// 退货地址发我: nothing near
}
