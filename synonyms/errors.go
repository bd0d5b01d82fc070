package synonyms

import (
	"errors"
	"fmt"
	"strings"
)

// The reasons a source or a group is refused. They are wrapped in an [*Error]
// that says where; test for them with [errors.Is].
var (
	// ErrEmptyWord reports a word that is blank, or that normalisation
	// leaves empty (it held only punctuation, spaces or emoji).
	ErrEmptyWord = errors.New("synonyms: empty word")
	// ErrTooFewWords reports an equivalence group with fewer than two
	// different words once normalised, such as a line holding one word.
	ErrTooFewWords = errors.New("synonyms: a group needs at least two different words")
	// ErrEmptySide reports a one-way rule (a => b) with nothing on one side.
	ErrEmptySide = errors.New("synonyms: one side of a one-way rule is empty")
	// ErrInvalidUTF8 reports bytes that are not UTF-8. Cilin files are often
	// GBK: decode them first (see [Cilin]).
	ErrInvalidUTF8 = errors.New("synonyms: invalid UTF-8")
	// ErrSyntax reports a line or document that does not follow its format;
	// the wrapping error says what was expected.
	ErrSyntax = errors.New("synonyms: syntax error")
)

// Error says where a synonym source or a group passed to [New] is wrong,
// and why. Its message reads "synonyms: FILE:LINE:COL: reason", or
// "synonyms: group N: reason" for groups given to New (with "FILE: " before
// "group" when New was given [WithName]).
type Error struct {
	// File is the name of the source: the path given to LoadFile, the name
	// given with WithName, or "".
	File string
	// Line and Col are 1-based; Col counts characters (runes), as editors
	// show them, not bytes. Either is 0 when it does not apply.
	Line, Col int
	// Group is the 1-based index of the group in the slice given to New,
	// or 0 for errors in loaded sources.
	Group int
	// Err is the reason: one of the Err* values of this package, possibly
	// wrapped with details.
	Err error
}

// Error implements the error interface.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("synonyms: ")
	switch {
	case e.Group > 0:
		if e.File != "" {
			b.WriteString(e.File + ": ")
		}
		fmt.Fprintf(&b, "group %d", e.Group)
	default:
		b.WriteString(e.File)
		if e.Line > 0 {
			if e.File != "" {
				b.WriteByte(':')
			}
			fmt.Fprintf(&b, "%d", e.Line)
			if e.Col > 0 {
				fmt.Fprintf(&b, ":%d", e.Col)
			}
		}
	}
	b.WriteString(": ")
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "synonyms: "))
	return b.String()
}

// Unwrap returns the reason, so that errors.Is(err, ErrEmptyWord) works.
func (e *Error) Unwrap() error { return e.Err }

// pos is where a word or a group came from.
type pos struct {
	file      string
	line, col int
	group     int // 1-based index for New; 0 for sources
}

// errorf builds an *Error at p whose reason wraps the sentinel kind.
func (p pos) errorf(kind error, format string, args ...any) *Error {
	err := kind
	if format != "" {
		err = fmt.Errorf("%w: "+format, append([]any{kind}, args...)...)
	}
	return &Error{File: p.file, Line: p.line, Col: p.col, Group: p.group, Err: err}
}
