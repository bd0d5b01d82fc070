package benchmarks

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/go-ego/gse"

	"github.com/kefu-go/kefu/matcher"
)

// scales are the rule sets of testdata/keywords_N.tsv: the 43-rule starter
// library, then 1,000 and 10,000 rules (a keyword and three synonyms each,
// after the starter rules).
var scales = []int{43, 1000, 10000}

// A rule is one line of a keywords file: an id and its surface forms.
type rule struct {
	id    string
	forms []string
}

// ruleSet is one keywords file, parsed.
type ruleSet struct {
	rules []rule
	forms []string // distinct surface forms, in file order
}

var ruleSets sync.Map // int -> func() (*ruleSet, error)

// loadRules reads testdata/keywords_<n>.tsv once per process.
func loadRules(tb testing.TB, n int) *ruleSet {
	tb.Helper()
	f, _ := ruleSets.LoadOrStore(n, sync.OnceValues(func() (*ruleSet, error) {
		return readRules(filepath.Join("testdata", fmt.Sprintf("keywords_%d.tsv", n)))
	}))
	rs, err := f.(func() (*ruleSet, error))()
	if err != nil {
		tb.Fatal(err)
	}
	return rs
}

func readRules(path string) (*ruleSet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rs := &ruleSet{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		id, forms, ok := strings.Cut(sc.Text(), "\t")
		if !ok || id == "" || forms == "" {
			return nil, fmt.Errorf("%s:%d: want id, tab, forms", path, line)
		}
		r := rule{id: id, forms: strings.Fields(forms)}
		rs.rules = append(rs.rules, r)
		for _, f := range r.forms {
			if !seen[f] {
				seen[f] = true
				rs.forms = append(rs.forms, f)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return rs, nil
}

// patterns returns the rule set's surface forms as matcher patterns, the ID
// being the rule's index.
func (rs *ruleSet) patterns() []matcher.Pattern {
	var ps []matcher.Pattern
	for i, r := range rs.rules {
		for _, f := range r.forms {
			ps = append(ps, matcher.Pattern{Text: f, ID: i})
		}
	}
	return ps
}

type corpusMessages struct {
	hit, miss []string
}

var loadMessages = sync.OnceValues(func() (corpusMessages, error) {
	path := filepath.Join("testdata", "messages.tsv")
	b, err := os.ReadFile(path)
	if err != nil {
		return corpusMessages{}, err
	}
	var m corpusMessages
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		kind, msg, _ := strings.Cut(line, "\t")
		switch kind {
		case "hit":
			m.hit = append(m.hit, msg)
		case "miss":
			m.miss = append(m.miss, msg)
		default:
			return m, fmt.Errorf("%s:%d: kind %q is neither hit nor miss", path, i+1, kind)
		}
	}
	return m, nil
})

func messages(tb testing.TB) corpusMessages {
	tb.Helper()
	m, err := loadMessages()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

var loadText = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(filepath.Join("testdata", "text_1mb.txt"))
	return string(b), err
})

func text1MB(tb testing.TB) string {
	tb.Helper()
	s, err := loadText()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// fullGse is gse with its full default dictionary (s_1.txt and t_1.txt from
// gse's module directory, and its HMM model), loaded once per process: it
// takes about a second and 200 MB.
var fullGse = sync.OnceValues(func() (*gse.Segmenter, error) {
	s := &gse.Segmenter{SkipLog: true}
	if err := s.LoadDict(); err != nil {
		return nil, err
	}
	return s, nil
})

func fullSegmenter(tb testing.TB) *gse.Segmenter {
	tb.Helper()
	s, err := fullGse()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// heapAlloc returns the live heap after a full collection.
func heapAlloc() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// meanLen is the mean length in bytes of texts, for b.SetBytes when each
// iteration handles one of them.
func meanLen(texts []string) int64 {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return int64(n / max(len(texts), 1))
}

// TestCorpora checks the shape of the generated corpora, so that a change
// of the generator that breaks the benchmarks' premises fails here.
func TestCorpora(t *testing.T) {
	m := messages(t)
	if len(m.hit) != 250 || len(m.miss) != 250 {
		t.Errorf("messages: %d hits and %d misses, want 250 each", len(m.hit), len(m.miss))
	}
	if n := len(text1MB(t)); n < 1<<20-4096 || n > 1<<20 {
		t.Errorf("text_1mb.txt: %d bytes, want just under 1 MiB", n)
	}
	for _, n := range scales {
		rs := loadRules(t, n)
		if len(rs.rules) != n {
			t.Errorf("keywords_%d.tsv: %d rules", n, len(rs.rules))
		}
		t.Logf("keywords_%d.tsv: %d rules, %d distinct surface forms", n, len(rs.rules), len(rs.forms))
	}
	// A miss has no candidate at any scale; a hit has a whole-word match
	// at every scale.
	for _, n := range scales {
		mt, err := matcher.New(loadRules(t, n).patterns())
		if err != nil {
			t.Fatal(err)
		}
		for _, msg := range m.miss {
			if got := mt.FindAll(msg); len(got) != 0 {
				t.Errorf("rules=%d: miss %q has matches %v", n, msg, got)
			}
		}
		for _, msg := range m.hit {
			if got := mt.FindAll(msg); len(got) == 0 {
				t.Errorf("rules=%d: hit %q has no match", n, msg)
			}
		}
	}
}

// TestFullGseDictionary checks that LoadDict with no argument really loads
// gse's full dictionary, simplified and traditional, so that the baseline is
// what the issue measured.
func TestFullGseDictionary(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	s := fullSegmenter(t)
	for _, w := range []string{"发货", "發貨", "货到付款", "服务员"} {
		if _, _, ok := s.Find(w); !ok {
			t.Errorf("gse full dictionary lacks %q", w)
		}
	}
	if got, want := s.Cut("我和服务员说过了"), []string{"我", "和", "服务员", "说", "过", "了"}; !slices.Equal(got, want) {
		t.Errorf("Cut(我和服务员说过了) = %q, want %q", got, want)
	}
	t.Logf("gse full dictionary: %d tokens", s.Dict.NumTokens())
}
