package synonyms

import (
	_ "embed"
	"strings"
)

//go:embed data/ecommerce.txt
var ecommerce string

// Default returns the embedded e-commerce thesaurus (data/ecommerce.txt,
// in the [Plain] format): about 260 groups written by the kefu authors on
// shipping, delivery time, returns and refunds, exchanges, freight, stock,
// sizes, colours, materials, payment, invoices, promotions, after-sales and
// the colloquial spellings customers type (啥, 咋, 木有, 亲/宝).
//
// Each call parses the data afresh (about a millisecond) and returns a new,
// immutable thesaurus. To go without the defaults, use [New] or [Load]; to
// extend or override them, merge your own groups over them with
// [Thesaurus.Merge].
func Default(opts ...Option) (*Thesaurus, error) {
	return Load(strings.NewReader(ecommerce), Plain, append([]Option{WithName("data/ecommerce.txt")}, opts...)...)
}
