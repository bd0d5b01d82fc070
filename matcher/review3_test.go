package matcher

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/matcher/normalize"
	"github.com/kefu-go/kefu/matcher/segment"
)

// Review of e06c48c (Pattern.Means) and b9d1eda (one code for ASCII
// pairs). TestReview3MeansSegmentsLinear fails at 89b403b;
// BenchmarkReview3MeansLongClause backs it with times.

// byteCountingSegmenter counts the bytes it is asked to segment.
type byteCountingSegmenter struct {
	mu    sync.Mutex
	bytes int
	seg   segment.Segmenter
}

func (c *byteCountingSegmenter) Cut(text string) []string {
	c.mu.Lock()
	c.bytes += len(text)
	c.mu.Unlock()
	return c.seg.Cut(text)
}

// TestReview3MeansSegmentsLinear: doc.go promises that FindAll takes time
// linear in the message, with "at most one segmentation of the message,
// clause by clause" (and README: "The matcher's time is linear in the
// message"). classifyMeaning segments a candidate's whole clause again
// for every candidate of a pattern with Means, so a clause with k such
// candidates is segmented k times: quadratic in the clause. Messages with
// no break (customers often type none) make the clause the message.
func TestReview3MeansSegmentsLinear(t *testing.T) {
	def, err := segment.Default()
	require.NoError(t, err)
	cs := &byteCountingSegmenter{seg: def}
	m := MustNew([]Pattern{{Text: "开piao", Means: "开票", ID: 1}, {Text: "发货", ID: 2}}, WithSegmenter(cs))
	for _, unit := range []string{"能开piao吗", "发货"} {
		text := strings.Repeat(unit, 300)
		n := len(normalize.String(text))
		cs.bytes = 0
		got := m.FindAll(text)
		require.NotEmpty(t, got, "FindAll(%q x 300) finds the pattern", unit)
		assert.LessOrEqual(t, cs.bytes, 2*n, "FindAll(%q x 300): bytes segmented for a message of %d normalised bytes", unit, n)
	}
}

// BenchmarkReview3MeansLongClause times FindAll over one clause of n runes
// full of a pattern, written (开票) and as a pattern with Means (开piao):
// the first grows linearly with n, the second quadratically.
func BenchmarkReview3MeansLongClause(b *testing.B) {
	m := MustNew([]Pattern{{Text: "开票", ID: 1}, {Text: "开piao", Means: "开票", ID: 2}})
	for _, unit := range []string{"能开票吗", "能开piao吗"} {
		for _, n := range []int{500, 1000, 2000, 4000} {
			text := string([]rune(strings.Repeat(unit, n))[:n])
			b.Run(fmt.Sprintf("%s/%d", unit, n), func(b *testing.B) {
				for b.Loop() {
					m.FindAll(text)
				}
			})
		}
	}
}
