package similar

import (
	"cmp"
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
		got, _ := x.Nearest(ex.Text, 1)
		require.NotEmpty(t, got, "example %q against itself", ex.Text)
		assert.Equal(t, i, got[0].Example, "example %q against itself", ex.Text)
		assert.InDelta(t, 1, got[0].Score, 1e-6, "example %q against itself", ex.Text)
	}
}

// bruteScores scores every example by the definition, in float64 and
// without the index's numbers: cosine of tf-idf vectors over characters
// and pairs, idf log((n+1)/(df+1)) but at least minIDF, common features
// (in more than max(minCommon, n/commonShare) examples) left out, and a
// feature of text in no example weighing log(n+1).
func bruteScores(exs []Example, text string) []float64 {
	var t normalize.Text
	vecs := make([]map[feature]float64, len(exs))
	df := map[feature]int{}
	for i, ex := range exs {
		fs, _ := features(nil, &t, ex.Text)
		vecs[i] = map[feature]float64{}
		for _, f := range fs {
			vecs[i][f]++
		}
		for f := range vecs[i] {
			df[f]++
		}
	}
	n := float64(len(exs))
	limit := max(minCommon, len(exs)/commonShare)
	weight := func(f feature, tf float64) float64 {
		d, ok := df[f]
		switch {
		case !ok:
			return tf * max(math.Log((n+1)/2), minIDF) // as one in a single example
		case d > limit:
			return 0
		}
		return tf * max(math.Log((n+1)/float64(d+1)), minIDF)
	}
	norm := func(v map[feature]float64) float64 {
		var sq float64
		for f, tf := range v {
			sq += math.Pow(weight(f, tf), 2)
		}
		return math.Sqrt(sq)
	}
	fs, _ := features(nil, &t, text)
	q := map[feature]float64{}
	for _, f := range fs {
		q[f]++
	}
	qn := norm(q)
	out := make([]float64, len(exs))
	for i, v := range vecs {
		var dot float64
		for f, tf := range q {
			if _, ok := df[f]; ok {
				dot += weight(f, tf) * weight(f, v[f])
			}
		}
		if dot > 0 {
			out[i] = dot / (qn * norm(v))
		}
	}
	return out
}

// TestNearestOracle checks the pruned lookup against scoring every
// example by the definition, on random texts over a small alphabet with
// repeats, so that texts share much, characters are not all common, and
// some texts are an example or one character more.
func TestNearestOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []rune("发货退款地址快递几天什么时候吗的了我帮把订单撤晚上点还有人客服下班面膜敷次一二三四五六七八九十")
	text := func() string {
		r := make([]rune, 2+rng.IntN(14))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
			if i > 0 && rng.IntN(3) == 0 {
				r[i] = r[i-1]
			}
		}
		if rng.IntN(5) == 0 {
			r[rng.IntN(len(r))] = ' '
		}
		return string(r)
	}
	exs := make([]Example, 400)
	for i := range exs {
		exs[i] = Example{text(), rng.IntN(5) - 1}
	}
	x := New(exs)
	const eps = 1e-4 // float32 sums against float64
	for i := range 1500 {
		q := text()
		if i%3 == 0 {
			q = exs[rng.IntN(len(exs))].Text
			if i%2 == 0 {
				q += string(alphabet[rng.IntN(len(alphabet))])
			}
		}
		floor := []float64{0, 0.2, 0.5, 0.8, 0.95, 1}[i%6]
		want := bruteScores(exs, q)
		order := make([]int, len(want))
		for k := range order {
			order[k] = k
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(want[b], want[a]) })
		got, _ := x.Nearest(q, floor)
		for k := 0; k < 2; k++ {
			best := want[order[k]]
			switch {
			case best >= floor+eps && best > 0:
				require.Greater(t, len(got), k, "neighbour %d of %q (floor %.2f): want score %.4f", k, q, floor, best)
				assert.InDelta(t, best, got[k].Score, eps, "score %d of %q (floor %.2f)", k, q, floor)
				assert.InDelta(t, want[got[k].Example], got[k].Score, eps, "score of example %d for %q", got[k].Example, q)
			case best < floor-eps || best == 0:
				assert.LessOrEqual(t, len(got), k, "neighbour %d of %q (floor %.2f): want none, best %.4f", k, q, floor, best)
			}
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

func TestSmallIndex(t *testing.T) {
	x := New([]Example{{"帮我把订单撤了", 1}})
	got, _ := x.Nearest("帮我把订单撤了", 1)
	require.Len(t, got, 1, "one example: every feature is in every example, yet it matches itself")
	two := New([]Example{{"帮我把订单撤了", 1}, {"帮我把订单撤了吧", 2}})
	got, _ = two.Nearest("帮我把订单撤了", 0.5)
	require.NotEmpty(t, got)
	assert.Equal(t, 0, got[0].Example, "the identical example first")
}

// TestFewExamples: a shop with a handful of examples still matches a
// message that lacks a character or a pair of theirs.
func TestFewExamples(t *testing.T) {
	for _, exs := range [][]Example{
		{{"帮我把订单撤了", 1}},
		{{"帮我把订单撤了", 1}, {"晚上十点还有人不", 2}, {"客服几点下班呀", 2}},
	} {
		got, _ := New(exs).Nearest("帮我把单撤了", 0.5)
		if assert.NotEmpty(t, got, "帮我把单撤了 among %d examples", len(exs)) {
			assert.Equal(t, 0, got[0].Example, "帮我把单撤了 among %d examples", len(exs))
		}
	}
}

func TestNaNFloor(t *testing.T) {
	got, _ := New(shop).Nearest("帮我把单撤了", math.NaN())
	assert.Empty(t, got, "no score is NaN or more")
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
		f.Add(ex.Text, 1.0) // itself, scored in float32: may round below 1
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
			// Nearest documents that a score within slack below the floor
			// counts as the floor.
			require.True(t, nb.Score > 0 && nb.Score <= 1 && nb.Score >= min-slack, "score %v of %q at floor %v", nb.Score, text, min)
			if i > 0 {
				require.False(t, less(got[i-1], nb), "order of %q's neighbours", text)
			}
		}
		again, _ := x.Nearest(text, min)
		require.Equal(t, got, again, "Nearest(%q) is deterministic", text)
	})
}

func TestSortSmall(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 21, 64, 65, 300} {
		s := make([]int32, n)
		for i := range s {
			s[i] = r.Int32N(50)
		}
		want := slices.Clone(s)
		slices.Sort(want)
		sortSmall(s)
		assert.Equal(t, want, s, "sortSmall of %d numbers", n)
	}
}
