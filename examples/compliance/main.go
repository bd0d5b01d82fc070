// Command compliance is a merchant's review screen for reply drafts: it
// reads one draft per line from stdin and prints the cleaned text and what
// was found in it. A blocked draft must not be sent as it is.
//
//	printf '我们的质量最好，手慢无！\n加微信聊\n' | go run ./examples/compliance
//	go run ./examples/compliance --json < drafts.txt
//	go run ./examples/compliance --words shop-words.tsv --allowed shop-allowed.tsv
//
// With --json it prints exactly one JSON object per input line, empty lines
// included, with the cleaned text, blocked, changed and the findings
// (category, action, word, the text as found, suggestion, byte offsets into
// the draft and confidence). Personal data in findings is masked with
// compliance.Mask: a review screen shows that a phone number is there, not
// the number.
//
// --words and --allowed add a shop's own word list and allow-list, in the
// formats of compliance/data (tab-separated); a bad line is reported as
// file:line:col: message and the program exits with status 1.
//
// This is a tool, not legal advice.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/kefu-go/kefu/examples/internal/lines"
	"io"
	"os"
	"strings"

	"github.com/kefu-go/kefu/compliance"
)

// maxLineBytes is the most of a line the program reads; the rest of a
// longer line is skipped. Replies are short (the engine caps them at 4 KiB).
const maxLineBytes = 16 << 10

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("compliance", flag.ContinueOnError)
	fl.SetOutput(stderr)
	asJSON := fl.Bool("json", false, "print one JSON object per input line")
	words := fl.String("words", "", "extra word list (word<TAB>category<TAB>action<TAB>replacement)")
	allowed := fl.String("allowed", "", "extra allow-list (one compound a line)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: compliance [--json] [--words FILE] [--allowed FILE] < drafts")
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
	filter, err := newFilter(*words, *allowed)
	if err != nil {
		fmt.Fprintln(stderr, strings.TrimPrefix(err.Error(), "compliance: "))
		return 1
	}

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	in := lines.NewReader(stdin, maxLineBytes)
	for n := 1; ; n++ {
		line, err := in.Next()
		if err == io.EOF {
			return 0
		}
		if err != nil {
			out.Flush()
			fmt.Fprintln(stderr, "compliance: reading stdin:", err)
			return 1
		}
		res := filter.Clean(line)
		if *asJSON {
			if err := enc.Encode(toJSON(line, res)); err != nil {
				fmt.Fprintln(stderr, "compliance:", err)
				return 1
			}
		} else if strings.TrimSpace(line) != "" {
			printResult(out, n, line, res)
		}
		if err := out.Flush(); err != nil {
			fmt.Fprintln(stderr, "compliance: writing:", err)
			return 1
		}
	}
}

// newFilter builds the filter from the embedded lists and the shop's own.
func newFilter(wordsFile, allowedFile string) (*compliance.Filter, error) {
	var opts []compliance.Option
	if wordsFile != "" {
		entries, err := compliance.LoadWordsFile(wordsFile)
		if err != nil {
			return nil, err
		}
		opts = append(opts, compliance.WithWords(entries...))
	}
	if allowedFile != "" {
		compounds, err := compliance.LoadAllowedFile(allowedFile)
		if err != nil {
			return nil, err
		}
		opts = append(opts, compliance.WithAllowed(compounds...))
	}
	return compliance.New(opts...)
}

// printResult prints one draft's review for people.
func printResult(w io.Writer, n int, draft string, res compliance.Result) {
	status := "ok"
	switch {
	case res.Blocked:
		status = "BLOCKED: do not send"
	case res.Text != draft:
		status = "cleaned"
	}
	fmt.Fprintf(w, "#%d %s\n", n, status)
	if res.Text != draft || res.Blocked {
		fmt.Fprintf(w, "  draft:   %s\n", compliance.Mask(draft))
	}
	fmt.Fprintf(w, "  cleaned: %s\n", compliance.Mask(res.Text))
	for _, f := range res.Findings {
		fmt.Fprintf(w, "  - %s %s\n", f.Action, describe(draft, f))
	}
}

// describe says what a finding is, masking personal data.
func describe(draft string, f compliance.Finding) string {
	found := foundText(draft, f)
	var b strings.Builder
	fmt.Fprintf(&b, "%q (%s", found, f.Category)
	if f.Word != "" && f.Word != found {
		fmt.Fprintf(&b, ", listed as %q", f.Word)
	}
	if f.Confidence != compliance.ConfidenceHigh {
		fmt.Fprintf(&b, ", %s confidence", confidence(f.Confidence))
	}
	b.WriteString(")")
	if f.Suggestion != "" {
		fmt.Fprintf(&b, " -> %q", f.Suggestion)
	}
	fmt.Fprintf(&b, " at %d-%d", f.Start, f.End)
	return b.String()
}

// foundText is the finding as written in the draft; personal data (a
// finding with no list word) is masked.
func foundText(draft string, f compliance.Finding) string {
	if f.Start < 0 || f.End > len(draft) || f.Start > f.End {
		return ""
	}
	s := draft[f.Start:f.End]
	if f.Word == "" {
		s = compliance.Mask(s)
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func confidence(c compliance.Confidence) string {
	switch c {
	case compliance.ConfidenceLow:
		return "low"
	case compliance.ConfidenceMedium:
		return "medium"
	case compliance.ConfidenceHigh:
		return "high"
	}
	return fmt.Sprintf("Confidence(%d)", c)
}

// jsonResult is the --json output for one draft.
type jsonResult struct {
	Text     string        `json:"text"`
	Blocked  bool          `json:"blocked"`
	Changed  bool          `json:"changed"`
	Findings []jsonFinding `json:"findings"`
}

type jsonFinding struct {
	Category   string `json:"category"`
	Action     string `json:"action"`
	Word       string `json:"word,omitempty"`
	Found      string `json:"found"`
	Suggestion string `json:"suggestion,omitempty"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Confidence string `json:"confidence"`
}

func toJSON(draft string, res compliance.Result) jsonResult {
	j := jsonResult{Text: res.Text, Blocked: res.Blocked, Changed: res.Text != draft, Findings: []jsonFinding{}}
	for _, f := range res.Findings {
		j.Findings = append(j.Findings, jsonFinding{Category: string(f.Category), Action: f.Action.String(),
			Word: f.Word, Found: foundText(draft, f), Suggestion: f.Suggestion, Start: f.Start, End: f.End,
			Confidence: confidence(f.Confidence)})
	}
	return j
}
