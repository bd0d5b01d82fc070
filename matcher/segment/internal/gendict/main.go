// Command gendict derives the compact segmentation dictionary that package
// segment embeds from gse's simplified Chinese dictionary
// (github.com/go-ego/gse, data/dict/zh/s_1.txt, derived from jieba's
// dictionary; Apache License 2.0 / MIT).
//
// A plain frequency cut breaks word boundaries (without 发货 and 邮费,
// 退货运费谁出 segments as 退/货运/费/谁/出). So the subset is chosen by what
// the boundary decisions need:
//
//  1. the most frequent words, which carry the general structure of the
//     language; and
//  2. for every domain term (kefu's keywords, synonyms, banned words and the
//     seed list), every dictionary word that can decide a boundary of that
//     term: the term itself, the words inside it, the words that contain it
//     (开发票 for 发票), down to a small frequency floor, and the words that
//     straddle one of its edges (批发 and 货源 for 发货) down to a higher one.
//
// Usage (from the segment folder, through go generate):
//
//	go run ./internal/gendict -top 40000 -floor 3 -edgefloor 100 -o dict/zh.txt vocabulary files...
//
// Vocabulary files may be in any text format: every run of two or more Han
// characters in them is a domain term.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/kefu-go/kefu/internal/moddir"
)

const gseModule = "github.com/go-ego/gse@v0.80.3"

type entry struct {
	word string
	freq float64
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gendict: ")
	top := flag.Int("top", 40000, "keep this many of the most frequent words")
	floor := flag.Float64("floor", 3, "minimum frequency of a word that contains a term or lies inside one")
	edgeFloor := flag.Float64("edgefloor", 100, "minimum frequency of a word that straddles an edge of a term")
	out := flag.String("o", "dict/zh.txt", "output file")
	flag.Parse()

	dir, err := moddir.Dir(gseModule)
	if err != nil {
		log.Fatal(err)
	}
	entries, err := readDict(filepath.Join(dir, "data/dict/zh/s_1.txt"))
	if err != nil {
		log.Fatal(err)
	}
	terms := map[string]bool{}
	for _, f := range flag.Args() {
		if err := readTerms(f, terms); err != nil {
			log.Fatal(err)
		}
	}

	keep := map[string]bool{}
	byFreq := append([]entry(nil), entries...)
	sort.SliceStable(byFreq, func(i, j int) bool { return byFreq[i].freq > byFreq[j].freq })
	for i := 0; i < len(byFreq) && i < *top; i++ {
		keep[byFreq[i].word] = true
	}
	nTop := len(keep)

	// Index the edges of the terms: a word straddles a term's start when one
	// of its proper suffixes is a proper prefix of the term, and its end when
	// one of its proper prefixes is a proper suffix of the term.
	prefixes, suffixes, inside := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for t := range terms {
		r := []rune(t)
		for i := 1; i < len(r); i++ {
			prefixes[string(r[:i])] = true
			suffixes[string(r[i:])] = true
		}
		for i := 0; i < len(r); i++ {
			for j := i + 1; j <= len(r); j++ {
				inside[string(r[i:j])] = true
			}
		}
	}
	for _, e := range entries {
		if keep[e.word] {
			continue
		}
		r := []rune(e.word)
		if inside[e.word] ||
			(e.freq >= *floor && containsTerm(r, terms)) ||
			(e.freq >= *edgeFloor && straddles(r, prefixes, suffixes)) {
			keep[e.word] = true
		}
	}

	var b strings.Builder
	b.WriteString("# Derived by internal/gendict from gse data/dict/zh/s_1.txt (" + gseModule + "); see README.md.\n")
	n := 0
	for _, e := range entries { // keep the source order
		if keep[e.word] {
			fmt.Fprintf(&b, "%s %s\n", e.word, strconv.FormatFloat(e.freq, 'f', -1, 64))
			n++
		}
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d terms, %d words (%d by frequency, %d for the terms) of %d", len(terms), n, nTop, n-nTop, len(entries))
}

// containsTerm reports whether word r contains a term (开发票 holds 发票).
func containsTerm(r []rune, terms map[string]bool) bool {
	for i := 0; i < len(r); i++ {
		for j := i + 1; j <= len(r); j++ {
			if terms[string(r[i:j])] {
				return true
			}
		}
	}
	return false
}

// straddles reports whether word r can cross an edge of a term: one of its
// proper suffixes starts a term (批发 for 发货) or one of its proper prefixes
// ends one (货源 for 发货).
func straddles(r []rune, prefixes, suffixes map[string]bool) bool {
	for i := 1; i < len(r); i++ {
		if prefixes[string(r[i:])] || suffixes[string(r[:i])] {
			return true
		}
	}
	return false
}

func readDict(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var es []entry
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want word and frequency", path, line)
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		if seen[fields[0]] {
			continue // gse keeps the first entry of a word too
		}
		seen[fields[0]] = true
		es = append(es, entry{word: fields[0], freq: freq})
	}
	return es, sc.Err()
}

func readTerms(path string, terms map[string]bool) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var run []rune
	flush := func() {
		if len(run) >= 2 {
			terms[string(run)] = true
		}
		run = run[:0]
	}
	for _, r := range string(b) {
		if unicode.Is(unicode.Han, r) {
			run = append(run, r)
		} else {
			flush()
		}
	}
	flush()
	return nil
}
