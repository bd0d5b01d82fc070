package reply

import (
	"sync"
	"time"
)

// A Replier answers messages: *Engine and *Holder are Repliers.
type Replier interface {
	Reply(msg string) Answer
}

// A Turn is one exchange of a conversation.
type Turn struct {
	At       time.Time
	Customer string // the message (at most DefaultMaxMessageRunes characters), personal data masked
	Bot      string // the answer's text
	Rule     string // the rule that answered, empty for a fallback
	Fallback bool
}

// A Handoff is what a human agent receives: enough that they need not ask
// the customer again.
type Handoff struct {
	// Trigger says why: "rule complaint" or "fallbacks in a row".
	Trigger string
	// Transcript is the conversation so far, oldest first, personal data
	// masked.
	Transcript []Turn
	// Unanswered are the customer's messages the bot could not answer,
	// masked.
	Unanswered []string
}

// ConversationOption configures NewConversation.
type ConversationOption func(*Conversation)

// WithHistory sets how many turns a conversation keeps (default 50).
func WithHistory(n int) ConversationOption {
	return func(c *Conversation) {
		if n > 0 {
			c.maxTurns = n
		}
	}
}

// WithHandoffAfter hands the conversation to a human after n consecutive
// fallbacks (default 3; 0 turns it off).
func WithHandoffAfter(n int) ConversationOption {
	return func(c *Conversation) { c.after = n }
}

// WithConversationObserver reports to o the handoffs that the conversation
// decides (fallbacks in a row); handoffs asked for by a rule are reported
// by the engine's observer, so one Stats may serve both without counting
// twice.
func WithConversationObserver(o Observer) ConversationOption {
	return func(c *Conversation) { c.observer = o }
}

// WithConversationClock replaces time.Now for the turns' times.
func WithConversationClock(now func() time.Time) ConversationOption {
	return func(c *Conversation) { c.clock = now }
}

// A Conversation is one customer's session: a bounded history and the
// handoff rule. It is safe for concurrent use, though one customer's
// messages are normally answered in order.
type Conversation struct {
	r        Replier
	maxTurns int
	after    int
	observer Observer
	clock    func() time.Time

	mu         sync.Mutex
	turns      []Turn
	streak     int
	unanswered []string
	handoff    *Handoff
}

// NewConversation starts a conversation answered by r.
func NewConversation(r Replier, opts ...ConversationOption) *Conversation {
	c := &Conversation{r: r, maxTurns: 50, after: 3, clock: time.Now}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Reply answers msg, records the turn, and hands off when the answer's
// rule asks for it or after too many fallbacks in a row. Once handed off,
// HandedOff returns the handoff; the bot keeps answering if asked.
func (c *Conversation) Reply(msg string) Answer {
	a := c.r.Reply(msg)
	masked := maskText(truncateRunes(msg, DefaultMaxMessageRunes))
	c.mu.Lock()
	defer c.mu.Unlock()
	c.turns = append(c.turns, Turn{At: c.clock(), Customer: masked, Bot: a.Text, Rule: a.Rule, Fallback: a.Fallback})
	if len(c.turns) > c.maxTurns {
		c.turns = append(c.turns[:0], c.turns[len(c.turns)-c.maxTurns:]...)
	}
	switch {
	case a.Reason == SwitchedOff:
		// The bot is off: the customer was not failed, nor answered.
	case a.Fallback:
		c.streak++
		c.unanswered = append(c.unanswered, masked)
		if len(c.unanswered) > c.maxTurns {
			c.unanswered = c.unanswered[len(c.unanswered)-c.maxTurns:]
		}
	default:
		c.streak = 0
	}
	trigger, fromRule := "", a.Handoff
	switch {
	case a.Handoff:
		trigger = "rule " + a.Rule
	case c.after > 0 && c.streak >= c.after:
		trigger = "fallbacks in a row"
		a.Handoff = true
	}
	if trigger != "" && c.handoff == nil {
		c.handoff = &Handoff{Trigger: trigger, Transcript: append([]Turn(nil), c.turns...), Unanswered: append([]string(nil), c.unanswered...)}
		// The engine already reports handoffs that its rules ask for.
		if c.observer != nil && !fromRule {
			c.observer.Observe(Event{Kind: EventHandoff, Trigger: trigger})
		}
	}
	return a
}

// HandedOff returns the handoff, or nil while the bot is still in charge.
func (c *Conversation) HandedOff() *Handoff {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.handoff
}

// History returns a copy of the kept turns, oldest first.
func (c *Conversation) History() []Turn {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Turn(nil), c.turns...)
}
