package compliance

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTidy pins the tidy-up after a deletion, with 删 as the only word.
func TestTidy(t *testing.T) {
	f := MustNew(WithoutDefaults(), WithWords(Entry{Word: "删", Category: "test", Action: Drop}))
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "middle of a clause", in: "好删的", want: "好的"},
		{name: "only word", in: "删", want: ""},
		{name: "start, mark after", in: "删，好", want: "好"},
		{name: "start, spaces after", in: "  删  好", want: "好"},
		{name: "end, comma before", in: "好，删", want: "好"},
		{name: "end, full stop before", in: "好。删", want: "好。"},
		{name: "end, semicolon and space before", in: "好； 删 ", want: "好"},
		{name: "comma meets full stop", in: "好，删。", want: "好。"},
		{name: "full stop meets comma", in: "好。删，再见", want: "好。再见"},
		{name: "comma meets comma", in: "好，删，再见", want: "好，再见"},
		{name: "semicolon beats comma", in: "好，删；再见", want: "好；再见"},
		{name: "emphasis kept", in: "好，删！！", want: "好！！"},
		{name: "ASCII marks", in: "ok, 删, bye", want: "ok, bye"},
		{name: "one space kept", in: "ok 删 bye", want: "ok bye"},
		{name: "right space kept when left has none", in: "ok删 bye", want: "ok bye"},
		{name: "no space before a mark", in: "ok 删!", want: "ok!"},
		{name: "particle alone goes", in: "好，删呢。", want: "好。"},
		{name: "particles alone go", in: "好，删了吧", want: "好"},
		{name: "particle after a word stays", in: "好删呢。", want: "好呢。"},
		{name: "particle before a word stays", in: "好，删呢你", want: "好，呢你"},
		{name: "line start", in: "一\n删，二", want: "一\n二"},
		{name: "empty line removed", in: "一\n删\n二", want: "一\n二"},
		{name: "empty last line removed", in: "一\n删", want: "一"},
		{name: "empty first line removed", in: "删\n二", want: "二"},
		{name: "newline after a word", in: "一删\n二", want: "一\n二"},
		{name: "adjacent drops", in: "删删，好", want: "好"},
		{name: "drops around a mark", in: "好，删，删！", want: "好！"},
		{name: "untouched marks elsewhere", in: "好！！，删", want: "好！！"},
		{name: "invalid UTF-8 next to it", in: "\xff删\xfe", want: "\uFFFD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, f.Clean(tc.in).Text, "Clean(%q)", tc.in)
		})
	}
}
