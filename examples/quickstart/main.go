// Command quickstart shows the reply engine on its embedded starter library:
// no arguments, no files. For a dozen typical customer messages it prints the
// question, the answer, the rule that answered and a one-line trace.
//
//	go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/kefu-go/kefu/reply"
)

// questions are typical customer messages, with a few traps.
var questions = []string{
	"亲，什么时候发货呀", // shipping time
	"發貨了嗎",      // traditional characters
	"我发现货不对",    // trap: 现货 (in stock) must not fire; wrong item
	"退货运费谁出",    // the longer phrase beats the single-word rules
	"有没有优惠卷",    // a synonym spelt the way customers type it
	"这件衣服会不会掉色", // colour fastness / washing
	"能开发票吗",     // invoice
	"在吗？",       // exact greeting
	"今天天气真好",    // small talk: the default reply
	"东西收到就是坏的，我要投诉你们！", // complaint: hand off to a human
	"转人工",    // ask for a person
	"可以便宜点吗", // bargaining
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: quickstart (no arguments)")
		return 2
	}
	engine, _, err := reply.New(reply.Starter(), reply.WithVariables(map[string]string{"shop_name": "小熊家"}))
	if err != nil {
		fmt.Fprintln(stderr, "quickstart:", err)
		return 1
	}
	for i, q := range questions {
		a := engine.Reply(q)
		rule := a.Rule
		if a.Fallback {
			rule = "(fallback: " + a.Reason.String() + ")"
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "问: %s\n答: %s\n规则: %s\n追踪: %s\n", q, a.Text, rule, a.Trace())
	}
	return 0
}
