// Command gen writes the deterministic corpora of kefu's benchmarks into
// benchmarks/testdata. Run it with `go generate` in benchmarks/.
//
// Output:
//
//   - keywords_43.tsv: the starter library (reply/data/starter.yaml), one rule
//     a line: its id, a tab, then its surface forms separated by spaces (its
//     keywords, then the other words of every starter synonym group that
//     holds one of them).
//   - keywords_1000.tsv, keywords_10000.tsv: the 43 starter rules, then
//     generated rules up to 1,000 and 10,000 rules, each a keyword and three
//     synonyms. The words are 2 to 4 character Chinese words of gse's
//     simplified dictionary (data/dict/zh/s_1.txt in the module cache) of
//     mid frequency (10 to 3,000 in that file) and of parts of speech n, nz,
//     v, vn, a or an, shuffled. "Synonyms" are only other words of that pool:
//     what the benchmarks need is the number and shape of the surface forms.
//     The 1,000-rule set is a prefix of the 10,000-rule set.
//   - messages.tsv: 500 short customer messages, "hit" or "miss", a tab,
//     the message. A hit uses a starter keyword as a whole word (checked with
//     the kefu matcher over keywords_43.tsv) and is answered by a starter
//     rule; a miss contains no surface form of keywords_10000.tsv at all, even
//     as a substring after normalisation (checked with the kefu matcher in
//     substring mode), and gets the starter engine's fallback (so no synonym
//     of its embedded thesaurus fires either).
//   - text_1mb.txt: about 1 MiB of product reviews and shop chat built from
//     sentence templates (vocab.go) and common words of gse's dictionary.
//
// Everything is drawn from math/rand/v2 with a fixed seed, so the output is
// the same on every run.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/kefu-go/kefu/matcher"
	"github.com/kefu-go/kefu/reply"
)

const (
	// Frequency band and parts of speech of the generated keywords.
	minKeywordFreq = 10
	maxKeywordFreq = 3000
	// Words of the 1 MB text's {n}, {v} and {a} slots: common words.
	minTextFreq = 2000
	// Sizes.
	messagesPerKind = 250
	textBytes       = 1 << 20
	synonymsPerRule = 3
)

var keywordPOS = []string{"n", "nz", "v", "vn", "a", "an"}

type rule struct {
	id    string
	forms []string
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := flag.String("out", "testdata", "output directory")
	starter := flag.String("starter", "../reply/data/starter.yaml", "starter reply library")
	flag.Parse()

	rng := rand.New(rand.NewPCG(20261125, 8))

	base, err := readStarter(*starter)
	check(err)
	dict, err := readGseDict()
	check(err)

	pool := keywordPool(dict, base)
	if need := (10000 - len(base)) * (1 + synonymsPerRule); len(pool) < need {
		log.Fatalf("only %d keywords in the pool, need %d", len(pool), need)
	}
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	big := slices.Clone(base)
	for i := 0; len(big) < 10000; i++ {
		forms := pool[i*(1+synonymsPerRule) : (i+1)*(1+synonymsPerRule)]
		big = append(big, rule{id: fmt.Sprintf("gen%05d", len(big)+1), forms: forms})
	}
	check(writeRules(filepath.Join(*out, "keywords_43.tsv"), base))
	check(writeRules(filepath.Join(*out, "keywords_1000.tsv"), big[:1000]))
	check(writeRules(filepath.Join(*out, "keywords_10000.tsv"), big))

	msgs, err := messages(rng, base, big)
	check(err)
	check(os.WriteFile(filepath.Join(*out, "messages.tsv"), msgs, 0o644))

	check(os.WriteFile(filepath.Join(*out, "text_1mb.txt"), text(rng, dict, base), 0o644))
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// readStarter returns the rules of the starter library with their surface
// forms: keywords, then synonyms from the file's synonym groups.
func readStarter(path string) ([]rule, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Synonyms [][]string `yaml:"synonyms"`
		Rules    []struct {
			ID       string   `yaml:"id"`
			Keywords []string `yaml:"keywords"`
		} `yaml:"rules"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var rules []rule
	for _, r := range doc.Rules {
		forms := slices.Clone(r.Keywords)
		for _, kw := range r.Keywords {
			for _, g := range doc.Synonyms {
				if slices.Contains(g, kw) {
					forms = append(forms, g...)
				}
			}
		}
		var uniq []string
		for _, f := range forms {
			if strings.ContainsAny(f, " \t\n") {
				return nil, fmt.Errorf("%s: rule %s: keyword %q has a space", path, r.ID, f)
			}
			if !slices.Contains(uniq, f) {
				uniq = append(uniq, f)
			}
		}
		rules = append(rules, rule{id: r.ID, forms: uniq})
	}
	if len(rules) == 0 {
		return nil, fmt.Errorf("%s: no rules", path)
	}
	return rules, nil
}

type entry struct {
	word string
	freq float64
	pos  string
}

// readGseDict reads gse's simplified Chinese dictionary from the module
// cache, in file order.
func readGseDict() ([]entry, error) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		return nil, fmt.Errorf("locating gse: %w", err)
	}
	path := filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []entry
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want word and frequency", path, line)
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		e := entry{word: fields[0], freq: freq}
		if len(fields) > 2 {
			e.pos = fields[2]
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// keywordPool returns the distinct candidate keywords, in dictionary order:
// mid-frequency 2-4 character Han words, minus the starter's forms and any
// word found in the messages' fixed vocabulary.
func keywordPool(dict []entry, base []rule) []string {
	var fixed []string
	fixed = append(fixed, products...)
	fixed = append(fixed, openers...)
	fixed = append(fixed, contexts...)
	fixed = append(fixed, missTemplates...)
	taken := map[string]bool{}
	for _, r := range base {
		for _, f := range r.forms {
			taken[f] = true
		}
	}
	var pool []string
	for _, e := range dict {
		n := utf8.RuneCountInString(e.word)
		if n < 2 || n > 4 || e.freq < minKeywordFreq || e.freq > maxKeywordFreq ||
			!slices.Contains(keywordPOS, e.pos) || !allHan(e.word) || taken[e.word] {
			continue
		}
		if slices.ContainsFunc(fixed, func(s string) bool { return strings.Contains(s, e.word) }) {
			continue
		}
		taken[e.word] = true
		pool = append(pool, e.word)
	}
	return pool
}

func writeRules(path string, rules []rule) error {
	var b bytes.Buffer
	for _, r := range rules {
		fmt.Fprintf(&b, "%s\t%s\n", r.id, strings.Join(r.forms, " "))
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func patterns(rules []rule, substring bool) []matcher.Pattern {
	var ps []matcher.Pattern
	for i, r := range rules {
		for _, f := range r.forms {
			ps = append(ps, matcher.Pattern{Text: f, ID: i, Substring: substring})
		}
	}
	return ps
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// fill draws a message from a template: an opener, in three messages of four
// a context, the question, then a closer.
func fill(rng *rand.Rand, tmpl string) string {
	var b strings.Builder
	b.WriteString(pick(rng, openers))
	if rng.IntN(4) > 0 {
		b.WriteString(pick(rng, contexts))
	}
	q := strings.ReplaceAll(tmpl, "{p}", pick(rng, products))
	b.WriteString(q)
	if !strings.HasSuffix(q, "吗") && !strings.HasSuffix(q, "呢") && rng.IntN(3) == 0 {
		b.WriteString(pick(rng, particles))
	}
	b.WriteString(pick(rng, punctuation))
	return b.String()
}

// messages draws messagesPerKind hits and as many misses, interleaved.
func messages(rng *rand.Rand, base, big []rule) ([]byte, error) {
	hitM, err := matcher.New(patterns(base, false))
	if err != nil {
		return nil, err
	}
	anyM, err := matcher.New(patterns(big, true))
	if err != nil {
		return nil, err
	}
	engine, _, err := reply.New(reply.Starter())
	if err != nil {
		return nil, err
	}
	isHit := func(s string) bool { return len(hitM.FindAll(s)) > 0 && !engine.Reply(s).Fallback }
	isMiss := func(s string) bool { return len(anyM.FindAll(s)) == 0 && engine.Reply(s).Fallback }
	used := map[string]bool{}
	draw := func(templates []string, ok func(string) bool) (string, error) {
		for range 1000 {
			msg := fill(rng, pick(rng, templates))
			if !used[msg] && ok(msg) {
				used[msg] = true
				return msg, nil
			}
		}
		return "", fmt.Errorf("cannot draw a message from %q...", templates[0])
	}
	var b bytes.Buffer
	for range messagesPerKind {
		hit, err := draw(hitTemplates, isHit)
		if err != nil {
			return nil, err
		}
		miss, err := draw(missTemplates, isMiss)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "hit\t%s\nmiss\t%s\n", hit, miss)
	}
	// Every template must be usable: a hit template that never hits or a
	// miss template that always hits is a mistake in vocab.go.
	for _, t := range hitTemplates {
		if m := strings.ReplaceAll(t, "{p}", products[0]); !isHit(m) {
			return nil, fmt.Errorf("hit template %q has no whole-word starter keyword or no answer", t)
		}
	}
	for _, t := range missTemplates {
		if m := strings.ReplaceAll(t, "{p}", products[0]); !isMiss(m) {
			return nil, fmt.Errorf("miss template %q contains a keyword or is answered", t)
		}
	}
	return b.Bytes(), nil
}

// text builds about textBytes of reviews, five to ten sentences a paragraph.
func text(rng *rand.Rand, dict []entry, base []rule) []byte {
	var nouns, verbs, adjs []string
	for _, e := range dict {
		n := utf8.RuneCountInString(e.word)
		if n < 2 || n > 3 || e.freq < minTextFreq || !allHan(e.word) {
			continue
		}
		switch e.pos {
		case "n":
			nouns = append(nouns, e.word)
		case "v":
			verbs = append(verbs, e.word)
		case "a":
			adjs = append(adjs, e.word)
		}
	}
	var kws []string
	for _, r := range base {
		for _, f := range r.forms {
			if allHan(f) && utf8.RuneCountInString(f) >= 2 {
				kws = append(kws, f)
			}
		}
	}
	slots := map[string]func() string{
		"{p}": func() string { return pick(rng, products) },
		"{n}": func() string { return pick(rng, nouns) },
		"{v}": func() string { return pick(rng, verbs) },
		"{a}": func() string { return pick(rng, adjs) },
		"{k}": func() string { return pick(rng, kws) },
		"{d}": func() string { return strconv.Itoa(2 + rng.IntN(29)) },
		"{t}": func() string { return pick(rng, timeWords) },
	}
	var b bytes.Buffer
	var para strings.Builder
	for {
		para.Reset()
		for range 5 + rng.IntN(6) {
			s := pick(rng, textTemplates)
			for strings.Contains(s, "{") {
				i := strings.Index(s, "{")
				s = s[:i] + slots[s[i:i+3]]() + s[i+3:]
			}
			para.WriteString(s)
		}
		para.WriteByte('\n')
		if b.Len()+para.Len() > textBytes {
			return b.Bytes()
		}
		b.WriteString(para.String())
	}
}
