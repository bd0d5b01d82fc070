package reply

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFillTemplate(t *testing.T) {
	vars := map[string]string{"shop": "小店", "url": "https://shop.example/a?b=1"}
	tests := []struct {
		name, in, want, err string
	}{
		{"no action", "亲，48小时内发货。", "亲，48小时内发货。", ""},
		{"one", "{{.shop}}欢迎您", "小店欢迎您", ""},
		{"spaces", "{{ .shop }}欢迎您", "小店欢迎您", ""},
		{"two and a link", "{{.shop}}: {{.url}}", "小店: https://shop.example/a?b=1", ""},
		{"unknown", "{{.name}}", "", `unknown variable "name"`},
		{"unclosed", "亲{{.shop", "", "unclosed {{ at byte 3"},
		{"stray close", "亲}}", "", "unexpected }} at byte 3"},
		{"stray close after action", "{{.shop}}}}", "", "unexpected }} at byte 9"},
		{"function", "{{printf \"%s\" .shop}}", "", "unsupported action"},
		{"empty action", "{{}}", "", "unsupported action"},
		{"bad name", "{{.shop-name}}", "", "unsupported action"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := fillTemplate(tt.in, vars)
			if tt.err != "" {
				assert.ErrorContains(t, err, tt.err, "fillTemplate(%q)", tt.in)
				return
			}
			assert.NoError(t, err, "fillTemplate(%q)", tt.in)
			assert.Equal(t, tt.want, got, "fillTemplate(%q)", tt.in)
		})
	}
}
