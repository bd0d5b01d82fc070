package synonyms_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/kefu-go/kefu/synonyms"
)

func ExampleNew() {
	th, err := synonyms.New([]synonyms.Group{
		{Words: []string{"发货", "寄出", "发出"}},
		{From: []string{"木有", "莫有"}, Words: []string{"没有"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(th.Expand("發貨")) // compared normalised
	fmt.Println(th.Expand("没有")) // the words that stand for 没有
	fmt.Println(th.Expand("木有")) // one-way: 没有 does not stand for 木有
	fmt.Println(th.Means("木有"))
	// Output:
	// [發貨 寄出 发出]
	// [没有 木有 莫有]
	// [木有]
	// [木有 没有]
}

func ExampleLoad() {
	src := `# Solr / Elasticsearch synonyms
发货, 寄出, 发出
木有, 莫有 => 没有
`
	th, err := synonyms.Load(strings.NewReader(src), synonyms.Solr)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range th.Groups() {
		fmt.Println(g.Canonical(), g.Forms(), g.OneWay())
	}
	// Output:
	// 发货 [发货 寄出 发出] false
	// 没有 [没有 木有 莫有] true
}

func ExampleLoad_error() {
	src := "发货 寄出\n退货\n"
	_, err := synonyms.Load(strings.NewReader(src), synonyms.Plain, synonyms.WithName("shop.txt"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, synonyms.ErrTooFewWords))
	// Output:
	// synonyms: shop.txt:2:1: a group needs at least two different words: "退货"
	// true
}

func ExampleLoad_cilin() {
	// 同义词词林扩展版 is usually distributed in GBK: decode it on the way in.
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("Bh06A32= 番茄 西红柿\nAd02B05# 白人 白种人 黑人\nBo21A05@ 摩托车\n")
	r := simplifiedchinese.GBK.NewDecoder().Reader(strings.NewReader(gbk))
	th, err := synonyms.Load(r, synonyms.Cilin)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(th.Len(), th.Groups()[0]) // only "=" lines are groups
	// Output: 1 番茄, 西红柿
}

func ExampleLoad_yaml() {
	src := `
- [发货, 寄出, 发出]
- {from: [木有, 莫有], to: 没有}
`
	th, err := synonyms.Load(strings.NewReader(src), synonyms.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(th.Groups())
	// Output: [发货, 寄出, 发出 木有, 莫有 => 没有]
}

func ExampleDefault() {
	th, err := synonyms.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(th.Expand("什么"))
	fmt.Println(th.Canonical("木有"))
	fmt.Println(th.Expand("退货"))
	// Output:
	// [什么 啥 啥子 神马]
	// 没有 true
	// [退货 退掉 退东西 退件]
}

func ExampleThesaurus_Merge() {
	def, err := synonyms.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	// In this shop 出库 means leaving the warehouse, not shipping.
	mine, err := synonyms.Load(bytes.NewReader([]byte("出库 出仓\n")), synonyms.Plain)
	if err != nil {
		fmt.Println(err)
		return
	}
	th := def.Merge(mine)
	fmt.Println(th.Expand("发货"))
	fmt.Println(th.Expand("出库"))
	// Output:
	// [发货 寄出 发出 发走]
	// [出库 出仓]
}

func ExampleThesaurus_ExpandPhrase() {
	th, err := synonyms.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := th.ExpandPhrase("什么快递")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Variants, e.Truncated)

	small, err := synonyms.Default(synonyms.WithMaxVariants(3))
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err = small.ExpandPhrase("什么快递")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Variants, e.Truncated)
	// Output:
	// [什么快递 啥快递 啥子快递 神马快递 什么物流 啥物流 啥子物流 神马物流] false
	// [什么快递 啥快递 啥子快递] true
}
