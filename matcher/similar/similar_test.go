package similar

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/kefu-go/kefu/matcher/normalize"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var shop = []Example{
	{"帮我把订单撤了", 1},
	{"订单不想要了 怎么取消", 1},
	{"晚上十点还有人不", 2},
	{"客服几点下班", 2},
	{"这个面膜几天敷一次", 3},
	{"今天天气怎么样", -1},
	{"你是机器人吗", -1},
}

func TestNearest(t *testing.T) {
	x := New(shop)
	require.Equal(t, len(shop), x.Len())
	for _, c := range []struct {
		text  string
		min   float64
		want  []int // example indexes, best first
		runes int
	}{
		{"帮我把单撤了", 0.5, []int{0}, 6},
		{"帮我把订单撤了", 0.5, []int{0}, 7},         // the example itself
		{"帮 我 把 订 单 撤 了 ！", 0.5, []int{0}, 7}, // noise does not count
		{"晚上几点还有人", 0.5, []int{2}, 7},
		{"这个面膜一周敷几次", 0.4, []int{4}, 9},
		{"今天天气好吗", 0.3, []int{5}, 6},
		{"退货地址发我", 0.1, nil, 6}, // shares nothing that is not common
		{"", 0.1, nil, 0},
		{"🙏🙏", 0.1, nil, 0},
	} {
		got, runes := x.Nearest(c.text, c.min)
		var ids []int
		for _, nb := range got {
			ids = append(ids, nb.Example)
			assert.Equal(t, shop[nb.Example].Label, nb.Label, "label of %q's neighbour", c.text)
			assert.GreaterOrEqual(t, nb.Score, c.min, "score of %q's neighbour", c.text)
			assert.LessOrEqual(t, nb.Score, 1.0, "score of %q's neighbour", c.text)
		}
		if len(ids) > len(c.want) {
			ids = ids[:len(c.want)] // the runner-up is not part of the case
		}
		assert.Equal(t, c.want, ids, "nearest examples of %q (min %.1f)", c.text, c.min)
		assert.Equal(t, c.runes, runes, "runes of %q", c.text)
	}
}

func TestNearestSelf(t *testing.T) {
	x := New(shop)
	for i, ex := range shop {
		got, _ := x.Nearest(ex.Text, 0.99)
		require.NotEmpty(t, got, "example %q against itself", ex.Text)
		assert.Equal(t, i, got[0].Example, "example %q against itself", ex.Text)
		assert.InDelta(t, 1, got[0].Score, 1e-6, "example %q against itself", ex.Text)
	}
}

// bruteNearest scores every example by the definition: cosine of tf-idf
// vectors over the features that are not common.
func bruteNearest(x *Index, text string, least float64) []Neighbour {
	var t normalize.Text
	fs, _ := features(nil, &t, text)
	q := map[int32]float64{}
	var qsq float64
	counts(fs, func(f feature, c int) {
		if id := x.ids.get(f); id >= 0 {
			w := float64(float32(c) * x.idf[id])
			q[id] = w
			qsq += w * w
		} else {
			qsq += math.Pow(float64(c)*x.none, 2)
		}
	})
	var out []Neighbour
	for e := range x.labels {
		var dot float64
		for k := x.vec[e]; k < x.vec[e+1]; k++ {
			dot += q[x.fid[k]] * float64(x.fw[k])
		}
		if dot <= 0 {
			continue
		}
		s := dot / (math.Sqrt(qsq) * float64(x.norm[e]))
		if s >= least {
			out = append(out, Neighbour{Example: e, Label: x.labels[e], Score: math.Min(s, 1)})
		}
	}
	slices.SortStableFunc(out, func(a, b Neighbour) int {
		switch {
		case less(b, a):
			return -1
		case less(a, b):
			return 1
		}
		return 0
	})
	return out[:min(2, len(out))]
}

// TestNearestOracle checks the pruned lookup against scoring every
// example, on random texts over a small alphabet so that texts share much.
func TestNearestOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("发货退款地址快递几天什么时候吗的了我")
	text := func() string {
		r := make([]rune, 2+rng.IntN(10))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if rng.IntN(4) == 0 {
			r[rng.IntN(len(r))] = ' '
		}
		return string(r)
	}
	exs := make([]Example, 300)
	for i := range exs {
		exs[i] = Example{text(), rng.IntN(5) - 1}
	}
	x := New(exs)
	for i := 0; i < 2000; i++ {
		q := text()
		m := []float64{0, 0.2, 0.4, 0.5, 0.8}[i%5]
		got, _ := x.Nearest(q, m)
		want := bruteNearest(x, q, m)
		require.Equal(t, len(want), len(got), "neighbours of %q (min %.1f)", q, m)
		for k := range want {
			assert.Equal(t, want[k].Example, got[k].Example, "neighbour %d of %q (min %.1f)", k, q, m)
			assert.InDelta(t, want[k].Score, got[k].Score, 1e-4, "score %d of %q (min %.1f)", k, q, m)
		}
	}
}

func TestCommonFeaturesLeftOut(t *testing.T) {
	exs := make([]Example, 100)
	for i := range exs {
		exs[i] = Example{string(rune('一'+i)) + "吗", i}
	}
	x := New(exs)
	id := x.ids.get(feature(uint64('吗')<<32 | lone))
	require.GreaterOrEqual(t, id, int32(0))
	assert.Zero(t, x.idf[id], "吗 is in every example: common")
	assert.Equal(t, x.off[id], x.off[id+1], "a common feature has no postings")
	got, _ := x.Nearest("吗吗吗", 0.01)
	assert.Empty(t, got, "a text of common features resembles nothing")
}

func TestEmpty(t *testing.T) {
	x := New(nil)
	assert.Zero(t, x.Len())
	got, runes := x.Nearest("帮我把单撤了", 0.5)
	assert.Empty(t, got)
	assert.Equal(t, 6, runes)
}

func FuzzNearest(f *testing.F) {
	for _, ex := range shop {
		f.Add(ex.Text, 0.5)
	}
	f.Add("\xff\xfe 发货", 0.0)
	f.Add("", -1.0)
	x := New(shop)
	f.Fuzz(func(t *testing.T, text string, min float64) {
		if math.IsNaN(min) {
			return
		}
		got, runes := x.Nearest(text, min)
		require.LessOrEqual(t, len(got), 2)
		require.GreaterOrEqual(t, runes, 0)
		for i, nb := range got {
			require.True(t, nb.Score > 0 && nb.Score <= 1 && nb.Score >= min, "score %v of %q", nb.Score, text)
			if i > 0 {
				require.False(t, less(got[i-1], nb), "order of %q's neighbours", text)
			}
		}
		again, _ := x.Nearest(text, min)
		require.Equal(t, got, again, "Nearest(%q) is deterministic", text)
	})
}
