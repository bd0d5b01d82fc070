package benchmarks

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/go-ego/gse"

	"github.com/kefu-go/kefu/matcher"
	"github.com/kefu-go/kefu/matcher/segment"
)

// heapScales are the pattern counts of BenchmarkBuild: the first N distinct
// surface forms of keywords_10000.tsv (the starter's 553, then generated
// words).
var heapScales = []int{1000, 5000, 10000}

// benchBuild times build and reports, as heap-B, the heap that the first
// result of each round keeps alive: HeapAlloc after a full collection, with
// and without it, measured outside the timed loop.
func benchBuild(b *testing.B, build func() any) {
	b.ReportAllocs()
	b.ResetTimer()
	var (
		v    any
		heap int64
	)
	for i := 0; i < b.N; i++ {
		if i == 0 {
			b.StopTimer()
			before := heapAlloc()
			b.StartTimer()
			v = build()
			b.StopTimer()
			heap = int64(heapAlloc()) - int64(before)
			b.StartTimer()
			continue
		}
		v = build()
	}
	b.StopTimer()
	runtime.KeepAlive(v)
	b.ReportMetric(float64(heap), "heap-B")
}

// BenchmarkBuild builds kefu's matcher, raw cloudflare/ahocorasick and the
// other Go automata for the same surface forms. kefu's heap-B excludes the
// default segmenter, built once per process and shared by every matcher
// (BenchmarkColdStart reports it).
func BenchmarkBuild(b *testing.B) {
	if _, err := segment.Default(); err != nil {
		b.Fatal(err)
	}
	all := loadRules(b, 10000).forms
	for _, n := range heapScales {
		forms := all[:n]
		pats := make([]matcher.Pattern, n)
		for i, f := range forms {
			pats[i] = matcher.Pattern{Text: f, ID: i}
		}
		rs := &ruleSet{forms: forms}
		impls := []struct {
			name  string
			build func() any
		}{
			{"kefu", func() any {
				m, err := matcher.New(pats)
				if err != nil {
					b.Fatal(err)
				}
				return m
			}},
			{"cloudflare", func() any { return buildCloudflare(b, rs) }},
			{"coregx", func() any { return buildCoregx(b, rs) }},
			{"petar", func() any { return buildPetar(b, rs) }},
			{"anknown", func() any { return buildAnknown(b, rs) }},
		}
		for _, im := range impls {
			b.Run(fmt.Sprintf("patterns=%d/impl=%s", n, im.name), func(b *testing.B) {
				benchBuild(b, im.build)
			})
		}
	}
}

// BenchmarkColdStart loads a segmenter: kefu's embedded compact dictionary
// (segment.NewGse, what the default matcher needs), against gse's full
// dictionary as gse loads it by default (LoadDict: s_1.txt and t_1.txt from
// its module directory, plus its HMM model), and its simplified half alone.
func BenchmarkColdStart(b *testing.B) {
	impls := []struct {
		name  string
		build func() any
	}{
		{"kefu-embedded", func() any {
			g, err := segment.NewGse()
			if err != nil {
				b.Fatal(err)
			}
			return g
		}},
		{"gse-full", func() any {
			s := &gse.Segmenter{SkipLog: true}
			if err := s.LoadDict(); err != nil {
				b.Fatal(err)
			}
			return s
		}},
		{"gse-simplified", func() any {
			s := &gse.Segmenter{SkipLog: true}
			if err := s.LoadDict("zh_s"); err != nil {
				b.Fatal(err)
			}
			return s
		}},
	}
	for _, im := range impls {
		b.Run("impl="+im.name, func(b *testing.B) { benchBuild(b, im.build) })
	}
}
