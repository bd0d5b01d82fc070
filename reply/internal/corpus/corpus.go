package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A Message is one labelled line of a corpus.
type Message struct {
	Line     int
	Text     string
	Expected []string // rule ids, the main one first; empty for a fallback
	Kind     string   // direct, synonym, trap, smalltalk ...
	Trap     string   // for a trap, the rule a naive matcher would fire; else -
}

// Read returns the messages of the corpus in file.
func Read(file string) ([]Message, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Message
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 fields, got %d", filepath.Base(file), line, len(fields))
		}
		m := Message{Line: line, Text: fields[0], Kind: fields[2], Trap: fields[3]}
		if fields[1] != "-" {
			m.Expected = strings.Split(fields[1], "|")
		}
		out = append(out, m)
	}
	return out, sc.Err()
}
