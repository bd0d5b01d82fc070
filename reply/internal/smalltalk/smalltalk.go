package smalltalk

import (
	"math"

	"github.com/kefu-go/kefu/matcher/normalize"
)

// bits is the size of the weight table, 1<<bits weights. The starter
// library's examples hold about 100,000 distinct features.
const bits = 17

// epochs is how many times training goes over the examples.
const epochs = 6

// A Model scores texts: above 0 they look more like small talk than like
// questions for the shop, and the higher, the surer. It is immutable and
// safe for concurrent use.
type Model struct {
	w     []int8  // by feature hash, in steps of scale; w[0] is the bias
	scale float32 // the weight of one step
	runes int     // the longest example, in normalised runes
}

// An Example is a text and whether it is small talk.
type Example struct {
	Text      string
	SmallTalk bool
}

// Train returns the model the examples teach, or nil when they hold no
// small talk or nothing but.
func Train(examples []Example) *Model {
	var pos, neg bool
	for _, ex := range examples {
		pos = pos || ex.SmallTalk
		neg = neg || !ex.SmallTalk
	}
	if !pos || !neg {
		return nil
	}
	var t normalize.Text
	feats := make([][]uint32, len(examples))
	longest := 0
	for i, ex := range examples {
		t.Reset(ex.Text)
		feats[i] = features(nil, t.Runes)
		longest = max(longest, len(t.Runes))
	}
	// w are the weights as they go, and sum what each update added times
	// the step it came at, so that the average of w over all steps is
	// w - sum/c (the averaged perceptron, without a copy per step).
	w := make([]float32, 1<<bits)
	sum := make([]float32, 1<<bits)
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	c := float32(1)
	for ep := range epochs {
		shuffle(order, ep)
		for _, i := range order {
			y := float32(-1)
			if examples[i].SmallTalk {
				y = 1
			}
			var s float32
			for _, f := range feats[i] {
				s += w[f]
			}
			if s*y <= 0 {
				for _, f := range feats[i] {
					w[f] += y
					sum[f] += y * c
				}
			}
			c++
		}
	}
	var top float32
	for f := range w {
		w[f] -= sum[f] / c
		top = max(top, w[f], -w[f])
	}
	if top == 0 {
		return nil
	}
	m := &Model{w: make([]int8, len(w)), scale: top / 127, runes: longest}
	for f, x := range w {
		m.w[f] = int8(math.Round(float64(x / m.scale)))
	}
	return m
}

// shuffle reorders order the same way for the same epoch, so that
// training is deterministic.
func shuffle(order []int, epoch int) {
	n := len(order)
	for i := range order {
		j := (i*7919 + epoch*104729) % n
		order[i], order[j] = order[j], order[i]
	}
}

// Score returns how much runes, a normalised text (see
// normalize.Text.Runes), look like small talk. A text longer than the
// longest example is not scored, and gets 0: the model never saw one, and
// a feature repeated over and over (好好好…) would weigh without bound.
func (m *Model) Score(runes []rune) float32 {
	if len(runes) > m.runes {
		return 0
	}
	var buf [256]uint32
	var s int32
	for _, f := range features(buf[:0], runes) {
		s += int32(m.w[f])
	}
	return float32(s) * m.scale
}

// features appends to dst the slots of the features of runes: the bias
// (0), then each rune, and each pair and triple of adjacent runes within
// a clause.
func features(dst []uint32, runes []rune) []uint32 {
	dst = append(dst, 0)
	for i, r := range runes {
		if r == normalize.Separator {
			continue
		}
		h := mix(offset, r)
		dst = append(dst, slot(h))
		if i+1 < len(runes) && runes[i+1] != normalize.Separator {
			h = mix(h, runes[i+1])
			dst = append(dst, slot(h))
			if i+2 < len(runes) && runes[i+2] != normalize.Separator {
				dst = append(dst, slot(mix(h, runes[i+2])))
			}
		}
	}
	return dst
}

// offset is FNV-1a's starting hash.
const offset = 2166136261

// mix folds r into the hash h: FNV-1a over the rune's four bytes.
func mix(h uint32, r rune) uint32 {
	for range 4 {
		h ^= uint32(r) & 0xff
		h *= 16777619
		r >>= 8
	}
	return h
}

// slot maps a hash to a weight other than the bias's.
func slot(h uint32) uint32 {
	if s := h & (1<<bits - 1); s != 0 {
		return s
	}
	return 1
}
