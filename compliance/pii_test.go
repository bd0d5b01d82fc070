package compliance

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestValidIDNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{name: "valid, check X", in: "11010519491231002X", want: true},
		{name: "valid, check x", in: "11010519491231002x", want: true},
		{name: "invalid check digit", in: "340524198001010013", want: false},
		{name: "same number, right check digit", in: "34052419800101001X", want: true},
		{name: "check digit wrong by one", in: "110105194912310021", want: false},
		{name: "17 characters", in: "11010519491231002", want: false},
		{name: "19 characters", in: "11010519491231002X1", want: false},
		{name: "letter inside", in: "1101051949123A002X", want: false},
		{name: "month 13", in: "110105194913310021", want: false},
		{name: "30 February", in: "110105200002300023", want: false},
		{name: "29 February 2000", in: "110105200002290013", want: true},
		{name: "29 February 1900", in: "110105190002290017", want: false},
		{name: "area starting with 9", in: "910105194912310029", want: false},
		{name: "full-width digits", in: "１１０１０５１９４９１２３１００２Ｘ", want: false},
		{name: "empty", in: "", want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, ValidIDNumber(tc.in), "ValidIDNumber(%q)", tc.in)
		})
	}
}

func TestLuhn(t *testing.T) {
	for in, want := range map[string]bool{
		"6222021234567890128": true,
		"6222021234567890123": false,
		"4111111111111111":    true,
		"4111111111111112":    false,
		"0":                   true,
	} {
		assert.Equal(t, want, luhn(in), "luhn(%q)", in)
	}
}

func TestFindPII(t *testing.T) {
	type span struct {
		Cat  Category
		Text string
		Conf Confidence
	}
	tests := []struct {
		name string
		in   string
		want []span
	}{
		{name: "none", in: "亲，您好", want: nil},
		{name: "mobile between Chinese", in: "电话13812345678谢谢", want: []span{{CategoryMobile, "13812345678", ConfidenceHigh}}},
		{name: "mobile 3-8 grouping", in: "138 12345678", want: []span{{CategoryMobile, "138 12345678", ConfidenceHigh}}},
		{name: "mobile +86 joined", in: "+8613812345678", want: []span{{CategoryMobile, "+8613812345678", ConfidenceHigh}}},
		{name: "mobile 12x is not mobile", in: "12812345678", want: nil},
		{name: "landline-like 10 digits", in: "1381234567", want: nil},
		{name: "mobile next to a letter is a code", in: "SN13812345678", want: nil},
		{name: "stray digit before a spaced mobile", in: "2 138 1234 5678", want: []span{{CategoryMobile, "138 1234 5678", ConfidenceHigh}}},
		{name: "two mobiles", in: "13812345678,13987654321", want: []span{{CategoryMobile, "13812345678", ConfidenceHigh}, {CategoryMobile, "13987654321", ConfidenceHigh}}},
		{name: "ID number grouped 6-8-4", in: "110105 19491231 002X", want: []span{{CategoryIDNumber, "110105 19491231 002X", ConfidenceHigh}}},
		{name: "X followed by a letter is not an ID", in: "11010519491231002XY", want: nil},
		{name: "card after card wording, Luhn", in: "卡号：6222021234567890128", want: []span{{CategoryBankCard, "6222021234567890128", ConfidenceHigh}}},
		{name: "card after card wording, no Luhn", in: "银行卡 6222021234567890123", want: []span{{CategoryBankCard, "6222021234567890123", ConfidenceMedium}}},
		{name: "card 16 digits Luhn", in: "4111111111111111", want: []span{{CategoryBankCard, "4111111111111111", ConfidenceMedium}}},
		{name: "card in 4s", in: "4111-1111-1111-1111", want: []span{{CategoryBankCard, "4111-1111-1111-1111", ConfidenceMedium}}},
		{name: "15 digits is no card", in: "411111111111111", want: nil},
		{name: "20 digits is no card", in: "41111111111111111111", want: nil},
		{name: "tracking number", in: "快递单号是 4111111111111111", want: nil},
		{name: "order number in English", in: "order: 6222021234567890128", want: nil},
		{name: "mobile after an order word, named", in: "帮我把订单撤了 电话13812345678", want: []span{{CategoryMobile, "13812345678", ConfidenceHigh}}},
		{name: "card after an order word, named", in: "订单退款到银行卡 6222021234567890128", want: []span{{CategoryBankCard, "6222021234567890128", ConfidenceHigh}}},
		{name: "order word nearest", in: "手机下的订单号 13812345678", want: nil},
		{name: "a person's label ending in an order word", in: "身份证编号 11010519491231002X", want: []span{{CategoryIDNumber, "11010519491231002X", ConfidenceHigh}}},
		{name: "full-width card", in: "４１１１１１１１１１１１１１１１", want: []span{{CategoryBankCard, "４１１１１１１１１１１１１１１１", ConfidenceMedium}}},
		{name: "email", in: "a.b+c@mail.example.cn。", want: []span{{CategoryEmail, "a.b+c@mail.example.cn", ConfidenceHigh}}},
		{name: "email trailing dot", in: "x@y.com.", want: []span{{CategoryEmail, "x@y.com", ConfidenceHigh}}},
		{name: "not an email: no dot", in: "a@localhost", want: nil},
		{name: "not an email: numeric tld", in: "a@1.2", want: nil},
		{name: "not an email: nothing before @", in: "@qq.com", want: nil},
		{name: "digits inside an email are not a mobile", in: "13812345678@163.com", want: []span{{CategoryEmail, "13812345678@163.com", ConfidenceHigh}}},
		{name: "chained @", in: "a@b.cc@d.ee", want: []span{{CategoryEmail, "a@b.cc", ConfidenceHigh}}},
		{name: "invalid UTF-8 around a mobile", in: "\xff13812345678\xfe", want: []span{{CategoryMobile, "13812345678", ConfidenceHigh}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []span
			for _, s := range findPII(tc.in) {
				got = append(got, span{s.cat, tc.in[s.start:s.end], s.conf})
			}
			assert.Equal(t, tc.want, got, "findPII(%q)", tc.in)
		})
	}
}

func TestMask(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "nothing to mask", in: "亲，您好", want: "亲，您好"},
		{name: "mobile", in: "13812345678", want: "138****5678"},
		{name: "ID", in: "11010519491231002X", want: "1101**********002X"},
		{name: "card", in: "卡号 6222021234567890128", want: "卡号 ****0128"},
		{name: "email", in: "zhang@example.com", want: "z****@example.com"},
		{name: "payment password", in: "支付密码: 654321 别告诉别人", want: "支付密码:  别告诉别人"},
		{name: "password in English", in: "Password=Abc!123 ok", want: "Password= ok"},
		{name: "pin is a word, not inside shopping", in: "shopping 1234", want: "shopping 1234"},
		{name: "cvv2", in: "CVV2 123", want: "CVV2 "},
		{name: "code word without a value", in: "密码锁很好用", want: "密码锁很好用"},
		{name: "order number kept", in: "订单号 6222021234567890128", want: "订单号 6222021234567890128"},
		{name: "mobile after an order word", in: "订单撤了 手机号13812345678", want: "订单撤了 手机号138****5678"},
		{name: "several", in: "手机13812345678，验证码123456，邮箱a@b.cn", want: "手机138****5678，验证码，邮箱a****@b.cn"},
		{name: "invalid UTF-8 kept", in: "\xff密码\xfe", want: "\xff密码\xfe"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Mask(tc.in), "Mask(%q)", tc.in)
		})
	}
}

// Mask and findPII must stay linear: a long text of near misses.
func TestPIILongInput(t *testing.T) {
	in := strings.Repeat("1 a@b@c 1381234567 ", 20000)
	assert.Equal(t, in, Mask(in), "Mask(long near-miss text)")
}

// digitRuns is the naive oracle of digitGroups' scan: the maximal runs of
// ASCII and full-width digits, found rune by rune.
func digitRuns(text string) [][3]string {
	var out [][3]string
	start, digits := -1, ""
	for i, r := range text + "\x00" {
		d := rune(-1)
		switch {
		case r >= '0' && r <= '9':
			d = r
		case r >= '０' && r <= '９':
			d = r - '０' + '0'
		}
		if d >= 0 {
			if start < 0 {
				start = i
			}
			digits += string(d)
			continue
		}
		if start >= 0 {
			out = append(out, [3]string{strconv.Itoa(start), strconv.Itoa(i), digits})
			start, digits = -1, ""
		}
	}
	return out
}

// checkDigitGroups compares digitGroups with the oracle on text.
func checkDigitGroups(t *testing.T, text string) {
	t.Helper()
	var got [][3]string
	for _, g := range digitGroups(text) {
		end := g.end
		if g.x {
			_, size := utf8.DecodeLastRuneInString(text[:g.end])
			end -= size
		}
		got = append(got, [3]string{strconv.Itoa(g.start), strconv.Itoa(end), g.digits})
	}
	if want := digitRuns(text); !slices.Equal(got, want) {
		t.Fatalf("digitGroups(%q) runs = %q, the rune-by-rune oracle says %q", text, got, want)
	}
}

// TestDigitGroupsSweep checks digitGroups' byte-by-byte scan against the
// oracle with every rune between two digits, and with invalid and cut
// encodings next to full-width digits.
func TestDigitGroupsSweep(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		checkDigitGroups(t, "1"+string(r)+"２")
	}
	for _, s := range []string{"\xef\xbc\x90", "\xef\xbc", "\xef\xbc\x9a", "\xe4\xef\xbc\x91", "\xbc\x90", "1\xef\xbc\x99\xef", "０１２３４５６７８９0"} {
		checkDigitGroups(t, s)
	}
}

// FuzzDigitGroups is TestDigitGroupsSweep for any input.
func FuzzDigitGroups(f *testing.F) {
	for _, s := range []string{"", "电话13812345678", "１３８ １２３４ ５６７８", "卡号6222 0212 3456 7890 123", "\xef\xbc\x90x"} {
		f.Add(s)
	}
	f.Fuzz(checkDigitGroups)
}
