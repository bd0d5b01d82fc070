package compliance

// Option configures New. Options apply in the order given, on top of the
// embedded default lists (unless WithoutDefaults is among them).
type Option func(*settings)

type settings struct {
	noDefaults bool
	changes    []func(*lists)
	actions    map[Category]Action
}

// WithWords adds entries to the word list. An entry whose Word is already
// listed replaces it. Entries are checked by New: an empty word, a bad
// category or action, a rewrite without a replacement (or another action
// with one) and a replacement that contains a listed word are errors.
func WithWords(entries ...Entry) Option {
	entries = append([]Entry(nil), entries...)
	return func(s *settings) {
		s.changes = append(s.changes, func(l *lists) {
			for _, e := range entries {
				l.words.put(e.Word, e)
			}
		})
	}
}

// WithoutWords removes words from the word list, matched exactly as
// written in the list. Removing a word that is not listed does nothing.
func WithoutWords(words ...string) Option {
	words = append([]string(nil), words...)
	return func(s *settings) {
		s.changes = append(s.changes, func(l *lists) {
			for _, w := range words {
				l.words.remove(w)
			}
		})
	}
}

// WithAllowed adds compounds to the allow-list. A listed word found
// inside an allowed compound is left untouched: WithAllowed("最好的朋友")
// keeps 最好 in 他是我最好的朋友. An allowed compound that is also a listed
// word exempts that word everywhere.
func WithAllowed(compounds ...string) Option {
	compounds = append([]string(nil), compounds...)
	return func(s *settings) {
		s.changes = append(s.changes, func(l *lists) {
			for _, c := range compounds {
				l.allowed.put(c, struct{}{})
			}
		})
	}
}

// WithoutAllowed removes compounds from the allow-list, matched exactly.
// Removing a compound that is not listed does nothing.
func WithoutAllowed(compounds ...string) Option {
	compounds = append([]string(nil), compounds...)
	return func(s *settings) {
		s.changes = append(s.changes, func(l *lists) {
			for _, c := range compounds {
				l.allowed.remove(c)
			}
		})
	}
}

// WithoutDefaults starts from empty lists instead of the embedded ones,
// wherever it stands among the options.
func WithoutDefaults() Option {
	return func(s *settings) { s.noDefaults = true }
}

// WithAction sets the action of every finding in category c, words and
// personal data alike, for example WithAction(CategoryMobile, Flag) for a
// shop whose platform allows phone numbers. Rewrite falls back to Drop for
// entries without a replacement and for personal data. The last WithAction
// for a category wins.
func WithAction(c Category, a Action) Option {
	return func(s *settings) {
		if s.actions == nil {
			s.actions = map[Category]Action{}
		}
		s.actions[c] = a
	}
}

// lists are the word list and allow-list while New builds a Filter.
type lists struct {
	words   ordered[Entry]
	allowed ordered[struct{}]
}

// ordered is a map that remembers insertion order, so that a Filter built
// from the same options always numbers its patterns the same way.
type ordered[V any] struct {
	keys []string
	vals map[string]V
}

func (o *ordered[V]) put(k string, v V) {
	if o.vals == nil {
		o.vals = map[string]V{}
	}
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *ordered[V]) remove(k string) { delete(o.vals, k) }

func (o *ordered[V]) has(k string) bool {
	_, ok := o.vals[k]
	return ok
}

// each calls fn for the present keys in insertion order.
func (o *ordered[V]) each(fn func(k string, v V)) {
	seen := map[string]bool{}
	for _, k := range o.keys {
		if v, ok := o.vals[k]; ok && !seen[k] {
			seen[k] = true
			fn(k, v)
		}
	}
}
