package pinyin

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Review of 07fcd4b. TestReview3VariantsSkipRareReadings fails at 89b403b.

// TestReview3VariantsSkipRareReadings: Variants promises "a character's
// two most common readings", and maxReadings says the cap keeps out the
// table's "rare and literary readings (积 zhi, 折 ti)" that "customers
// never type". But the cap takes the first two readings in the source's
// order, and only the first of them is ordered by use: 积's second
// reading is zhi, the very example, and 坏's is pi (an old reading, 坯),
// so 坏了 gets the variant pi了, which customers type for 批了 or 皮了
// (see reply TestReview3PinyinRareReading).
func TestReview3VariantsSkipRareReadings(t *testing.T) {
	for _, c := range []struct{ word, rare string }{
		{"积分", "zhi分"},
		{"坏了", "pi了"},
	} {
		assert.NotContains(t, Variants(c.word), c.rare, "Variants(%q) = %q: %s is a rare reading", c.word, Variants(c.word), c.rare)
	}
}
