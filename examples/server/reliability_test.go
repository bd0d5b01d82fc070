package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/reply"
)

// liveServer is the real http.Server of the program, with its timeouts, on
// a loopback listener.
type liveServer struct {
	url  string
	addr string
	s    *server
}

// startLive serves the starter library on 127.0.0.1 with the given
// timeouts until the test ends.
func startLive(t *testing.T, cfg config, to timeouts) *liveServer {
	t.Helper()
	if cfg.maxSessions == 0 {
		cfg.maxSessions = 100
	}
	if cfg.sessionTTL == 0 {
		cfg.sessionTTL = time.Hour
	}
	logs := &syncBuffer{}
	cfg.logger = slog.New(slog.NewTextHandler(logs, nil))
	s, _, err := newServer(reply.Starter(), cfg)
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := newHTTPServer(s.handler(), to, cfg.logger)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	t.Cleanup(func() {
		srv.Close() // closes the listener and every connection at once
		assert.ErrorIs(t, <-served, http.ErrServerClosed)
	})
	return &liveServer{url: "http://" + ln.Addr().String(), addr: ln.Addr().String(), s: s}
}

// slowClient is a hostile client: it sends head at once, then trickle one
// byte per tick, and reads whatever the server answers until the server
// closes the connection.
type slowClient struct {
	name, head, trickle string
	answer              string // the start of the server's answer; "" when the request is never read (net/http sends nothing, or 400)
}

// slowResult is what a slow client saw.
type slowResult struct {
	answer []byte
	err    error         // nil: the server closed the connection
	after  time.Duration // from the dial to the close
	sent   int           // bytes of trickle sent
}

// runSlowClient plays c against addr, calling connected once it has
// connected and sent its head. It gives up after limit, so it always
// returns.
func runSlowClient(addr string, c slowClient, tick, limit time.Duration, connected func()) slowResult {
	start := time.Now()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		connected()
		return slowResult{err: err}
	}
	defer conn.Close()
	_, err = io.WriteString(conn, c.head)
	connected()
	if err != nil {
		return slowResult{err: fmt.Errorf("write head: %w", err)}
	}
	done := make(chan struct{})
	var sent atomic.Int64
	var trickled sync.WaitGroup
	trickled.Add(1)
	go func() {
		defer trickled.Done()
		ticker := time.NewTicker(tick)
		defer ticker.Stop()
		for i := 0; i < len(c.trickle); i++ {
			select {
			case <-done:
				return
			case <-ticker.C:
			}
			if _, err := conn.Write([]byte{c.trickle[i]}); err != nil {
				return // the server has closed the connection
			}
			sent.Add(1)
		}
	}()
	var answer []byte
	if err = conn.SetReadDeadline(start.Add(limit)); err == nil {
		answer, err = io.ReadAll(conn)
	}
	after := time.Since(start)
	close(done)
	trickled.Wait()
	if errors.Is(err, syscall.ECONNRESET) {
		err = nil // closed too, with the trickled bytes unread
	}
	return slowResult{answer: answer, err: err, after: after, sent: int(sent.Load())}
}

// TestSlowClients opens connections that send their headers or their body
// slower than the server's timeouts: each is closed once its timeout is
// up, a late body gets 408 first, and other clients are answered
// meanwhile.
func TestSlowClients(t *testing.T) {
	to := timeouts{readHeader: 200 * time.Millisecond, read: 400 * time.Millisecond, write: 2 * time.Second, idle: time.Second}
	const (
		tick  = 40 * time.Millisecond // one byte per tick: 2 KiB in the whole test
		limit = 3 * time.Second       // a slow client gives up then
		each  = 3                     // connections of every kind
	)
	live := startLive(t, config{token: token}, to)

	message := `{"session":"slow","message":"亲，什么时候发货呀，我等了好久了"}`
	replyHead := func(n int) string {
		return fmt.Sprintf("POST /v1/reply HTTP/1.1\r\nHost: kefu\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", n)
	}
	rulesHead := fmt.Sprintf("POST /v1/rules HTTP/1.1\r\nHost: kefu\r\nAuthorization: Bearer %s\r\nContent-Type: application/yaml\r\nContent-Length: %d\r\n\r\n", token, len(rulesA))
	clients := []slowClient{
		{name: "silent"},
		{name: "slow request line", trickle: replyHead(len(message)) + message},
		{name: "slow headers", head: "POST /v1/reply HTTP/1.1\r\n", trickle: replyHead(len(message))[len("POST /v1/reply HTTP/1.1\r\n"):] + message},
		{name: "slow reply body", head: replyHead(len(message)) + message[:10], trickle: message[10:], answer: "HTTP/1.1 408 "},
		{name: "slow rule file", head: rulesHead + rulesA[:10], trickle: rulesA[10:], answer: "HTTP/1.1 408 "},
	}
	for _, c := range clients[1:] {
		require.Greater(t, time.Duration(len(c.trickle))*tick, 2*to.read, "%s: the trickle outlasts the timeouts", c.name)
	}

	var wg, connected sync.WaitGroup
	results := make([][]slowResult, len(clients))
	var open atomic.Int64
	open.Store(int64(len(clients) * each))
	for i, c := range clients {
		results[i] = make([]slowResult, each)
		for k := range each {
			wg.Add(1)
			connected.Add(1)
			go func() {
				defer wg.Done()
				results[i][k] = runSlowClient(live.addr, c, tick, limit, connected.Done)
				open.Add(-1)
			}()
		}
	}
	connected.Wait()

	// Meanwhile an ordinary client is answered, promptly.
	var answered, answeredWhileOpen int
	var slowest time.Duration
	client := &http.Client{Timeout: limit}
	for open.Load() > 0 {
		start := time.Now()
		resp, err := client.Post(live.url+"/v1/reply", "application/json", strings.NewReader(`{"session":"ok","message":"发货了吗"}`))
		require.NoError(t, err, "an ordinary request while slow clients are connected")
		var r replyResponse
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.Equal(t, "ship_time", r.Rule)
		slowest = max(slowest, time.Since(start))
		answered++
		if open.Load() == int64(len(clients)*each) {
			answeredWhileOpen++
		}
		time.Sleep(5 * time.Millisecond)
	}
	wg.Wait()
	assert.NotZero(t, answeredWhileOpen, "answers while every slow connection was still open")
	t.Logf("%d ordinary answers while %d slow clients were connected (%d while all were), slowest %v",
		answered, len(clients)*each, answeredWhileOpen, slowest)

	for i, c := range clients {
		timeout := to.readHeader
		if c.answer != "" {
			timeout = to.read
		}
		for k, res := range results[i] {
			if !assert.NoError(t, res.err, "%s #%d: the server closes the connection (after %v, %d bytes sent)", c.name, k, res.after, res.sent) {
				continue
			}
			assert.GreaterOrEqual(t, res.after, timeout-20*time.Millisecond, "%s #%d: closed by the timeout, not before", c.name, k)
			assert.Less(t, res.after, timeout+time.Second, "%s #%d: closed soon after the timeout", c.name, k)
			if c.trickle != "" {
				assert.Less(t, res.sent, len(c.trickle), "%s #%d: cut off before the request was complete", c.name, k)
			}
			answer, want := string(res.answer), c.answer
			if want == "" && answer != "" {
				// net/http closes a connection whose request line or
				// headers time out silently, or with 400 when the
				// deadline struck inside a header line.
				want = "HTTP/1.1 400 "
			}
			if want != "" {
				assert.True(t, strings.HasPrefix(answer, want), "%s #%d: answer %q, want %q", c.name, k, answer, want)
				assert.Contains(t, answer, "Connection: close", "%s #%d", c.name, k)
			}
		}
	}

	// The rule file that came too slowly was not taken.
	resp, err := client.Post(live.url+"/v1/reply", "application/json", strings.NewReader(`{"session":"after","message":"发货了吗"}`))
	require.NoError(t, err)
	var r replyResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
	resp.Body.Close()
	assert.Equal(t, "ship_time", r.Rule, "the starter library keeps serving")
}

// TestLoadDuringSwaps sends a bounded load over loopback to the real
// server while another goroutine swaps the rule set every few
// milliseconds, with a rejected set in between: no transport errors, no
// status but 200, every answer wholly from one rule set, and one answer
// per request, as the client and the server's statistics both count.
func TestLoadDuringSwaps(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	const (
		clients  = 8
		requests = 250 // per client
		deadline = 10 * time.Second
		sessions = 64
	)
	live := startLive(t, config{token: token, maxSessions: sessions}, timeouts{
		readHeader: 5 * time.Second, read: 5 * time.Second, write: 10 * time.Second, idle: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients + 1}}
	defer client.CloseIdleConnections()

	post := func(path, contentType, body string, auth bool) (int, []byte, error) {
		req, err := http.NewRequestWithContext(ctx, "POST", live.url+path, strings.NewReader(body))
		if err != nil {
			return 0, nil, err
		}
		req.Header.Set("Content-Type", contentType)
		if auth {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		return resp.StatusCode, data, err
	}
	status, data, err := post("/v1/rules", "application/yaml", rulesA, true)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, status, "%s", data)

	want := map[string]struct{ category, text string }{
		"ship_a": {"A", "A: 48小时内发货。"},
		"ship_b": {"B", "B: 24小时内发货。"},
	}
	var sent, answers, transportErrors, badStatus, mixed atomic.Int64
	var fromA, fromB atomic.Int64
	var failures sync.Map // first few failures, to report
	fail := func(format string, args ...any) {
		failures.LoadOrStore(fmt.Sprintf(format, args...), true)
	}

	start := time.Now()
	var swapsDone sync.WaitGroup
	stopSwaps := make(chan struct{})
	var swaps, rejected, swapErrors int
	var swapTime time.Duration
	swapsDone.Add(1)
	go func() {
		defer swapsDone.Done()
		for i := 0; ; i++ {
			select {
			case <-stopSwaps:
				return
			case <-time.After(3 * time.Millisecond):
			}
			if i == 5 { // a rejected set in between changes nothing
				status, data, err := post("/v1/rules", "application/yaml", "version: 1\nrules: [\n", true)
				if err != nil || status != http.StatusBadRequest {
					swapErrors++
					fail("rejected set: %d %v %s", status, err, data)
				}
				rejected++
				continue
			}
			body, ct := rulesB, "application/json"
			if i%2 == 1 {
				body, ct = rulesA, "application/yaml"
			}
			swapStart := time.Now()
			status, data, err := post("/v1/rules", ct, body, true)
			swapTime += time.Since(swapStart)
			if err != nil || status != http.StatusOK {
				swapErrors++
				fail("swap %d: %d %v %s", i, status, err, data)
				continue
			}
			swaps++
		}
	}()

	var load sync.WaitGroup
	for c := range clients {
		load.Add(1)
		go func() {
			defer load.Done()
			for i := range requests {
				session := fmt.Sprintf("c%d-%d", c, i)
				body := fmt.Sprintf(`{"session":%q,"message":"亲，第%d单什么时候发货"}`, session, i)
				sent.Add(1)
				status, data, err := post("/v1/reply", "application/json", body, false)
				if err != nil {
					transportErrors.Add(1)
					fail("transport: %v", err)
					continue
				}
				if status != http.StatusOK {
					badStatus.Add(1)
					fail("status %d: %s", status, data)
					continue
				}
				var r replyResponse
				if err := json.Unmarshal(data, &r); err != nil {
					badStatus.Add(1)
					fail("body %s: %v", data, err)
					continue
				}
				answers.Add(1)
				w, ok := want[r.Rule]
				if !ok || r.Category != w.category || r.Text != w.text || r.Session != session {
					mixed.Add(1)
					fail("session %s: answer not wholly from one rule set: %+v", session, r)
					continue
				}
				if r.Rule == "ship_a" {
					fromA.Add(1)
				} else {
					fromB.Add(1)
				}
			}
		}()
	}
	load.Wait()
	took := time.Since(start)
	close(stopSwaps)
	swapsDone.Wait()

	failures.Range(func(k, _ any) bool {
		t.Error(k)
		return true
	})
	assert.Equal(t, int64(clients*requests), sent.Load(), "requests sent")
	assert.Zero(t, transportErrors.Load(), "transport errors")
	assert.Zero(t, badStatus.Load(), "answers other than 200")
	assert.Zero(t, mixed.Load(), "answers not wholly from one rule set")
	assert.Equal(t, sent.Load(), answers.Load(), "one answer per request")
	assert.Equal(t, answers.Load(), fromA.Load()+fromB.Load())
	assert.NotZero(t, fromA.Load(), "answers from rule set A")
	assert.NotZero(t, fromB.Load(), "answers from rule set B")
	assert.Zero(t, swapErrors, "swap errors")
	assert.Equal(t, 1, rejected, "the rejected set was sent")
	assert.GreaterOrEqual(t, swaps, 2, "swaps during the load")
	require.NoError(t, ctx.Err(), "the load finished within %v", deadline)

	// The server counted every message once.
	req, err := http.NewRequestWithContext(ctx, "GET", live.url+"/v1/stats?top=0", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	require.NoError(t, err)
	var st statsResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&st))
	resp.Body.Close()
	assert.Equal(t, int(sent.Load()), st.Messages, "messages the server answered")
	assert.Equal(t, int(sent.Load()), st.Hits["ship_a"]+st.Hits["ship_b"], "hits: %v", st.Hits)
	assert.LessOrEqual(t, st.Sessions, sessions, "sessions stay bounded")

	t.Logf("%d clients x %d requests in %v (%.0f/s): %d answers (%d from A, %d from B), %d transport errors, %d non-200, %d swaps (%v each) and %d rejected set meanwhile",
		clients, requests, took.Round(time.Millisecond), float64(sent.Load())/took.Seconds(), answers.Load(), fromA.Load(), fromB.Load(),
		transportErrors.Load(), badStatus.Load(), swaps, (swapTime / time.Duration(max(swaps, 1))).Round(time.Microsecond), rejected)
}
