package segment

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultCut(t *testing.T) {
	g, err := Default()
	require.NoError(t, err)
	tests := []struct{ in, want string }{
		{"我发现货不对", "我/发现/货/不对"},
		{"退货运费谁出", "退货/运费/谁/出"},
		{"我和服务员说过了", "我/和/服务员/说/过/了"},
		{"", ""},
		{"sf快递", "sf/快递"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, strings.Join(g.Cut(tt.in), "/"), "Cut(%q)", tt.in)
	}
}

func TestCutCoversText(t *testing.T) {
	g, err := Default()
	require.NoError(t, err)
	for _, in := range []string{"亲,什么时候发货呀", "a\xffb发货", "😀😀发", "ｆｕｌｌ"} {
		assert.Equal(t, in, strings.Join(g.Cut(in), ""), "Cut(%q) must cover the text", in)
	}
}

func TestWithWords(t *testing.T) {
	g, err := NewGse(WithWords("快递员"))
	require.NoError(t, err)
	assert.Equal(t, "快递员", g.Cut("快递员态度太差")[0], "first word of Cut with the user word 快递员")
}

func TestDictionaryErrors(t *testing.T) {
	tests := []struct{ name, dict, want string }{
		{"no frequency", "发货\n", "bad dictionary line 1"},
		{"bad frequency", "# c\n发货 x\n", "bad dictionary line 2"},
		{"negative frequency", "发货 -3\n", "bad dictionary line 1"},
		{"too many fields", "发货 3 n extra\n", "bad dictionary line 1"},
		{"not a number", "发货 NaN\n", "bad dictionary line 1"},
		{"infinite", "发货 +Inf\n", "bad dictionary line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewGse(WithDictionary(strings.NewReader(tt.dict)))
			require.ErrorIs(t, err, ErrDictionary, "NewGse(%q)", tt.dict)
			assert.Contains(t, err.Error(), tt.want, "NewGse(%q)", tt.dict)
		})
	}
	_, err := NewGse(WithWords("🙏"))
	assert.Error(t, err, "WithWords with a word that normalises to nothing")
	g, err := NewGse(WithWords("快遞員"))
	require.NoError(t, err)
	assert.Equal(t, "快递员", g.Cut("快递员态度太差")[0], "a traditional user word is added normalised")
}

func TestConcurrentCut(t *testing.T) {
	g, err := Default()
	require.NoError(t, err)
	want := strings.Join(g.Cut("退货运费谁出"), "/")
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if got := strings.Join(g.Cut("退货运费谁出"), "/"); got != want {
					t.Errorf("Cut concurrently = %q, want %q", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
