package order

import (
	"cmp"
	"slices"
)

// ByCount returns the keys of counts ordered by count, the most frequent
// first when most is true and the rarest first otherwise; keys with equal
// counts are in increasing order, so the result does not depend on map
// iteration.
func ByCount[K, C cmp.Ordered](counts map[K]C, most bool) []K {
	keys := make([]K, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int {
		c := cmp.Compare(counts[a], counts[b])
		if most {
			c = -c
		}
		if c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return keys
}
