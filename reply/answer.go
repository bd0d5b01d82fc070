package reply

import (
	"fmt"
	"strings"

	"github.com/kefu-go/kefu/matcher"
)

// Reason says why an answer is a fallback.
type Reason uint8

const (
	// Answered: not a fallback.
	Answered Reason = iota
	// NoMatch: no rule matched the message.
	NoMatch
	// RulesDisabled: rules matched, but every one of them is disabled.
	RulesDisabled
	// SwitchedOff: the bot is switched off (RuleSet.Disabled or
	// Holder.SetEnabled(false)).
	SwitchedOff
	// Blocked: the winning rule's replies failed the compliance check and
	// are never sent.
	Blocked
	// AskedBack: two rules of different categories matched equally well
	// and the customer is asked which one they mean (WithAskBack).
	AskedBack
	// SmallTalk: rules matched, but the message asks nothing and tells of
	// the customer's own life, not of the shop or an order (我老公就是送
	// 快递的 天天累得要死), by its words or by the small-talk model the
	// examples taught (see WithoutSmallTalk).
	SmallTalk
)

var reasonNames = [...]string{"answered", "no-match", "rules-disabled", "switched-off", "blocked", "asked-back", "small-talk"}

// String returns the reason's name, e.g. "no-match".
func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return fmt.Sprintf("Reason(%d)", r)
}

// An Answer is the engine's reply to one message, with what the merchant
// needs to see why.
type Answer struct {
	// Text is the reply to send: never empty.
	Text string
	// Rule and Category name the rule that answered; empty for a fallback.
	Rule, Category string
	// Fallback is true when Text is the default (or off-hours) reply or a
	// question back; Reason says why.
	Fallback bool
	Reason   Reason
	// OffHours is true when the fallback used the off-hours reply.
	OffHours bool
	// Handoff is true when the rule asks for a human (see Conversation).
	Handoff bool
	// Truncated is true when the message was longer than the limit and
	// only its beginning was read.
	Truncated bool
	// Matches are the keyword matches of the winning rule, in message order.
	Matches []KeywordMatch
	// Candidates are the best-ranked rules, the winner first, with their
	// scores and why each lost.
	Candidates []Candidate
	// Similar is set when no rule fired and the message resembles one of
	// a rule's examples enough (see WithSimilarity): that rule
	// answered, or the answer fell back because it is disabled or its
	// replies are blocked. Matches and Candidates are then empty.
	Similar *Similar
}

// Similar is the example of a rule that a message resembled.
type Similar struct {
	// Example is the rule's example, as written in the rule file, with
	// personal data masked (a merchant may paste real chats).
	Example string
	// Score is the cosine similarity, from the engine's minimum to 1.
	Score float64
}

// Role says which list of a rule a keyword belongs to.
type Role uint8

const (
	// RoleKeyword is a keyword of Rule.Keywords.
	RoleKeyword Role = iota + 1
	// RoleAllOf is a keyword of Rule.AllOf.
	RoleAllOf
	// RoleNoneOf is a keyword of Rule.NoneOf.
	RoleNoneOf
	// RoleExact is a keyword of an Exact rule, met by the whole message.
	RoleExact
	// RoleExcept is a word of Rule.Except.
	RoleExcept
)

var roleNames = [...]string{"", "keyword", "all_of", "none_of", "exact", "except"}

// String returns the role's name: keyword, all_of, none_of, exact or
// except.
func (r Role) String() string {
	if int(r) < len(roleNames) && r != 0 {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", r)
}

// A KeywordMatch is one keyword found in the message.
type KeywordMatch struct {
	// Keyword is the rule's keyword as written in the rule file.
	Keyword string
	// Form is the form that matched: the keyword itself or a synonym.
	Form string
	// Synonym is true when Form is a synonym of Keyword.
	Synonym bool
	// Pinyin is true when the customer wrote one character of Form in
	// pinyin (di址 for 地址; see WithoutPinyin). Normalized is then true
	// too.
	Pinyin bool
	// Normalized is true when the customer wrote Form differently
	// (traditional characters, full width, noise between the characters):
	// the message's text at Start:End is not Form as such.
	Normalized bool
	// Role says which list of the rule the keyword is in.
	Role Role
	// Start and End are byte offsets into the message as given to Reply.
	Start, End int
	// Boundary says how the match sits among the words of the message.
	Boundary matcher.Boundary
}

// A Score ranks a candidate rule. Fields are compared in order; see doc.go.
type Score struct {
	AllOf    bool // the rule's all_of list is satisfied
	Strength int  // 3: whole word or exact, 2: in a word, 1: phrase ending in a word
	Priority int
	Coverage int // characters of the message covered by the rule's matches (noise not counted)
	Longest  int // runes of the longest matched keyword
	Order    int // position in the rule file; lower wins
}

// beats reports whether s ranks above o, and the field that decides.
func (s Score) beats(o Score) (bool, string) {
	switch {
	case s.AllOf != o.AllOf:
		return s.AllOf, "all_of"
	case s.Strength != o.Strength:
		return s.Strength > o.Strength, "word boundary"
	case s.Priority != o.Priority:
		return s.Priority > o.Priority, "priority"
	case s.Coverage != o.Coverage:
		return s.Coverage > o.Coverage, "coverage"
	case s.Longest != o.Longest:
		return s.Longest > o.Longest, "keyword length"
	default:
		return s.Order < o.Order, "file order"
	}
}

// A Candidate is a rule that matched, with its score.
type Candidate struct {
	Rule, Category string
	Score          Score
	// Lost says why the candidate did not win ("priority" ...); empty for
	// the winner.
	Lost string
}

// Trace returns a one-line explanation of the answer, for logs and review
// screens. It holds no message text beyond the matched keywords.
func (a Answer) Trace() string {
	var b strings.Builder
	if a.Fallback {
		fmt.Fprintf(&b, "fallback (%s)", a.Reason)
		if a.OffHours {
			b.WriteString(" off-hours")
		}
	} else {
		fmt.Fprintf(&b, "rule %s [%s]", a.Rule, a.Category)
	}
	for _, m := range a.Matches {
		fmt.Fprintf(&b, "; %s %q", m.Role, m.Keyword)
		if m.Synonym {
			fmt.Fprintf(&b, " via synonym %q", m.Form)
		}
		if m.Pinyin {
			b.WriteString(" in pinyin")
		} else if m.Normalized {
			b.WriteString(" after normalisation")
		}
		fmt.Fprintf(&b, " at %d-%d %s", m.Start, m.End, m.Boundary)
	}
	if a.Similar != nil {
		fmt.Fprintf(&b, "; similar to example %q (%.2f)", a.Similar.Example, a.Similar.Score)
	}
	for _, c := range a.Candidates {
		if c.Lost != "" {
			fmt.Fprintf(&b, "; beat %s on %s", c.Rule, c.Lost)
		}
	}
	if a.Handoff {
		b.WriteString("; handoff")
	}
	if a.Truncated {
		b.WriteString("; message truncated")
	}
	return b.String()
}
