//go:build !race

package reply

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestReviewEdgeExceptAllocs: exceptions add no allocation to Reply (not
// under -race, where sync.Pool drops items at random).
func TestReviewEdgeExceptAllocs(t *testing.T) {
	const rules = okHead + `rules:
  - id: damaged
    keywords: [坏了]
%s    reply: 亲，请拍照给我们看看。
`
	plain := mustLoad(t, fmt.Sprintf(rules, ""), WithoutDefaultSynonyms(), WithSimilarity(0))
	with := mustLoad(t, fmt.Sprintf(rules, "    except: [高兴坏了, 累坏了]\n"), WithoutDefaultSynonyms(), WithSimilarity(0))
	for _, msg := range []string{"杯子坏了", "我妈高兴坏了 杯子坏了"} {
		plain.Reply(msg)
		with.Reply(msg)
		p := testing.AllocsPerRun(50, func() { plain.Reply(msg) })
		w := testing.AllocsPerRun(50, func() { with.Reply(msg) })
		assert.LessOrEqual(t, w, p, "Reply(%q) allocs with except", msg)
	}
}
