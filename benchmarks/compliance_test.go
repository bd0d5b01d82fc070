package benchmarks

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	importcjj "github.com/importcjj/sensitive"
	zmexing "github.com/zmexing/go-sensitive-word/filter"

	"github.com/kefu-go/kefu/compliance"
)

// cleanReplies are replies of about 50 characters: one with nothing to
// change (most replies), one with absolute claims and urgency tricks next
// to benign compounds (最近, 最快明天).
var cleanReplies = []struct{ name, text string }{
	{"clean", "亲，这款连衣裙是纯棉面料，透气舒服，付款后48小时内发货，收到后有任何问题都可以随时联系客服哦~"},
	{"dirty", "亲，这款是全网最低价的爆款，销量第一，质量绝对有保障，手慢无哦，最近下单的话最快明天就能发货~"},
}

// benignCompounds contain a banned word but make no claim; a filter that
// changes them damages ordinary replies.
var benignCompounds = []string{
	"最近", "最初", "最终", "最早", "最晚", "最迟", "最多", "最少", "最起码",
	"最好不", "最好别", "最后一步", "最快明天发货", "第一次", "第一步", "第一天",
	"第一时间", "首页", "首单", "首次", "首付", "国家标准", "国标", "唯一的缺点",
	"100%棉",
}

// A cleaner is one sensitive-word filter; clean returns the text it would
// send.
type cleaner struct {
	name  string
	clean func(string) string
}

// bannedWords are the words of kefu's compliance list, given to the peers.
var bannedWords = sync.OnceValues(func() ([]string, error) {
	entries, err := compliance.LoadWordsFile(filepath.Join("..", "compliance", "data", "words.tsv"))
	if err != nil {
		return nil, err
	}
	words := make([]string, len(entries))
	for i, e := range entries {
		words[i] = e.Word
	}
	return words, nil
})

// cleaners builds kefu's filter (embedded word list and allow-list) and the
// two peers, loaded with the same words. The peers replace a word with *,
// their usual use; zmexing's DFA model is loaded synchronously with
// AddWords (its Manager feeds it through a channel and a goroutine, which
// races with the first calls).
func cleaners(tb testing.TB) []cleaner {
	tb.Helper()
	words, err := bannedWords()
	if err != nil {
		tb.Fatal(err)
	}
	f, err := compliance.New()
	if err != nil {
		tb.Fatal(err)
	}
	ij := importcjj.New()
	ij.AddWord(words...)
	zm := zmexing.NewDfaModel()
	zm.AddWords(words...)
	return []cleaner{
		{"kefu", func(s string) string { return f.Clean(s).Text }},
		{"importcjj", func(s string) string { return ij.Replace(s, '*') }},
		{"zmexing", func(s string) string { return zm.Replace(s, '*') }},
	}
}

// BenchmarkClean cleans one reply of about 50 characters.
func BenchmarkClean(b *testing.B) {
	cls := cleaners(b)
	for _, r := range cleanReplies {
		for _, c := range cls {
			b.Run(fmt.Sprintf("reply=%s/impl=%s", r.name, c.name), func(b *testing.B) {
				b.SetBytes(int64(len(r.text)))
				b.ReportAllocs()
				n := 0
				for i := 0; i < b.N; i++ {
					n += len(c.clean(r.text))
				}
				if n == 0 {
					b.Fatal("empty output")
				}
			})
		}
	}
}

// TestBenignCompounds counts, for each filter, the benign compounds it
// changes, alone or inside a reply, and logs the table. kefu must change
// none; the peers are only counted.
func TestBenignCompounds(t *testing.T) {
	cls := cleaners(t)
	const frame = "亲，%s，有问题随时联系我们~"
	for _, c := range cls {
		// The controls: the frame alone is left alone, and a plain claim
		// is changed, so that a count of zero means something.
		if got, in := c.clean(fmt.Sprintf(frame, "")), fmt.Sprintf(frame, ""); got != in {
			t.Fatalf("%s changes the frame %q to %q", c.name, in, got)
		}
		for _, claim := range []string{"全网最低价", "销量第一", "国家级产品"} {
			if got := c.clean(claim); got == claim {
				t.Fatalf("%s leaves the claim %q unchanged: is it loaded?", c.name, claim)
			}
		}
	}
	for _, r := range cleanReplies {
		t.Logf("reply %q: %d characters", r.name, utf8.RuneCountInString(r.text))
	}

	var b strings.Builder
	fmt.Fprintf(&b, "\n%-14s", "compound")
	for _, c := range cls {
		fmt.Fprintf(&b, " | %-24s", c.name)
	}
	b.WriteString("\n")
	changed := make([]int, len(cls))
	for _, w := range benignCompounds {
		fmt.Fprintf(&b, "%-14s", w)
		for i, c := range cls {
			cell := "ok"
			in := fmt.Sprintf(frame, w)
			if got := c.clean(w); got != w {
				cell = "-> " + got
			} else if got := c.clean(in); got != in {
				cell = "in reply -> " + strings.TrimSuffix(strings.TrimPrefix(got, "亲，"), "，有问题随时联系我们~")
			}
			if cell != "ok" {
				changed[i]++
				if c.name == "kefu" {
					t.Errorf("kefu changes the benign compound %q: %s", w, cell)
				}
			}
			fmt.Fprintf(&b, " | %-24s", cell)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%-14s", "changed")
	for i := range cls {
		fmt.Fprintf(&b, " | %-24s", fmt.Sprintf("%d of %d", changed[i], len(benignCompounds)))
	}
	t.Log(b.String())
}
