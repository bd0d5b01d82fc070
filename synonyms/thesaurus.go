package synonyms

import (
	"strings"

	"github.com/kefu-go/kefu/matcher/normalize"
	"github.com/kefu-go/kefu/matcher/segment"
)

// Group is one synonym group as written in a source or passed to [New].
//
// With From empty it is an equivalence group: every word in Words stands for
// every other (Solr's "a, b, c"). With From set it is a one-way rule
// (Solr's "a, b => c"): each word in From means every word in Words, and
// not the reverse.
//
// Words are kept as written (their surface form, for display); they are
// compared in normalised form (normalize.String), so 發貨 and 发货 are the
// same word. Groups returned by a [Thesaurus] hold each word once per side,
// in its first surface form.
type Group struct {
	// Words are the equivalent words, or the right-hand side of a one-way
	// rule. The first is the canonical word.
	Words []string
	// From is the left-hand side of a one-way rule; empty for an
	// equivalence group.
	From []string
}

// Canonical returns the group's canonical word, its first word, or "" for a
// group without words.
func (g Group) Canonical() string {
	if len(g.Words) == 0 {
		return ""
	}
	return g.Words[0]
}

// OneWay reports whether g is a one-way rule.
func (g Group) OneWay() bool { return len(g.From) > 0 }

// Forms returns all the words of the group, Words first and then From,
// each normalised word once.
func (g Group) Forms() []string {
	out := make([]string, 0, len(g.Words)+len(g.From))
	seen := make(map[string]bool, cap(out))
	for _, side := range [][]string{g.Words, g.From} {
		for _, w := range side {
			if k := normalize.String(w); !seen[k] {
				seen[k] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// String returns the group in the Solr synonym syntax ("a, b, c" or
// "a, b => c"), escaped so that the [Solr] loader reads it back.
func (g Group) String() string {
	var b strings.Builder
	if g.OneWay() {
		writeSolrSide(&b, g.From)
		b.WriteString(" => ")
	}
	writeSolrSide(&b, g.Words)
	return b.String()
}

// Thesaurus is an immutable set of synonym groups with look-ups by word.
// Build one with [New], [Default], [Load] or [LoadFile]; combine two with
// [Thesaurus.Merge]. The zero value is an empty thesaurus with the default
// options. A Thesaurus is safe for concurrent use by multiple goroutines.
//
// Words are looked up in normalised form. A word may belong to several
// groups (polysemy); look-ups then report every group, in the order the
// groups were given. Groups are never merged: if 发 is in a group with 寄
// and in another with 发送, 寄 and 发送 are not synonyms.
type Thesaurus struct {
	groups      []group
	index       map[string][]int // normalised word -> groups holding it, ascending
	maxKeyLen   int              // longest normalised word, in bytes
	maxVariants int
	segmenter   func() (segment.Segmenter, error)
}

// group is a validated group: each side holds each normalised word once.
type group struct {
	words, from []form
}

type form struct {
	text, key string
}

func (g *group) oneWay() bool { return len(g.from) > 0 }

func (g *group) public() Group {
	out := Group{Words: texts(g.words)}
	if g.oneWay() {
		out.From = texts(g.from)
	}
	return out
}

func texts(fs []form) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.text
	}
	return out
}

func hasKey(fs []form, key string) bool {
	for _, f := range fs {
		if f.key == key {
			return true
		}
	}
	return false
}

// rawWord and rawGroup are what loaders and New hand to build.
type rawWord struct {
	text string
	at   pos
}

type rawGroup struct {
	words, from []rawWord
	at          pos
}

// New builds a thesaurus from groups, in order. It returns an *[Error]
// naming the group (1-based) if a word is empty once normalised, an
// equivalence group has fewer than two different words, or a one-way rule
// has an empty side. The thesaurus holds only these groups: to start from
// the e-commerce defaults, use [Default] and [Thesaurus.Merge].
func New(groups []Group, opts ...Option) (*Thesaurus, error) {
	c, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	raws := make([]rawGroup, len(groups))
	for i, g := range groups {
		at := pos{file: c.name, group: i + 1}
		raws[i] = rawGroup{words: rawWords(g.Words, at), from: rawWords(g.From, at), at: at}
	}
	return build(raws, c)
}

func rawWords(ws []string, at pos) []rawWord {
	out := make([]rawWord, len(ws))
	for i, w := range ws {
		out[i] = rawWord{text: w, at: at}
	}
	return out
}

// build validates and indexes raw groups.
func build(raws []rawGroup, c config) (*Thesaurus, error) {
	t := &Thesaurus{
		groups:      make([]group, 0, len(raws)),
		maxVariants: c.maxVariants,
		segmenter:   segmenterFunc(c.segmenter),
	}
	for _, r := range raws {
		words, err := forms(r.words)
		if err != nil {
			return nil, err
		}
		from, err := forms(r.from)
		if err != nil {
			return nil, err
		}
		switch {
		case len(from) > 0 && len(words) == 0:
			return nil, r.at.errorf(ErrEmptySide, "")
		case len(from) == 0 && len(words) < 2:
			return nil, r.at.errorf(ErrTooFewWords, "%q", strings.Join(texts(words), " "))
		}
		t.groups = append(t.groups, group{words: words, from: from})
	}
	t.reindex()
	return t, nil
}

// forms normalises words, dropping repeats of a normalised word.
func forms(ws []rawWord) ([]form, error) {
	out := make([]form, 0, len(ws))
	seen := make(map[string]bool, len(ws))
	for _, w := range ws {
		k := normalize.String(w.text)
		if k == "" {
			return nil, w.at.errorf(ErrEmptyWord, "%q", w.text)
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, form{text: w.text, key: k})
		}
	}
	return out, nil
}

// reindex fills the index from t.groups.
func (t *Thesaurus) reindex() {
	t.index = make(map[string][]int)
	for i := range t.groups {
		g := &t.groups[i]
		for _, side := range [][]form{g.words, g.from} {
			for _, f := range side {
				if ids := t.index[f.key]; len(ids) == 0 || ids[len(ids)-1] != i {
					t.index[f.key] = append(ids, i)
				}
				t.maxKeyLen = max(t.maxKeyLen, len(f.key))
			}
		}
	}
}

// segmenterFunc returns s, or the shared default segmenter, built on first
// use.
func segmenterFunc(s segment.Segmenter) func() (segment.Segmenter, error) {
	if s != nil {
		return func() (segment.Segmenter, error) { return s, nil }
	}
	return func() (segment.Segmenter, error) {
		g, err := segment.Default()
		if err != nil {
			return nil, err
		}
		return g, nil
	}
}

// Len returns the number of groups.
func (t *Thesaurus) Len() int { return len(t.groups) }

// Groups returns all groups, in order. The result is a copy.
func (t *Thesaurus) Groups() []Group {
	out := make([]Group, len(t.groups))
	for i := range t.groups {
		out[i] = t.groups[i].public()
	}
	return out
}

// GroupsOf returns the groups that word belongs to, on either side of a
// one-way rule, in order; nil if none.
func (t *Thesaurus) GroupsOf(word string) []Group {
	ids := t.index[normalize.String(word)]
	if len(ids) == 0 {
		return nil
	}
	out := make([]Group, len(ids))
	for i, id := range ids {
		out[i] = t.groups[id].public()
	}
	return out
}

// Canonical returns the canonical word of the first group that word
// belongs to, on either side, and whether there is one. For 木有 in
// "木有 => 没有" it is 没有.
func (t *Thesaurus) Canonical(word string) (string, bool) {
	ids := t.index[normalize.String(word)]
	if len(ids) == 0 {
		return "", false
	}
	return t.groups[ids[0]].words[0].text, true
}

// Means returns what word means when a customer writes it: word itself
// first, then every word of the equivalence groups it is in and the
// right-hand side of the one-way rules it is on the left of, each
// normalised word once, in group order.
//
// With "木有 => 没有", Means("木有") is [木有 没有] and Means("没有") is
// [没有].
func (t *Thesaurus) Means(word string) []string {
	return texts(t.collect(word, func(g *group, key string) []form {
		if !g.oneWay() {
			return g.words
		}
		if hasKey(g.from, key) {
			return g.words
		}
		return nil
	}))
}

// Expand returns the words that stand for keyword: keyword itself first,
// then every word of the equivalence groups it is in and the left-hand side
// of the one-way rules whose right-hand side holds it, each normalised word
// once, in group order. These are the words a matcher should accept for the
// keyword. It is the converse of [Thesaurus.Means]: w is in Expand(k)
// exactly when k is in Means(w).
//
// With "木有 => 没有", Expand("没有") is [没有 木有] and Expand("木有") is
// [木有]: a customer who writes 木有 means 没有, but a keyword 木有 is not
// met by 没有. Unlike a Solr filter, which replaces the left-hand side, the
// word itself is always kept. Expansion is not transitive: only the groups
// that hold keyword count.
func (t *Thesaurus) Expand(keyword string) []string {
	return texts(t.expand(keyword))
}

func (t *Thesaurus) expand(keyword string) []form {
	return t.collect(keyword, func(g *group, key string) []form {
		if !g.oneWay() {
			return g.words
		}
		if hasKey(g.words, key) {
			return g.from
		}
		return nil
	})
}

// collect gathers word and the forms pick chooses from each group holding it.
func (t *Thesaurus) collect(word string, pick func(*group, string) []form) []form {
	key := normalize.String(word)
	out := []form{{text: word, key: key}}
	seen := map[string]bool{key: true}
	for _, id := range t.index[key] {
		for _, f := range pick(&t.groups[id], key) {
			if !seen[f.key] {
				seen[f.key] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// Merge returns a thesaurus holding the groups of over, which win, and
// those of t, which give way where they conflict.
//
// A group of t conflicts with over when it shares a word with any group of
// over (compared normalised). The shared words are taken out of t's group,
// so every word that over mentions belongs only to over's groups. A group
// of t left with fewer than two words, or a one-way rule of t left with an
// empty side, is dropped. Over's groups come first, then what is left of
// t's, each in its own order. The result keeps t's options.
//
// For example, merging "出库 出仓" over the default "发货 寄出 发出 出库"
// leaves "出库 出仓" and "发货 寄出 发出": 出库 no longer means 发货. To add
// a word to a default group instead, repeat the group with it:
// "发货 寄出 发出 出库 出仓".
func (t *Thesaurus) Merge(over *Thesaurus) *Thesaurus {
	out := &Thesaurus{
		groups:      make([]group, 0, len(over.groups)+len(t.groups)),
		maxVariants: t.maxVariants,
		segmenter:   t.segmenter,
	}
	out.groups = append(out.groups, over.groups...)
	keep := func(fs []form) []form {
		kept := make([]form, 0, len(fs))
		for _, f := range fs {
			if _, taken := over.index[f.key]; !taken {
				kept = append(kept, f)
			}
		}
		return kept
	}
	for i := range t.groups {
		g := group{words: keep(t.groups[i].words)}
		if t.groups[i].oneWay() {
			if g.from = keep(t.groups[i].from); len(g.from) == 0 || len(g.words) == 0 {
				continue
			}
		} else if len(g.words) < 2 {
			continue
		}
		out.groups = append(out.groups, g)
	}
	out.reindex()
	return out
}
