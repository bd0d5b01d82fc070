package lines

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReader(t *testing.T) {
	tests := []struct {
		name, input string
		max         int
		want        []string
	}{
		{"lines", "a\nb\r\n\nc", 10, []string{"a", "b", "", "c"}},
		{"cut at a character boundary", "发货了吗\n在吗\n", 7, []string{"发货", "在吗"}},
		{"cut inside the first character", "发货\n", 2, []string{""}},
		{"longer than the buffer", strings.Repeat("货", 5000) + "\n", 9000, []string{strings.Repeat("货", 3000)}},
		{"empty", "", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewReader(strings.NewReader(tt.input), tt.max)
			var got []string
			for {
				line, err := l.Next()
				if err == io.EOF {
					break
				}
				require.NoError(t, err)
				got = append(got, line)
			}
			assert.Equal(t, tt.want, got, "lines of %q (max %d)", tt.input, tt.max)
		})
	}
}
