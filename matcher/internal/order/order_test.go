package order

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestByCount(t *testing.T) {
	counts := map[string]int{"b": 2, "a": 2, "c": 5, "d": 1}
	assert.Equal(t, []string{"c", "a", "b", "d"}, ByCount(counts, true), "most first, ties by key")
	assert.Equal(t, []string{"d", "a", "b", "c"}, ByCount(counts, false), "rarest first, ties by key")
	assert.Empty(t, ByCount(map[int]int{}, true))
}
