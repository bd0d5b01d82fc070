package pinyin

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadings(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want []string
	}{
		{'发', []string{"fa"}},
		{'票', []string{"piao"}},
		{'行', []string{"xing", "hang", "heng"}},
		{'女', []string{"nv", "ru"}}, // ü is v
		{'一', []string{"yi"}},       // first of the block
		{'a', nil},
		{'發', []string{"fa", "bo"}}, // traditional characters too
		{0x9FFF + 1, nil},
		{0x4E00 - 1, nil},
		{-1, nil},
		{utf8.MaxRune, nil},
	} {
		assert.Equal(t, tc.want, Readings(tc.r), "Readings(%q)", tc.r)
	}
}

// TestTable checks the generated table as a whole: every character of
// the block has readings of plain letters, none repeated.
func TestTable(t *testing.T) {
	require.Equal(t, len(listOf), tableHi-tableLo, "one index per character of the block")
	missing := 0
	for r := rune(tableLo); r < tableHi; r++ {
		rs := Readings(r)
		if rs == nil {
			missing++
			continue
		}
		seen := map[string]bool{}
		for _, p := range rs {
			require.NotEmpty(t, p, "reading of %q", r)
			for _, c := range p {
				require.True(t, c >= 'a' && c <= 'z', "reading %q of %q has %q", p, r, c)
			}
			require.False(t, seen[p], "reading %q of %q repeated", p, r)
			seen[p] = true
		}
	}
	assert.Less(t, missing, 200, "characters of the block without a reading")
}

func TestVariants(t *testing.T) {
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"开票", []string{"kai票", "开piao"}},
		{"积分", []string{"ji分", "积fen"}},         // not 积's rare zhi
		{"打折", []string{"da折", "打zhe", "打she"}}, // 折's she, not its rare ti
		{"额度", []string{"额du", "额duo"}},         // no one-letter e
		{"xl码", []string{"xlma"}},
		{"退货了", []string{"tui货了", "退huo了", "退货le", "退货liao"}},
		{"ok", nil},
		{"", nil},
		{"\xff货", []string{"\xffhuo"}},
	} {
		assert.Equal(t, tc.want, Variants(tc.word), "Variants(%q)", tc.word)
	}
}

// TestAlsoRead: every common other reading is one of the character's
// readings in the table, and not its first.
func TestAlsoRead(t *testing.T) {
	n := 0
	for e := range strings.SplitSeq(alsoRead, " ") {
		key, list, ok := strings.Cut(e, ":")
		require.True(t, ok && utf8.RuneCountInString(key) == 1 && list != "", "entry %q", e)
		r, _ := utf8.DecodeRuneInString(key)
		all := Readings(r)
		require.NotEmpty(t, all, "entry %q: character not in the table", e)
		for p := range strings.SplitSeq(list, ",") {
			assert.Contains(t, all[1:], p, "entry %q: %s is not one of %q's other readings %q", e, p, key, all)
		}
		assert.Equal(t, list, otherReadings(r), "otherReadings(%q)", key)
		n++
	}
	assert.Equal(t, "", otherReadings('积'), "积 has no common other reading")
	assert.Greater(t, n, 50, "entries")
}
