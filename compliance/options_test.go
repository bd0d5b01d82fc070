package compliance_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/compliance"
	"github.com/kefu-go/kefu/matcher"
)

func TestOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    []compliance.Option
		in      string
		want    string
		blocked bool
	}{
		{name: "defaults", in: "最好的朋友", want: "很好的朋友"},
		{name: "WithAllowed keeps a compound", opts: []compliance.Option{compliance.WithAllowed("最好的朋友")}, in: "他是我最好的朋友", want: "他是我最好的朋友"},
		{name: "WithAllowed on a listed word exempts it", opts: []compliance.Option{compliance.WithAllowed("绝对")}, in: "绝对正品", want: "绝对正品"},
		{name: "WithoutAllowed exposes the word", opts: []compliance.Option{compliance.WithoutAllowed("最快明天")}, in: "最快明天发货", want: "很快明天发货"},
		{name: "WithWords adds", opts: []compliance.Option{compliance.WithWords(compliance.Entry{Word: "爆款之冠", Category: "status", Action: compliance.Rewrite, Replacement: "热门款"})}, in: "这是爆款之冠", want: "这是热门款"},
		{name: "WithWords replaces a listed word", opts: []compliance.Option{compliance.WithWords(compliance.Entry{Word: "最好", Category: compliance.CategorySuperlative, Action: compliance.Rewrite, Replacement: "挺好"})}, in: "这款最好", want: "这款挺好"},
		{name: "WithWords wins over a listed word with the same normalised text", opts: []compliance.Option{compliance.WithWords(compliance.Entry{Word: "最 好", Category: compliance.CategorySuperlative, Action: compliance.Rewrite, Replacement: "挺好"})}, in: "这款最好", want: "这款挺好"},
		{name: "WithoutWords removes", opts: []compliance.Option{compliance.WithoutWords("最好", "没有的词")}, in: "这款最好", want: "这款最好"},
		{name: "options apply in order", opts: []compliance.Option{compliance.WithoutWords("最好"), compliance.WithWords(compliance.Entry{Word: "最好", Category: "mine", Action: compliance.Drop})}, in: "这款最好", want: "这款"},
		{name: "WithoutDefaults", opts: []compliance.Option{compliance.WithWords(compliance.Entry{Word: "秒杀", Category: "mine", Action: compliance.Block}), compliance.WithoutDefaults()}, in: "最好的秒杀", want: "最好的秒杀", blocked: true},
		{name: "WithAction flags mobiles", opts: []compliance.Option{compliance.WithAction(compliance.CategoryMobile, compliance.Flag)}, in: "13812345678", want: "13812345678"},
		{name: "WithAction blocks urgency", opts: []compliance.Option{compliance.WithAction(compliance.CategoryUrgency, compliance.Block)}, in: "手慢无", want: "手慢无", blocked: true},
		{name: "WithAction rewrite without replacement drops", opts: []compliance.Option{compliance.WithAction(compliance.CategoryMobile, compliance.Rewrite)}, in: "电话：13812345678", want: "电话"},
		{name: "WithAction flag leaves rewrites alone", opts: []compliance.Option{compliance.WithAction(compliance.CategorySuperlative, compliance.Flag)}, in: "最好", want: "最好"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := compliance.New(tc.opts...)
			require.NoError(t, err, "New(%s)", tc.name)
			got := f.Clean(tc.in)
			assert.Equal(t, tc.want, got.Text, "Clean(%q).Text", tc.in)
			assert.Equal(t, tc.blocked, got.Blocked, "Clean(%q).Blocked", tc.in)
		})
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		opt  compliance.Option
		err  error
	}{
		{name: "empty word", opt: compliance.WithWords(compliance.Entry{Word: "", Category: "x", Action: compliance.Drop}), err: compliance.ErrEmptyWord},
		{name: "bad category", opt: compliance.WithWords(compliance.Entry{Word: "好", Category: "X Y", Action: compliance.Drop}), err: compliance.ErrCategory},
		{name: "no action", opt: compliance.WithWords(compliance.Entry{Word: "好", Category: "x"}), err: compliance.ErrAction},
		{name: "rewrite without replacement", opt: compliance.WithWords(compliance.Entry{Word: "好", Category: "x", Action: compliance.Rewrite}), err: compliance.ErrReplacement},
		{name: "replacement with a listed word", opt: compliance.WithWords(compliance.Entry{Word: "最好", Category: "x", Action: compliance.Rewrite, Replacement: "最佳"}), err: compliance.ErrReplacementListed},
		{name: "replacement with a block word", opt: compliance.WithWords(compliance.Entry{Word: "很赞", Category: "x", Action: compliance.Rewrite, Replacement: "加微信"}), err: compliance.ErrReplacementListed},
		{name: "empty allowed compound", opt: compliance.WithAllowed(" "), err: compliance.ErrEmptyWord},
		{name: "bad WithAction", opt: compliance.WithAction(compliance.CategoryMobile, compliance.Action(0)), err: compliance.ErrAction},
		{name: "word of noise only", opt: compliance.WithWords(compliance.Entry{Word: "***", Category: "x", Action: compliance.Drop}), err: matcher.ErrEmptyPattern},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := compliance.New(tc.opt)
			assert.Nil(t, f, "New(%s)", tc.name)
			require.ErrorIs(t, err, tc.err, "New(%s)", tc.name)
			assert.Regexp(t, "^compliance: ", err.Error(), "New(%s): error has the package prefix", tc.name)
		})
	}
	assert.Panics(t, func() { compliance.MustNew(compliance.WithAllowed("")) }, "MustNew(WithAllowed(\"\"))")
}

func TestOptionsCopyArguments(t *testing.T) {
	words := []string{"最好"}
	opt := compliance.WithoutWords(words...)
	words[0] = "最佳"
	f := compliance.MustNew(opt)
	assert.Equal(t, "最好，理想", f.Clean("最好，最佳").Text, "WithoutWords must copy its arguments")
}

func TestWordsAndAllowedAreCopies(t *testing.T) {
	f := compliance.MustNew()
	w := f.Words()
	w[0].Word = "changed"
	a := f.Allowed()
	a[0] = "changed"
	assert.NotEqual(t, "changed", f.Words()[0].Word, "Words() must return a copy")
	assert.NotEqual(t, "changed", f.Allowed()[0], "Allowed() must return a copy")
}

func TestConcurrentUse(t *testing.T) {
	f := compliance.MustNew()
	inputs := []string{"这款是最好的，手慢无！", "加微信13812345678", "您第一次购买吗", "國家級品質，药到病除"}
	want := make([]compliance.Result, len(inputs))
	for i, in := range inputs {
		want[i] = f.Clean(in)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 200; n++ {
				i := n % len(inputs)
				if got := f.Clean(inputs[i]); got.Text != want[i].Text || got.Blocked != want[i].Blocked || len(got.Findings) != len(want[i].Findings) {
					errs <- errors.New(inputs[i])
					return
				}
				_ = compliance.Mask(inputs[i])
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err, "concurrent Clean(%q) differs from the sequential result", err)
	}
}
