package smalltalk

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/matcher/normalize"
)

// toy is a small training set: small talk about the customer's day
// against questions for the shop.
var toy = []Example{
	{"今天加班好累", true}, {"我老公天天加班", true}, {"周末去爬山了 好开心", true},
	{"今天天气真好", true}, {"我家猫又胖了", true}, {"好无聊啊 陪我聊聊天", true},
	{"什么时候发货", false}, {"能开发票吗", false}, {"退货运费谁出", false},
	{"快递到哪了", false}, {"有没有优惠券", false}, {"尺码偏大还是偏小", false},
}

func score(m *Model, text string) float32 {
	var t normalize.Text
	t.Reset(text)
	return m.Score(t.Runes)
}

func TestTrainLearns(t *testing.T) {
	m := Train(toy)
	require.NotNil(t, m, "Train(toy)")
	for _, ex := range toy {
		s := score(m, ex.Text)
		if ex.SmallTalk {
			assert.Greater(t, s, float32(0), "score of small talk %q", ex.Text)
		} else {
			assert.Less(t, s, float32(0), "score of question %q", ex.Text)
		}
	}
	// Unseen texts lean by the features they share with the examples.
	assert.Greater(t, score(m, "今天又加班"), float32(0), "score of 今天又加班")
	assert.Less(t, score(m, "几号发货"), float32(0), "score of 几号发货")
}

func TestTrainDeterministic(t *testing.T) {
	a, b := Train(toy), Train(toy)
	require.NotNil(t, a, "Train(toy)")
	assert.Equal(t, a.scale, b.scale, "scale of two trainings")
	assert.Equal(t, a.w, b.w, "weights of two trainings")
}

func TestTrainNeedsBothKinds(t *testing.T) {
	assert.Nil(t, Train(nil), "Train(nil)")
	assert.Nil(t, Train(toy[:6]), "Train of small talk only")
	assert.Nil(t, Train(toy[6:]), "Train of questions only")
}

// TestWeightsInBytes: the largest weight keeps 127 steps, so rounding
// loses little.
func TestWeightsInBytes(t *testing.T) {
	m := Train(toy)
	require.NotNil(t, m, "Train(toy)")
	top := 0
	for _, w := range m.w {
		top = max(top, int(w), -int(w))
	}
	assert.Equal(t, 127, top, "largest weight in steps")
	assert.Len(t, m.w, 1<<bits, "weights")
}

func TestScoreAnyText(t *testing.T) {
	m := Train(toy)
	require.NotNil(t, m, "Train(toy)")
	for _, text := range []string{"", "！！！", "a", strings.Repeat("今天加班好累 ", 200), "\xff\xfe"} {
		assert.NotPanics(t, func() { score(m, text) }, "Score(%q)", text)
	}
	// Only the bias counts for a text with no feature.
	assert.Equal(t, float32(m.w[0])*m.scale, score(m, ""), "score of an empty text")
}

func TestFeatures(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"", 1},      // the bias
		{"好", 2},     // bias, 好
		{"好累", 4},    // bias, 好, 好累, 累
		{"今天加班", 10}, // bias, 4 runes, 3 pairs, 2 triples
		{"好，累", 3},   // no pair across a break
	} {
		var tx normalize.Text
		tx.Reset(c.text)
		got := features(nil, tx.Runes)
		assert.Len(t, got, c.want, "features of %q: %v", c.text, fmt.Sprint(got))
		for _, f := range got[1:] {
			assert.NotZero(t, f, "a feature of %q in the bias's slot", c.text)
		}
	}
}

// TestLongTextNotScored: a text longer than every example gets 0, however
// its features lean: a repeated one would otherwise weigh without bound.
func TestLongTextNotScored(t *testing.T) {
	m := Train(toy)
	require.NotNil(t, m, "Train(toy)")
	short := "今天加班好累"
	require.Greater(t, score(m, short), float32(0), "score of %q", short)
	long := strings.Repeat("今天加班好累", 10)
	assert.Zero(t, score(m, long), "score of %q, longer than every example", long)
}
