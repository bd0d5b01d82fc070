package compliance

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dropAll is a filter that deletes every listed word and every piece of
// personal data: the most deletions, so the most joins.
func dropAll(t testing.TB) *Filter {
	var opts []Option
	for _, c := range []Category{CategorySuperlative, CategoryRank, CategoryGrade, CategoryExclusive, CategoryStatus,
		CategoryAbsolute, CategoryUrgency, CategoryAuthority, CategoryMedical, CategorySolicit, CategoryOffPlatform,
		CategoryMobile, CategoryIDNumber, CategoryBankCard, CategoryEmail} {
		opts = append(opts, WithAction(c, Drop))
	}
	f, err := New(opts...)
	require.NoError(t, err)
	return f
}

// pieces returns what the generated texts are made of: every listed word
// and allowed compound, and the characters that joins and tidying care
// about.
func pieces(f *Filter) []string {
	out := []string{"，", "。", "！", "？", "；", "、", " ", "\n", "*", "~", "哦", "呢", "啦", "了", "的",
		"亲", "好", "这款", "质量", "a", "Top", "1", "9", "x", "发货", "13812345678", "a@b.cn", "\xff"}
	for _, e := range f.Words() {
		out = append(out, e.Word)
	}
	return append(out, f.Allowed()...)
}

// TestCleanLocalMatchesWhole checks that Clean, which checks the text again
// after edits only when a word may have formed (mayFormWords), gives what
// checking again after every edit gives: the same text, findings and verdict, for texts built from listed
// words, allowed compounds, punctuation, particles, spaces, noise, letters
// and digits, under the default actions and with everything dropped.
func TestCleanLocalMatchesWhole(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    *Filter
	}{{"defaults", MustNew()}, {"drop all", dropAll(t)}} {
		t.Run(tc.name, func(t *testing.T) {
			ps := pieces(tc.f)
			rng := rand.New(rand.NewPCG(3, 4))
			edited := 0
			for range 4000 {
				var b strings.Builder
				for range 1 + rng.IntN(14) {
					b.WriteString(ps[rng.IntN(len(ps))])
				}
				text := b.String()
				want, got := tc.f.clean(text, true), tc.f.Clean(text)
				assert.Equal(t, want, got, "Clean(%q): checking again only where a word may have formed differs from checking after every edit", text)
				if got.Text != text {
					edited++
				}
			}
			assert.Greater(t, edited, 2000, "too few texts were edited to test the checks after an edit")
		})
	}
}

// FuzzCleanLocal is TestCleanLocalMatchesWhole for any input. The seed
// corpus is in testdata/fuzz/FuzzCleanLocal.
func FuzzCleanLocal(f *testing.F) {
	for _, s := range []string{"", "最好", "最手慢无好", "这款是最好的，手慢无！", "您第一次购买，最快明天发货",
		"\xff最\xff好\xfe", "最*最好好", "第 一，最好。哦！", "TOP1最好a"} {
		f.Add(s)
	}
	filters := []*Filter{MustNew(), dropAll(f)}
	f.Fuzz(func(t *testing.T, text string) {
		for _, flt := range filters {
			require.Equal(t, flt.clean(text, true), flt.Clean(text), "Clean(%q): checking again only where a word may have formed differs from checking after every edit", text)
		}
	})
}

// TestCleanChecksAgain has one case for each way an edit can make a new
// word, which Clean must check again for: two halves that meet, a broken
// allowed compound, and a replacement that forms a word with what follows
// it.
func TestCleanChecksAgain(t *testing.T) {
	custom := func(allowed []string, entries ...Entry) *Filter {
		f, err := New(WithoutDefaults(), WithWords(entries...), WithAllowed(allowed...))
		require.NoError(t, err)
		return f
	}
	rewrite := func(w, r string) Entry {
		return Entry{Word: w, Category: CategorySuperlative, Action: Rewrite, Replacement: r}
	}
	drop := func(w string) Entry { return Entry{Word: w, Category: CategoryUrgency, Action: Drop} }
	tests := []struct {
		name, text, want string
		f                *Filter
	}{
		// 手慢无 goes and 最好 is whole again.
		{"halves meet", "最手慢无好", "很好", MustNew()},
		// 天下 goes, which breaks 最好的天; 最好 is no longer covered.
		{"broken allowed compound", "最好的天下", "很好的",
			custom([]string{"最好的天"}, rewrite("最好", "很好"), drop("天下"))},
		// 最佳 becomes 很好, and 好吃 forms with what follows.
		{"replacement joins what follows", "最佳吃", "很",
			custom(nil, rewrite("最佳", "很好"), drop("好吃"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.f.clean(tt.text, true)
			require.Equal(t, tt.want, want.Text, "Clean(%q) checking again after every edit", tt.text)
			assert.Equal(t, want, tt.f.Clean(tt.text), "Clean(%q)", tt.text)
		})
	}
}
