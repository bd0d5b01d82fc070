package reply

import (
	"sync/atomic"
)

// A Holder serves answers from the current Engine and swaps in a new one
// (make it with NewHolder)
// atomically. It is safe for concurrent use: every answer comes wholly from
// one engine, and a failed reload leaves the previous engine serving.
type Holder struct {
	cur atomic.Pointer[Engine]
	off atomic.Bool
}

// NewHolder returns a Holder serving e. It panics if e is nil: a Holder
// always has an engine to answer with.
func NewHolder(e *Engine) *Holder {
	if e == nil {
		panic("reply: NewHolder with a nil engine")
	}
	h := &Holder{}
	h.cur.Store(e)
	return h
}

// Engine returns the engine currently serving.
func (h *Holder) Engine() *Engine { return h.cur.Load() }

// Reply answers msg with the current engine.
func (h *Holder) Reply(msg string) Answer {
	return h.cur.Load().reply(msg, !h.off.Load())
}

// Swap makes e the serving engine and returns the previous one. It panics
// if e is nil.
func (h *Holder) Swap(e *Engine) *Engine {
	if e == nil {
		panic("reply: Holder.Swap with a nil engine")
	}
	return h.cur.Swap(e)
}

// Reload compiles rs and, if that succeeds, swaps the new engine in. On
// error the previous engine keeps serving and the error is returned.
func (h *Holder) Reload(rs *RuleSet, opts ...Option) ([]Warning, error) {
	e, ws, err := New(rs, opts...)
	if err != nil {
		return nil, err
	}
	h.cur.Store(e)
	return ws, nil
}

// SetEnabled is the merchant's on/off switch: while off, every answer is
// the default reply, marked as a fallback with Reason SwitchedOff.
func (h *Holder) SetEnabled(on bool) { h.off.Store(!on) }

// Enabled reports the switch.
func (h *Holder) Enabled() bool { return !h.off.Load() }
