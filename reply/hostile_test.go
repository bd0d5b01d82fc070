package reply

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHostileInput: every input gets one non-empty, deterministic answer,
// and input longer than the limit is truncated at a character boundary,
// as documented, never silently mangled.
func TestHostileInput(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	tests := []struct {
		name      string
		msg       string
		truncated bool
	}{
		{"empty", "", false},
		{"invalid utf8", "\xff\xfe\xfd发货", false},
		{"nul bytes", "\x00\x00什么时候发货\x00", false},
		{"lone surrogate encoding", "\xed\xa0\x80\xed\xbf\xbf", false},
		{"combining marks", "发\u0301\u0302\u0303货", false},
		{"right-to-left marks", "\u202e什么时候发货\u202c", false},
		{"10000 emoji", strings.Repeat("😀", 10000), true},
		{"1 MB paste", strings.Repeat("退货运费谁出", 1<<20/18), true},
		{"only punctuation", strings.Repeat("？！。", 100), false},
		{"just under the limit", strings.Repeat("好", DefaultMaxMessageRunes), false},
		{"just over the limit", strings.Repeat("好", DefaultMaxMessageRunes+1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.Reply(tt.msg)
			assert.NotEmpty(t, a.Text, "Reply(%.20q)", tt.msg)
			assert.Equal(t, tt.truncated, a.Truncated, "Reply(%.20q) truncated", tt.msg)
			for _, m := range a.Matches {
				assert.True(t, m.Start >= 0 && m.End <= len(tt.msg) && m.Start <= m.End, "match span %d..%d", m.Start, m.End)
			}
			assert.Equal(t, a, e.Reply(tt.msg), "Reply(%.20q) twice", tt.msg)
		})
	}
}

// TestTooLargeRuleSet: limits are checked before anything is compiled.
func TestTooLargeRuleSet(t *testing.T) {
	rs := &RuleSet{Version: 1, DefaultReply: "亲，请稍等。"}
	for range MaxRules + 1 {
		rs.Rules = append(rs.Rules, Rule{ID: "r", Keywords: []string{"发货"}, Replies: []string{"好"}})
	}
	_, _, err := New(rs)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "more than the limit")
}
