package similar

import (
	"math"
	"math/bits"
	"slices"
	"sort"
	"sync"

	"github.com/kefu-go/kefu/matcher/internal/order"
	"github.com/kefu-go/kefu/matcher/normalize"
)

// An Example is a text and the label of what it asks, chosen by the
// caller (package reply uses rule indexes, and -1 for messages that must
// fall back).
type Example struct {
	Text  string
	Label int
}

// A Neighbour is one example and its similarity to a text.
type Neighbour struct {
	Example int     // index of the example in New's argument
	Label   int     // its label
	Score   float64 // cosine similarity, in (0, 1]
}

// Index holds examples for nearest-neighbour lookups. It is immutable once
// built and safe for concurrent use by multiple goroutines.
type Index struct {
	ids  table     // feature -> its number, the rarest first
	idf  []float32 // by feature number
	none float64   // the weight of a feature in no example (see New)

	// Postings: the examples holding feature f are ex[off[f]:off[f+1]],
	// and how often each holds it is wc[off[f]:off[f+1]]: its weight
	// there is that count times idf[f] (see weight). Counts, not weights,
	// are kept: they take half the room.
	off []int32
	ex  []int32
	wc  []uint16

	// Vectors: example e's features, sorted by number, are
	// fid[vec[e]:vec[e+1]], with counts fc[vec[e]:vec[e+1]].
	vec  []int32
	fid  []int32
	fc   []uint16
	norm []float32 // length of each example's vector
	// suf[i] is the squared length of the rest of a vector from fid[i]
	// on: a bound on what features numbered from fid[i] on can add.
	suf []float32

	labels []int
	pool   sync.Pool // *scratch
}

// A feature is a rune r alone (r<<32 | lone) or two adjacent runes r0, r1
// (r0<<32 | r1).
type feature uint64

const lone = 0xFFFFFFFF

// features appends the features of text to dst, sorted, one entry per
// occurrence, and returns it with the number of runes of text that
// normalisation keeps.
func features(dst []feature, t *normalize.Text, text string) ([]feature, int) {
	n := eachFeature(t, text, func(f feature) { dst = append(dst, f) })
	slices.Sort(dst)
	return dst, n
}

// eachFeature normalises text into t, calls f for each of its features,
// one call per occurrence, and returns the number of runes normalisation
// keeps.
func eachFeature(t *normalize.Text, text string, f func(feature)) int {
	t.Reset(text)
	r := t.Runes
	n := 0
	for i := range r {
		if r[i] == normalize.Separator {
			continue
		}
		n++
		f(feature(uint64(r[i])<<32 | lone))
		if i+1 < len(r) && r[i+1] != normalize.Separator {
			f(feature(uint64(r[i])<<32 | uint64(uint32(r[i+1]))))
		}
	}
	return n
}

// counts calls f for each distinct feature of sorted fs with how often it
// occurs.
func counts(fs []feature, f func(feature, int)) {
	for i := 0; i < len(fs); {
		j := i + 1
		for j < len(fs) && fs[j] == fs[i] {
			j++
		}
		f(fs[i], j-i)
		i = j
	}
}

// New indexes the examples. An example with no character that
// normalisation keeps is never returned.
func New(examples []Example) *Index {
	x := &Index{labels: make([]int, len(examples))}
	var t normalize.Text
	var fs []feature
	df := map[feature]int32{}
	per := make([][]feature, len(examples))
	for i, ex := range examples {
		x.labels[i] = ex.Label
		fs, _ = features(fs[:0], &t, ex.Text)
		per[i] = slices.Clone(fs)
		counts(fs, func(f feature, _ int) { df[f]++ })
	}
	// Number the features from the rarest, so that a text's features
	// sorted by number are sorted by weight, near enough for Nearest.
	ranked := order.ByCount(df, false)
	x.ids = newTable(len(ranked))
	n := float64(len(examples))
	// A feature in no example weighs as one in a single example: it
	// tells no more about which example is nearest. The idf formula would
	// give it log(n+1), and in an index of a few examples, where most
	// known features sit at minIDF, every character the examples happen
	// to lack would swamp the shared ones.
	x.none = max(math.Log((n+1)/2), minIDF)
	x.idf = make([]float32, len(ranked))
	x.off = make([]int32, len(ranked)+1)
	limit := int32(max(minCommon, len(examples)/commonShare))
	for id, f := range ranked {
		x.ids.put(f, int32(id))
		d := df[f]
		x.off[id+1] = x.off[id]
		if d > limit {
			continue
		}
		x.idf[id] = float32(max(math.Log((n+1)/float64(d+1)), minIDF))
		x.off[id+1] += d
	}
	x.ex = make([]int32, x.off[len(ranked)])
	x.wc = make([]uint16, len(x.ex))
	x.vec = make([]int32, 1, len(examples)+1)
	// Each posting is one entry of one vector: sized exactly, not grown.
	x.fid = make([]int32, 0, len(x.ex))
	x.fc = make([]uint16, 0, len(x.ex))
	x.norm = make([]float32, len(examples))
	fill := slices.Clone(x.off[:len(ranked)])
	for i, fs := range per {
		var sq float64
		counts(fs, func(f feature, c int) {
			id := x.ids.get(f)
			if x.idf[id] == 0 {
				return // common: in no vector
			}
			n := uint16(min(c, math.MaxUint16))
			x.ex[fill[id]], x.wc[fill[id]] = int32(i), n
			fill[id]++
			x.fid = append(x.fid, id)
			x.fc = append(x.fc, n)
			w := x.weight(n, id)
			sq += float64(w) * float64(w)
		})
		x.vec = append(x.vec, int32(len(x.fid)))
		x.norm[i] = float32(math.Sqrt(sq))
		v := x.vec[i]
		sort.Sort(byNumber{x.fid[v:], x.fc[v:]})
	}
	x.suf = make([]float32, len(x.fc))
	for e := range examples {
		var sq float64
		for i := x.vec[e+1] - 1; i >= x.vec[e]; i-- {
			w := x.weight(x.fc[i], x.fid[i])
			sq += float64(w) * float64(w)
			x.suf[i] = float32(sq)
		}
	}
	return x
}

// weight returns the weight of feature id in an example that holds it n
// times. A count is capped at 65,535.
func (x *Index) weight(n uint16, id int32) float32 {
	return float32(float32(n) * x.idf[id])
}

// byNumber sorts an example's vector by feature number.
type byNumber struct {
	ids []int32
	cs  []uint16
}

func (v byNumber) Len() int           { return len(v.ids) }
func (v byNumber) Less(i, j int) bool { return v.ids[i] < v.ids[j] }
func (v byNumber) Swap(i, j int) {
	v.ids[i], v.ids[j] = v.ids[j], v.ids[i]
	v.cs[i], v.cs[j] = v.cs[j], v.cs[i]
}

// A table maps features to their numbers: open addressing over a power of
// two of slots, at most half full; key 0 marks an empty slot (no feature
// is 0, since every rune is).
type table struct {
	keys []feature
	vals []int32
}

func newTable(n int) table {
	size := 1 << max(4, bits.Len(uint(2*n)))
	return table{keys: make([]feature, size), vals: make([]int32, size)}
}

func (t *table) slot(f feature) int {
	mask := len(t.keys) - 1
	i := int((uint64(f)*0x9E3779B97F4A7C15)>>32) & mask
	for t.keys[i] != 0 && t.keys[i] != f {
		i = (i + 1) & mask
	}
	return i
}

func (t *table) put(f feature, v int32) {
	i := t.slot(f)
	t.keys[i], t.vals[i] = f, v
}

// get returns the number of f, or -1.
func (t *table) get(f feature) int32 {
	if i := t.slot(f); t.keys[i] == f {
		return t.vals[i]
	}
	return -1
}

// A feature found in more than one example in commonShare, and in more
// than minCommon examples, is common (吗, 的, 什么 in a shop's questions):
// it is left out of every vector. Its idf is low, so it weighs little, and
// its long list of examples would make every lookup touch most of them.
const (
	commonShare = 10
	minCommon   = 8
)

// minIDF is the least weight of a feature that is not common. In a small
// index a feature may be in every example (idf 0), and an index of one
// example would match nothing, not even the example itself; in a large one
// such features are common anyway.
const minIDF = 0.1

// slack allows for rounding in the float32 sums when a score is compared
// with the floor: an example scoring the floor, or 1 against itself, is
// kept.
const slack = 1e-5

// boundSlack allows for rounding in the pruning's bounds, which may fall
// below the score they bound by about 1e-7 when they are tight (a tail of
// one feature that the example holds once).
const boundSlack = 1e-6

// Len returns the number of examples.
func (x *Index) Len() int { return len(x.labels) }

// maxPooledRunes bounds the text whose buffers a lookup keeps for the next.
const maxPooledRunes = 1 << 12

type scratch struct {
	text    normalize.Text
	q       []int32   // numbers of the text's features found in the index
	unknown []feature // the text's features in no example, with repeats
	acc     []float32 // dot product with each example; 0 when untouched
	qw      []float32 // weight in the text of each feature, by number; else 0
	touched []int32
}

// Nearest returns the two examples most similar to text among those that
// score floor or more, best first (fewer when fewer do; equal scores keep
// the examples' order), and the number of characters of text that
// normalisation keeps. Scores are float32 sums: one within 1e-5 below
// floor counts as floor. A NaN floor returns nothing.
//
// A floor above 0 makes the lookup faster: features are visited from the
// rarest, and once the features left could not lift an example that
// shares none of the features seen so far to floor, no new example is
// considered.
func (x *Index) Nearest(text string, floor float64) (nearest []Neighbour, runes int) {
	sc, _ := x.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{acc: make([]float32, len(x.labels)), qw: make([]float32, len(x.idf))}
	}
	defer func() {
		if cap(sc.text.Runes) <= maxPooledRunes {
			x.pool.Put(sc) // a huge text's buffers are left to the collector
		}
	}()
	if math.IsNaN(floor) {
		return nil, 0
	}
	low := floor - slack // what the filter compares with
	// The pruning's bounds are sums of rounded float32 parts, which may
	// fall a little below the score they bound: they are compared with
	// less.
	lowBound := low - boundSlack
	runes, qn := x.query(sc, text)
	defer func() {
		for _, id := range sc.q {
			sc.qw[id] = 0
		}
	}()
	if len(sc.q) == 0 {
		return nil, runes
	}
	tail, tailNorm := x.visit(sc, lowBound, qn, floor > 0)
	var best [2]Neighbour
	n := 0
	for _, e := range sc.touched {
		dot := sc.acc[e]
		sc.acc[e] = 0
		if len(tail) > 0 {
			from, _ := slices.BinarySearch(x.fid[x.vec[e]:x.vec[e+1]], tail[0])
			if from += int(x.vec[e]); from < int(x.vec[e+1]) {
				if x.tailBound(e, from, dot, tailNorm, qn) < lowBound {
					continue
				}
				dot += x.dotTail(from, int(x.vec[e+1]), sc.qw)
			}
		}
		s := float64(dot) / (qn * float64(x.norm[e]))
		if s > 1 {
			s = 1 // rounding
		}
		if s < low || s <= 0 {
			continue
		}
		nb := Neighbour{Example: int(e), Label: x.labels[e], Score: s}
		switch {
		case n < 2:
			best[n] = nb
			n++
			if n == 2 && less(best[0], best[1]) {
				best[0], best[1] = best[1], best[0]
			}
		case less(best[0], nb):
			best[1], best[0] = best[0], nb
		case less(best[1], nb):
			best[1] = nb
		}
	}
	return append([]Neighbour(nil), best[:n]...), runes
}

// sortSmall sorts s, a text's feature numbers: an insertion sort, which
// beats slices.Sort on the few dozen a message has.
func sortSmall(s []int32) {
	if len(s) > 64 {
		slices.Sort(s)
		return
	}
	for i := 1; i < len(s); i++ {
		v, j := s[i], i
		for ; j > 0 && s[j-1] > v; j-- {
			s[j] = s[j-1]
		}
		s[j] = v
	}
}

// query puts into sc the features of text that the index holds and
// that are not common: their numbers, in sc.q sorted rarest first, and
// their weights, in sc.qw. It returns the number of runes normalisation
// keeps and the length of the text's vector, features in no example
// included.
func (x *Index) query(sc *scratch, text string) (runes int, qn float64) {
	sc.q, sc.unknown = sc.q[:0], sc.unknown[:0]
	add := func(f feature) {
		id := x.ids.get(f)
		switch {
		case id < 0:
			sc.unknown = append(sc.unknown, f)
		case x.idf[id] == 0:
			// common: in no vector
		default:
			if sc.qw[id] == 0 {
				sc.q = append(sc.q, id)
			}
			sc.qw[id] += x.idf[id]
		}
	}
	runes = eachFeature(&sc.text, text, add)
	var qsq float64
	slices.Sort(sc.unknown)
	counts(sc.unknown, func(_ feature, c int) { qsq += math.Pow(float64(c)*x.none, 2) })
	for _, id := range sc.q {
		qsq += float64(sc.qw[id]) * float64(sc.qw[id])
	}
	// Rarest first: features are numbered by how many examples hold them.
	sortSmall(sc.q)
	return runes, math.Sqrt(qsq)
}

// visit adds each example's dot product with the text's features in
// sc.q, rarest first, to sc.acc, and lists the examples it touches in
// sc.touched. With prune, it stops at the first feature from which the
// features left could not lift an example they alone share with the text
// to lowBound. It returns the features it did not visit, whose weights
// stay in sc.qw (the others' are zeroed), and their length.
func (x *Index) visit(sc *scratch, lowBound, qn float64, prune bool) (tail []int32, tailNorm float64) {
	var rest float64
	for _, id := range sc.q {
		rest += float64(sc.qw[id]) * float64(sc.qw[id])
	}
	sc.touched = sc.touched[:0]
	cut := len(sc.q)
	for i, id := range sc.q {
		if prune && math.Sqrt(max(rest, 0)) < lowBound*qn {
			cut = i
			break
		}
		w := sc.qw[id]
		rest -= float64(w) * float64(w)
		for k := x.off[id]; k < x.off[id+1]; k++ {
			e := x.ex[k]
			if sc.acc[e] == 0 {
				sc.touched = append(sc.touched, e)
			}
			sc.acc[e] += w * x.weight(x.wc[k], id)
		}
		sc.qw[id] = 0 // visited: not part of the tail
	}
	return sc.q[cut:], math.Sqrt(max(rest, 0))
}

// tailBound returns a bound on example e's score, given dot, its dot
// product with the visited features, and the length of the tail, the
// features not visited: the tail adds at most its length times that of
// e's features numbered from the tail's first on, which start at
// fid[from].
func (x *Index) tailBound(e int32, from int, dot float32, tailNorm, qn float64) float64 {
	return (float64(dot) + tailNorm*math.Sqrt(float64(x.suf[from]))) / (qn * float64(x.norm[e]))
}

// dotTail returns the dot product of vector entries from to to with qw,
// the weights of the features not visited through postings.
func (x *Index) dotTail(from, to int, qw []float32) float32 {
	var dot float32
	for i, id := range x.fid[from:to] {
		dot += x.weight(x.fc[from+i], id) * qw[id]
	}
	return dot
}

// less reports whether a ranks below b: a lower score, or an equal score
// and a later example.
func less(a, b Neighbour) bool {
	if a.Score != b.Score {
		return a.Score < b.Score
	}
	return a.Example > b.Example
}
