package compliance

import "fmt"

// Action says what Clean does with a finding.
type Action uint8

const (
	// Rewrite replaces the word with its compliant alternative, for
	// example 最好 with 很好. An entry without a replacement is dropped.
	Rewrite Action = iota + 1
	// Drop deletes the word and tidies the punctuation, spaces and
	// particles the deletion leaves behind.
	Drop
	// Block leaves the text as it is and sets Result.Blocked: the reply
	// must not be sent; the caller sends a safe fallback or hands the
	// conversation to a person.
	Block
	// Flag reports the finding and changes nothing.
	Flag
)

var actionNames = [...]string{Rewrite: "rewrite", Drop: "drop", Block: "block", Flag: "flag"}

// String returns the action's name as written in a word list:
// "rewrite", "drop", "block" or "flag".
func (a Action) String() string {
	if a >= Rewrite && int(a) < len(actionNames) {
		return actionNames[a]
	}
	return fmt.Sprintf("Action(%d)", uint8(a))
}

// ParseAction returns the Action named s, as written in a word list.
func ParseAction(s string) (Action, error) {
	for a := Rewrite; int(a) < len(actionNames); a++ {
		if actionNames[a] == s {
			return a, nil
		}
	}
	return 0, fmt.Errorf("%w %q (want rewrite, drop, block or flag)", ErrAction, s)
}

// edits reports whether the action changes the text.
func (a Action) edits() bool { return a == Rewrite || a == Drop }

// Category groups findings by the rule they break. A word list may use
// categories of its own; the names below are those of the embedded list
// and of the personal-data detectors.
type Category string

// Categories of the embedded word list.
const (
	// CategorySuperlative is for 最-words: 最好, 最佳, 最低价.
	CategorySuperlative Category = "superlative"
	// CategoryRank is for rank and uniqueness claims: 第一, 销量第一, NO.1, 唯一.
	CategoryRank Category = "rank"
	// CategoryGrade is for grade claims: 国家级, 世界级, 顶级, 极致, 至尊.
	CategoryGrade Category = "grade"
	// CategoryExclusive is for first-and-only claims: 首个, 首选, 首发, 独家.
	CategoryExclusive Category = "exclusive"
	// CategoryStatus is for market-position claims: 王牌, 领导品牌, 遥遥领先.
	CategoryStatus Category = "status"
	// CategoryAbsolute is for false absolutes: 史无前例, 万能, 绝对, 永久, 零风险.
	CategoryAbsolute Category = "absolute"
	// CategoryUrgency is for pressure tricks: 仅此一次, 马上涨价, 手慢无.
	CategoryUrgency Category = "urgency"
	// CategoryAuthority is for claimed endorsements by the state, officials,
	// experts or associations: 国家机关推荐, 质量免检, 驰名商标.
	CategoryAuthority Category = "authority"
	// CategoryMedical is for disease and efficacy claims: 根治, 药到病除.
	CategoryMedical Category = "medical"
	// CategorySolicit is for asking the customer for an ID number, bank
	// card, CVV, password or verification code.
	CategorySolicit Category = "solicit"
	// CategoryOffPlatform is for luring the customer off the platform:
	// 加微信, QQ, vx, 私下交易.
	CategoryOffPlatform Category = "offplatform"
)

// Categories of the personal-data detectors.
const (
	// CategoryMobile is a mainland mobile number, such as 13812345678.
	CategoryMobile Category = "mobile"
	// CategoryIDNumber is an 18-character resident ID number whose GB 11643
	// check digit and birth date are valid.
	CategoryIDNumber Category = "id_number"
	// CategoryBankCard is a run of 16 to 19 digits that is not an ID or
	// order number; see Confidence for how sure the finding is.
	CategoryBankCard Category = "bank_card"
	// CategoryEmail is an e-mail address.
	CategoryEmail Category = "email"
)

// Confidence says how sure a finding is. Higher values are surer.
type Confidence uint8

const (
	// ConfidenceLow is a bank card candidate that fails the Luhn check and
	// has no card wording before it.
	ConfidenceLow Confidence = iota + 1
	// ConfidenceMedium is a bank card candidate that passes the Luhn check
	// or follows card wording such as 卡号, but not both.
	ConfidenceMedium
	// ConfidenceHigh is every other finding: a listed word, a mobile number,
	// a valid ID number, an e-mail address, or a card number that passes
	// the Luhn check and follows card wording.
	ConfidenceHigh
)

// Entry is one word of a word list.
type Entry struct {
	// Word is the surface form. It is matched after the normalisation of
	// package matcher: full and half width, upper and lower case,
	// traditional and simplified characters, and noise such as spaces,
	// * ~ - _ . · / and emoji between the characters.
	Word string
	// Category names the rule the word breaks.
	Category Category
	// Action is what Clean does with the word.
	Action Action
	// Replacement is the compliant alternative for Rewrite. It is empty
	// for the other actions.
	Replacement string
}

// Finding is one word or piece of personal data found in a text.
type Finding struct {
	// Category names the rule the finding breaks.
	Category Category
	// Action is what Clean does with it.
	Action Action
	// Start and End are byte offsets into the text passed to Check or
	// Clean: text[Start:End] is the finding as written, including any
	// noise characters inside it.
	Start, End int
	// Word is the list entry that matched. It is empty for personal data.
	Word string
	// Suggestion is the replacement for Rewrite and empty otherwise.
	Suggestion string
	// Confidence says how sure the finding is.
	Confidence Confidence
}

// Result is what Clean returns.
type Result struct {
	// Text is the cleaned text: rewrites and drops applied, everything
	// else as it was. It is the input, unchanged, when the input is valid
	// UTF-8 with nothing to rewrite or drop; invalid bytes become U+FFFD.
	Text string
	// Findings are the findings of Check on the input, with offsets into
	// the input.
	Findings []Finding
	// Blocked is true when a finding has the action Block, or when the
	// cleaned text still contains a Block word: the reply must not be sent.
	Blocked bool
}
