package reply

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kefu-go/kefu/matcher/normalize"
)

// A clause is a stretch of a message between punctuation or white space,
// which customers type for a comma. Two kinds matter to ranking (see
// doc.go): a clause that asks or requests, and a clause that tells,
// without asking, of something done (上次的退款已经到账了, 单号看到了) or
// that all is well (这次尺码刚好).

// doneWords mark a clause that tells of something done, as written
// (simplified and traditional): the clause is looked for in the raw
// message first, so that messages without them cost nothing.
var doneWords = []string{"已经", "已經", "上次", "上回", "上一次", "之前", "刚才", "剛才"}

// closings mark a message that thanks or closes, as written.
var closings = []string{"谢谢", "謝謝", "感谢", "感謝", "多谢", "多謝", "好评", "好評", "辛苦", "下次还来", "下次還來"}

// questionWords mark a clause that asks (normalised, simplified).
var questionWords = []string{
	"吗", "么", "呢", "什么", "啥", "怎么", "咋", "怎样", "如何", "哪", "几", "多少", "多久", "多长",
	"能否", "是否", "可以", "能不能", "有没有", "会不会", "是不是", "要不要", "行不行", "请问", "问下", "问一下",
}

// requestWords mark a clause that requests (单号发我下; and 想, see
// wants), unless a done word comes before them in it and it ends with
// 了: 已经给我补发了 tells, but 已经三天了帮我查下物流 and 之前的订单帮我取消
// 一下 request. Not 要 alone, which 之前要的 and 需要 hold.
var requestWords = []string{"我要", "帮我", "麻烦", "给我", "发我"}

// questionTails end a clause that asks: 有赠品没, 还有人不.
var questionTails = []string{"没", "不", "没有"}

// maxClauseRunes bounds how far a clause is read on each side of a match.
const maxClauseRunes = 48

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// clauseAround returns the clause of msg that holds msg[start:end],
// normalised, and whether a question mark ends it.
func clauseAround(msg string, start, end int) (clause string, questionMark bool) {
	var lb, right [maxClauseRunes]rune
	left := clauseBefore(&lb, msg, start)
	nr := 0
	for i := end; nr < len(right); nr++ {
		r, c, j := normalize.After(msg, i)
		_, size := utf8.DecodeLastRuneInString(msg[:j])
		if c != normalize.Keep || strings.ContainsFunc(msg[i:j-size], unicode.IsSpace) {
			questionMark = c == normalize.Break && r == '?'
			break
		}
		right[nr], i = r, j
	}
	var b strings.Builder
	for _, r := range left {
		b.WriteRune(r)
	}
	b.WriteString(normalize.String(msg[start:end]))
	for k := 0; k < nr; k++ {
		b.WriteRune(right[k])
	}
	return b.String(), questionMark
}

// clauseBefore returns the part of msg's clause before start, normalised,
// at most maxClauseRunes runes of it, in buf.
func clauseBefore(buf *[maxClauseRunes]rune, msg string, start int) []rune {
	n := len(buf)
	for i := start; n > 0; {
		r, c, j := normalize.Before(msg, i)
		if c != normalize.Keep || spaced(msg[j:i]) {
			break
		}
		n--
		buf[n], i = r, j
	}
	return buf[n:]
}

// clauseKind reports whether the clause of msg that holds msg[start:end]
// asks (a question word such as 吗, 什么, 怎么, 哪 or 几, a final 没 or
// 不, a question mark after it, or a request such as 帮我 or 想 that is
// not told as done), and whether it tells of something
// done (已经, 上次, 上回, 之前, 刚才, or a final 收到了, 看到了, 删了,
// 解决了 ...) or that all is well (满意, 不错, 刚好 ...).
func clauseKind(msg string, start, end int) (asks, done bool) {
	clause, mark := clauseAround(msg, start, end)
	return mark || clauseAsks(clause), containsAny(clause, doneWords) || completed(clause) || praises(clause)
}

// clauseAsks reports whether clause, normalised, asks: see clauseKind.
func clauseAsks(clause string) bool {
	for _, w := range questionTails {
		if strings.HasSuffix(clause, w) {
			return true
		}
	}
	return containsAny(clause, questionWords) || wants(clause) || requests(clause)
}

// requests reports whether clause, normalised, holds a request word that
// is not told as done (see requestWords).
func requests(clause string) bool {
	told := strings.HasSuffix(strings.TrimRight(clause, "啦哈呀哦喔嘛的"), "了")
	for _, w := range requestWords {
		if i := strings.Index(clause, w); i >= 0 && !(told && containsAny(clause[:i], doneWords)) {
			return true
		}
	}
	return false
}

// wants reports whether clause, normalised, holds a 想 that asks for
// something (现在想换个颜色), not one of 没想到 or 不想, nor a 想 whose
// object is a person (see personObjects).
func wants(clause string) bool {
	return holdsUnnegated(clause, "想", func(rest string) bool {
		// 想到, 想起来 and 想起了 remember; 想起码 still wishes.
		return !hasAnyPrefix(rest, []string{"到", "起来", "起了"}) && !startsPersonObject(rest)
	})
}

// personObjects make a person, not goods, what a shop verb acts on: 真想
// 把他退货, 想把自己包邮寄走, 想被包邮到马尔代夫. Goods are 它 (想把它退了
// asks to return something), and so is what is the person's: 把他那双,
// 把她的那件, 把自己那件 (see possessed).
var personObjects = []string{"把他", "把她", "把自己", "被"}

// possessed are what may follow a person to make it the owner of goods.
var possessed = []string{"的", "那", "这", "這", "买", "買", "穿", "用"}

// startsPersonObject reports whether s, as written or normalised (这 and
// 這 both count in possessed), starts with a person as what the verb
// after it acts on (see personObjects).
func startsPersonObject(s string) bool {
	for _, p := range personObjects {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return !hasAnyPrefix(rest, possessed)
		}
	}
	return false
}

// personObject reports whether clause holds a person as what a wished
// shop verb acts on: 想 right before a person object, as in 真想把他退货
// and 想被包邮到马尔代夫 (not 要: 快递要被退回了 tells of a parcel). It is
// a chat cue.
func personObject(clause string) bool {
	for i := 0; ; {
		k := strings.Index(clause[i:], "想")
		if k < 0 {
			return false
		}
		i += k + len("想")
		if startsPersonObject(clause[i:]) {
			return true
		}
	}
}

// holdsUnnegated reports whether clause holds w where negatedBy does not
// apply and ok accepts what follows it.
func holdsUnnegated(clause, w string, ok func(rest string) bool) bool {
	for i := 0; ; {
		k := strings.Index(clause[i:], w)
		if k < 0 {
			return false
		}
		i += k
		if !negatedBy(clause, i) && ok(clause[i+len(w):]) {
			return true
		}
		i += len(w)
	}
}

// negatedBy reports whether the rune of s before s[i:] is 不 or 没: 不满意
// and 查不到了 do not say all is well or that something is done.
func negatedBy(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r == '不' || r == '没'
}

// praises reports whether clause, normalised, holds a praise word that
// is not negated (满意, but not 不满意).
func praises(clause string) bool {
	for _, w := range praiseWords {
		if holdsUnnegated(clause, w, func(string) bool { return true }) {
			return true
		}
	}
	return false
}

// praiseWords mark a clause that says all is well (这次尺码刚好, 发票开得很
// 好): unless it asks, it tells like a clause of something done. They are
// looked for as written, like the done words.
var praiseWords = []string{"满意", "滿意", "挺好", "很好", "不错", "不錯", "刚好", "剛好", "喜欢", "喜歡", "好看", "漂亮"}

// completions end a clause that tells of something done without a done
// word: 单号看到了, 保修卡收到了哈, 差评删了. They are looked for in the
// raw message first, as written (simplified and traditional).
var completions = []string{"到了", "到账了", "到帳了", "用上了", "删了", "刪了", "好了", "解决了", "解決了", "处理了", "處理了", "搞定了"}

// mayTell reports whether msg, the message of this Reply call, as
// written, may hold a clause that tells of something done or praises:
// most messages do not, and cost nothing more. It is worked out once.
func (sc *scratch) mayTell(msg string) bool {
	if sc.tells == 0 {
		sc.tells = -1
		if tellWords.in(msg) {
			sc.tells = 1
		}
	}
	return sc.tells > 0
}

var (
	tellWords    = newWordSet(doneWords, completions, praiseWords)
	closingWords = newWordSet(closings)
)

// A wordSet finds whether a text holds any of its words in one pass over
// the text: each word is filed under one of its runes, the first that is
// not among commonRunes, and only the words filed under a rune of the
// text are looked for. It is built once and never changed.
type wordSet struct {
	marks runeSet
	words [][]string // words[i] are filed under marks.runes[i]
}

// A runeSet answers whether a rune is one of a few in a step or two: a
// bitmap of the runes modulo runeBits first, which most runes fail, then
// a binary search. It is built once and never changed.
type runeSet struct {
	seen  [runeBits / 64]uint64
	runes []rune // sorted, without repeats
}

// runeBits is the size of runeSet's bitmap.
const runeBits = 1024

func newRuneSet(runes []rune) runeSet {
	var s runeSet
	s.runes = slices.Compact(slices.Sorted(slices.Values(runes)))
	for _, r := range s.runes {
		s.seen[r%runeBits/64] |= 1 << (r % 64)
	}
	return s
}

// index returns the index of r in the set's sorted runes, or -1.
func (s *runeSet) index(r rune) int {
	if s.seen[r%runeBits/64]&(1<<(r%64)) == 0 {
		return -1
	}
	if i, ok := slices.BinarySearch(s.runes, r); ok {
		return i
	}
	return -1
}

// has reports whether r is in the set.
func (s *runeSet) has(r rune) bool { return s.index(r) >= 0 }

// commonRunes are runes most customer messages hold, poor marks.
const commonRunes = "了好不的是我你在有吗么呢啊"

func newWordSet(lists ...[]string) wordSet {
	filed := map[rune][]string{}
	for _, w := range slices.Concat(lists...) {
		mark, _ := utf8.DecodeRuneInString(w)
		for _, r := range w {
			if !strings.ContainsRune(commonRunes, r) {
				mark = r
				break
			}
		}
		filed[mark] = append(filed[mark], w)
	}
	s := wordSet{marks: newRuneSet(slices.Collect(maps.Keys(filed)))}
	for _, r := range s.marks.runes {
		s.words = append(s.words, filed[r])
	}
	return s
}

// in reports whether text holds one of the words.
func (s *wordSet) in(text string) bool {
	for _, r := range text {
		if i := s.marks.index(r); i >= 0 && containsAny(text, s.words[i]) {
			return true
		}
	}
	return false
}

// completed reports whether clause, normalised, ends with a completion,
// before any trailing particles, that is not negated (not 查不到了).
func completed(clause string) bool {
	clause = strings.TrimRight(clause, "啦哈呀哦喔嘛呢的")
	for _, w := range completions {
		if strings.HasSuffix(clause, w) && !negatedBy(clause, len(clause)-len(w)) {
			return true
		}
	}
	return false
}

// dropDone leaves out the candidates matched in a clause that tells of
// something done and in none that asks, when another candidate was
// matched in a clause that asks (上回的退款收到了哈 这回买奶粉有满减吗
// asks about promotions; 取消了之前那个订单 重新拍了一个 什么时候发货
// about shipping), or, when no clause asks, every candidate is such and
// the message thanks or closes (退款已经到账了 谢谢亲 asks nothing). It
// reports whether it left out any.
func (sc *scratch) dropDone(msg string) bool {
	// The usual message has one candidate and no thanks, or no clause
	// that tells: nothing to do. mayTell, the dearer test, comes last.
	closing := closingWords.in(msg)
	if len(sc.cands) < 2 && !closing || !sc.mayTell(msg) {
		return false
	}
	var buf [16]bool
	done := buf[:0]
	anyAsks, allDone := false, true
	for k := range sc.cands {
		asked, told := sc.clausesOf(msg, sc.idx[k])
		done = append(done, told)
		anyAsks, allDone = anyAsks || asked, allDone && told
	}
	switch {
	case anyAsks:
	case allDone && closing:
	default:
		return false
	}
	n := 0
	for k := range sc.cands {
		if !done[k] {
			sc.cands[n], sc.idx[n] = sc.cands[k], sc.idx[k]
			n++
		}
	}
	dropped := n < len(sc.cands)
	sc.cands, sc.idx = sc.cands[:n], sc.idx[:n]
	return dropped
}

// personCues name the people (and pets) in a customer's life: family,
// friends and work (我老公, 我同学, 领导).
var personCues = []string{
	"老公", "男朋友", "女朋友", "男友", "女友", "男票", "女票", "老婆", "我爸", "我妈", "我媽", "奶奶", "爷爷", "爺爺", "姥姥", "外婆",
	"我儿子", "我兒子", "我女儿", "我女兒", "闺蜜", "閨蜜", "同事", "同学", "同學", "老师", "老師", "领导", "領導",
	"我家猫", "我家貓", "我家狗", "对象", "對象", "外公", "姥爷", "姥爺", "闺女", "閨女", "我哥", "我姐", "我弟",
	"我妹", "我朋友", "室友", "邻居", "鄰居", "班主任", "侄子", "侄女", "外甥", "表哥", "表姐", "表弟", "表妹",
}

// chatCues mark a message that tells of the customer's own life rather
// than of an order: its people (personCues), a likeness (就像, 像个; see
// also likens), laughter (哈哈, 笑死), dreams and the past (梦见, 小时候),
// school, work and love. They are looked for as written (simplified and
// traditional). A person as what a shop verb acts on is a cue too (see
// personObject).
var chatCues = slices.Concat(personCues, []string{
	"就像", "像个", "像個", "哈哈", "笑死", "梦见", "夢見", "梦到", "夢到", "小时候", "小時候",
	"上学", "上學", "纪录片", "紀錄片", "电视剧", "電視劇", "人生", "婚姻", "爱情", "愛情", "感情", "恋爱", "戀愛",
	"失恋", "失戀", "考试", "考試", "作业", "作業", "学校", "學校", "上课", "上課", "年会", "年會", "年终奖", "年終獎",
	"毕业", "畢業", "青春",
})

// shopWords mark a message about the shop or an order, as written: the
// shop addressed (你们, 亲, 客服), the goods (这个, 这款, 买的, 收到的,
// 穿着, 尺码), the order (订单, 下单, 收货人, 地址, 的快递, 单号) or what
// went wrong with it (没动, 发错, 少了, 坏了, 态度).
var shopWords = []string{
	"你们", "你們", "你家", "店家", "亲", "親", "客服", "掌柜", "掌櫃", "店里", "店裡", "店铺", "店鋪", "宝贝", "寶貝",
	"这个", "這個", "这款", "這款", "这件", "這件", "这双", "這雙", "这条", "這條", "这套", "這套", "这瓶", "這瓶",
	"商品", "链接", "鏈接", "买的", "買的", "拍的", "拍了", "收到", "订单", "訂單", "下单", "下單", "下的单", "下的單",
	"到货", "到貨", "收货", "收貨", "收件", "的快递", "的快遞", "的包裹", "发给我", "發給我", "给我发", "給我發",
	"送给", "送給", "送我", "地址", "尺码", "尺碼", "码数", "碼數", "穿着", "穿著", "穿上", "用着", "用著", "试了", "試了",
	"退款", "签收", "簽收", "单号", "單號",
	// What goes wrong with an order, told by someone else (我妈说快递一直
	// 没动, 老婆说颜色发错了).
	"没动", "沒動", "不动", "不動", "没更新", "沒更新", "一直没", "一直沒", "还没到", "還沒到", "没收到", "沒收到",
	"开错", "開錯", "发错", "發錯", "少发", "少發", "少了", "开胶", "開膠", "坏了", "壞了", "破了", "穿了",
	"不合适", "不合適", "态度", "態度", "抬头", "抬頭", "专票", "專票", "裂", "碎了", "漏了", "划痕", "劃痕",
	"掉色", "起球", "开线", "開線", "断了", "斷了", "不一样", "不一樣", "太慢", "就行",
}

// notShopWords hold a shop word in another sense: a time (这个月), or
// 坏了 after a feeling, meaning "very" (乐坏了, 累坏了). They are replaced
// by a space before a message's shop words are looked for again. The
// words listed first are kept as they are: goods (这个月饼, 这个月子服)
// and things that break (暖气坏了), not a time or a feeling. A Replacer
// tries its words in argument order, so they win.
var notShopWords = strings.NewReplacer(
	"这个月饼", "这个月饼", "這個月餅", "這個月餅", "这个月子", "这个月子", "這個月子", "這個月子",
	"这个月季", "这个月季", "這個月季", "這個月季", "这个月嫂", "这个月嫂", "這個月嫂", "這個月嫂",
	"这个月牙", "这个月牙", "這個月牙", "這個月牙",
	"暖气坏了", "暖气坏了", "暖氣壞了", "暖氣壞了", "冷气坏了", "冷气坏了", "冷氣壞了", "冷氣壞了",
	"煤气坏了", "煤气坏了", "煤氣壞了", "煤氣壞了", "燃气坏了", "燃气坏了", "燃氣壞了", "燃氣壞了",
	"然气坏了", "然气坏了", "然氣壞了", "然氣壞了", "打气坏了", "打气坏了", "打氣壞了", "打氣壞了",
	"这个月", " ", "這個月", " ", "这个星期", " ", "這個星期", " ", "这个礼拜", " ", "這個禮拜", " ",
	"乐坏了", " ", "樂壞了", " ", "累坏了", " ", "累壞了", " ", "饿坏了", " ", "餓壞了", " ", "气坏了", " ", "氣壞了", " ",
	"急坏了", " ", "急壞了", " ", "吓坏了", " ", "嚇壞了", " ", "高兴坏了", " ", "高興壞了", " ", "馋坏了", " ", "饞壞了", " ",
)

var (
	chatWords   = newWordSet(chatCues)
	shopSet     = newWordSet(shopWords)
	questionSet = newWordSet(questionWords)
)

// offShop reports whether msg, as written, asks nothing and holds no word
// about the shop or an order: no question mark, no question word, and no
// shop word but in another sense (see notShopWords).
func offShop(msg string) bool {
	return !strings.ContainsAny(msg, "?？") && !questionSet.in(msg) &&
		!(shopSet.in(msg) && shopSet.in(notShopWords.Replace(msg)))
}

// chats reports whether msg is small talk that holds shop words in
// another sense (我老公就是送快递的 天天累得要死, 我男朋友就像快递 永远在路上):
// it holds a chat cue, a likeness or a wish (see likens and wishes) and
// no shop word, asks nothing (no question word, request or question mark
// anywhere, no clause that starts with 要, and no clause of a candidate's
// keyword that asks), every clause of a candidate's keyword holds a cue, a
// likeness or a wish, or starts with 说 right after a person (reported
// speech, not 说好的), and no candidate is an exact rule's. Then no rule
// answers (see SmallTalk).
func (sc *scratch) chats(msg string, exact func(rule int) bool) bool {
	// The cheap tests first: most messages hold no cue, and no 样 or 好了
	// as written (a likeness or a wish may hide noise in between, not
	// inside those).
	cue := chatWords.in(msg) || personObject(msg)
	if !cue && !strings.Contains(msg, "样") && !strings.Contains(msg, "樣") && !strings.Contains(msg, "好了") {
		return false
	}
	if !offShop(msg) {
		return false // questionWords again below, normalised (traditional characters, noise)
	}
	n := normalize.String(msg)
	if !cue && !likens(n) && !wishes(n, "") || containsAny(n, questionWords) || wants(n) || requests(n) {
		return false
	}
	for k := range sc.cands {
		if exact(int(sc.accs[sc.idx[k]].rule)) {
			return false
		}
		for i := range sc.kms {
			if m := &sc.kms[i]; m.acc == sc.idx[k] {
				c, mark := clauseAround(msg, m.Start, m.End)
				if mark || clauseAsks(c) {
					return false // 送女票的 能包一下不
				}
				if !containsAny(c, chatCues) && !personObject(c) && !likens(c) && !wishes(c, normalize.String(msg[m.Start:m.End])) && !reported(c, msg[:m.Start]) {
					return false // 我老公说太小了 换大一码
				}
			}
		}
	}
	for c := range strings.FieldsFuncSeq(msg, isBreak) {
		if strings.HasPrefix(normalize.String(c), "要") {
			return false // a clause of its own that requests: 我妈说不合适 要退货
		}
	}
	return true
}

// clausesOf reports, for the keyword matches of acc in msg, whether any
// is in a clause that asks, and whether none is and some are in clauses
// that tell of something done (the others saying neither).
func (sc *scratch) clausesOf(msg string, acc int) (asked, told bool) {
	for i := range sc.kms {
		if m := &sc.kms[i]; m.acc == acc {
			a, d := clauseKind(msg, m.Start, m.End)
			asked = asked || a
			told = told || d
		}
	}
	return asked, told && !asked
}

// reported reports whether clause, normalised, goes on with what the
// person named just before it said: it starts with 说, and the clause
// before it names one (我表哥在顺丰开大车 说双十一天天忙到凌晨). 说好的
// (as promised), 说实话 and 说真的 open the customer's own words.
// before is the message up to a keyword in clause.
func reported(clause, before string) bool {
	if !strings.HasPrefix(clause, "说") || hasAnyPrefix(clause, ownWords) {
		return false
	}
	cut := strings.LastIndexFunc(before, isBreak) // where clause starts
	if cut < 0 {
		return false
	}
	prev := strings.TrimRightFunc(before[:cut], isBreak)
	var buf [maxClauseRunes]rune
	return containsAny(string(clauseBefore(&buf, prev, len(prev))), personCues)
}

// isBreak reports whether r ends a clause as written: a space or
// punctuation.
func isBreak(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }

// ownWords start with 说 but open the customer's own words.
var ownWords = []string{"说好", "说实话", "说真的", "说白了", "说句"}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// wishOpeners open a wish: 要是, 如果 ...
var wishOpeners = []string{"要是", "如果", "假如", "若是"}

// wishes reports whether clause, normalised, wishes that something of the
// customer's life were like the goods: a subject of two runes or more, a
// wish opener, then 就好了 (我的工资要是能补差价就好了). The subject must be
// the customer's own (我的体重) or someone's, or not hold kw. Without a
// subject (如果能包邮就好了), about the keyword itself (运费要是能便宜点就
// 好了), or without an opener (发顺丰就好了: that will do), it asks the
// shop. kw is the keyword's normalised text, or "" for any.
func wishes(clause, kw string) bool {
	end := strings.LastIndex(clause, "就好了")
	if end < 0 {
		return false
	}
	for _, o := range wishOpeners {
		if i := strings.Index(clause[:end], o); i >= 0 {
			subject := clause[:i]
			return utf8.RuneCountInString(subject) >= 2 &&
				(kw == "" || !strings.Contains(subject, kw) || strings.Contains(subject, "我") || containsAny(subject, personCues))
		}
	}
	return false
}

// sameAsBefore after 跟 make 一样 "as before", about the order: 跟上次一样发顺丰.
var sameAsBefore = []string{"上次", "上回", "上一次", "以前", "之前", "原来", "平时", "平常", "往常", "那次", "前几次", "昨天", "去年"}

// likens reports whether clause, normalised, compares something with
// something else: 跟 or 像 before 一样 (跟催发货一样). Not a difference (a
// 不 or 没 within three runes before 一样: 不一样, 不大一样, 不是很一样),
// not 好像 (it seems), and not 跟上次一样 (as before), which speak of the
// order.
func likens(clause string) bool {
	i := strings.LastIndex(clause, "一样")
	if i < 0 {
		return false
	}
	before := clause[:i]
	for k, rest := 0, before; k < 3 && rest != ""; k++ {
		r, size := utf8.DecodeLastRuneInString(rest)
		if r == '不' || r == '没' {
			return false // 不一样, 不大一样, 不是很一样: a difference
		}
		rest = rest[:len(rest)-size]
	}
	if j := strings.LastIndex(before, "跟"); j >= 0 && !hasAnyPrefix(before[j+len("跟"):], sameAsBefore) {
		return true
	}
	j := strings.LastIndex(before, "像")
	return j >= 0 && !strings.HasSuffix(before[:j], "好") // not 好像, it seems
}
