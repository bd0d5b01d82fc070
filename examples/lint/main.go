// Command lint checks rule files the way the reply engine loads them and
// prints every error and warning as file:line:col: message, in line order.
// It exits with status 1 when any file has an error, 0 otherwise (warnings
// alone do not fail), and 2 on bad usage.
//
//	go run ./examples/lint shop.yaml faq.csv
//
// The format is chosen by the extension: .yaml, .yml, .json or .csv. A CSV
// file holds rules only; it is checked with the starter library's default
// reply and shop variables, as examples/chat uses it.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kefu-go/kefu/reply"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// A diagnostic is one error or warning.
type diagnostic struct {
	pos     reply.Pos
	warning bool
	rule    string
	msg     string
}

func (d diagnostic) String() string {
	if d.pos.File == "" {
		return d.msg
	}
	s := pos(d.pos) + ": "
	if d.warning {
		s += "warning: "
	}
	if d.rule != "" {
		s += "rule " + d.rule + ": "
	}
	return s + d.msg
}

// run is main without the process: it returns the exit status.
func run(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("lint", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprintln(stderr, "usage: lint FILE...") }
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return 2
	}
	status := 0
	for _, path := range fl.Args() {
		ds, failed := check(path)
		for _, d := range ds {
			fmt.Fprintln(stdout, d)
		}
		if failed {
			status = 1
		}
	}
	return status
}

// check loads and compiles one file. It returns its diagnostics in line
// order and whether any of them is an error.
func check(path string) ([]diagnostic, bool) {
	rs, err := reply.LoadFile(path)
	if err != nil {
		return errorDiagnostics(path, err), true
	}
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		rs.FillDefaults(reply.Starter())
	}
	warnings, err := reply.Lint(rs)
	if err != nil {
		// reply.Lint returns no warnings with errors: the errors come
		// first, fix them and run again to see the warnings.
		return errorDiagnostics(path, err), true
	}
	ds := make([]diagnostic, 0, len(warnings))
	for _, w := range warnings {
		ds = append(ds, diagnostic{pos: w.Pos, warning: true, rule: w.Rule, msg: w.Msg})
	}
	sortDiagnostics(ds)
	return ds, false
}

func errorDiagnostics(path string, err error) []diagnostic {
	var list reply.ErrorList
	if !errors.As(err, &list) {
		// Not a problem inside the file: it could not be opened, or its
		// extension names no format. The message names the file.
		return []diagnostic{{msg: err.Error()}}
	}
	ds := make([]diagnostic, 0, len(list))
	for _, e := range list {
		ds = append(ds, diagnostic{pos: e.Pos, rule: e.Rule, msg: e.Msg})
	}
	sortDiagnostics(ds)
	return ds
}

func sortDiagnostics(ds []diagnostic) {
	slices.SortStableFunc(ds, func(a, b diagnostic) int {
		return cmp.Or(cmp.Compare(a.pos.Line, b.pos.Line), cmp.Compare(a.pos.Col, b.pos.Col))
	})
}

// pos formats a position as file:line:col, or file alone when the problem
// is with the file as a whole.
func pos(p reply.Pos) string {
	if p.Line <= 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}
