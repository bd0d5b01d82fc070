package similar

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// refScores takes Nearest's own steps (query, visit, tailBound, dotTail)
// but never prunes a touched example: the score each touched example gets
// at this floor.
func refScores(x *Index, text string, floor float64) map[int32]float64 {
	m, _ := refScoresBounds(x, text, floor)
	return m
}

// refScoresBounds is refScores with each touched example's tail bound.
func refScoresBounds(x *Index, text string, floor float64) (map[int32]float64, map[int32]float64) {
	sc := &scratch{acc: make([]float32, len(x.labels)), qw: make([]float32, len(x.idf))}
	low := floor - slack
	_, qn := x.query(sc, text)
	if len(sc.q) == 0 {
		return nil, nil
	}
	tail, tailNorm := x.visit(sc, low-boundSlack, qn, floor > 0)
	out := map[int32]float64{}
	bounds := map[int32]float64{}
	for _, e := range sc.touched {
		if len(tail) > 0 {
			from, _ := slices.BinarySearch(x.fid[x.vec[e]:x.vec[e+1]], tail[0])
			if from += int(x.vec[e]); from < int(x.vec[e+1]) {
				bounds[e] = x.tailBound(e, from, sc.acc[e], tailNorm, qn)
			}
		}
		dot := sc.acc[e] + x.dotTail(int(x.vec[e]), int(x.vec[e+1]), sc.qw)
		s := float64(dot) / (qn * float64(x.norm[e]))
		if s > 1 {
			s = 1
		}
		out[e] = s
	}
	return out, bounds
}

// randomText returns a short text over a few characters, with repeats,
// so that random texts share features with examples.
func randomText(rng *rand.Rand) string {
	alphabet := []rune("发货退款地址快递几天什么时候吗的了我帮把订单撤晚上点还有人客服下班面膜敷次一二三四五六七八九十")
	r := make([]rune, 2+rng.IntN(14))
	for i := range r {
		r[i] = alphabet[rng.IntN(len(alphabet))]
		if i > 0 && rng.IntN(3) == 0 {
			r[i] = r[i-1]
		}
	}
	return string(r)
}

// randomIndex indexes 300 random texts, each its own label.
func randomIndex(rng *rand.Rand) (*Index, []Example) {
	exs := make([]Example, 300)
	for i := range exs {
		exs[i] = Example{randomText(rng), i}
	}
	return New(exs), exs
}

// TestBoundSlack checks that the suffix bound falls below the score it
// bounds, by rounding, by less than boundSlack.
func TestBoundSlack(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	text := func() string { return randomText(rng) }
	x, _ := randomIndex(rng)
	worst, below := 0.0, 0
	for range 3000 {
		q := text()
		for _, floor := range []float64{0.2, 0.4, 0.6} {
			s, b := refScoresBounds(x, q, floor)
			for e, bound := range b {
				if s[e] > bound && s[e] < 1 {
					below++
					worst = max(worst, s[e]-bound)
				}
			}
		}
	}
	assert.Less(t, worst, boundSlack, "the suffix bound is below the score it bounds %d times", below)
}

// TestNearestKeepsTheEdge: at a floor whose low end (floor-slack)
// equals an example's score as Nearest's own arithmetic computes it, the
// example must be kept (s >= low); the suffix bound must never be below
// the score it bounds.
func TestNearestKeepsTheEdge(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	text := func() string { return randomText(rng) }
	x, exs := randomIndex(rng)
	fails := 0
	for i := 0; i < 3000 && fails < 5; i++ {
		q := exs[rng.IntN(len(exs))].Text
		if i%2 == 0 {
			q = text()
		}
		base := refScores(x, q, 0.3)
		for e, s := range base {
			if s <= 0 {
				continue
			}
			// A floor whose low end is s, or just below.
			f := s + slack
			for f-slack > s {
				f = math.Nextafter(f, 0)
			}
			ref := refScores(x, q, f)
			rs, ok := ref[e]
			if f > 1 {
				continue // keep to floors a caller would pass
			}
			if !ok || rs < f-slack {
				continue // the cut moved: another score
			}
			// Is e among the top 2 of ref at this floor?
			rank := 0
			for e2, s2 := range ref {
				if e2 != e && s2 >= f-slack && less(Neighbour{Example: int(e), Score: rs}, Neighbour{Example: int(e2), Score: s2}) {
					rank++
				}
			}
			if rank >= 2 {
				continue
			}
			got, _ := x.Nearest(q, f)
			found := false
			for _, nb := range got {
				if nb.Example == int(e) {
					found = true
				}
			}
			if !assert.True(t, found, "Nearest(%q, %.17g) drops example %d (%q) scoring %.17g >= floor-slack %.17g; got %v", q, f, e, exs[e].Text, rs, f-slack, got) {
				fails++
			}
		}
	}
}
