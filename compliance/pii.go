package compliance

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// piiSpan is one piece of personal data: text[start:end] as written.
// digits holds the number's digits in ASCII (and a final X for an ID
// number); lead is the text of a +86 prefix that Mask keeps.
type piiSpan struct {
	cat        Category
	start, end int
	conf       Confidence
	digits     string
	lead       string
}

// findPII returns the e-mail addresses, mobile numbers, ID numbers and
// bank card candidates in text, sorted by start. It runs in time linear
// in len(text).
func findPII(text string) []piiSpan {
	emails := findEmails(text)
	spans := emails
	groups := digitGroups(text)
	k := 0
	for a := 0; a < len(groups); {
		g := groups[a]
		for k < len(emails) && emails[k].end <= g.start {
			k++
		}
		if k < len(emails) && emails[k].start <= g.start {
			a++ // part of an e-mail address
			continue
		}
		b, span, ok := classifyAt(text, groups, a)
		if !ok {
			a++
			continue
		}
		if !orderContext(text, span.start) {
			spans = append(spans, span)
		}
		a = b + 1
	}
	slices.SortStableFunc(spans, func(x, y piiSpan) int { return x.start - y.start })
	return spans
}

// group is a maximal run of digits (ASCII or full width). x is set when
// it is followed by an X that can end an ID number; end then includes it.
type group struct {
	start, end int
	digits     string
	x          bool
	// joined says the group is separated from the previous one by exactly
	// one space or hyphen, so the two may be parts of one number.
	joined bool
}

func isNumberSep(r rune) bool { return r == ' ' || r == '-' || r == '\u3000' || r == '－' }

func digitGroups(text string) []group {
	var gs []group
	var digits []byte
	// Digits are ASCII or full width (EF BC 90 to EF BC 99), so the text is
	// read byte by byte: no other rune's encoding holds those bytes at a
	// rune's start, and a continuation byte is never a digit.
	for i := 0; i < len(text); {
		start := i
		for i < len(text) {
			if c := text[i]; c >= '0' && c <= '9' {
				digits = append(digits, c)
				i++
			} else if c == 0xEF && i+2 < len(text) && text[i+1] == 0xBC && text[i+2] >= 0x90 && text[i+2] <= 0x99 {
				digits = append(digits, '0'+text[i+2]-0x90)
				i += 3
			} else {
				break
			}
		}
		if i == start {
			i++
			continue
		}
		gs = append(gs, newGroup(text, start, i, string(digits), gs))
		digits = digits[:0]
	}
	return gs
}

// newGroup returns the group of the digits text[start:end], which follows
// the groups gs.
func newGroup(text string, start, end int, digits string, gs []group) group {
	g := group{start: start, end: end, digits: digits}
	if r, size := utf8.DecodeRuneInString(text[end:]); r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ' {
		if next, _ := utf8.DecodeRuneInString(text[end+size:]); !isASCIIAlnum(foldRune(next)) {
			g.x, g.end = true, end+size
		}
	}
	if n := len(gs); n > 0 && !gs[n-1].x {
		if r, size := utf8.DecodeRuneInString(text[gs[n-1].end:]); isNumberSep(r) && gs[n-1].end+size == start {
			g.joined = true
		}
	}
	return g
}

// classifyAt tries the longest number that starts at groups[a] and spans
// up to five joined groups. It returns the index of its last group.
func classifyAt(text string, groups []group, a int) (int, piiSpan, bool) {
	last := a
	for last+1 < len(groups) && last-a < 4 && groups[last+1].joined && !groups[last].x {
		last++
	}
	for b := last; b >= a; b-- {
		if span, ok := classify(text, groups[a:b+1]); ok {
			return b, span, true
		}
	}
	return 0, piiSpan{}, false
}

// classify decides whether the groups, written as they are, form an ID
// number, a mobile number or a bank card number, in that order.
func classify(text string, gs []group) (piiSpan, bool) {
	start, end := gs[0].start, gs[len(gs)-1].end
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	if isASCIIAlnum(foldRune(before)) || isASCIIAlnum(foldRune(after)) {
		return piiSpan{}, false
	}
	var digits strings.Builder
	lens := make([]int, len(gs))
	for i, g := range gs {
		digits.WriteString(g.digits)
		lens[i] = len(g.digits)
	}
	d := digits.String()
	x := gs[len(gs)-1].x
	if x {
		lens[len(lens)-1]++
		d += "X"
	}
	span := piiSpan{start: start, end: end, digits: d, conf: ConfidenceHigh}
	if len(d) == 18 && shape(lens, [][]int{{18}, {6, 8, 4}, {6, 12}}) && ValidIDNumber(d) {
		span.cat = CategoryIDNumber
		return span, true
	}
	if x {
		return piiSpan{}, false
	}
	if before == '+' && len(gs) > 1 && gs[0].digits == "86" {
		if rest, ok := classify(text, gs[1:]); ok && rest.cat == CategoryMobile {
			rest.start = start - 1
			rest.lead = text[start-1 : gs[1].start]
			return rest, true
		}
	}
	if before == '+' && len(gs) == 1 && len(d) == 13 && strings.HasPrefix(d, "86") && mobileDigits(d[2:]) {
		return piiSpan{cat: CategoryMobile, start: start - 1, end: end, digits: d[2:], lead: "+86", conf: ConfidenceHigh}, true
	}
	if mobileDigits(d) && shape(lens, [][]int{{11}, {3, 4, 4}, {3, 8}, {7, 4}}) {
		span.cat = CategoryMobile
		return span, true
	}
	if len(d) >= 16 && len(d) <= 19 && (len(lens) == 1 || cardShape(lens)) {
		span.cat = CategoryBankCard
		span.conf = ConfidenceLow
		if luhn(d) {
			span.conf++
		}
		if cardContext(text, start) {
			span.conf++
		}
		return span, true
	}
	return piiSpan{}, false
}

func shape(lens []int, shapes [][]int) bool {
	for _, s := range shapes {
		if len(s) != len(lens) {
			continue
		}
		same := true
		for i := range s {
			same = same && s[i] == lens[i]
		}
		if same {
			return true
		}
	}
	return false
}

// cardShape is four or more groups of four digits and a last group of one
// to four: 6222 0212 3456 7890 123.
func cardShape(lens []int) bool {
	if len(lens) < 4 {
		return false
	}
	for _, l := range lens[:len(lens)-1] {
		if l != 4 {
			return false
		}
	}
	return lens[len(lens)-1] >= 1 && lens[len(lens)-1] <= 4
}

// mobileDigits is a mainland mobile number: 11 digits, 13x to 19x.
func mobileDigits(d string) bool {
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}

// ValidIDNumber reports whether s is a valid 18-character resident ID
// number: 17 ASCII digits and a check character (a digit or X) that
// matches the GB 11643-1999 checksum, with a possible birth date in
// positions 7 to 14. It says nothing about whether the number was issued.
//
// ValidIDNumber("11010519491231002X") is true;
// ValidIDNumber("340524198001010013") is false (its check character should be X).
func ValidIDNumber(s string) bool {
	if len(s) != 18 || s[0] < '1' || s[0] > '8' {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * w
	}
	check := "10X98765432"[sum%11]
	if s[17] != check && !(check == 'X' && s[17] == 'x') {
		return false
	}
	return validDate(atoi(s[6:10]), atoi(s[10:12]), atoi(s[12:14]))
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// luhn reports whether the ASCII digits d pass the Luhn (mod 10) check.
func luhn(d string) bool {
	sum := 0
	for i := 0; i < len(d); i++ {
		n := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

// contextWindow is how many characters before a number are searched for
// words that say what the number is.
const contextWindow = 12

var (
	orderWords = []string{"订单", "单号", "运单", "快递", "物流", "编号", "货号", "条码", "序列号", "工单", "流水号", "交易号", "order", "sku", "sn"}
	cardWords  = []string{"卡号", "银行卡", "信用卡", "储蓄卡", "借记卡", "账号", "帐号", "账户", "帐户", "card"}
	// personWords name a person's number: after an order word they take
	// the number back from it (帮我把订单撤了 电话13812345678).
	// 身份证编号 ends with the order word 编号 and is listed whole, so that
	// it is the nearer label.
	personWords = []string{"电话", "手机", "联系", "微信", "身份证", "身份证编号", "证件号", "证件编号", "tel", "phone", "mobile"}
)

// orderContext reports whether the words just before text[i] say that
// the number there is an order, tracking or serial number: an order word
// is there, and no word naming a person's number or a card stands between
// it and the number. The nearest label decides, by where it ends; when
// two end together (身份证编号, 编号), the person's number wins.
func orderContext(text string, i int) bool {
	window := contextWindowAt(text, i)
	order := lastOf(window, orderWords)
	return order >= 0 && order > max(lastOf(window, personWords), lastOf(window, cardWords))
}

// cardContext reports whether the words just before text[i] name a card
// or account number.
func cardContext(text string, i int) bool { return lastOf(contextWindowAt(text, i), cardWords) >= 0 }

// contextWindowAt returns the contextWindow characters before text[i],
// ASCII letters lower-cased.
func contextWindowAt(text string, i int) string {
	start := i
	for n := 0; n < contextWindow && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	return asciiLower(text[start:i])
}

// lastOf returns where the last of words to occur in window ends, or -1.
func lastOf(window string, words []string) int {
	last := -1
	for _, w := range words {
		if k := strings.LastIndex(window, w); k >= 0 {
			last = max(last, k+len(w))
		}
	}
	return last
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// foldRune maps a full-width ASCII variant to its ASCII form.
func foldRune(r rune) rune {
	if r >= '！' && r <= '～' {
		return r - '！' + '!'
	}
	return r
}

// findEmails returns the e-mail addresses in text. Each byte is looked at
// at most twice, so it runs in linear time.
func findEmails(text string) []piiSpan {
	var out []piiSpan
	prevEnd := 0
	for at := strings.IndexByte(text, '@'); at >= 0; {
		s := at
		for s > prevEnd && isLocalByte(text[s-1]) {
			s--
		}
		for s < at && text[s] == '.' {
			s++
		}
		e := at + 1
		for e < len(text) && isDomainByte(text[e]) {
			e++
		}
		for e > at+1 && (text[e-1] == '.' || text[e-1] == '-') {
			e--
		}
		if s < at && validDomain(text[at+1:e]) {
			out = append(out, piiSpan{cat: CategoryEmail, start: s, end: e, conf: ConfidenceHigh})
			prevEnd = e
		}
		next := strings.IndexByte(text[at+1:], '@')
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return out
}

func isLocalByte(c byte) bool {
	return isASCIIAlnum(rune(c)) || strings.IndexByte("._%+-", c) >= 0
}

func isDomainByte(c byte) bool { return isASCIIAlnum(rune(c)) || c == '.' || c == '-' }

// validDomain is two or more non-empty labels, the last of two or more
// letters.
func validDomain(d string) bool {
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" {
			return false
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if !(tld[i] >= 'a' && tld[i] <= 'z' || tld[i] >= 'A' && tld[i] <= 'Z') {
			return false
		}
	}
	return true
}
