package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/reply"
)

const token = "test-token"

// syncBuffer is a bytes.Buffer safe for concurrent use, for logs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type testServer struct {
	*httptest.Server
	s   *server
	log *syncBuffer
}

func newTestServer(t *testing.T, cfg config) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	if cfg.maxSessions == 0 {
		cfg.maxSessions = 100
	}
	if cfg.sessionTTL == 0 {
		cfg.sessionTTL = time.Hour
	}
	cfg.logger = slog.New(slog.NewTextHandler(logs, nil))
	s, _, err := newServer(reply.Starter(), cfg)
	require.NoError(t, err)
	ts := httptest.NewServer(s.handler())
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, s: s, log: logs}
}

// do sends a request and returns the status, the headers and the body.
func (ts *testServer) do(t *testing.T, method, path, contentType, auth string, body io.Reader) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, body)
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, data
}

// ask posts to /v1/reply and decodes a 200 answer.
func (ts *testServer) ask(t *testing.T, session, message string) replyResponse {
	t.Helper()
	body, err := json.Marshal(replyRequest{Session: session, Message: message})
	require.NoError(t, err)
	status, _, data := ts.do(t, "POST", "/v1/reply", "application/json", "", bytes.NewReader(body))
	require.Equal(t, http.StatusOK, status, "POST /v1/reply %q: %s", message, data)
	var r replyResponse
	require.NoError(t, json.Unmarshal(data, &r), "body %s", data)
	return r
}

func (ts *testServer) postRules(t *testing.T, contentType, rules string) (int, []byte) {
	t.Helper()
	status, _, data := ts.do(t, "POST", "/v1/rules", contentType, "Bearer "+token, strings.NewReader(rules))
	return status, data
}

func errorOf(t *testing.T, data []byte) errorBody {
	t.Helper()
	var e errorBody
	require.NoError(t, json.Unmarshal(data, &e), "error body %s", data)
	require.NotEmpty(t, e.Error, "error body %s", data)
	return e
}

func TestReply(t *testing.T) {
	ts := newTestServer(t, config{token: token})
	tests := []struct {
		name, message, rule string
		fallback            bool
	}{
		{"plain", "亲，什么时候发货呀", "ship_time", false},
		{"traditional", "發貨了嗎", "ship_time", false},
		{"trap", "我发现货不对", "wrong_item", false},
		{"small talk", "今天天气真好", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ts.ask(t, "s-"+tt.name, tt.message)
			assert.Equal(t, tt.rule, r.Rule, "rule for %q", tt.message)
			assert.Equal(t, tt.fallback, r.Fallback, "fallback for %q", tt.message)
			assert.NotEmpty(t, r.Text, "text for %q", tt.message)
			assert.NotEmpty(t, r.Trace, "trace for %q", tt.message)
			assert.Equal(t, "s-"+tt.name, r.Session)
			assert.NotNil(t, r.Matches, "matches is a list")
			assert.Nil(t, r.HandedOff, "no handoff for %q", tt.message)
			for _, m := range r.Matches {
				require.True(t, 0 <= m.Start && m.Start <= m.End && m.End <= len(tt.message), "offsets %d-%d in %q", m.Start, m.End, tt.message)
			}
		})
	}
	r := ts.ask(t, "offsets", "我发现货不对")
	require.NotEmpty(t, r.Matches)
	assert.Equal(t, "货不对", "我发现货不对"[r.Matches[0].Start:r.Matches[0].End], "byte offsets")
}

func TestReplyLongMessage(t *testing.T) {
	ts := newTestServer(t, config{token: token})
	msg := strings.Repeat("好", maxMessageRunes) + "发货"
	r := ts.ask(t, "long", msg)
	assert.True(t, r.Truncated, "a %d-rune message is truncated", maxMessageRunes+2)
	assert.True(t, r.Fallback, "发货 lies beyond the limit")
	r = ts.ask(t, "long", strings.Repeat("好", maxMessageRunes-2)+"发货")
	assert.False(t, r.Truncated)
	assert.Equal(t, "ship_time", r.Rule)
}

func TestReplyBadRequests(t *testing.T) {
	ts := newTestServer(t, config{token: token})
	big := `{"session":"s","message":"` + strings.Repeat("a", maxReplyBody) + `"}`
	tests := []struct {
		name, method, contentType, body string
		status                          int
	}{
		{"bad JSON", "POST", "application/json", `{"session":"s","message":`, http.StatusBadRequest},
		{"not an object", "POST", "application/json", `["发货"]`, http.StatusBadRequest},
		{"wrong type", "POST", "application/json", `{"session":"s","message":42}`, http.StatusBadRequest},
		{"unknown field", "POST", "application/json", `{"session":"s","message":"发货","user":"x"}`, http.StatusBadRequest},
		{"two values", "POST", "application/json", `{"session":"s","message":"发货"}{}`, http.StatusBadRequest},
		{"empty body", "POST", "application/json", ``, http.StatusBadRequest},
		{"no session", "POST", "application/json", `{"message":"发货"}`, http.StatusBadRequest},
		{"long session", "POST", "application/json", `{"session":"` + strings.Repeat("s", maxSessionBytes+1) + `","message":"发货"}`, http.StatusBadRequest},
		{"empty message", "POST", "application/json", `{"session":"s","message":"  "}`, http.StatusBadRequest},
		{"oversized body", "POST", "application/json", big, http.StatusRequestEntityTooLarge},
		{"form post", "POST", "application/x-www-form-urlencoded", `session=s&message=x`, http.StatusUnsupportedMediaType},
		{"GET", "GET", "", ``, http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, data := ts.do(t, tt.method, "/v1/reply", tt.contentType, "", strings.NewReader(tt.body))
			assert.Equal(t, tt.status, status, "%s: body %s", tt.name, data)
			if tt.method == "POST" {
				errorOf(t, data)
			}
		})
	}
	// No content type is taken for JSON.
	status, _, data := ts.do(t, "POST", "/v1/reply", "", "", strings.NewReader(`{"session":"s","message":"发货"}`))
	assert.Equal(t, http.StatusOK, status, "no Content-Type: %s", data)
}

func TestHandoff(t *testing.T) {
	ts := newTestServer(t, config{token: token})
	t.Run("rule", func(t *testing.T) {
		ts.ask(t, "h1", "发货了吗")
		r := ts.ask(t, "h1", "我要投诉，电话13812345678")
		assert.Equal(t, "complaint", r.Rule)
		assert.True(t, r.Handoff)
		require.NotNil(t, r.HandedOff)
		assert.Equal(t, "rule complaint", r.HandedOff.Trigger)
		require.Len(t, r.HandedOff.Transcript, 2)
		assert.Equal(t, "发货了吗", r.HandedOff.Transcript[0].Customer)
		assert.Equal(t, "我要投诉，电话138****5678", r.HandedOff.Transcript[1].Customer, "personal data masked")
		assert.NotNil(t, r.HandedOff.Unanswered)

		r = ts.ask(t, "h1", "发货了吗")
		assert.False(t, r.Handoff, "an ordinary answer")
		require.NotNil(t, r.HandedOff, "the session stays handed off")
	})
	t.Run("fallbacks in a row", func(t *testing.T) {
		var r replyResponse
		for i, msg := range []string{"今天天气真好", "讲个笑话", "我的邮箱是zhang@example.com"} {
			r = ts.ask(t, "h2", msg)
			if i < 2 {
				assert.Nil(t, r.HandedOff, "after %d fallbacks", i+1)
			}
		}
		assert.True(t, r.Handoff)
		require.NotNil(t, r.HandedOff)
		assert.Equal(t, "fallbacks in a row", r.HandedOff.Trigger)
		require.Len(t, r.HandedOff.Unanswered, 3)
		assert.Equal(t, "我的邮箱是z****@example.com", r.HandedOff.Unanswered[2], "personal data masked")
	})
	t.Run("sessions are separate", func(t *testing.T) {
		r := ts.ask(t, "h3", "今天天气真好")
		assert.Nil(t, r.HandedOff, "a new session starts with the bot")
	})
}

func TestNoCustomerTextInLogs(t *testing.T) {
	ts := newTestServer(t, config{token: token})
	for _, msg := range []string{"我要投诉，电话13812345678", "今天天气真好", "讲个笑话", "唱首歌"} {
		ts.ask(t, "log", msg)
	}
	status, _ := ts.postRules(t, "application/yaml", "version: 1\nrules: []\n")
	require.Equal(t, http.StatusBadRequest, status)
	logs := ts.log.String()
	for _, s := range []string{"13812345678", "138****5678", "投诉", "天气", "笑话"} {
		assert.NotContains(t, logs, s, "logs: %s", logs)
	}
}

const rulesA = `version: 1
default_reply: "A: 稍后人工客服为您解答。"
rules:
  - id: ship_a
    category: A
    keywords: [发货]
    reply: "A: 48小时内发货。"
`

const rulesB = `{"version": 1, "default_reply": "B: 稍后人工客服为您解答。",
 "rules": [{"id": "ship_b", "category": "B", "keywords": ["发货"], "reply": "B: 24小时内发货。"}]}`

func TestRulesAuth(t *testing.T) {
	ts := newTestServer(t, config{token: token})
	tests := []struct{ name, auth string }{
		{"missing", ""},
		{"wrong token", "Bearer nope"},
		{"token prefix", "Bearer " + token[:4]},
		{"basic scheme", "Basic " + token},
		{"no scheme", token},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, ep := range []struct{ method, path string }{{"POST", "/v1/rules"}, {"GET", "/v1/stats"}} {
				status, h, data := ts.do(t, ep.method, ep.path, "application/yaml", tt.auth, strings.NewReader(rulesA))
				assert.Equal(t, http.StatusUnauthorized, status, "%s %s with %q: %s", ep.method, ep.path, tt.auth, data)
				assert.Contains(t, h.Get("WWW-Authenticate"), "Bearer")
			}
		})
	}
	assert.Equal(t, "ship_time", ts.ask(t, "a", "发货了吗").Rule, "the rules are unchanged")

	open := newTestServer(t, config{})
	status, _, data := open.do(t, "POST", "/v1/rules", "application/yaml", "Bearer ", strings.NewReader(rulesA))
	assert.Equal(t, http.StatusForbidden, status, "no token configured: %s", data)
	status, _, _ = open.do(t, "GET", "/v1/stats", "", "Bearer ", nil)
	assert.Equal(t, http.StatusForbidden, status, "no token configured")
}

func TestRulesReplace(t *testing.T) {
	ts := newTestServer(t, config{token: token})

	status, data := ts.postRules(t, "application/yaml; charset=utf-8", rulesA)
	require.Equal(t, http.StatusOK, status, "YAML: %s", data)
	var ok rulesResponse
	require.NoError(t, json.Unmarshal(data, &ok))
	assert.Equal(t, 1, ok.Rules)
	assert.NotNil(t, ok.Warnings)
	r := ts.ask(t, "r", "发货了吗")
	assert.Equal(t, "ship_a", r.Rule)
	assert.Equal(t, "A: 48小时内发货。", r.Text)

	status, data = ts.postRules(t, "application/json", rulesB)
	require.Equal(t, http.StatusOK, status, "JSON: %s", data)
	assert.Equal(t, "ship_b", ts.ask(t, "r", "发货了吗").Rule)
}

// TestRulesRejected posts rule sets that must be refused: each gets its
// status and an error body, and the rule set loaded before keeps serving.
func TestRulesRejected(t *testing.T) {
	ts := newTestServer(t, config{token: token})
	status, data := ts.postRules(t, "application/yaml", rulesA)
	require.Equal(t, http.StatusOK, status, "rule set A: %s", data)
	bigRules := "version: 1\n#" + strings.Repeat("x", maxRulesBody) + "\n"
	bigJSON := `{"version": 1, "default_reply": "` + strings.Repeat("x", maxRulesBody) + `"}`
	tests := []struct {
		name, contentType, body string
		chunked                 bool // no Content-Length: the server finds out while reading
		status                  int
		errors                  []ruleError // checked when given
		line, col               int         // where the first error is, checked when line is given
	}{
		{name: "no default reply", contentType: "application/yaml", body: "version: 1\nrules:\n  - id: a\n    keywords: [发货]\n    reply: x\n", status: http.StatusBadRequest,
			errors: []ruleError{{File: "request", Line: 1, Col: 1, Message: "default_reply is missing or empty: every rule set needs the reply sent when nothing matches"}}},
		{name: "unknown field", contentType: "application/yaml", body: "version: 1\ndefault_reply: x\nrules:\n  - id: a\n    keyword: [发货]\n    reply: x\n", status: http.StatusBadRequest,
			errors: []ruleError{{File: "request", Line: 5, Col: 5, Rule: "a", Message: `unknown field "keyword"`}}},
		{name: "broken YAML", contentType: "application/yaml", body: "version: 1\ndefault_reply: x\nrules: [\n  {id: a, keywords: [发货], reply: x\n", status: http.StatusBadRequest, line: 3, col: 1},
		{name: "YAML tab indent", contentType: "application/yaml", body: "version: 1\ndefault_reply: x\nrules:\n\t- id: a\n", status: http.StatusBadRequest, line: 4, col: 1},
		{name: "invalid UTF-8", contentType: "application/yaml", body: "version: 1\ndefault_reply: \"\xff\xfe\"\nrules: []\n", status: http.StatusBadRequest, line: 2, col: 1},
		{name: "broken JSON", contentType: "application/json", body: "{\"version\": 1,\n \"rules\": [}", status: http.StatusBadRequest, line: 2, col: 12},
		{name: "JSON wrong type", contentType: "application/json", body: `{"version": 1, "default_reply": "x", "rules": [{"id": "a", "keywords": "发货", "reply": 42}]}`, status: http.StatusBadRequest, line: 1, col: 72},
		{name: "YAML sent as JSON", contentType: "application/json", body: rulesA, status: http.StatusBadRequest, line: 1, col: 1},
		{name: "empty", contentType: "application/yaml", body: "", status: http.StatusBadRequest},
		{name: "no content type", contentType: "", body: rulesA, status: http.StatusUnsupportedMediaType},
		{name: "CSV", contentType: "text/csv", body: "id,keywords,reply\na,发货,x\n", status: http.StatusUnsupportedMediaType},
		{name: "oversized", contentType: "application/yaml", body: bigRules, status: http.StatusRequestEntityTooLarge},
		{name: "oversized chunked", contentType: "application/yaml", body: bigRules, chunked: true, status: http.StatusRequestEntityTooLarge},
		{name: "oversized JSON", contentType: "application/json", body: bigJSON, status: http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader = strings.NewReader(tt.body)
			if tt.chunked {
				body = io.MultiReader(body) // hides the length
			}
			status, _, data := ts.do(t, "POST", "/v1/rules", tt.contentType, "Bearer "+token, body)
			assert.Equal(t, tt.status, status, "%s: %s", tt.name, data)
			e := errorOf(t, data)
			if tt.errors != nil {
				assert.Equal(t, tt.errors, e.Errors, "%s", tt.name)
			}
			if tt.line != 0 && assert.NotEmpty(t, e.Errors, "%s: errors that name the place", tt.name) {
				first := e.Errors[0]
				assert.Equal(t, ruleError{File: "request", Line: tt.line, Col: tt.col},
					ruleError{File: first.File, Line: first.Line, Col: first.Col}, "%s: place of %q", tt.name, first.Message)
			}
			r := ts.ask(t, "rej", "发货了吗")
			assert.Equal(t, "ship_a", r.Rule, "%s: the rule set loaded before keeps serving", tt.name)
		})
	}
}

func TestStats(t *testing.T) {
	ts := newTestServer(t, config{token: token})
	ts.ask(t, "a", "发货了吗")
	ts.ask(t, "a", "發貨了嗎")
	ts.ask(t, "b", "我要投诉")
	for _, msg := range []string{"今天天气真好", "今天天气真好", "我的电话13812345678"} {
		ts.ask(t, "c", msg)
	}
	status, _, data := ts.do(t, "GET", "/v1/stats", "", "Bearer "+token, nil)
	require.Equal(t, http.StatusOK, status, "%s", data)
	var st statsResponse
	require.NoError(t, json.Unmarshal(data, &st))
	assert.Equal(t, 6, st.Messages)
	assert.Equal(t, map[string]int{"ship_time": 2, "complaint": 1}, st.Hits)
	assert.Equal(t, 3, st.Fallbacks)
	assert.InDelta(t, 0.5, st.FallbackRate, 1e-9)
	assert.Equal(t, 2, st.Handoffs, "a complaint and a session with three fallbacks, each counted once")
	assert.Equal(t, 3, st.Sessions)
	require.Len(t, st.Unanswered, 2)
	assert.Equal(t, question{Text: "今天天气真好", Count: 2}, st.Unanswered[0])
	assert.NotContains(t, string(data), "13812345678", "questions are masked")
	assert.Contains(t, string(data), `"unanswered":[{"text":`)

	status, _, data = ts.do(t, "GET", "/v1/stats?top=1", "", "Bearer "+token, nil)
	require.Equal(t, http.StatusOK, status)
	require.NoError(t, json.Unmarshal(data, &st))
	assert.Len(t, st.Unanswered, 1, "top=1")

	status, _, _ = ts.do(t, "GET", "/v1/stats?top=x", "", "Bearer "+token, nil)
	assert.Equal(t, http.StatusBadRequest, status, "top=x")

	empty := newTestServer(t, config{token: token})
	_, _, data = empty.do(t, "GET", "/v1/stats", "", "Bearer "+token, nil)
	assert.Contains(t, string(data), `"unanswered":[]`, "a list, never null")
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, config{})
	status, _, data := ts.do(t, "GET", "/healthz", "", "", nil)
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "ok\n", string(data))
}

// TestConcurrentRepliesDuringSwaps checks, under -race, that every answer
// comes wholly from one rule set while rule sets are swapped.
func TestConcurrentRepliesDuringSwaps(t *testing.T) {
	ts := newTestServer(t, config{token: token, maxSessions: 8})
	status, data := ts.postRules(t, "application/yaml", rulesA)
	require.Equal(t, http.StatusOK, status, "%s", data)

	want := map[string]struct{ category, text, fallback string }{
		"ship_a": {"A", "A: 48小时内发货。", "A: 稍后人工客服为您解答。"},
		"ship_b": {"B", "B: 24小时内发货。", "B: 稍后人工客服为您解答。"},
	}
	stop := make(chan struct{})
	var swaps sync.WaitGroup
	swaps.Add(1)
	go func() {
		defer swaps.Done()
		for i := 0; i < 20; i++ {
			body, ct := rulesB, "application/json"
			if i%2 == 1 {
				body, ct = rulesA, "application/yaml"
			}
			status, data := ts.postRules(t, ct, body)
			assert.Equal(t, http.StatusOK, status, "swap %d: %s", i, data)
			if i == 5 { // a rejected set in between changes nothing
				status, _ := ts.postRules(t, "application/yaml", "version: 1\nrules: []\n")
				assert.Equal(t, http.StatusBadRequest, status)
			}
		}
		close(stop)
	}()

	var clients sync.WaitGroup
	var mu sync.Mutex
	seen := map[string]int{}
	for c := 0; c < 8; c++ {
		clients.Add(1)
		go func() {
			defer clients.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				session := fmt.Sprintf("c%d-%d", c, i%20)
				body := fmt.Sprintf(`{"session":%q,"message":"发货了吗"}`, session)
				resp, err := ts.Client().Post(ts.URL+"/v1/reply", "application/json", strings.NewReader(body))
				if !assert.NoError(t, err) {
					return
				}
				var r replyResponse
				err = json.NewDecoder(resp.Body).Decode(&r)
				resp.Body.Close()
				if !assert.NoError(t, err) || !assert.Equal(t, http.StatusOK, resp.StatusCode) {
					return
				}
				w, ok := want[r.Rule]
				if !assert.True(t, ok, "answer from neither rule set: %+v", r) {
					return
				}
				assert.Equal(t, w.category, r.Category, "category of %s", r.Rule)
				assert.Equal(t, w.text, r.Text, "text of %s", r.Rule)
				mu.Lock()
				seen[r.Rule]++
				mu.Unlock()
			}
		}()
	}
	swaps.Wait()
	clients.Wait()
	assert.NotZero(t, seen["ship_a"]+seen["ship_b"], "answers during the swaps")
	assert.LessOrEqual(t, ts.s.sessions.len(), 8, "sessions stay bounded")
	t.Logf("answers: %v", seen)
}

func TestSessions(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	engine, _, err := reply.New(reply.Starter())
	require.NoError(t, err)
	made := 0
	s := newSessions(2, time.Minute, clock, func() *reply.Conversation {
		made++
		return reply.NewConversation(engine)
	})

	a := s.get("a")
	assert.Same(t, a, s.get("a"), "the same session gets the same conversation")
	b := s.get("b")
	assert.Equal(t, 2, s.len())
	s.get("a") // a is now the most recently used
	s.get("c") // full: b, the least recently used, goes
	assert.Equal(t, 2, s.len())
	assert.Same(t, a, s.get("a"), "a was used recently and stays")
	assert.NotSame(t, b, s.get("b"), "b was dropped and starts again")
	assert.Equal(t, 4, made)

	now = now.Add(2 * time.Minute)
	a2 := s.get("a")
	assert.NotSame(t, a, a2, "an idle session starts again")
	assert.Equal(t, 1, s.len(), "idle sessions are dropped")
}

// TestRunGracefulShutdown starts the real program, talks to it and stops
// it as SIGTERM would.
func TestRunGracefulShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	logs := &syncBuffer{}
	getenv := func(k string) string {
		if k == "KEFU_ADMIN_TOKEN" {
			return "env-token"
		}
		return ""
	}
	csvRules := filepath.Join(t.TempDir(), "shop.csv")
	require.NoError(t, os.WriteFile(csvRules, []byte("id,keywords,reply\nship,发货,亲，{{.ship_within}}内发货。\n"), 0o600))
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, []string{"--addr", "127.0.0.1:0", "--rules", csvRules,
			"--read-header-timeout", "2s", "--read-timeout", "10s", "--write-timeout", "10s", "--idle-timeout", "10s"}, getenv, nil, io.Discard, logs)
	}()

	addrRE := regexp.MustCompile(`msg=listening addr=(\S+)`)
	var addr string
	require.Eventually(t, func() bool {
		m := addrRE.FindStringSubmatch(logs.String())
		if m != nil {
			addr = m[1]
		}
		return m != nil
	}, 30*time.Second, 10*time.Millisecond, "server did not start: %s", logs)

	resp, err := http.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	resp, err = http.Post("http://"+addr+"/v1/reply", "application/json", strings.NewReader(`{"session":"s","message":"在吗"}`))
	require.NoError(t, err)
	var r replyResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
	resp.Body.Close()
	assert.True(t, r.Fallback, "the CSV rules serve, not the starter greeting")
	assert.Equal(t, reply.Starter().DefaultReply, r.Text, "a CSV file takes the starter's default reply")

	req, _ := http.NewRequest("GET", "http://"+addr+"/v1/stats", nil)
	req.Header.Set("Authorization", "Bearer env-token")
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "token from KEFU_ADMIN_TOKEN")

	cancel()
	select {
	case code := <-done:
		assert.Equal(t, 0, code, "logs: %s", logs)
	case <-time.After(shutdownTimeout + 5*time.Second):
		t.Fatal("server did not shut down")
	}
	assert.Contains(t, logs.String(), "msg=stopped")
}

func TestRunBadSetup(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("version: 1\nrules: []\n"), 0o600))
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"bad rules", []string{"--rules", bad}, 1},
		{"missing rules", []string{"--rules", bad + ".missing.yaml"}, 1},
		{"unknown flag", []string{"--nope"}, 2},
		{"no sessions", []string{"--max-sessions", "0"}, 2},
		{"no read header timeout", []string{"--read-header-timeout", "0s"}, 2},
		{"negative read timeout", []string{"--read-timeout", "-1s"}, 2},
		{"no write timeout", []string{"--write-timeout", "0s"}, 2},
		{"no idle timeout", []string{"--idle-timeout", "0s"}, 2},
		{"timeout without unit", []string{"--read-timeout", "30"}, 2},
		{"argument", []string{"extra"}, 2},
		{"bad address", []string{"--addr", "127.0.0.1:-1"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := runContext(context.Background(), tt.args, func(string) string { return "" }, nil, io.Discard, &stderr)
			assert.Equal(t, tt.code, code, "args %q: %s", tt.args, stderr.String())
		})
	}
}
