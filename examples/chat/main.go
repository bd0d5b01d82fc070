// Command chat is a terminal chat with the reply engine: it reads customer
// messages one per line from stdin until EOF and answers each, as one
// conversation (so handoff after repeated fallbacks works as in a shop).
//
//	go run ./examples/chat                      # starter library, type away
//	go run ./examples/chat --rules shop.yaml    # your own rule file (.yaml, .yml, .json, .csv)
//	printf '发货了吗\n在吗\n' | go run ./examples/chat --json
//
// With --json it prints exactly one JSON object per input line, empty lines
// included (an empty line is not sent to the engine: its object has an empty
// text). Match offsets are byte offsets into the line as read, without its
// line ending. A CSV rule file holds rules only: chat takes its default
// reply and shop variables from the starter library. A rule file with errors is reported one error per line as
// file:line:col: message, and chat exits with status 1.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/kefu-go/kefu/examples/internal/lines"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kefu-go/kefu/reply"
)

// maxLineBytes is the most of a line chat reads; the rest of a longer line
// is skipped (the engine reads at most reply.DefaultMaxMessageRunes anyway).
const maxLineBytes = 64 << 10

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("chat", flag.ContinueOnError)
	fl.SetOutput(stderr)
	rules := fl.String("rules", "", "rule file (.yaml, .yml, .json or .csv) instead of the starter library")
	asJSON := fl.Bool("json", false, "print one JSON object per input line")
	trace := fl.Bool("trace", false, "print the full one-line trace of each answer")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: chat [--rules FILE] [--json] [--trace] < messages")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fl.Usage()
		return 2
	}

	engine, ok := buildEngine(*rules, stderr)
	if !ok {
		return 1
	}
	conv := reply.NewConversation(engine)
	interactive := isTerminal(stdin)
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	handedOff := false

	if interactive {
		fmt.Fprintln(stderr, "kefu chat: type a customer's message and press Enter; Ctrl-D quits.")
	}
	in := lines.NewReader(stdin, maxLineBytes)
	for {
		if interactive {
			fmt.Fprint(stderr, "顾客> ")
		}
		line, err := in.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			out.Flush()
			fmt.Fprintln(stderr, "chat: reading stdin:", err)
			return 1
		}
		var a reply.Answer
		empty := strings.TrimSpace(line) == ""
		if !empty {
			a = conv.Reply(line)
		}
		var h *reply.Handoff
		if !handedOff {
			if h = conv.HandedOff(); h != nil {
				handedOff = true
			}
		}
		switch {
		case *asJSON:
			if err := enc.Encode(toJSON(a, empty, h, handedOff)); err != nil {
				fmt.Fprintln(stderr, "chat:", err)
				return 1
			}
		case empty:
			// Nothing to answer.
		default:
			printAnswer(out, a, h, *trace)
		}
		// Flush every line, so that a program (or a person) talking to
		// chat through a pipe sees each answer as soon as it is made.
		if err := out.Flush(); err != nil {
			fmt.Fprintln(stderr, "chat: writing:", err)
			return 1
		}
	}
	if interactive {
		fmt.Fprintln(stderr)
	}
	return 0
}

// buildEngine loads the rule file (or the starter library) and compiles it.
// It prints errors and warnings to stderr and reports whether it succeeded.
func buildEngine(path string, stderr io.Writer) (*reply.Engine, bool) {
	rs := reply.Starter()
	if path != "" {
		var err error
		if rs, err = reply.LoadFile(path); err != nil {
			printErrors(stderr, err)
			return nil, false
		}
		if strings.EqualFold(filepath.Ext(path), ".csv") {
			rs.FillDefaults(reply.Starter())
		}
	}
	engine, warnings, err := reply.New(rs)
	if err != nil {
		printErrors(stderr, err)
		return nil, false
	}
	if path != "" {
		for _, w := range warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", pos(w.Pos), withRule(w.Rule, w.Msg))
		}
	}
	return engine, true
}

// printErrors prints a rule-set error one problem per line, as
// file:line:col: message.
func printErrors(w io.Writer, err error) {
	var list reply.ErrorList
	if !errors.As(err, &list) {
		fmt.Fprintln(w, err)
		return
	}
	for _, e := range list {
		fmt.Fprintf(w, "%s: %s\n", pos(e.Pos), withRule(e.Rule, e.Msg))
	}
}

// pos formats a position as file:line:col, or file alone when the problem
// is with the file as a whole.
func pos(p reply.Pos) string {
	if p.Line <= 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

func withRule(rule, msg string) string {
	if rule == "" {
		return msg
	}
	return "rule " + rule + ": " + msg
}

// printAnswer prints an answer for people.
func printAnswer(w io.Writer, a reply.Answer, h *reply.Handoff, trace bool) {
	fmt.Fprintf(w, "客服: %s\n", a.Text)
	switch {
	case trace:
		fmt.Fprintf(w, "      (%s)\n", a.Trace())
	case a.Fallback:
		fmt.Fprintf(w, "      (fallback: %s)\n", a.Reason)
	case a.Category == "":
		fmt.Fprintf(w, "      (rule %s)\n", a.Rule)
	default:
		fmt.Fprintf(w, "      (rule %s [%s])\n", a.Rule, a.Category)
	}
	if h != nil {
		fmt.Fprintf(w, "      (handed off to a human: %s; %d turns, %d unanswered)\n", h.Trigger, len(h.Transcript), len(h.Unanswered))
	}
}

// jsonAnswer is the --json output for one input line.
type jsonAnswer struct {
	Rule      string      `json:"rule"`
	Category  string      `json:"category"`
	Fallback  bool        `json:"fallback"`
	Reason    string      `json:"reason"`
	Handoff   bool        `json:"handoff"`
	Trigger   string      `json:"handoff_trigger,omitempty"`
	HandedOff bool        `json:"handed_off"`
	Truncated bool        `json:"truncated"`
	Empty     bool        `json:"empty,omitempty"`
	Text      string      `json:"text"`
	Matches   []jsonMatch `json:"matches"`
}

type jsonMatch struct {
	Keyword  string `json:"keyword"`
	Form     string `json:"form"`
	Synonym  bool   `json:"synonym"`
	Role     string `json:"role"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Boundary string `json:"boundary"`
}

// toJSON converts an answer; h is the handoff when this line caused it, and
// handedOff whether the conversation is with a human by now.
func toJSON(a reply.Answer, empty bool, h *reply.Handoff, handedOff bool) jsonAnswer {
	j := jsonAnswer{Rule: a.Rule, Category: a.Category, Fallback: a.Fallback, Handoff: a.Handoff,
		Truncated: a.Truncated, HandedOff: handedOff, Empty: empty, Text: a.Text, Matches: []jsonMatch{}}
	if !empty {
		j.Reason = a.Reason.String()
	}
	if h != nil {
		j.Handoff, j.Trigger = true, h.Trigger
	}
	for _, m := range a.Matches {
		j.Matches = append(j.Matches, jsonMatch{Keyword: m.Keyword, Form: m.Form, Synonym: m.Synonym,
			Role: m.Role.String(), Start: m.Start, End: m.End, Boundary: m.Boundary.String()})
	}
	return j
}

// isTerminal reports whether r is a terminal (a character device), so that
// chat shows a prompt only to a person.
func isTerminal(r io.Reader) bool {
	f, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
