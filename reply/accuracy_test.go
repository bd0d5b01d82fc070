package reply

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A labelled message of an accuracy corpus.
type labelled struct {
	file            string
	line            int
	msg, kind, trap string
	expected        []string // rule ids; empty means the fallback
}

// The accuracy corpora, all written independently of the rules (see their
// headers), and the part each line belongs to:
//
//   - dev: the odd lines of accuracy.tsv and all of accuracy_tune.tsv, the
//     only lines the starter library may be tuned against;
//   - held-out: the even lines of accuracy.tsv, never read while tuning;
//   - fresh: accuracy_fresh.tsv, written after the rest by a session that
//     saw neither the rules nor the other corpora, and scored once tuning
//     was done.
//
// The held-out parts are the honest estimate of how the library does on
// messages nobody tuned it for.
var corpora = []struct {
	file string
	part func(line int) string
}{
	{"testdata/accuracy.tsv", func(line int) string {
		if line%2 == 1 {
			return "dev"
		}
		return "held-out"
	}},
	{"testdata/accuracy_tune.tsv", func(int) string { return "dev" }},
	{"testdata/accuracy_fresh.tsv", func(int) string { return "fresh" }},
}

// readCorpus reads one corpus: UTF-8, one message a line, four fields
// separated by tabs (message, expected rule ids joined by | or -, kind,
// trapped rule or -); # starts a comment line.
func readCorpus(t *testing.T, file string) []labelled {
	f, err := os.Open(file)
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
		require.Len(t, fields, 4, "%s:%d", file, line)
		l := labelled{file: file, line: line, msg: fields[0], kind: fields[2], trap: fields[3]}
		if fields[1] != "-" {
			l.expected = strings.Split(fields[1], "|")
		}
		out = append(out, l)
	}
	require.NoError(t, sc.Err())
	return out
}

// Issue 6's targets are 95% top-1 accuracy, no trap answered by the
// trapped rule and no small talk answered. The constants are what is
// asserted: the targets where they are met, and otherwise the figures of
// the last measurement, rounded down, as floors, so that a regression
// fails. Measured on 2026-11-27, after tuning against the dev part:
//
//	dev       859/870 = 98.7%, 3 traps, 0 small talk
//	held-out  250/270 = 92.6%, 5 traps, 0 small talk
//	fresh     317/360 = 88.1%, 8 traps, 0 small talk
//
// Before that tuning the same library scored 760/870 (87.4%), 238/270
// (88.1%) and 301/360 (83.6%).
const (
	minAccuracyDev     = 0.95
	maxTrappedDev      = 3 // 会员卡套, 我手机坏了, 少件的问题解决了: meaning, not words
	maxChattyDev       = 0
	minAccuracyHeldOut = 0.925
	maxTrappedHeldOut  = 5
	minAccuracyFresh   = 0.880
	maxTrappedFresh    = 8
	maxChattyHeldOut   = 0 // held-out and fresh
)

// part holds the score of one part of the corpora.
type part struct {
	name            string
	correct, total  int
	trapped, chatty int
	byKind          map[string][2]int
	misses          []string // listed for dev only
}

func (p *part) accuracy() float64 {
	if p.total == 0 {
		return 0
	}
	return float64(p.correct) / float64(p.total)
}

// TestStarterAccuracy scores the starter library on the labelled corpora:
// top-1 accuracy (any of a message's labels counts), traps answered by the
// trapped rule, and small talk answered by a rule, for each part. With -v it
// lists the dev part's misses, never the held-out ones, so that nobody tunes
// the rules against them by accident.
func TestStarterAccuracy(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	parts := map[string]*part{}
	for _, c := range corpora {
		for _, l := range readCorpus(t, c.file) {
			name := c.part(l.line)
			p := parts[name]
			if p == nil {
				p = &part{name: name, byKind: map[string][2]int{}}
				parts[name] = p
			}
			a := e.Reply(l.msg)
			ok := len(l.expected) == 0 && a.Fallback || !a.Fallback && slices.Contains(l.expected, a.Rule)
			k := p.byKind[l.kind]
			k[1]++
			p.total++
			if ok {
				p.correct++
				k[0]++
			} else if name == "dev" {
				p.misses = append(p.misses, fmt.Sprintf("%s:%d: %s -> %s; want %s", l.file, l.line, l.msg, a.Trace(), strings.Join(l.expected, "|")))
			}
			p.byKind[l.kind] = k
			if l.kind == "trap" && a.Rule == l.trap {
				p.trapped++
			}
			if l.kind == "smalltalk" && !a.Fallback {
				p.chatty++
			}
		}
	}
	dev, held, fresh := parts["dev"], parts["held-out"], parts["fresh"]
	require.NotNil(t, dev, "dev part")
	require.NotNil(t, held, "held-out part")
	require.NotNil(t, fresh, "fresh part")
	require.GreaterOrEqual(t, dev.total+held.total+fresh.total, 300, "corpus size")

	var kinds []string
	for k := range dev.byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	t.Logf("%-12s %9s %9s %9s", "kind", "dev", "held-out", "fresh")
	for _, k := range kinds {
		t.Logf("%-12s %4d/%4d %4d/%4d %4d/%4d", k,
			dev.byKind[k][0], dev.byKind[k][1], held.byKind[k][0], held.byKind[k][1], fresh.byKind[k][0], fresh.byKind[k][1])
	}
	for _, p := range []*part{dev, held, fresh} {
		t.Logf("%-8s top-1 accuracy %3d/%3d = %.1f%%, traps answered by the trapped rule: %d, small talk answered by a rule: %d",
			p.name, p.correct, p.total, 100*p.accuracy(), p.trapped, p.chatty)
	}
	if testing.Verbose() {
		for _, m := range dev.misses {
			t.Log("dev miss: " + m)
		}
	}
	assert.GreaterOrEqual(t, dev.accuracy(), minAccuracyDev, "top-1 accuracy of the starter library, dev part")
	assert.LessOrEqual(t, dev.trapped, maxTrappedDev, "dev traps answered by the trapped rule")
	assert.LessOrEqual(t, dev.chatty, maxChattyDev, "dev small talk answered by a rule")
	assert.GreaterOrEqual(t, held.accuracy(), minAccuracyHeldOut, "top-1 accuracy of the starter library, held-out part")
	assert.LessOrEqual(t, held.trapped, maxTrappedHeldOut, "held-out traps answered by the trapped rule")
	assert.GreaterOrEqual(t, fresh.accuracy(), minAccuracyFresh, "top-1 accuracy of the starter library, fresh part")
	assert.LessOrEqual(t, fresh.trapped, maxTrappedFresh, "fresh traps answered by the trapped rule")
	assert.LessOrEqual(t, held.chatty+fresh.chatty, maxChattyHeldOut, "held-out and fresh small talk answered by a rule")
}
