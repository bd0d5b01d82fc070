package pinyin_test

import (
	"fmt"

	"github.com/kefu-go/kefu/matcher/pinyin"
)

func ExampleReadings() {
	fmt.Println(pinyin.Readings('货'), pinyin.Readings('地'), pinyin.Readings('绿'))
	fmt.Println(pinyin.Readings('a') == nil)
	// Output:
	// [huo] [di de] [lv lu]
	// true
}

func ExampleVariants() {
	fmt.Println(pinyin.Variants("地址"))
	fmt.Println(pinyin.Variants("退货"))
	// Output:
	// [di址 de址 地zhi]
	// [tui货 退huo]
}
