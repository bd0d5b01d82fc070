package reply

import (
	"slices"
	"sync"
)

// EventKind says what happened.
type EventKind uint8

const (
	// EventHit: a rule answered.
	EventHit EventKind = iota + 1
	// EventFallback: the default reply (or a question back) was sent.
	EventFallback
	// EventHandoff: the conversation was handed to a human.
	EventHandoff
)

// An Event is reported to an Observer. It carries no raw message text:
// Message is the normalised message with personal data masked, and only on
// fallbacks.
type Event struct {
	Kind     EventKind
	Rule     string
	Category string
	Reason   Reason
	Trigger  string // for EventHandoff: what triggered it
	Message  string
	// Similar is true for an EventHit when the rule answered because the
	// message resembled one of its examples, not through a keyword: a
	// sign that the rule lacks a keyword customers use.
	Similar bool
}

// An Observer receives events from an Engine or a Conversation. The
// library never logs; observers are how callers see what happens.
type Observer interface {
	Observe(Event)
}

// ObserverFunc adapts a function to the Observer interface.
type ObserverFunc func(Event)

// Observe calls f(ev).
func (f ObserverFunc) Observe(ev Event) { f(ev) }

// Stats is a ready-made in-memory Observer that counts hits per rule,
// fallbacks and handoffs, and the most frequent unanswered questions, so
// that the merchant can add keywords where customers actually ask. It is
// safe for concurrent use, and the zero value is ready (1000 questions).
// It keeps at most maxQuestions distinct questions; when full, a new
// question replaces one of the least frequent (a scan of the kept
// questions, under the lock).
type Stats struct {
	mu           sync.Mutex
	maxQuestions int
	hits         map[string]int
	fallbacks    int
	handoffs     int
	total        int
	questions    map[string]int
}

// NewStats returns an empty Stats keeping at most maxQuestions unanswered
// questions (1000 if maxQuestions <= 0).
func NewStats(maxQuestions int) *Stats {
	if maxQuestions <= 0 {
		maxQuestions = 1000
	}
	return &Stats{maxQuestions: maxQuestions, hits: map[string]int{}, questions: map[string]int{}}
}

// Observe implements Observer.
func (s *Stats) Observe(ev Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hits == nil { // the zero Stats is usable
		s.hits, s.questions = map[string]int{}, map[string]int{}
	}
	if s.maxQuestions <= 0 {
		s.maxQuestions = 1000
	}
	switch ev.Kind {
	case EventHit:
		s.total++
		s.hits[ev.Rule]++
	case EventFallback:
		s.total++
		s.fallbacks++
		if ev.Message == "" || ev.Reason == SwitchedOff {
			return
		}
		if _, ok := s.questions[ev.Message]; !ok && len(s.questions) >= s.maxQuestions {
			min, minQ := -1, ""
			for q, n := range s.questions {
				if min < 0 || n < min || n == min && q < minQ {
					min, minQ = n, q
				}
			}
			delete(s.questions, minQ)
		}
		s.questions[ev.Message]++
	case EventHandoff:
		s.handoffs++
	}
}

// A Question is an unanswered question and how often it was asked.
type Question struct {
	Text  string `json:"text"` // normalised, personal data masked
	Count int    `json:"count"`
}

// A Snapshot is a copy of the statistics at one moment.
type Snapshot struct {
	Messages     int            `json:"messages"`
	Hits         map[string]int `json:"hits"`
	Fallbacks    int            `json:"fallbacks"`
	FallbackRate float64        `json:"fallback_rate"`
	Handoffs     int            `json:"handoffs"`
	Unanswered   []Question     `json:"unanswered"` // most frequent first
}

// Snapshot returns the statistics, with the top unanswered questions (at
// most top; all if top <= 0).
func (s *Stats) Snapshot(top int) Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	snap := Snapshot{Messages: s.total, Hits: map[string]int{}, Fallbacks: s.fallbacks, Handoffs: s.handoffs}
	for k, v := range s.hits {
		snap.Hits[k] = v
	}
	if s.total > 0 {
		snap.FallbackRate = float64(s.fallbacks) / float64(s.total)
	}
	for q, n := range s.questions {
		snap.Unanswered = append(snap.Unanswered, Question{q, n})
	}
	slices.SortFunc(snap.Unanswered, func(a, b Question) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if a.Text < b.Text {
			return -1
		}
		return 1
	})
	if top > 0 && len(snap.Unanswered) > top {
		snap.Unanswered = snap.Unanswered[:top]
	}
	return snap
}
