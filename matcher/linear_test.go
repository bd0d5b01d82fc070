package matcher

import (
	"strings"
	"testing"
	"time"
)

// minDuration returns the fastest of n runs of f, to damp the noise of a
// shared machine.
func minDuration(n int, f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range n {
		start := time.Now()
		f()
		if d := time.Since(start); d < best {
			best = d
		}
	}
	return best
}

// TestLinearTime checks that FindAll takes time proportional to the input:
// one 1 MB text must cost at most a small multiple of 1024 texts of 1 KB,
// including the worst cases for the automaton (a long run of one character
// with every pattern overlapping) and for the segmenter. It compares ratios
// measured in the same run, never absolute times.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("times 1 MB inputs")
	}
	m := MustNew([]Pattern{
		{Text: "发货", ID: 1}, {Text: "现货", ID: 2}, {Text: "退货运费", ID: 3}, {Text: "什么时候发", ID: 4},
		{Text: "a", ID: 5}, {Text: "aa", ID: 6}, {Text: "aaa", ID: 7}, {Text: "aaaa", ID: 8, Substring: true},
		{Text: "货", ID: 9},
	})
	cases := []struct{ name, unit string }{
		{"chinese sentences", "亲，什么时候发货呀？我发现货不对，退货运费谁出。"},
		{"run of one latin letter, all patterns overlapping", "a"},
		{"run of one chinese character", "货"},
		{"emoji and noise", "😀 * ~"},
	}
	const small, large = 1 << 10, 1 << 20
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			short := strings.Repeat(c.unit, small/len(c.unit)+1)[:small]
			short = strings.ToValidUTF8(short, "")
			long := strings.Repeat(short, large/small)
			m.FindAll(short) // warm the pool
			tShort := minDuration(5, func() {
				for range large / small {
					m.FindAll(short)
				}
			})
			tLong := minDuration(3, func() { m.FindAll(long) })
			ratio := float64(tLong) / float64(tShort)
			t.Logf("1024 x 1 KB: %v, 1 x 1 MB: %v, ratio %.2f", tShort, tLong, ratio)
			// Linear time gives a ratio near 1; allow for cache effects and
			// a noisy machine, but not for quadratic growth (ratio ~1000).
			if ratio > 8 {
				t.Errorf("1 MB took %.1fx the time of 1024 x 1 KB: not linear", ratio)
			}
		})
	}
}
