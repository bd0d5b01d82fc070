package synonyms_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/matcher/normalize"
	"github.com/kefu-go/kefu/synonyms"
)

// The seed corpus of each fuzz target is checked in under testdata/fuzz; it
// holds the inputs of the load tables and is rewritten by
// go test ./synonyms -run TestFuzzSeeds -update.

func FuzzLoadPlain(f *testing.F) { fuzzLoad(f, synonyms.Plain) }
func FuzzLoadSolr(f *testing.F)  { fuzzLoad(f, synonyms.Solr) }
func FuzzLoadCilin(f *testing.F) { fuzzLoad(f, synonyms.Cilin) }
func FuzzLoadYAML(f *testing.F)  { fuzzLoad(f, synonyms.YAML) }
func FuzzLoadJSON(f *testing.F)  { fuzzLoad(f, synonyms.JSON) }

const fuzzMaxVariants = 8

// fuzzLoad checks that any input gives either an *Error with a sane
// position or a valid thesaurus.
func fuzzLoad(f *testing.F, format synonyms.Format) {
	f.Fuzz(func(t *testing.T, data []byte) {
		th, err := synonyms.Load(bytes.NewReader(data), format,
			synonyms.WithSegmenter(perRune{}), synonyms.WithMaxVariants(fuzzMaxVariants))
		if err != nil {
			require.Nil(t, th, "Load(%q, %v) returned a thesaurus with an error", data, format)
			var e *synonyms.Error
			require.ErrorAs(t, err, &e, "Load(%q, %v)", data, format)
			lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
			assert.True(t, e.Line >= 0 && e.Line <= lines, "Load(%q, %v): line %d of %d", data, format, e.Line, lines)
			assert.True(t, strings.HasPrefix(err.Error(), "synonyms: "), "Load(%q, %v): %v", data, format, err)
			return
		}
		checkValid(t, th, fmt.Sprintf("Load(%q, %v)", data, format))
	})
}

// checkValid checks the invariants of a thesaurus, using the Solr loader
// as an oracle for Group.String.
func checkValid(t *testing.T, th *synonyms.Thesaurus, what string) {
	groups := th.Groups()
	require.Equal(t, len(groups), th.Len(), what)
	for i, g := range groups {
		if i == 64 { // keeps large inputs fast; the first groups are checked
			break
		}
		distinct := map[string]bool{}
		for _, w := range g.Words {
			require.NotEmpty(t, normalize.String(w), "%s: empty word in %v", what, g)
			distinct[normalize.String(w)] = true
		}
		for _, w := range g.From {
			require.NotEmpty(t, normalize.String(w), "%s: empty word in %v", what, g)
		}
		require.Len(t, distinct, len(g.Words), "%s: repeated word in %v", what, g)
		if !g.OneWay() {
			require.GreaterOrEqual(t, len(g.Words), 2, "%s: group %v", what, g)
		} else {
			require.NotEmpty(t, g.Words, "%s: group %v", what, g)
		}
		for _, w := range g.Forms() {
			require.NotEmpty(t, th.GroupsOf(w), "%s: GroupsOf(%q)", what, w)
			_, ok := th.Canonical(w)
			require.True(t, ok, "%s: Canonical(%q)", what, w)
		}

		if !strings.ContainsAny(g.String(), "\r\n") {
			back, err := synonyms.Load(strings.NewReader(g.String()), synonyms.Solr)
			require.NoError(t, err, "%s: reading back %q", what, g.String())
			require.Equal(t, 1, back.Len(), "%s: reading back %q", what, g.String())
			require.Equal(t, groupKeys(g), groupKeys(back.Groups()[0]), "%s: reading back %q", what, g.String())
		}

		phrase := g.Canonical() + "，" + g.Canonical()
		e, err := th.ExpandPhrase(phrase)
		require.NoError(t, err, "%s: ExpandPhrase(%q)", what, phrase)
		require.NotEmpty(t, e.Variants, "%s: ExpandPhrase(%q)", what, phrase)
		require.LessOrEqual(t, len(e.Variants), fuzzMaxVariants, "%s: ExpandPhrase(%q)", what, phrase)
		require.Equal(t, normalize.String(phrase), e.Variants[0], "%s: ExpandPhrase(%q)", what, phrase)
	}
	if len(groups) <= 50 {
		checkConverse(t, th, normalize.String)
	}
}

func groupKeys(g synonyms.Group) [2][]string {
	return [2][]string{keys(g.Words), keys(g.From)}
}

func FuzzExpandPhrase(f *testing.F) {
	for _, s := range []string{"什么时候发", "什么快递", "亲，在吗？", "", "發貨", "的的的的的的的的的的", "\xff"} {
		f.Add(s)
	}
	th, err := synonyms.Default(synonyms.WithMaxVariants(fuzzMaxVariants))
	require.NoError(f, err, "Default()")
	f.Fuzz(func(t *testing.T, phrase string) {
		e, err := th.ExpandPhrase(phrase)
		require.NoError(t, err, "ExpandPhrase(%q)", phrase)
		norm := normalize.String(phrase)
		if norm == "" {
			require.Empty(t, e.Variants, "ExpandPhrase(%q)", phrase)
			return
		}
		require.NotEmpty(t, e.Variants, "ExpandPhrase(%q)", phrase)
		require.Equal(t, norm, e.Variants[0], "ExpandPhrase(%q)", phrase)
		require.LessOrEqual(t, len(e.Variants), fuzzMaxVariants, "ExpandPhrase(%q)", phrase)
		seen := map[string]bool{}
		for _, v := range e.Variants {
			require.False(t, seen[v], "ExpandPhrase(%q) repeats %q", phrase, v)
			seen[v] = true
			require.Equal(t, v, normalize.String(v), "ExpandPhrase(%q): %q is not normalised", phrase, v)
		}
	})
}

// TestFuzzSeeds checks that the checked-in seed corpus holds the inputs of
// the load tables, and rewrites it with -update.
func TestFuzzSeeds(t *testing.T) {
	unsafe := regexp.MustCompile(`[^a-z0-9]+`)
	for _, f := range allFormats {
		dir := filepath.Join("testdata", "fuzz", "FuzzLoad"+map[synonyms.Format]string{
			synonyms.Plain: "Plain", synonyms.Solr: "Solr", synonyms.Cilin: "Cilin", synonyms.YAML: "YAML", synonyms.JSON: "JSON",
		}[f])
		seeds := map[string]string{}
		for _, c := range loadCases[f] {
			seeds["ok-"+c.name] = c.in
		}
		for _, c := range loadErrorCases[f] {
			seeds["err-"+c.name] = c.in
		}
		if f == synonyms.Plain {
			data, err := os.ReadFile("data/ecommerce.txt")
			require.NoError(t, err, "reading data/ecommerce.txt")
			seeds["ok-ecommerce"] = string(data)
		}
		for name, in := range seeds {
			path := filepath.Join(dir, strings.Trim(unsafe.ReplaceAllString(strings.ToLower(name), "-"), "-"))
			content := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", in)
			if *update {
				require.NoError(t, os.MkdirAll(dir, 0o755), "creating %s", dir)
				require.NoError(t, os.WriteFile(path, []byte(content), 0o644), "writing %s", path)
				continue
			}
			got, err := os.ReadFile(path)
			if errors.Is(err, os.ErrNotExist) {
				t.Errorf("missing seed %s (run go test ./synonyms -run TestFuzzSeeds -update)", path)
				continue
			}
			require.NoError(t, err, "reading %s", path)
			assert.Equal(t, content, string(got), "seed %s is stale (run go test ./synonyms -run TestFuzzSeeds -update)", path)
		}
	}
}
