package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

//go:generate go run ./internal/gent2s

// Class says what normalisation does with a rune.
type Class uint8

const (
	// Keep marks a rune that is part of a word: letters, digits, Chinese
	// characters and a few symbols that carry meaning (% $ ¥ @).
	Keep Class = iota
	// Noise marks a rune that is dropped, so that the runes on either side
	// join: 发*货 is 发货.
	Noise
	// Break marks a rune that ends a word: a run of breaks becomes one
	// Separator, so that 退。货 does not contain 退货.
	Break
)

// Separator is the rune that stands for a run of breaks in normalised text.
// It is itself a break, so normalising normalised text changes nothing.
const Separator = ','

// asciiClass classifies the ASCII runes after case folding.
var asciiClass = func() (t [utf8.RuneSelf]Class) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			t[r] = Keep
		case strings.ContainsRune(" *~-_./\\`'\"^|+=#&", r):
			t[r] = Noise
		case strings.ContainsRune("%$@", r):
			t[r] = Keep
		default: // control characters and the remaining punctuation
			t[r] = Break
		}
	}
	return t
}()

// Rune folds one rune and classifies the result. The folded rune is
// meaningful only when the class is Keep.
func Rune(r rune) (rune, Class) {
	if r < utf8.RuneSelf {
		return asciiRune(r)
	}
	if r >= 0x4E00 && r < 0xA000 { // CJK Unified Ideographs: no width or case.
		return toSimplified(r), Keep
	}
	if i := r - cjkPunctLo; i >= 0 && int(i) < len(cjkPunct) {
		return cjkPunct[i].r, cjkPunct[i].c
	}
	if i := r - fullWidthLo; i >= 0 && int(i) < len(fullWidth) {
		return fullWidth[i].r, fullWidth[i].c
	}
	return fold(r)
}

// fold folds and classifies the runes outside ASCII and the main CJK
// block: width (golang.org/x/text/width), case, traditional to simplified.
func fold(r rune) (rune, Class) {
	if f := width.LookupRune(r).Folded(); f != 0 {
		r = f
		if r < utf8.RuneSelf {
			return asciiRune(r)
		}
	}
	r = unicode.ToLower(r)
	return toSimplified(r), classify(r)
}

func asciiRune(r rune) (rune, Class) {
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r, asciiClass[r]
}

type folded struct {
	r rune
	c Class
}

// foldRange returns fold of the runes lo to hi, inclusive.
func foldRange(lo, hi rune) []folded {
	out := make([]folded, 0, hi-lo+1)
	for r := lo; r <= hi; r++ {
		f, c := fold(r)
		out = append(out, folded{f, c})
	}
	return out
}

// cjkPunct and fullWidth hold fold of the two blocks that Chinese
// messages use most after the ideographs: CJK Symbols and Punctuation
// (。、「」) and Halfwidth and Fullwidth Forms (，？！ and full-width letters
// and digits). They are computed from fold itself, once.
const (
	cjkPunctLo  = 0x3000
	fullWidthLo = 0xFF00
)

var (
	cjkPunct  = foldRange(cjkPunctLo, 0x303F)
	fullWidth = foldRange(fullWidthLo, 0xFFEF)
)

// classify handles the runes outside ASCII and the main CJK block.
func classify(r rune) Class {
	switch r {
	case utf8.RuneError:
		return Break
	case '·', '・', '‧', '•', '〜', '～', '￣', '＿', '…', '⋯':
		return Noise
	case '%', '¥', '￥', '€', '£':
		return Keep
	}
	switch {
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.In(r, unicode.Nl, unicode.No, unicode.Mc):
		return Keep
	case unicode.In(r, unicode.Zs, unicode.Cf, unicode.Mn, unicode.Me, unicode.Sk, unicode.So, unicode.Co, unicode.Pd, unicode.Pi, unicode.Pf):
		return Noise
	case unicode.Is(unicode.Variation_Selector, r):
		return Noise
	default:
		return Break
	}
}

// toSimplified maps a traditional Chinese character to its simplified form.
func toSimplified(r rune) rune {
	if r >= t2sBitmapLo && r < t2sBitmapHi {
		i := r - t2sBitmapLo
		if t2sBitmap[i/64]&(1<<(i%64)) == 0 {
			return r
		}
	} else if r < t2sFrom[0] || r > t2sFrom[len(t2sFrom)-1] {
		return r
	}
	lo, hi := 0, len(t2sFrom)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t2sFrom[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(t2sFrom) && t2sFrom[lo] == r {
		return t2sTo[lo]
	}
	return r
}

// Before returns the rune that normalisation keeps or breaks on last in
// s[:i], skipping noise: folded, its class (Keep or Break), and the index
// in s where it starts. At the start of s it returns class Break and
// index 0, since no word crosses the start of a text either.
func Before(s string, i int) (rune, Class, int) {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if f, c := Rune(r); c != Noise {
			return f, c, i
		}
	}
	return 0, Break, 0
}

// After is Before the other way: the first rune of s[i:] that is not noise,
// folded, its class, and the index in s just after it; class Break and
// len(s) at the end of s.
func After(s string, i int) (rune, Class, int) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if f, c := Rune(r); c != Noise {
			return f, c, i
		}
	}
	return 0, Break, len(s)
}

// String returns the normalised form of s: folded, with noise removed, runs
// of breaks replaced by one [Separator], and no separator at either end.
func String(s string) string {
	if unchanged(s) {
		return s // most keywords: loading a rule set normalises each form several times
	}
	var t Text
	t.Reset(s)
	return t.String()
}

// unchanged reports whether normalising s leaves it as it is: every rune
// is kept and folds to itself.
func unchanged(s string) bool {
	for i := 0; i < len(s); {
		r, ok := decodeHan(s, i)
		size := 3
		if !ok {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if f, c := Rune(r); c != Keep || f != r {
			return false
		}
		i += size
	}
	return true
}

// Text is a normalised text that remembers, for every normalised rune, the
// byte span of the original text it stands for. The zero value is empty and
// ready to use; Reset refills it, reusing its memory.
type Text struct {
	// Runes holds the normalised runes.
	Runes []rune
	// Starts[i] and Ends[i] are the byte offsets in the original text of the
	// first and one past the last byte that produced Runes[i]. For a
	// Separator they span the whole run of breaks; noise between two kept
	// runes belongs to neither.
	Starts, Ends []int
}

// Reset normalises s into t, discarding what t held before.
func (t *Text) Reset(s string) {
	t.Runes, t.Starts, t.Ends = t.Runes[:0], t.Starts[:0], t.Ends[:0]
	pendingBreak := -1 // start of a run of breaks not yet written
	breakEnd := 0
	for i := 0; i < len(s); {
		var (
			f    rune
			c    Class
			size int
		)
		if r, ok := decodeHan(s, i); ok {
			// The common case, inlined: a character of the main CJK
			// block, which needs no width or case folding.
			f, c, size = r, Keep, 3
			if k := r - t2sBitmapLo; t2sBitmap[k>>6]&(1<<(k&63)) != 0 {
				f = toSimplified(r)
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			f, c = Rune(r)
		}
		switch c {
		case Keep:
			if pendingBreak >= 0 {
				if len(t.Runes) > 0 {
					t.push(Separator, pendingBreak, breakEnd)
				}
				pendingBreak = -1
			}
			t.push(f, i, i+size)
		case Break:
			if pendingBreak < 0 {
				pendingBreak = i
			}
			breakEnd = i + size
		}
		i += size
	}
}

// decodeHan decodes the rune at s[i:] if it is a character of the CJK
// Unified Ideographs block (U+4E00 to U+9FFF), which UTF-8 writes as three
// bytes led by 0xE4 to 0xE9.
func decodeHan(s string, i int) (rune, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	c0, c1, c2 := s[i], s[i+1], s[i+2]
	r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
	// c0 in 0xE4..0xE9, and c1 and c2 both continuation bytes (10xxxxxx).
	return r, c0-0xE4 <= 0xE9-0xE4 && c1&0xC0|(c2&0xC0)>>2 == 0xA0 && r >= 0x4E00
}

func (t *Text) push(r rune, start, end int) {
	t.Runes = append(t.Runes, r)
	t.Starts = append(t.Starts, start)
	t.Ends = append(t.Ends, end)
}

// Len returns the number of normalised runes.
func (t *Text) Len() int { return len(t.Runes) }

// Span returns the byte span of the original text covered by the normalised
// runes [i, j). It panics if i >= j or the indices are out of range.
func (t *Text) Span(i, j int) (start, end int) {
	return t.Starts[i], t.Ends[j-1]
}

// String returns the normalised runes as a string.
func (t *Text) String() string { return string(t.Runes) }
