// Package compliance keeps outgoing customer-service replies within
// China's Advertising Law and away from personal data.
//
// Merchants write replies in a hurry and paste marketing copy into them.
// Article 9(3) of the Advertising Law bans 国家级, 最高级, 最佳 and the like
// (fines start at ¥200,000), articles 16 and 17 ban medical claims, and
// platforms demote shops whose messages use absolute claims (极限词),
// urgency tricks, or ask a customer for an ID number, bank card or
// password. A [Filter] finds all of these and cleans what can be cleaned.
//
// # Word list, categories and actions
//
// The embedded word list (data/words.tsv, written by the kefu authors; see
// data/README.md) has some 470 entries, each with a [Category] and an
// [Action]:
//
//   - [Rewrite]: 最-words, rank claims (第一, 销量第一, NO.1, 唯一), grade
//     claims (国家级, 顶级, 极致), first-and-only claims (首发, 独家), status
//     claims (王牌, 遥遥领先) and false absolutes (永久, 零风险) are replaced
//     by a compliant alternative that reads naturally: 最好 becomes 很好,
//     最便宜 becomes 实惠. Where no alternative reads well (绝对, 100%) the
//     entry's action is Drop.
//   - [Drop]: urgency tricks (仅此一次, 马上涨价, 手慢无) are deleted.
//   - [Block]: authority and medical claims (国家机关推荐, 质量免检, 根治,
//     药到病除), requests for an ID number, bank card, CVV, password or
//     verification code, and lures off the platform (加微信, QQ, vx) are left
//     as written, and the result is marked blocked: the reply must not be
//     sent as is, and the caller sends a safe fallback or a person instead.
//   - [Flag]: reported only.
//
// Customer-facing text is never masked with *** or respelt: platforms
// treat masked and variant spellings as violations themselves.
//
// # The allow-list
//
// Everyday words contain the banned characters, and the regulator's 2023
// enforcement guide allows absolute words where they make no claim. The
// allow-list (data/allowed.tsv) names such compounds: 最近, 最多, 最好不
// (advice), 最快明天 (a delivery estimate), 第一次, 第一时间, 首页, 首单,
// 国家标准, 唯一的缺点, 100%棉 and more. A listed word that lies wholly
// inside an occurrence of an allowed compound is not a finding, so 您第一次
// 购买 is left alone while 销量第一 is rewritten. Callers extend both lists
// with [WithWords] and [WithAllowed], and shrink them with [WithoutWords]
// and [WithoutAllowed]; [WithAction] changes a whole category's action.
//
// # Matching semantics
//
// Words and allowed compounds are found by package matcher, so a word is
// found however it is written: full or half width (最佳, 第１, ＮＯ．１),
// traditional characters (國家級), upper or lower case, and with noise such
// as spaces, * ~ - _ . / or emoji between its characters (最 好, 最🔥好).
// Every listed word is a substring pattern: it is found wherever it occurs,
// with no word-boundary decision that a variant could slip through. Only a
// word that starts or ends with an ASCII letter or digit must not touch
// another one, so that TOP1 is not found in laptop1 or TOP10.
//
// Among the words outside allowed compounds, [Filter.Check] chooses
// leftmost-longest: scanning from the left, at each position the longest
// word wins, and of two entries with the same text the later one (a
// caller's addition) wins. With 最好 and 最好吃 listed, 这个最好吃 gives
// 最好吃 alone, rewritten to 好吃. The choice is made separately for the
// words Clean edits and for the others, so a Block finding can overlap a
// Rewrite.
//
// # Cleaning
//
// [Filter.Clean] applies the rewrites and drops and tidies each deletion:
// no doubled punctuation (the stronger mark stays: 很好，手慢无！ becomes
// 很好！), no doubled spaces, no space before punctuation, no leading or
// trailing comma, no empty line, no particle left alone (亲，马上涨价了，快下单
// becomes 亲，快下单). A deletion can join two halves into a listed word, and
// can break an allowed compound that covered one, so Clean checks its
// output again wherever that may have happened (the two runes that now
// meet are a pair of some listed word or allowed compound, or an edit cut
// into an allowed compound) and repeats until no Rewrite or Drop word is
// left outside an allowed compound. A text with nothing to edit comes back
// byte for byte.
//
// # Personal data
//
// Check also reports mainland mobile numbers (with or without +86, written
// 13812345678, 138 1234 5678 or 138-1234-5678), 18-character resident ID
// numbers whose GB 11643 check digit and birth date are valid (see
// [ValidIDNumber]), bank card candidates of 16 to 19 digits, and e-mail
// addresses; digits may be full width. These are blocked by default. The
// Luhn check raises a card's [Confidence] but does not decide, because
// some valid UnionPay cards fail it; a candidate that fails Luhn and has
// no card wording before it is only flagged. Numbers right after words
// such as 订单号 or 快递单号 are order or tracking numbers and are not
// reported, unless a word naming a person's number or a card (电话, 手机,
// 银行卡 ...) stands nearer the number. [Mask] hides personal data for logs and statistics
// (138****5678, 1101**********002X, ****0123) and removes passwords and
// verification codes.
//
// # Complexity
//
// Check takes time linear in the length of the text plus the number of
// matches. Clean takes one more pass for each deletion that joins text
// into a new listed word, which ordinary text never does; adversarially
// nested input (手手慢无慢无) needs one pass per level. Mask is linear.
//
// Measured with go test -run XXX -bench 'Clean|Check' -count 8
// ./compliance/ on a shared two-core AMD EPYC (medians, 2026-11-27; the
// machine's speed drifts by a factor of two between runs): Clean takes
// about 4.1 µs, 368 B and 3 allocations for a 50-character reply with a
// rewrite, a drop and an allowed compound (BenchmarkClean/reply50), half
// the time of the version that checked the whole text again after every
// edit in the same run; about 1.7 µs and no allocation for a
// 50-character reply with nothing to change, and 0.38 ms for 5,000
// characters; Check alone takes 3.2 µs on the same reply. New parses the
// embedded lists and builds the matcher in a few milliseconds, so build
// one Filter and share it.
//
// # Concurrency
//
// A Filter is immutable once built and safe for concurrent use by multiple
// goroutines. Mask and the loaders use no shared state.
package compliance
