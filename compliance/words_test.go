package compliance

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultLists(t *testing.T) {
	words, allowed, err := defaultLists()
	require.NoError(t, err, "embedded lists")
	assert.GreaterOrEqual(t, len(words), 300, "entries in data/words.tsv")
	assert.GreaterOrEqual(t, len(allowed), 25, "entries in data/allowed.tsv")

	counts := map[Category]map[Action]int{}
	for _, e := range words {
		if counts[e.Category] == nil {
			counts[e.Category] = map[Action]int{}
		}
		counts[e.Category][e.Action]++
	}
	for c, want := range map[Category][]Action{
		CategorySuperlative: {Rewrite},
		CategoryRank:        {Rewrite},
		CategoryGrade:       {Rewrite},
		CategoryExclusive:   {Rewrite},
		CategoryStatus:      {Rewrite},
		CategoryAbsolute:    {Rewrite, Drop},
		CategoryUrgency:     {Drop},
		CategoryAuthority:   {Block},
		CategoryMedical:     {Block},
		CategorySolicit:     {Block},
		CategoryOffPlatform: {Block},
	} {
		for _, a := range want {
			assert.Positive(t, counts[c][a], "entries of category %s with action %v", c, a)
		}
		total := 0
		for _, n := range counts[c] {
			total += n
		}
		assert.Equal(t, total, sumOf(counts[c], want), "category %s has only the actions %v", c, want)
	}
	assert.Len(t, counts, 11, "categories in data/words.tsv")
}

func sumOf(m map[Action]int, as []Action) int {
	n := 0
	for _, a := range as {
		n += m[a]
	}
	return n
}

// Every listed word must be a finding on its own: an entry that an
// allowed compound swallows whole, or that another entry of the same
// action hides, would be dead.
func TestDefaultWordsAreFound(t *testing.T) {
	f := MustNew()
	for _, e := range f.Words() {
		fs := f.Check(e.Word)
		require.NotEmpty(t, fs, "Check(%q) on a listed word", e.Word)
		assert.Equal(t, e.Word, fs[0].Word, "Check(%q)[0].Word", e.Word)
		assert.Equal(t, e.Action, fs[0].Action, "Check(%q)[0].Action", e.Word)
	}
}

// Every allowed compound must be worth listing: it contains a listed word,
// or one of the bare characters 最, 首 and 国 that strict shops list.
func TestDefaultAllowedContainListedWords(t *testing.T) {
	f := MustNew()
	strict := WithWords(
		Entry{Word: "最", Category: "strict", Action: Flag},
		Entry{Word: "首", Category: "strict", Action: Flag},
		Entry{Word: "国", Category: "strict", Action: Flag},
	)
	assert.Empty(t, MustNew(strict).Check(strings.Join(f.Allowed(), "\n")), "the allow-list under a strict list")
	bare := MustNew(strict, WithoutAllowed(f.Allowed()...))
	for _, a := range f.Allowed() {
		assert.Empty(t, f.Check(a), "Check(%q) on an allowed compound", a)
		assert.NotEmpty(t, bare.Check(a), "Check(%q) without the allow-list: the compound protects nothing", a)
	}
}

func TestReadWordsErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		err    error
		line   int
		column int
	}{
		{name: "too few fields", in: "最好\tsuperlative\trewrite\n", err: ErrFields, line: 1, column: 1},
		{name: "too many fields", in: "# c\n\n最好\tsuperlative\trewrite\t很好\tx\n", err: ErrFields, line: 3, column: 1},
		{name: "empty word", in: "\tsuperlative\tdrop\t\n", err: ErrEmptyWord, line: 1, column: 1},
		{name: "word with spaces around", in: " 最好\tsuperlative\tdrop\t\n", err: ErrEmptyWord, line: 1, column: 1},
		{name: "bad category", in: "最好\tSuper\tdrop\t\n", err: ErrCategory, line: 1, column: 4},
		{name: "unknown action", in: "最好\tsuperlative\tdrp\t\n", err: ErrAction, line: 1, column: 16},
		{name: "rewrite without replacement", in: "最好\tsuperlative\trewrite\t\n", err: ErrReplacement, line: 1, column: 24},
		{name: "drop with replacement", in: "最好\tsuperlative\tdrop\t很好\n", err: ErrReplacement, line: 1, column: 21},
		{name: "duplicate", in: "最好\tsuperlative\tdrop\t\n最好\turgency\tdrop\t\n", err: ErrDuplicate, line: 2, column: 1},
		{name: "invalid UTF-8", in: "最好\tsuperlative\tdrop\t\n\xff\tx\tdrop\t\n", err: ErrEncoding, line: 2, column: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadWords(strings.NewReader(tc.in))
			require.ErrorIs(t, err, tc.err, "ReadWords(%q)", tc.in)
			var pe *ParseError
			require.ErrorAs(t, err, &pe, "ReadWords(%q)", tc.in)
			assert.Equal(t, tc.line, pe.Line, "ReadWords(%q): line", tc.in)
			assert.Equal(t, tc.column, pe.Column, "ReadWords(%q): column", tc.in)
			assert.True(t, strings.HasPrefix(err.Error(), "compliance: "), "ReadWords(%q): error %q has the package prefix", tc.in, err)
		})
	}
}

func TestReadWords(t *testing.T) {
	in := "# comment\n\n最好\tsuperlative\trewrite\t很好\r\n手慢无\turgency\tdrop\t\n"
	got, err := ReadWords(strings.NewReader(in))
	require.NoError(t, err, "ReadWords(%q)", in)
	assert.Equal(t, []Entry{
		{Word: "最好", Category: CategorySuperlative, Action: Rewrite, Replacement: "很好"},
		{Word: "手慢无", Category: CategoryUrgency, Action: Drop},
	}, got, "ReadWords(%q)", in)
}

func TestReadAllowed(t *testing.T) {
	in := "# c\n最近\n第一次\tan ordinal\n"
	got, err := ReadAllowed(strings.NewReader(in))
	require.NoError(t, err, "ReadAllowed(%q)", in)
	assert.Equal(t, []string{"最近", "第一次"}, got, "ReadAllowed(%q)", in)

	for _, bad := range []struct {
		in   string
		err  error
		line int
	}{
		{"最近\n \n", nil, 0},
		{"最近\n最近\n", ErrDuplicate, 2},
		{"最近\ta\tb\n", ErrFields, 1},
		{"\tnote\n", ErrEmptyWord, 1},
	} {
		_, err := ReadAllowed(strings.NewReader(bad.in))
		if bad.err == nil {
			assert.NoError(t, err, "ReadAllowed(%q)", bad.in)
			continue
		}
		require.ErrorIs(t, err, bad.err, "ReadAllowed(%q)", bad.in)
		var pe *ParseError
		require.ErrorAs(t, err, &pe, "ReadAllowed(%q)", bad.in)
		assert.Equal(t, bad.line, pe.Line, "ReadAllowed(%q): line", bad.in)
	}
}

func TestLoadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "words.tsv")
	require.NoError(t, os.WriteFile(good, []byte("最好\tsuperlative\trewrite\t很好\n"), 0o600), "write %s", good)
	words, err := LoadWordsFile(good)
	require.NoError(t, err, "LoadWordsFile(%s)", good)
	assert.Len(t, words, 1, "LoadWordsFile(%s)", good)

	bad := filepath.Join(dir, "allowed.tsv")
	require.NoError(t, os.WriteFile(bad, []byte("最近\n最近\n"), 0o600), "write %s", bad)
	_, err = LoadAllowedFile(bad)
	require.ErrorIs(t, err, ErrDuplicate, "LoadAllowedFile(%s)", bad)
	assert.Contains(t, err.Error(), bad+":2:1", "LoadAllowedFile(%s): the error names file and line", bad)

	_, err = LoadWordsFile(filepath.Join(dir, "missing.tsv"))
	assert.True(t, errors.Is(err, os.ErrNotExist), "LoadWordsFile(missing): %v", err)
}

func TestParseAction(t *testing.T) {
	for _, a := range []Action{Rewrite, Drop, Block, Flag} {
		got, err := ParseAction(a.String())
		require.NoError(t, err, "ParseAction(%q)", a.String())
		assert.Equal(t, a, got, "ParseAction(%q)", a.String())
	}
	_, err := ParseAction("Block")
	assert.ErrorIs(t, err, ErrAction, "ParseAction(%q)", "Block")
	assert.Equal(t, "Action(9)", Action(9).String(), "Action(9).String()")
}
