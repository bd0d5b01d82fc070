package segment

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/kefu-go/kefu/matcher/normalize"
)

// A Segmenter splits normalised text into words.
//
// Cut must return words whose concatenation is text. The matcher checks
// that their lengths add up; when a segmenter breaks the contract for some
// text, the matcher treats every edge in that text as a word boundary.
type Segmenter interface {
	Cut(text string) []string
}

// Bounder is an optional interface a Segmenter may implement to report word
// ends without allocating the words.
type Bounder interface {
	// AppendBoundaries appends to dst the byte offset of the end of every
	// word of text, in increasing order, the last being len(text). It may
	// not keep text, which the caller reuses.
	AppendBoundaries(dst []int, text []byte) []int
}

// CutFunc adapts a function to the Segmenter interface.
type CutFunc func(text string) []string

// Cut calls f(text).
func (f CutFunc) Cut(text string) []string { return f(text) }

//go:generate go run ./internal/gendict -top 40000 -floor 3 -edgefloor 100 -o dict/zh.txt internal/gendict/seed.txt ../../synonyms/data/ecommerce.txt ../../compliance/data/words.tsv ../../compliance/data/allowed.tsv ../../reply/data/starter.yaml

//go:embed dict/zh.txt
var embedded string

// Gse is a Segmenter backed by a gse dictionary.
type Gse struct {
	seg gse.Segmenter
}

type config struct {
	dict  io.Reader
	words []string
}

// An Option configures NewGse.
type Option func(*config)

// WithDictionary replaces the embedded dictionary with one read from r, in
// gse's format: one word per line, followed by its frequency and an optional
// part of speech, separated by spaces. Lines starting with # are comments.
func WithDictionary(r io.Reader) Option {
	return func(c *config) { c.dict = r }
}

// WithWords adds words to the dictionary, with a frequency high enough for
// them to be preferred over the splits the dictionary would choose. Words
// are normalised first (發貨單 is added as 发货单), as the text is.
func WithWords(words ...string) Option {
	return func(c *config) { c.words = append(c.words, words...) }
}

// userWordFreq is the frequency given to words added with WithWords: about
// that of a common two-character word in the embedded dictionary.
const userWordFreq = 10000

// ErrDictionary reports a malformed dictionary line.
var ErrDictionary = errors.New("segment: bad dictionary line")

// NewGse builds a Gse from the embedded dictionary, or from the one given
// with WithDictionary. It reads no file and prints nothing.
func NewGse(opts ...Option) (*Gse, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	var src string
	if c.dict == nil {
		src = embedded
	} else {
		b, err := io.ReadAll(c.dict)
		if err != nil {
			return nil, fmt.Errorf("segment: reading dictionary: %w", err)
		}
		src = string(b)
	}
	var b strings.Builder
	b.Grow(len(src))
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) < 2 || len(fields) > 3 || !utf8.ValidString(fields[0]) {
			return nil, fmt.Errorf("%w %d: want word, frequency and optional part of speech", ErrDictionary, line)
		}
		if f, err := strconv.ParseFloat(fields[1], 64); err != nil || !(f > 0) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%w %d: frequency %q is not a positive number", ErrDictionary, line, fields[1])
		}
		b.WriteString(fields[0])
		b.WriteByte(' ')
		b.WriteString(fields[1])
		b.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("segment: reading dictionary: %w", err)
	}
	for _, word := range c.words {
		w := normalize.String(word) // the text segmented is normalised too
		if w == "" || strings.ContainsRune(w, normalize.Separator) {
			return nil, fmt.Errorf("segment: WithWords: %q is not a single word", word)
		}
		fmt.Fprintf(&b, "%s %d\n", w, userWordFreq)
	}
	g := &Gse{}
	g.seg.SkipLog = true
	g.seg.NotLoadHMM = true // kefu segments with the shortest-path algorithm only
	if err := g.seg.LoadDictStr(b.String()); err != nil {
		return nil, fmt.Errorf("segment: loading dictionary: %w", err)
	}
	return g, nil
}

var defaultGse = sync.OnceValues(func() (*Gse, error) { return NewGse() })

// Default returns a Gse over the embedded dictionary. It is built on first
// use, then shared: it is immutable, and building it costs tens of
// milliseconds and megabytes that every matcher in the process can share.
func Default() (*Gse, error) { return defaultGse() }

// Cut splits text into words with gse's shortest-path segmentation.
func (g *Gse) Cut(text string) []string {
	ends := g.AppendBoundaries(nil, []byte(text))
	words := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		words[i] = text[start:end]
		start = end
	}
	return words
}

// AppendBoundaries implements Bounder.
func (g *Gse) AppendBoundaries(dst []int, text []byte) []int {
	if len(text) == 0 {
		return dst
	}
	for _, s := range g.seg.Segment(text) {
		dst = append(dst, s.End())
	}
	return dst
}
