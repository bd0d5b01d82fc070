package benchmarks

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	anknown "github.com/anknown/ahocorasick"
	cloudflare "github.com/cloudflare/ahocorasick"
	coregx "github.com/coregx/ahocorasick"
	petar "github.com/petar-dambovaliev/aho-corasick"

	"github.com/kefu-go/kefu/matcher"
)

// A finder is one way to find a rule set's surface forms in a text. find
// returns the number of matches, so that the work cannot be optimised away
// and the implementations can be compared.
type finder struct {
	name  string
	build func(tb testing.TB, rs *ruleSet) func(text string) int
	// text says whether the finder runs on the 1 MB text at a scale: the
	// regexp alternation takes 2 s there with the 43-rule set and 24 s with
	// 1,000 rules, the strings.Contains loop 18 s with 10,000 rules.
	text func(rules int) bool
}

func always(int) bool { return true }

// finders are kefu's matcher and reply engine, then the baselines and
// peers, in that order: benchstat -col /impl compares every column with the
// first.
var finders = []finder{
	{"kefu", buildKefu, always},
	{"reply", buildReply, func(int) bool { return false }}, // Reply reads 2,000 characters at most
	{"reply-keywords", buildReplyKeywords, func(int) bool { return false }},
	{"contains", buildContains, func(rules int) bool { return rules <= 1000 }},
	{"regexp", buildRegexp, func(rules int) bool { return rules <= 43 }},
	{"cloudflare", buildCloudflare, always},
	{"coregx", buildCoregx, always},
	{"petar", buildPetar, always},
	{"anknown", buildAnknown, always},
	{"gse-cut", buildGseCut, always},
}

func buildKefu(tb testing.TB, rs *ruleSet) func(string) int {
	m, err := matcher.New(rs.patterns())
	if err != nil {
		tb.Fatal(err)
	}
	return func(s string) int { return len(m.FindAll(s)) }
}

// buildContains is the loop a first version would write: strings.Contains
// over every surface form.
func buildContains(_ testing.TB, rs *ruleSet) func(string) int {
	forms := rs.forms
	return func(s string) int {
		n := 0
		for _, f := range forms {
			if strings.Contains(s, f) {
				n++
			}
		}
		return n
	}
}

// buildRegexp is one alternation of every surface form.
func buildRegexp(_ testing.TB, rs *ruleSet) func(string) int {
	quoted := make([]string, len(rs.forms))
	for i, f := range rs.forms {
		quoted[i] = regexp.QuoteMeta(f)
	}
	re := regexp.MustCompile(strings.Join(quoted, "|"))
	return func(s string) int { return len(re.FindAllStringIndex(s, -1)) }
}

// buildCloudflare is kefu's automaton used directly on the raw UTF-8 forms:
// no normalisation, no offsets, no segmentation.
func buildCloudflare(_ testing.TB, rs *ruleSet) func(string) int {
	m := cloudflare.NewStringMatcher(rs.forms)
	return func(s string) int { return len(m.MatchThreadSafe([]byte(s))) }
}

// buildGseCut is one segmentation of the text with gse's full dictionary:
// what a matcher that always segments would pay, before any matching.
func buildGseCut(tb testing.TB, _ *ruleSet) func(string) int {
	seg := fullSegmenter(tb)
	return func(s string) int { return len(seg.Cut(s)) }
}

func buildCoregx(tb testing.TB, rs *ruleSet) func(string) int {
	a, err := coregx.NewBuilder().AddStrings(rs.forms).Build()
	if err != nil {
		tb.Fatal(err)
	}
	return func(s string) int { return len(a.FindAllOverlapping([]byte(s))) }
}

func buildPetar(_ testing.TB, rs *ruleSet) func(string) int {
	builder := petar.NewAhoCorasickBuilder(petar.Opts{MatchKind: petar.StandardMatch, DFA: true})
	ac := builder.Build(rs.forms)
	return func(s string) int {
		n := 0
		for it := ac.IterOverlapping(s); it.Next() != nil; {
			n++
		}
		return n
	}
}

func buildAnknown(tb testing.TB, rs *ruleSet) func(string) int {
	keys := make([][]rune, len(rs.forms))
	for i, f := range rs.forms {
		keys[i] = []rune(f)
	}
	m := new(anknown.Machine)
	if err := m.Build(keys); err != nil {
		tb.Fatal(err)
	}
	return func(s string) int { return len(m.MultiPatternSearch([]rune(s), false)) }
}

// lazy builds a finder on first use and keeps it for the sub-benchmark's
// later rounds, so that filtered-out sub-benchmarks build nothing.
func lazy(f finder, rs *ruleSet) func(tb testing.TB) func(string) int {
	var (
		once sync.Once
		find func(string) int
	)
	return func(tb testing.TB) func(string) int {
		once.Do(func() { find = f.build(tb, rs) })
		return find
	}
}

// BenchmarkMatch times one message with and without a keyword hit, and the
// 1 MB text, at each scale, for kefu and every baseline and peer. A message
// benchmark handles one message per iteration, cycling through the 250 of
// its kind; SetBytes is their mean length.
//
// Each finder is built once per process and released before the next one
// is built, so that the heap of one (raw cloudflare holds 1.2 GB at 10,000
// rules) does not change the garbage collector's pace for another. gse's
// full dictionary, once loaded by gse-cut, stays for the rest of the
// process; gse-cut therefore comes after kefu and the reply engine.
func BenchmarkMatch(b *testing.B) {
	msgs := messages(b)
	text := text1MB(b)
	inputs := []struct {
		name  string
		texts []string
	}{{"hit", msgs.hit}, {"miss", msgs.miss}, {"text1MB", []string{text}}}
	for _, f := range finders {
		for _, n := range scales {
			get := lazy(f, loadRules(b, n))
			for _, input := range inputs {
				if input.name == "text1MB" && !f.text(n) {
					continue
				}
				b.Run(fmt.Sprintf("rules=%d/input=%s/impl=%s", n, input.name, f.name), func(b *testing.B) {
					find := get(b)
					texts := input.texts
					b.SetBytes(meanLen(texts))
					b.ReportAllocs()
					b.ResetTimer()
					sink := 0
					for j := 0; j < b.N; j++ {
						sink += find(texts[j%len(texts)])
					}
					runtime.KeepAlive(sink)
				})
			}
			get = nil
			runtime.GC() // drop this automaton before building the next
		}
	}
}
