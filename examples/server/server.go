package main

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kefu-go/kefu/reply"
)

// Request limits.
const (
	maxReplyBody    = 64 << 10
	maxRulesBody    = reply.MaxFileBytes // 8 MiB
	maxMessageRunes = 500                // customers type short messages
	maxSessionBytes = 128
	historyTurns    = 10
	defaultStatsTop = 20
)

type config struct {
	token       string
	maxSessions int
	sessionTTL  time.Duration
	logger      *slog.Logger
	now         func() time.Time // nil: time.Now
}

// server holds the serving engine, the conversations and the statistics.
// Its handlers are safe for concurrent use.
type server struct {
	cfg      config
	holder   *reply.Holder
	stats    *reply.Stats
	opts     []reply.Option
	sessions *sessions

	reload sync.Mutex // one rule compilation at a time
}

// newServer compiles rs and returns a server answering from it, with the
// rule set's warnings.
func newServer(rs *reply.RuleSet, cfg config) (*server, []reply.Warning, error) {
	if cfg.logger == nil {
		cfg.logger = slog.New(slog.DiscardHandler)
	}
	if cfg.now == nil {
		cfg.now = time.Now
	}
	s := &server{cfg: cfg, stats: reply.NewStats(1000)}
	s.opts = []reply.Option{reply.WithObserver(s.stats), reply.WithMaxMessageRunes(maxMessageRunes)}
	e, warnings, err := reply.New(rs, s.opts...)
	if err != nil {
		return nil, nil, err
	}
	s.holder = reply.NewHolder(e)
	// The engine reports hits, fallbacks and rule handoffs; a conversation
	// reports its handoff too, so only the handoffs the engine cannot see
	// (fallbacks in a row) are passed on, or rule handoffs would count twice.
	convObserver := reply.ObserverFunc(func(ev reply.Event) {
		if ev.Kind == reply.EventHandoff && !strings.HasPrefix(ev.Trigger, "rule ") {
			s.stats.Observe(ev)
		}
	})
	s.sessions = newSessions(cfg.maxSessions, cfg.sessionTTL, cfg.now, func() *reply.Conversation {
		return reply.NewConversation(s.holder, reply.WithHistory(historyTurns), reply.WithConversationObserver(convObserver))
	})
	return s, warnings, nil
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/reply", s.handleReply)
	mux.HandleFunc("POST /v1/rules", s.admin(s.handleRules))
	mux.HandleFunc("GET /v1/stats", s.admin(s.handleStats))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	return mux
}

// errorBody is every error response.
type errorBody struct {
	Error  string      `json:"error"`
	Errors []ruleError `json:"errors,omitempty"`
}

type ruleError struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Rule    string `json:"rule,omitempty"`
	Message string `json:"message"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // the client may be gone; nothing to do about it
}

func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	writeJSON(w, status, errorBody{Error: fmt.Sprintf(format, args...)})
}

// bodyError answers a failed read of a request body: 413 when it is too
// large, 408 when it came too slowly (the server's read timeout), 400
// otherwise.
func bodyError(w http.ResponseWriter, err error) {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, "request body is larger than %d bytes", tooBig.Limit)
		return
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		w.Header().Set("Connection", "close") // the rest of the body is not read
		writeError(w, http.StatusRequestTimeout, "request body too slow: send the whole request within the server's read timeout")
		return
	}
	writeError(w, http.StatusBadRequest, "bad request body: %v", err)
}

// admin wraps an admin handler: it needs Authorization: Bearer <token>.
func (s *server) admin(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.token == "" {
			writeError(w, http.StatusForbidden, "admin endpoints are disabled: start the server with KEFU_ADMIN_TOKEN set")
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kefu"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong admin token")
			return
		}
		h(w, r)
	}
}

// replyRequest is the body of POST /v1/reply.
type replyRequest struct {
	Session string `json:"session"`
	Message string `json:"message"`
}

// replyResponse is the answer to POST /v1/reply.
type replyResponse struct {
	Session   string       `json:"session"`
	Rule      string       `json:"rule"`
	Category  string       `json:"category"`
	Fallback  bool         `json:"fallback"`
	Reason    string       `json:"reason"`
	Handoff   bool         `json:"handoff"`
	Truncated bool         `json:"truncated"`
	Text      string       `json:"text"`
	Matches   []match      `json:"matches"`
	Trace     string       `json:"trace"`
	HandedOff *handoffInfo `json:"handed_off"` // null while the bot is in charge
}

type match struct {
	Keyword  string `json:"keyword"`
	Form     string `json:"form"`
	Synonym  bool   `json:"synonym"`
	Role     string `json:"role"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Boundary string `json:"boundary"`
}

// handoffInfo is what the human agent gets: personal data is masked.
type handoffInfo struct {
	Trigger    string   `json:"trigger"`
	Transcript []turn   `json:"transcript"`
	Unanswered []string `json:"unanswered"`
}

type turn struct {
	At       time.Time `json:"at"`
	Customer string    `json:"customer"`
	Bot      string    `json:"bot"`
	Rule     string    `json:"rule"`
	Fallback bool      `json:"fallback"`
}

func (s *server) handleReply(w http.ResponseWriter, r *http.Request) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, _ := mime.ParseMediaType(ct); mt != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, "want Content-Type application/json")
			return
		}
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxReplyBody)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	var req replyRequest
	if err := dec.Decode(&req); err != nil {
		bodyError(w, err)
		return
	}
	if dec.More() {
		writeError(w, http.StatusBadRequest, "bad request body: more than one JSON value")
		return
	}
	switch {
	case req.Session == "" || len(req.Session) > maxSessionBytes || !utf8.ValidString(req.Session):
		writeError(w, http.StatusBadRequest, "session: want a non-empty string of at most %d bytes", maxSessionBytes)
		return
	case strings.TrimSpace(req.Message) == "":
		writeError(w, http.StatusBadRequest, "message is empty")
		return
	}
	// Cut long messages here rather than only in the engine, so that the
	// conversation's history keeps no more than the engine reads.
	msg, cut := truncateRunes(req.Message, maxMessageRunes)
	conv := s.sessions.get(req.Session)
	a := conv.Reply(msg)
	resp := replyResponse{Session: req.Session, Rule: a.Rule, Category: a.Category, Fallback: a.Fallback,
		Reason: a.Reason.String(), Handoff: a.Handoff, Truncated: cut || a.Truncated, Text: a.Text,
		Matches: make([]match, 0, len(a.Matches)), Trace: a.Trace()}
	for _, m := range a.Matches {
		resp.Matches = append(resp.Matches, match{Keyword: m.Keyword, Form: m.Form, Synonym: m.Synonym,
			Role: m.Role.String(), Start: m.Start, End: m.End, Boundary: m.Boundary.String()})
	}
	if h := conv.HandedOff(); h != nil {
		info := &handoffInfo{Trigger: h.Trigger, Transcript: make([]turn, 0, len(h.Transcript)),
			Unanswered: append([]string{}, h.Unanswered...)}
		for _, t := range h.Transcript {
			info.Transcript = append(info.Transcript, turn(t))
		}
		resp.HandedOff = info
	}
	writeJSON(w, http.StatusOK, resp)
}

// truncateRunes returns the first n runes of s and whether it cut.
func truncateRunes(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return s, false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], i < len(s)
}

// rulesResponse is the answer to an accepted POST /v1/rules.
type rulesResponse struct {
	Rules    int         `json:"rules"`
	Warnings []ruleError `json:"warnings"`
}

func (s *server) handleRules(w http.ResponseWriter, r *http.Request) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var format reply.Format
	switch mt {
	case "application/json":
		format = reply.JSON
	case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
		format = reply.YAML
	default:
		writeError(w, http.StatusUnsupportedMediaType, "want Content-Type application/yaml or application/json")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRulesBody))
	if err != nil {
		bodyError(w, err)
		return
	}
	// reply.Load parses JSON with its YAML parser, which takes YAML too:
	// hold a client that says JSON to JSON.
	if format == reply.JSON && !json.Valid(body) {
		e := ruleError{File: "request", Message: "not valid JSON"}
		var syntax *json.SyntaxError
		if err := json.Unmarshal(body, new(any)); errors.As(err, &syntax) {
			e.Line, e.Col = lineCol(body, max(syntax.Offset-1, 0)) // Offset is just past the culprit
			e.Message = "not valid JSON: " + syntax.Error()
		}
		s.cfg.logger.Warn("rules rejected", "errors", 1)
		writeJSON(w, http.StatusBadRequest, errorBody{Error: "rule set rejected: the body is not valid JSON; the previous rule set is still serving",
			Errors: []ruleError{e}})
		return
	}
	rs, err := reply.Load(bytes.NewReader(body), format, "request")
	if err != nil {
		s.rejectRules(w, err)
		return
	}
	s.reload.Lock()
	warnings, err := s.holder.Reload(rs, s.opts...)
	s.reload.Unlock()
	if err != nil {
		s.rejectRules(w, err)
		return
	}
	resp := rulesResponse{Rules: len(rs.Rules), Warnings: make([]ruleError, 0, len(warnings))}
	for _, wn := range warnings {
		resp.Warnings = append(resp.Warnings, ruleError{File: wn.Pos.File, Line: wn.Pos.Line, Col: wn.Pos.Col, Rule: wn.Rule, Message: wn.Msg})
	}
	s.cfg.logger.Info("rules replaced", "rules", len(rs.Rules), "warnings", len(warnings))
	writeJSON(w, http.StatusOK, resp)
}

// lineCol returns the 1-based line and column, in characters, of byte
// offset off of data; an offset past the end is placed at the end.
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, 1 + utf8.RuneCount(before)
}

// rejectRules answers a rule set that failed to load or compile; the
// serving set is unchanged.
func (s *server) rejectRules(w http.ResponseWriter, err error) {
	var list reply.ErrorList
	if !errors.As(err, &list) {
		s.cfg.logger.Warn("rules rejected", "err", err)
		writeError(w, http.StatusBadRequest, "rule set rejected: %v", err)
		return
	}
	body := errorBody{Error: "rule set rejected; the previous rule set is still serving"}
	for _, e := range list {
		body.Errors = append(body.Errors, ruleError{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Rule: e.Rule, Message: e.Msg})
	}
	s.cfg.logger.Warn("rules rejected", "errors", len(list))
	writeJSON(w, http.StatusBadRequest, body)
}

// statsResponse is the answer to GET /v1/stats: the reply.Stats snapshot
// (whose Question has no JSON field names, so it is copied) and the number
// of sessions kept.
type statsResponse struct {
	Messages     int            `json:"messages"`
	Hits         map[string]int `json:"hits"`
	Fallbacks    int            `json:"fallbacks"`
	FallbackRate float64        `json:"fallback_rate"`
	Handoffs     int            `json:"handoffs"`
	Unanswered   []question     `json:"unanswered"` // most frequent first
	Sessions     int            `json:"sessions"`
}

type question struct {
	Text  string `json:"text"` // normalised, personal data masked
	Count int    `json:"count"`
}

func (s *server) handleStats(w http.ResponseWriter, r *http.Request) {
	top := defaultStatsTop
	if v := r.URL.Query().Get("top"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			writeError(w, http.StatusBadRequest, "top: want a whole number >= 0")
			return
		}
		top = n
	}
	snap := s.stats.Snapshot(top)
	resp := statsResponse{Messages: snap.Messages, Hits: snap.Hits, Fallbacks: snap.Fallbacks,
		FallbackRate: snap.FallbackRate, Handoffs: snap.Handoffs, Unanswered: make([]question, 0, len(snap.Unanswered)),
		Sessions: s.sessions.len()}
	for _, q := range snap.Unanswered {
		resp.Unanswered = append(resp.Unanswered, question{Text: q.Text, Count: q.Count})
	}
	writeJSON(w, http.StatusOK, resp)
}
