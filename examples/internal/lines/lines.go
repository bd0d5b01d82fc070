// Package lines reads standard input line by line for the example
// programs: every input line, however long, gives exactly one line.
package lines

import (
	"bufio"
	"io"
	"unicode/utf8"
)

// Reader reads lines of any length, keeping at most max bytes of each,
// so that every input line gives exactly one answer.
type Reader struct {
	r   *bufio.Reader
	max int
}

// NewReader returns a Reader over r keeping at most max bytes of a line.
func NewReader(r io.Reader, max int) *Reader {
	return &Reader{r: bufio.NewReader(r), max: max}
}

// Next returns the next line without its "\n" or "\r\n", or io.EOF. A
// line longer than max is cut at a character boundary.
func (l *Reader) Next() (string, error) {
	var b []byte
	read, cut := false, false
	for {
		chunk, isPrefix, err := l.r.ReadLine()
		if err != nil && !(err == io.EOF && read) {
			return "", err
		}
		read = true
		if room := l.max - len(b); len(chunk) <= room {
			b = append(b, chunk...)
		} else {
			b = append(b, chunk[:max(room, 0)]...)
			cut = true
		}
		if !isPrefix || err != nil {
			if cut {
				b = cutPartialRune(b)
			}
			return string(b), nil
		}
	}
}

// cutPartialRune drops a UTF-8 sequence cut short at the end of b.
func cutPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}
