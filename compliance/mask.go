package compliance

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Mask returns text with personal data hidden, for logs and statistics.
// It is not for customer-facing text, which must never carry masked
// spellings: use Filter.Clean for that.
//
//   - mobile numbers keep their first three and last four digits:
//     13812345678 becomes 138****5678 (a +86 prefix is kept as written);
//   - ID numbers keep their first four and last four characters:
//     11010519491231002X becomes 1101**********002X;
//   - bank card candidates keep their last four digits: ****0123;
//   - e-mail addresses keep the first character and the domain:
//     z****@example.com;
//   - the value after 密码, 验证码, 动态码, 校验码, 安全码, CVV, password,
//     pwd or PIN is removed: 验证码：123456 becomes 验证码：.
//
// Numbers after words such as 订单号 or 快递单号 are left as they are,
// unless a word such as 电话, 手机 or 银行卡 stands between. Mask
// uses no shared state and is safe for concurrent use; it runs in time
// linear in len(text).
func Mask(text string) string {
	type cut struct {
		start, end int
		with       string
	}
	var cuts []cut
	for _, s := range findPII(text) {
		cuts = append(cuts, cut{s.start, s.end, maskSpan(text, s)})
	}
	for _, s := range findSecrets(text) {
		cuts = append(cuts, cut{s[0], s[1], ""})
	}
	if len(cuts) == 0 {
		return text
	}
	slices.SortStableFunc(cuts, func(a, b cut) int { return a.start - b.start })
	var b strings.Builder
	b.Grow(len(text))
	prev := 0
	for _, c := range cuts {
		if c.start < prev {
			continue
		}
		b.WriteString(text[prev:c.start])
		b.WriteString(c.with)
		prev = c.end
	}
	b.WriteString(text[prev:])
	return b.String()
}

func maskSpan(text string, s piiSpan) string {
	d := s.digits
	switch s.cat {
	case CategoryMobile:
		return s.lead + d[:3] + "****" + d[7:]
	case CategoryIDNumber:
		return d[:4] + strings.Repeat("*", 10) + d[14:]
	case CategoryBankCard:
		return "****" + d[len(d)-4:]
	case CategoryEmail:
		addr := text[s.start:s.end]
		at := strings.IndexByte(addr, '@')
		return addr[:1] + "****" + addr[at:]
	}
	return ""
}

// secretWords name a value that Mask removes. ASCII words match whole
// words only, in any case.
var secretWords = []string{"支付密码", "密码", "验证码", "动态码", "校验码", "安全码", "短信码", "口令", "cvv2", "cvv", "cvn2", "cvn", "password", "passwd", "pwd", "pin"}

// findSecrets returns the spans of the values that follow secretWords:
// after at most a few spaces, colons, 是 or 为, a run of up to 64 ASCII
// letters, digits and symbols.
func findSecrets(text string) [][2]int {
	lower := asciiLower(text)
	var out [][2]int
	for i := 0; i < len(lower); {
		w := secretAt(lower, i)
		if w == "" {
			_, size := utf8.DecodeRuneInString(lower[i:])
			i += size
			continue
		}
		j := i + len(w)
		for n := 0; n < 4 && j < len(lower); n++ {
			r, size := utf8.DecodeRuneInString(lower[j:])
			if !(r == ' ' || r == ':' || r == '：' || r == '=' || r == '是' || r == '为') {
				break
			}
			j += size
		}
		k := j
		for k < len(lower) && k-j < 64 && isSecretByte(lower[k]) {
			k++
		}
		if k > j {
			out = append(out, [2]int{j, k})
		}
		i = max(k, i+len(w))
	}
	return out
}

// secretAt returns the secret word at s[i:], or "".
func secretAt(s string, i int) string {
	for _, w := range secretWords {
		if !strings.HasPrefix(s[i:], w) {
			continue
		}
		if w[0] < 0x80 {
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+len(w):])
			if isASCIIAlnum(before) || (isASCIIAlnum(after) && !(after >= '0' && after <= '9')) {
				continue
			}
		}
		return w
	}
	return ""
}

func isSecretByte(c byte) bool {
	return isASCIIAlnum(rune(c)) || strings.IndexByte("!@#$%^&*_+-=", c) >= 0
}
