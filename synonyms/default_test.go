package synonyms_test

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/matcher/normalize"
	"github.com/kefu-go/kefu/synonyms"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644), "writing %s", path)
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "reading %s (run go test -update to create it)", path)
	assert.Equal(t, string(want), string(got), "%s differs; if the change is intended, run go test ./synonyms -update", path)
}

// domains returns the domain ("## name" line) of every group of the
// embedded data, in order.
func domains(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("data/ecommerce.txt")
	require.NoError(t, err, "reading data/ecommerce.txt")
	var out []string
	domain := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if name, ok := strings.CutPrefix(line, "## "); ok {
			domain = name
		}
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, domain)
		}
	}
	return out
}

func TestDefaultGolden(t *testing.T) {
	th, err := synonyms.Default()
	require.NoError(t, err, "Default()")
	doms := domains(t)
	require.Len(t, doms, th.Len(), "one group per data line")

	var order []string
	byDomain := map[string][]synonyms.Group{}
	for i, g := range th.Groups() {
		if _, ok := byDomain[doms[i]]; !ok {
			order = append(order, doms[i])
		}
		byDomain[doms[i]] = append(byDomain[doms[i]], g)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Default() groups by domain; regenerate with: go test ./synonyms -run TestDefaultGolden -update\n")
	fmt.Fprintf(&b, "groups %d\n", th.Len())
	for _, d := range order {
		fmt.Fprintf(&b, "%-16s %3d\n", d, len(byDomain[d]))
	}
	for _, d := range order {
		fmt.Fprintf(&b, "\n## %s\n", d)
		for _, g := range byDomain[d] {
			fmt.Fprintln(&b, g.String())
		}
	}
	checkGolden(t, "ecommerce.golden", b.Bytes())

	assert.GreaterOrEqual(t, th.Len(), 150, "groups in the defaults")
	for _, d := range []string{"shipping", "delivery-time", "returns-refunds", "exchanges", "freight", "stock", "sizes",
		"colours", "materials", "payment", "invoices", "promotions", "after-sales", "colloquial"} {
		assert.GreaterOrEqual(t, len(byDomain[d]), 5, "groups in domain %s", d)
	}
}

// TestDefaultKeepsIntentsApart lists pairs that customers use close together
// but that are different intents: neither may stand for the other.
func TestDefaultKeepsIntentsApart(t *testing.T) {
	th, err := synonyms.Default()
	require.NoError(t, err, "Default()")
	pairs := [][2]string{
		{"退货", "退款"}, {"快递", "发货"}, {"换货", "退货"}, {"到账", "收到货"},
		{"补发", "补货"}, {"包邮", "到付"}, {"有货", "缺货"}, {"偏大", "偏小"},
		{"好评", "差评"}, {"仅退款", "退货退款"}, {"发票", "收据"}, {"运费", "运费险"},
		{"快递", "快递员"}, {"订单号", "快递单号"}, {"取消订单", "退款"}, {"发货", "收到货"},
		{"换货", "更换"}, {"退货", "退回"}, {"价保", "保价"}, {"大码", "大一码"},
	}
	for _, p := range pairs {
		for _, dir := range [][2]string{p, {p[1], p[0]}} {
			assert.NotContains(t, th.Expand(dir[0]), dir[1], "Expand(%q)", dir[0])
			assert.NotContains(t, th.Means(dir[0]), dir[1], "Means(%q)", dir[0])
		}
	}
}

// TestDefaultColloquial checks the spellings the issue names.
func TestDefaultColloquial(t *testing.T) {
	th, err := synonyms.Default()
	require.NoError(t, err, "Default()")
	tests := []struct {
		keyword string
		meets   []string // words that must stand for the keyword
		not     []string // words that must not
	}{
		{"什么", []string{"啥", "神马"}, nil},
		{"怎么", []string{"咋", "肿么"}, nil},
		{"没有", []string{"木有"}, nil},
		{"亲", []string{"亲亲", "宝", "宝子"}, nil},
		{"的", []string{"滴"}, nil},
		{"滴", nil, []string{"的"}},
		{"宝", nil, []string{"亲"}},
		{"吗", []string{"嘛", "么"}, nil},
		{"么", nil, []string{"吗"}},
		{"多久能到", []string{"几天到", "什么时候到"}, nil},
		{"发货", []string{"寄出", "发出", "出库", "發貨"}, nil},
		{"發貨", []string{"寄出"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.keyword, func(t *testing.T) {
			got := keys(th.Expand(tt.keyword))
			for _, w := range tt.meets {
				assert.Contains(t, got, normalize.String(w), "Expand(%q) should hold %q", tt.keyword, w)
			}
			for _, w := range tt.not {
				assert.NotContains(t, got, normalize.String(w), "Expand(%q) should not hold %q", tt.keyword, w)
			}
		})
	}
}

// TestDefaultStructure checks editorial rules of the data: a word is in at
// most one equivalence group (other overlaps are one-way rules), and the
// data uses no word twice in a group.
func TestDefaultStructure(t *testing.T) {
	th, err := synonyms.Default()
	require.NoError(t, err, "Default()")
	inEquivalence := map[string]string{}
	for _, g := range th.Groups() {
		if g.OneWay() {
			continue
		}
		for _, w := range g.Words {
			k := normalize.String(w)
			if other, ok := inEquivalence[k]; ok {
				t.Errorf("%q is in two equivalence groups: %q and %q", w, other, g.String())
			}
			inEquivalence[k] = g.String()
		}
	}
	data, err := os.ReadFile("data/ecommerce.txt")
	require.NoError(t, err, "reading data/ecommerce.txt")
	for n, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		words := strings.Fields(strings.ReplaceAll(line, "=>", " "))
		folded := keys(words)
		slices.Sort(folded)
		assert.Equal(t, len(folded), len(slices.Compact(folded)), "data/ecommerce.txt:%d repeats a word: %s", n+1, line)
	}
	checkConverse(t, th, normalize.String)
}

func keys(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = normalize.String(w)
	}
	return out
}
