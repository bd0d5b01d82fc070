package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// block is one question's printed lines.
type block struct{ question, answer, rule, trace string }

func parse(t *testing.T, out string) []block {
	t.Helper()
	var bs []block
	for _, chunk := range strings.Split(strings.TrimRight(out, "\n"), "\n\n") {
		lines := strings.Split(chunk, "\n")
		require.Len(t, lines, 4, "block %q", chunk)
		var b block
		for i, dst := range []*string{&b.question, &b.answer, &b.rule, &b.trace} {
			_, v, ok := strings.Cut(lines[i], ": ")
			require.True(t, ok, "line %q has no label", lines[i])
			*dst = v
		}
		bs = append(bs, b)
	}
	return bs
}

func TestRun(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(nil, strings.NewReader(""), &stdout, &stderr)
	require.Equal(t, 0, code, "stderr: %s", stderr.String())
	assert.Empty(t, stderr.String())

	blocks := parse(t, stdout.String())
	require.Len(t, blocks, len(questions))
	got := map[string]block{}
	for i, b := range blocks {
		assert.Equal(t, questions[i], b.question, "question %d", i)
		assert.NotEmpty(t, b.answer, "answer to %q", b.question)
		assert.NotEmpty(t, b.trace, "trace of %q", b.question)
		assert.NotContains(t, b.answer, "{{", "answer to %q is an unrendered template", b.question)
		got[b.question] = b
	}

	tests := []struct {
		name, question, rule string
	}{
		{"plain", "亲，什么时候发货呀", "ship_time"},
		{"traditional", "發貨了嗎", "ship_time"},
		{"trap 现货 across a word boundary", "我发现货不对", "wrong_item"},
		{"all_of", "退货运费谁出", "return_shipping_fee"},
		{"typo synonym", "有没有优惠卷", "coupon"},
		{"exact greeting", "在吗？", "greeting"},
		{"small talk", "今天天气真好", "(fallback: no-match)"},
		{"complaint", "东西收到就是坏的，我要投诉你们！", "complaint"},
		{"human", "转人工", "human"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, ok := got[tt.question]
			require.True(t, ok, "question %q not printed", tt.question)
			assert.Equal(t, tt.rule, b.rule, "rule for %q", tt.question)
		})
	}
	assert.Contains(t, got["东西收到就是坏的，我要投诉你们！"].trace, "handoff", "complaint trace")
	assert.Contains(t, got["今天天气真好"].trace, "fallback (no-match)", "small-talk trace")
	assert.Contains(t, got["亲，什么时候发货呀"].answer, "48小时", "shop variables rendered")
	assert.Contains(t, got["在吗？"].answer, "小熊家", "WithVariables shop_name")
}

func TestRunRejectsArguments(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"x"}, strings.NewReader(""), &stdout, &stderr), "run(x)")
	assert.Contains(t, stderr.String(), "usage")
	assert.Empty(t, stdout.String())
}
