// Command server is an HTTP service that embeds the reply engine with
// net/http only.
//
//	KEFU_ADMIN_TOKEN=secret go run ./examples/server --addr :8080
//
//	curl -s localhost:8080/v1/reply -H 'Content-Type: application/json' \
//	     -d '{"session":"u1","message":"什么时候发货"}'
//	curl -s localhost:8080/v1/rules -H 'Authorization: Bearer secret' \
//	     -H 'Content-Type: application/yaml' --data-binary @shop.yaml
//	curl -s localhost:8080/v1/stats -H 'Authorization: Bearer secret'
//
// # Endpoints
//
//   - POST /v1/reply {"session": "...", "message": "..."}: the answer, as
//     JSON. Each session is one reply.Conversation, so a session that gets
//     several fallbacks in a row, or hits a handoff rule, is handed off; the
//     answer then carries the handoff (trigger, masked transcript, the
//     questions the bot could not answer) for the human agent.
//   - POST /v1/rules: replace the rule set. The body is a rule file, YAML
//     (Content-Type application/yaml, application/x-yaml or text/yaml) or
//     JSON (application/json). A rejected set gets 400 with every error
//     and the previous set keeps serving; an accepted one is swapped in
//     atomically: every answer comes wholly from one set or the other.
//   - GET /v1/stats?top=N: the reply.Stats snapshot (hits per rule,
//     fallback rate, handoffs, the most frequent unanswered questions,
//     normalised and masked).
//   - GET /healthz: 200 ok.
//
// /v1/rules and /v1/stats are admin endpoints: they need the header
// Authorization: Bearer <token>, the token given by --admin-token or, better
// (command lines are visible to other users), the KEFU_ADMIN_TOKEN
// environment variable. Without a token they answer 403.
//
// # Limits
//
// Request bodies are limited (64 KiB for /v1/reply, 8 MiB for /v1/rules:
// 413 beyond), request headers to about 16 KiB (431 beyond), and messages
// are read up to 500 characters. Slow clients are cut off: a connection
// whose headers take longer than --read-header-timeout (5s) is closed
// (net/http sends no answer, or 400 when the time runs out inside a header
// line), one whose whole request takes longer than --read-timeout (30s)
// gets 408 and is closed, one whose answer is not written within
// --write-timeout (60s) is closed, and a kept-alive connection idle for
// longer than --idle-timeout (2m) is closed. Each connection has its own
// goroutine, so a slow client holds one connection, not the server. The
// server keeps at most --max-sessions conversations of at most 10 turns
// each, dropping the least recently used one when full and any idle for
// longer than --session-ttl. It shuts down gracefully on SIGINT or
// SIGTERM, finishing the requests in flight.
//
// The server logs startup, rule swaps and shutdown, never a customer's
// message.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/kefu-go/kefu/reply"
)

// Defaults of the flags, and fixed limits.
const (
	defaultAddr        = ":8080"
	defaultMaxSessions = 10000
	defaultSessionTTL  = 30 * time.Minute
	shutdownTimeout    = 10 * time.Second
	maxHeaderBytes     = 16 << 10

	defaultReadHeaderTimeout = 5 * time.Second
	defaultReadTimeout       = 30 * time.Second // a rule file of 8 MiB on a slow link
	defaultWriteTimeout      = 60 * time.Second // compiling a large rule set
	defaultIdleTimeout       = 2 * time.Minute
)

// timeouts bound how long one client can hold a connection: a client that
// sends its headers or its body slower than this has its connection closed
// (a late body is answered 408 first), so slow clients cannot tie up the
// server.
type timeouts struct {
	readHeader time.Duration // request line and headers
	read       time.Duration // the whole request, body included
	write      time.Duration // from the end of the headers to the end of the answer
	idle       time.Duration // a kept-alive connection between requests
}

// newHTTPServer returns the http.Server that serves h with the given
// timeouts and header limit, logging its connection errors to logger.
func newHTTPServer(h http.Handler, t timeouts, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: t.readHeader,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it serves until SIGINT or SIGTERM and
// returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runContext(ctx, args, os.Getenv, stdin, stdout, stderr)
}

// runContext serves until ctx is done, then shuts down gracefully.
func runContext(ctx context.Context, args []string, getenv func(string) string, _ io.Reader, _, stderr io.Writer) int {
	fl := flag.NewFlagSet("server", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", defaultAddr, "address to listen on")
	rulesFile := fl.String("rules", "", "rule file (.yaml, .yml, .json or .csv) instead of the starter library")
	token := fl.String("admin-token", "", "token for /v1/rules and /v1/stats (default $KEFU_ADMIN_TOKEN)")
	maxSessions := fl.Int("max-sessions", defaultMaxSessions, "most conversations kept")
	sessionTTL := fl.Duration("session-ttl", defaultSessionTTL, "drop conversations idle for longer")
	var to timeouts
	fl.DurationVar(&to.readHeader, "read-header-timeout", defaultReadHeaderTimeout, "close a connection whose request headers take longer")
	fl.DurationVar(&to.read, "read-timeout", defaultReadTimeout, "answer 408 and close a connection whose whole request takes longer")
	fl.DurationVar(&to.write, "write-timeout", defaultWriteTimeout, "close a connection whose answer is not written within this time after its headers")
	fl.DurationVar(&to.idle, "idle-timeout", defaultIdleTimeout, "close a kept-alive connection idle for longer")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 || *maxSessions <= 0 || *sessionTTL <= 0 ||
		to.readHeader <= 0 || to.read <= 0 || to.write <= 0 || to.idle <= 0 {
		fmt.Fprintln(stderr, "usage: server [--addr ADDR] [--rules FILE] [--admin-token TOKEN] [--max-sessions N] [--session-ttl D]\n"+
			"              [--read-header-timeout D] [--read-timeout D] [--write-timeout D] [--idle-timeout D]\n"+
			"durations and --max-sessions must be positive")
		return 2
	}
	if *token == "" {
		*token = getenv("KEFU_ADMIN_TOKEN")
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

	rs := reply.Starter()
	if *rulesFile != "" {
		var err error
		if rs, err = reply.LoadFile(*rulesFile); err != nil {
			logRuleErrors(logger, "cannot load rules", err)
			return 1
		}
		if strings.EqualFold(filepath.Ext(*rulesFile), ".csv") {
			rs.FillDefaults(reply.Starter())
		}
	}
	s, warnings, err := newServer(rs, config{token: *token, maxSessions: *maxSessions, sessionTTL: *sessionTTL, logger: logger})
	if err != nil {
		logRuleErrors(logger, "cannot compile rules", err)
		return 1
	}
	if *rulesFile != "" { // the starter library's warnings are known
		for _, w := range warnings {
			logger.Warn("rule set", "warning", w.String())
		}
	}
	if *token == "" {
		logger.Warn("no admin token: /v1/rules and /v1/stats are disabled (set KEFU_ADMIN_TOKEN)")
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		logger.Error("listen", "err", err)
		return 1
	}
	srv := newHTTPServer(s.handler(), to, logger)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	logger.Info("listening", "addr", ln.Addr().String(), "rules", len(rs.Rules))

	select {
	case err := <-served:
		logger.Error("serve", "err", err)
		return 1
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Error("shutdown", "err", err)
		return 1
	}
	logger.Info("stopped")
	return 0
}

func logRuleErrors(logger *slog.Logger, msg string, err error) {
	var list reply.ErrorList
	if !errors.As(err, &list) {
		logger.Error(msg, "err", err)
		return
	}
	for _, e := range list {
		logger.Error(msg, "err", e.Error())
	}
}
