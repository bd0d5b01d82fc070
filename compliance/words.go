package compliance

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"
)

//go:embed data/words.tsv data/allowed.tsv
var dataFS embed.FS

// Errors reported by the loaders and by New, wrapped in a *ParseError or
// an *EntryError that says where.
var (
	// ErrFields is a line with the wrong number of tab-separated fields.
	ErrFields = errors.New("compliance: wrong number of fields")
	// ErrEmptyWord is an entry without a word.
	ErrEmptyWord = errors.New("compliance: empty word")
	// ErrCategory is a category that is not lower-case ASCII letters, digits and _.
	ErrCategory = errors.New("compliance: bad category")
	// ErrAction is an action other than rewrite, drop, block or flag.
	ErrAction = errors.New("compliance: unknown action")
	// ErrReplacement is a rewrite without a replacement or another action with one.
	ErrReplacement = errors.New("compliance: bad replacement")
	// ErrDuplicate is a word listed twice in one list.
	ErrDuplicate = errors.New("compliance: duplicate word")
	// ErrEncoding is a line that is not valid UTF-8.
	ErrEncoding = errors.New("compliance: invalid UTF-8")
	// ErrReplacementListed is a replacement that itself contains a listed word.
	ErrReplacementListed = errors.New("compliance: replacement contains a listed word")
)

// ParseError is a bad line in a word list or allow-list.
type ParseError struct {
	// File is the file name given to LoadWordsFile or LoadAllowedFile, and
	// empty for ReadWords and ReadAllowed.
	File string
	// Line is the 1-based line number.
	Line int
	// Column is the 1-based column, counted in characters, where the bad
	// field starts.
	Column int
	// Err is one of the Err values of this package.
	Err error
}

// Error returns "compliance: file:line:column: problem".
func (e *ParseError) Error() string {
	where := fmt.Sprintf("%d:%d", e.Line, e.Column)
	if e.File != "" {
		where = e.File + ":" + where
	}
	return "compliance: " + where + ": " + unprefixed(e.Err)
}

// unprefixed returns err's message without this package's prefix, so that
// a wrapping error says "compliance:" once.
func unprefixed(err error) string {
	return strings.TrimPrefix(err.Error(), "compliance: ")
}

// Unwrap returns the underlying error, for errors.Is.
func (e *ParseError) Unwrap() error { return e.Err }

// EntryError is a bad entry passed to New, through WithWords, WithAllowed
// or the word lists they came from.
type EntryError struct {
	// Word is the entry's word.
	Word string
	// Err is one of the Err values of this package.
	Err error
}

// Error returns "compliance: entry "word": problem".
func (e *EntryError) Error() string {
	return fmt.Sprintf("compliance: entry %q: %s", e.Word, unprefixed(e.Err))
}

// Unwrap returns the underlying error, for errors.Is.
func (e *EntryError) Unwrap() error { return e.Err }

// ReadWords reads a word list: one entry a line, four tab-separated fields
// (word, category, action, replacement), as in data/words.tsv. Blank lines
// and lines starting with # are ignored; every other line must be a valid
// entry, or ReadWords returns a *ParseError naming the line and column.
func ReadWords(r io.Reader) ([]Entry, error) {
	var entries []Entry
	seen := map[string]int{}
	err := eachLine(r, func(line int, text string) error {
		fields := strings.Split(text, "\t")
		if len(fields) != 4 {
			return &ParseError{Line: line, Column: 1, Err: fmt.Errorf("%w: %d, want 4 (word, category, action, replacement)", ErrFields, len(fields))}
		}
		e := Entry{Word: fields[0], Category: Category(fields[1]), Replacement: fields[3]}
		a, err := ParseAction(fields[2])
		if err != nil {
			return &ParseError{Line: line, Column: column(fields, 2), Err: err}
		}
		e.Action = a
		if field, err := e.validate(); err != nil {
			return &ParseError{Line: line, Column: column(fields, field), Err: err}
		}
		if first, ok := seen[e.Word]; ok {
			return &ParseError{Line: line, Column: 1, Err: fmt.Errorf("%w %q, first on line %d", ErrDuplicate, e.Word, first)}
		}
		seen[e.Word] = line
		entries = append(entries, e)
		return nil
	})
	return entries, err
}

// ReadAllowed reads an allow-list: one compound a line, optionally
// followed by a tab and a note that is ignored, as in data/allowed.tsv.
// Blank lines and lines starting with # are ignored; a line with an empty
// compound or one listed twice is a *ParseError.
func ReadAllowed(r io.Reader) ([]string, error) {
	var words []string
	seen := map[string]int{}
	err := eachLine(r, func(line int, text string) error {
		fields := strings.Split(text, "\t")
		if len(fields) > 2 {
			return &ParseError{Line: line, Column: 1, Err: fmt.Errorf("%w: %d, want 1 or 2 (compound, note)", ErrFields, len(fields))}
		}
		w := fields[0]
		if strings.TrimSpace(w) == "" {
			return &ParseError{Line: line, Column: 1, Err: ErrEmptyWord}
		}
		if first, ok := seen[w]; ok {
			return &ParseError{Line: line, Column: 1, Err: fmt.Errorf("%w %q, first on line %d", ErrDuplicate, w, first)}
		}
		seen[w] = line
		words = append(words, w)
		return nil
	})
	return words, err
}

// LoadWordsFile is ReadWords on the named file; errors name the file.
func LoadWordsFile(name string) ([]Entry, error) {
	return readNamed(osOpen, name, ReadWords)
}

// LoadAllowedFile is ReadAllowed on the named file; errors name the file.
func LoadAllowedFile(name string) ([]string, error) {
	return readNamed(osOpen, name, ReadAllowed)
}

func osOpen(name string) (fs.File, error) { return os.Open(name) }

// readNamed opens name, reads it with read and sets the file name of a
// *ParseError.
func readNamed[T any](open func(string) (fs.File, error), name string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out, err := read(f)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = name
	}
	return out, err
}

// eachLine calls fn for every line of r that is neither blank nor a
// comment, with its 1-based number and without the line ending.
func eachLine(r io.Reader, fn func(line int, text string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSuffix(sc.Text(), "\r")
		if !utf8.ValidString(text) {
			return &ParseError{Line: n, Column: 1, Err: ErrEncoding}
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := fn(n, text); err != nil {
			return err
		}
	}
	return sc.Err()
}

// column returns the 1-based character column where field i starts.
func column(fields []string, i int) int {
	col := 1
	for _, f := range fields[:i] {
		col += utf8.RuneCountInString(f) + 1
	}
	return col
}

// validate checks an entry and returns the index of the bad field
// (0 word, 1 category, 2 action, 3 replacement) with the error.
func (e Entry) validate() (int, error) {
	if strings.TrimSpace(e.Word) == "" || e.Word != strings.TrimSpace(e.Word) {
		return 0, ErrEmptyWord
	}
	if !validCategory(e.Category) {
		return 1, fmt.Errorf("%w %q (want lower-case letters, digits and _)", ErrCategory, e.Category)
	}
	if e.Action < Rewrite || e.Action > Flag {
		return 2, fmt.Errorf("%w %v", ErrAction, e.Action)
	}
	if e.Action == Rewrite && e.Replacement == "" {
		return 3, fmt.Errorf("%w: rewrite needs a replacement", ErrReplacement)
	}
	if e.Action != Rewrite && e.Replacement != "" {
		return 3, fmt.Errorf("%w: %v takes no replacement", ErrReplacement, e.Action)
	}
	return 0, nil
}

func validCategory(c Category) bool {
	if c == "" || c[0] < 'a' || c[0] > 'z' {
		return false
	}
	for i := 0; i < len(c); i++ {
		ch := c[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_') {
			return false
		}
	}
	return true
}

// defaultLists parses the embedded lists. They are checked by the tests,
// so an error here means a broken build.
func defaultLists() ([]Entry, []string, error) {
	words, err := readNamed(dataFS.Open, "data/words.tsv", ReadWords)
	if err != nil {
		return nil, nil, err
	}
	allowed, err := readNamed(dataFS.Open, "data/allowed.tsv", ReadAllowed)
	return words, allowed, err
}
