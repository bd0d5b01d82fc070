package reply

import (
	"fmt"
	"slices"
	"time"
)

// A Window is a span of opening hours within one day, in minutes after
// midnight: From inclusive, To exclusive (To may be 24*60).
type Window struct{ From, To int }

// ParseWindow parses "09:00-23:00".
func ParseWindow(s string) (Window, error) {
	var h1, m1, h2, m2 int
	var rest string
	if n, _ := fmt.Sscanf(s, "%d:%d-%d:%d%s", &h1, &m1, &h2, &m2, &rest); n != 4 {
		return Window{}, fmt.Errorf("reply: opening hours %q: want HH:MM-HH:MM", s)
	}
	w := Window{h1*60 + m1, h2*60 + m2}
	if m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59 || w.From < 0 || w.To > 24*60 || w.From >= w.To {
		return Window{}, fmt.Errorf("reply: opening hours %q: want a start before an end within one day", s)
	}
	return w, nil
}

// A Schedule is a shop's business hours: weekly windows and dated
// exceptions (holidays, sales), in one time zone.
type Schedule struct {
	// Location is the shop's time zone; nil means UTC.
	Location *time.Location
	// Weekly holds the windows of each weekday, indexed by time.Weekday.
	// A day with no window is closed.
	Weekly [7][]Window
	// Dates overrides Weekly on the given dates ("2006-01-02"); an empty
	// list closes the shop that day.
	Dates map[string][]Window
}

// Daily returns a schedule open in the same windows every day.
func Daily(loc *time.Location, windows ...Window) *Schedule {
	s := &Schedule{Location: loc}
	for d := range s.Weekly {
		s.Weekly[d] = windows
	}
	return s
}

// IsOpen reports whether the shop is open at t.
func (s *Schedule) IsOpen(t time.Time) bool {
	loc := s.Location
	if loc == nil {
		loc = time.UTC
	}
	t = t.In(loc)
	windows, ok := s.Dates[t.Format(time.DateOnly)]
	if !ok {
		windows = s.Weekly[t.Weekday()]
	}
	min := t.Hour()*60 + t.Minute()
	for _, w := range windows {
		if min >= w.From && min < w.To {
			return true
		}
	}
	return false
}

// clone returns a deep copy, so that the caller's later changes do not
// reach an engine.
func (s *Schedule) clone() *Schedule {
	c := &Schedule{Location: s.Location, Dates: make(map[string][]Window, len(s.Dates))}
	for d, ws := range s.Weekly {
		c.Weekly[d] = slices.Clone(ws)
	}
	for k, ws := range s.Dates {
		c.Dates[k] = slices.Clone(ws)
	}
	return c
}

func (s *Schedule) validate() error {
	check := func(where string, ws []Window) error {
		for _, w := range ws {
			if w.From < 0 || w.To > 24*60 || w.From >= w.To {
				return fmt.Errorf("reply: schedule %s: bad window %d-%d", where, w.From, w.To)
			}
		}
		return nil
	}
	for d, ws := range s.Weekly {
		if err := check(time.Weekday(d).String(), ws); err != nil {
			return err
		}
	}
	for date, ws := range s.Dates {
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			return fmt.Errorf("reply: schedule date %q: want YYYY-MM-DD", date)
		}
		if err := check(date, ws); err != nil {
			return err
		}
	}
	return nil
}
