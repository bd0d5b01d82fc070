package compliance_test

import (
	"strings"
	"testing"

	"github.com/kefu-go/kefu/compliance"
)

// reply50 is a 50-character reply with a rewrite, a drop and an allowed
// compound.
const reply50 = "亲，这款是我们店最好的纯棉面料，穿着透气又舒服，您第一次购买的话最快明天发货，库存不多了，手慢无哦！"

func BenchmarkClean(b *testing.B) {
	f := compliance.MustNew()
	for _, bc := range []struct {
		name string
		text string
	}{
		{"reply50", reply50},
		{"clean50", "亲，这款面料很舒服，您下单后我们会尽快为您安排好发货，有问题可以随时联系我们客服哦，祝您生活愉快！"},
		{"reply5k", strings.Repeat(reply50, 100)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.text)))
			b.ResetTimer()
			for b.Loop() {
				f.Clean(bc.text)
			}
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	f := compliance.MustNew()
	b.ReportAllocs()
	b.SetBytes(int64(len(reply50)))
	for b.Loop() {
		f.Check(reply50)
	}
}

func BenchmarkMask(b *testing.B) {
	text := "手机13812345678，身份证11010519491231002X，卡号6222021234567890128，验证码123456"
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		compliance.Mask(text)
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		compliance.MustNew()
	}
}
