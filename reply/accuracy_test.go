package reply

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type labelled struct {
	line            int
	msg, kind, trap string
	expected        []string // rule ids; empty means the fallback
}

func readCorpus(t *testing.T) []labelled {
	f, err := os.Open("testdata/accuracy.tsv")
	require.NoError(t, err)
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		require.Len(t, fields, 4, "testdata/accuracy.tsv:%d", line)
		l := labelled{line: line, msg: fields[0], kind: fields[2], trap: fields[3]}
		if fields[1] != "-" {
			l.expected = strings.Split(fields[1], "|")
		}
		out = append(out, l)
	}
	require.NoError(t, sc.Err())
	return out
}

// Measured floors, one per split (see TestStarterAccuracy). They are
// regression floors, the measured values rounded down, not targets: issue 6
// asks for 95%, no trapped answer and no small talk answered. Raise them
// when the starter library improves.
const (
	minAccuracy        = 0.931 // all lines: 503/540 = 93.1%
	minAccuracyDev     = 0.985 // odd lines: 266/270 = 98.5%
	minAccuracyHeldOut = 0.877 // even lines: 237/270 = 87.8%
	maxTrapped         = 7     // all lines (dev 0, held-out 7)
	maxChatty          = 0     // all lines
)

// split is one part of the corpus. The corpus is split by line number in
// the file: odd lines are the dev half, the only one rules may be tuned
// against; even lines are held out, so that their figure stays an honest
// estimate of how the library does on messages nobody tuned it for.
type split struct {
	name                   string
	correct, total         int
	trapped, chatty        int
	misses, trapL, chattyL []string
	byKind                 map[string][2]int
}

func (s *split) accuracy() float64 {
	if s.total == 0 {
		return 0
	}
	return float64(s.correct) / float64(s.total)
}

// TestStarterAccuracy measures the starter library against the labelled
// corpus, which was written independently of the rules. It reports dev (odd
// lines), held-out (even lines) and all. Only the dev half's misses, traps
// and chatty lines are listed (with -v); the held-out half reports counts
// only, so that nobody tunes the rules against it by accident.
func TestStarterAccuracy(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	corpus := readCorpus(t)
	require.GreaterOrEqual(t, len(corpus), 300, "corpus size")
	dev := &split{name: "dev", byKind: map[string][2]int{}}
	held := &split{name: "held-out", byKind: map[string][2]int{}}
	all := &split{name: "all", byKind: map[string][2]int{}}
	for _, l := range corpus {
		a := e.Reply(l.msg)
		ok := len(l.expected) == 0 && a.Fallback || !a.Fallback && contains(l.expected, a.Rule)
		isTrapped := l.kind == "trap" && a.Rule == l.trap
		isChatty := l.kind == "smalltalk" && !a.Fallback
		part := held
		if l.line%2 == 1 {
			part = dev
		}
		for _, s := range []*split{part, all} {
			k := s.byKind[l.kind]
			k[1]++
			s.total++
			if ok {
				s.correct++
				k[0]++
			}
			s.byKind[l.kind] = k
			if isTrapped {
				s.trapped++
			}
			if isChatty {
				s.chatty++
			}
		}
		if part != dev {
			continue
		}
		where := "accuracy.tsv:" + itoa(l.line) + ": " + l.msg + " -> "
		if !ok {
			dev.misses = append(dev.misses, where+a.Trace()+" want "+strings.Join(l.expected, "|"))
		}
		if isTrapped {
			dev.trapL = append(dev.trapL, where+a.Rule)
		}
		if isChatty {
			dev.chattyL = append(dev.chattyL, where+a.Rule)
		}
	}
	kinds := make([]string, 0, len(all.byKind))
	for k := range all.byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	t.Logf("%-12s %9s %9s %9s", "kind", dev.name, held.name, all.name)
	for _, k := range kinds {
		t.Logf("%-12s %4d/%4d %4d/%4d %4d/%4d", k,
			dev.byKind[k][0], dev.byKind[k][1], held.byKind[k][0], held.byKind[k][1], all.byKind[k][0], all.byKind[k][1])
	}
	for _, s := range []*split{dev, held, all} {
		t.Logf("%-8s top-1 accuracy %3d/%3d = %.1f%%, traps answered by the trapped rule: %d, small talk answered by a rule: %d",
			s.name, s.correct, s.total, 100*s.accuracy(), s.trapped, s.chatty)
	}
	if testing.Verbose() {
		for _, m := range dev.trapL {
			t.Log("dev trapped: " + m)
		}
		for _, m := range dev.chattyL {
			t.Log("dev chatty: " + m)
		}
		for _, m := range dev.misses {
			t.Log("dev miss: " + m)
		}
	}
	assert.GreaterOrEqual(t, dev.accuracy(), minAccuracyDev, "top-1 accuracy of the starter library, dev half")
	assert.GreaterOrEqual(t, held.accuracy(), minAccuracyHeldOut, "top-1 accuracy of the starter library, held-out half")
	assert.GreaterOrEqual(t, all.accuracy(), minAccuracy, "top-1 accuracy of the starter library")
	assert.LessOrEqual(t, all.trapped, maxTrapped, "traps answered by the trapped rule")
	assert.LessOrEqual(t, all.chatty, maxChatty, "small talk answered by a rule")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
