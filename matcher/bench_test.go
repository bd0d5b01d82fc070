package matcher

import (
	"testing"

	"github.com/kefu-go/kefu/matcher/segment"
)

var benchPatterns = []Pattern{
	{Text: "发货", ID: 1}, {Text: "寄出", ID: 2}, {Text: "现货", ID: 3}, {Text: "退货", ID: 4},
	{Text: "运费", ID: 5}, {Text: "什么时候发", ID: 6}, {Text: "发票", ID: 7}, {Text: "保修", ID: 8},
}

// BenchmarkFindAll measures a short message with and without a hit, next
// to one segmentation of the same message (the cost a hit must stay near).
func BenchmarkFindAll(b *testing.B) {
	m := MustNew(benchPatterns)
	seg, _ := segment.Default()
	for _, bc := range []struct{ name, msg string }{
		{"hit", "亲，什么时候发货呀，我想买两件"},
		{"miss", "亲，这件衣服是纯棉的吗我想买两件"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.msg)))
			for b.Loop() {
				m.FindAll(bc.msg)
			}
		})
		b.Run(bc.name+"/segment-baseline", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.msg)))
			for b.Loop() {
				seg.Cut(bc.msg)
			}
		})
	}
}
