package main

import (
	"container/list"
	"sync"
	"time"

	"github.com/kefu-go/kefu/reply"
)

// sessions keeps a bounded number of conversations: when full, the least
// recently used one is dropped, and one idle for longer than ttl is dropped
// when next seen or when it reaches the back of the list. It is safe for
// concurrent use; every operation is O(1) amortised.
type sessions struct {
	max     int
	ttl     time.Duration
	now     func() time.Time
	newConv func() *reply.Conversation

	mu    sync.Mutex
	order *list.List // of *session, most recently used first
	byID  map[string]*list.Element
}

type session struct {
	id   string
	conv *reply.Conversation
	last time.Time
}

func newSessions(max int, ttl time.Duration, now func() time.Time, newConv func() *reply.Conversation) *sessions {
	return &sessions{max: max, ttl: ttl, now: now, newConv: newConv, order: list.New(), byID: map[string]*list.Element{}}
}

// get returns the conversation of session id, starting a new one if there
// is none or it has been idle for too long.
func (s *sessions) get(id string) *reply.Conversation {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	// Drop idle sessions from the back.
	for el := s.order.Back(); el != nil; el = s.order.Back() {
		if now.Sub(el.Value.(*session).last) <= s.ttl {
			break
		}
		s.remove(el)
	}
	if el, ok := s.byID[id]; ok {
		ss := el.Value.(*session)
		ss.last = now
		s.order.MoveToFront(el)
		return ss.conv
	}
	for s.order.Len() >= s.max {
		s.remove(s.order.Back())
	}
	ss := &session{id: id, conv: s.newConv(), last: now}
	s.byID[id] = s.order.PushFront(ss)
	return ss.conv
}

func (s *sessions) remove(el *list.Element) {
	delete(s.byID, el.Value.(*session).id)
	s.order.Remove(el)
}

// len returns the number of sessions kept.
func (s *sessions) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.order.Len()
}
