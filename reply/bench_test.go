package reply

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkReply measures one answer from the starter library for a
// message with a keyword hit and one without.
func BenchmarkReply(b *testing.B) {
	e, _, err := New(Starter())
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, msg string }{
		{"hit", "亲，什么时候发货呀，我想买两件"},
		{"miss", "今天天气真好我们去公园玩吧好不好"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.msg)))
			for b.Loop() {
				e.Reply(bc.msg)
			}
		})
	}
}

// BenchmarkNewStarter measures building the engine from the embedded
// starter library (the segmenter is shared and already loaded).
func BenchmarkNewStarter(b *testing.B) {
	rs := Starter()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := New(rs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReplyExceptions measures the worst case of except words: 20
// rules that share a keyword and an exception, and a message of the
// longest default length that repeats the exception, against the same
// rules without it. Excepted matches are looked up by binary search, so
// the two should stay within a small factor.
func BenchmarkReplyExceptions(b *testing.B) {
	msg := strings.Repeat("高兴坏了 ", DefaultMaxMessageRunes/5)
	for _, except := range []bool{false, true} {
		var rules strings.Builder
		rules.WriteString("version: 1\ndefault_reply: 亲，请稍等人工客服。\nrules:\n")
		for i := range 20 {
			fmt.Fprintf(&rules, "  - id: r%d\n    keywords: [坏了]\n", i)
			if except {
				rules.WriteString("    except: [高兴坏了]\n")
			}
			rules.WriteString("    reply: 好\n")
		}
		rs, err := Load(strings.NewReader(rules.String()), YAML, "bench.yaml")
		if err != nil {
			b.Fatal(err)
		}
		e, _, err := New(rs, WithoutDefaultSynonyms(), WithSimilarity(0))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("except=%v", except), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(msg)))
			for b.Loop() {
				e.Reply(msg)
			}
		})
	}
}
