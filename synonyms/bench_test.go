package synonyms_test

import (
	"strings"
	"testing"

	"github.com/kefu-go/kefu/synonyms"
)

// go test ./synonyms -run '^$' -bench . -benchmem

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := synonyms.Default(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadPlain(b *testing.B) {
	src := strings.Repeat("发货 寄出 发出 出库\n木有 莫有 => 没有\n", 1000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := synonyms.Load(strings.NewReader(src), synonyms.Plain); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExpand(b *testing.B) {
	th, err := synonyms.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = th.Expand("发货")
	}
}

func BenchmarkExpandPhrase(b *testing.B) {
	th, err := synonyms.Default()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := th.ExpandPhrase("预热"); err != nil { // builds the default segmenter
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := th.ExpandPhrase("我的快递什么时候到"); err != nil {
			b.Fatal(err)
		}
	}
}
