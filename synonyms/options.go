package synonyms

import (
	"errors"
	"fmt"

	"github.com/kefu-go/kefu/matcher/segment"
)

// DefaultMaxVariants is the number of variants [Thesaurus.ExpandPhrase]
// returns at most for one phrase unless [WithMaxVariants] says otherwise.
const DefaultMaxVariants = 64

// Option configures a [Thesaurus] built by [New], [Default], [Load] or
// [LoadFile].
type Option func(*config)

type config struct {
	name        string
	segmenter   segment.Segmenter
	maxVariants int
	err         error
}

// WithName names the source in error messages of [Load] and [New];
// [LoadFile] uses the path unless WithName is given.
func WithName(name string) Option {
	return func(c *config) { c.name = name }
}

// WithSegmenter sets the segmenter that [Thesaurus.ExpandPhrase] cuts
// phrases with. Without it, [segment.Default] is used, built the first time
// a phrase is expanded.
func WithSegmenter(s segment.Segmenter) Option {
	return func(c *config) {
		if s == nil {
			c.err = errors.Join(c.err, errors.New("synonyms: WithSegmenter(nil)"))
		}
		c.segmenter = s
	}
}

// WithMaxVariants caps the variants [Thesaurus.ExpandPhrase] returns for
// one phrase (the phrase itself included) at n, which must be at least 1.
// The default is [DefaultMaxVariants].
func WithMaxVariants(n int) Option {
	return func(c *config) {
		if n < 1 {
			c.err = errors.Join(c.err, fmt.Errorf("synonyms: WithMaxVariants(%d): need at least 1", n))
		}
		c.maxVariants = n
	}
}

// newConfig applies opts to the defaults and reports invalid options.
func newConfig(opts []Option) (config, error) {
	c := config{maxVariants: DefaultMaxVariants}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c, c.err
}
