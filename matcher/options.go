package matcher

import "github.com/kefu-go/kefu/matcher/segment"

type config struct {
	seg      segment.Segmenter
	crossing bool
}

// An Option configures New.
type Option func(*config)

// WithSegmenter sets the segmenter that decides word boundaries. Without
// it, New uses segment.Default, gse over kefu's embedded dictionary.
func WithSegmenter(s segment.Segmenter) Option {
	return func(c *config) { c.seg = s }
}

// WithCrossing makes the matcher also report matches that cross a word
// boundary, with Boundary set to Crossing, instead of dropping them. It is
// meant for traces that explain why a keyword did not count.
func WithCrossing() Option {
	return func(c *config) { c.crossing = true }
}
