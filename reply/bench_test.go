package reply

import "testing"

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
