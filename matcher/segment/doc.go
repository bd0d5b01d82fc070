// Package segment splits normalised Chinese text into words, so that the
// matcher can tell a real word (发货 in 什么/时候/发货) from a substring that
// crosses two words (发货 in 批发/货源).
//
// [Segmenter] is the small interface the matcher needs; [Gse] adapts
// github.com/go-ego/gse to it, and [CutFunc] turns any function into one.
//
// # The embedded dictionary
//
// [Default] and [NewGse] load dict/zh.txt, a compact dictionary derived
// from gse's simplified Chinese dictionary by internal/gendict (see
// dict/README.md): the most frequent words plus every word that decides a
// boundary of a domain term. It loads in a small fraction of the time and
// memory of gse's full dictionary and gives the same boundaries on kefu's
// boundary test table. Nothing is read from disk and nothing is printed.
// Text is expected in normalised form (simplified, lower case): traditional
// text is converted before it is segmented, so the simplified dictionary is
// enough.
//
// Users with their own vocabulary add words with [WithWords] or replace the
// dictionary with [WithDictionary].
//
// # Concurrency
//
// A [Gse] is immutable once built and safe for concurrent use by multiple
// goroutines.
package segment
