package reply

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kefu-go/kefu/matcher/normalize"
	"github.com/kefu-go/kefu/reply/internal/corpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A labelled message of an accuracy corpus.
type labelled struct {
	file            string
	line            int
	msg, kind, trap string
	expected        []string // rule ids; empty means the fallback
}

// The accuracy corpora, all written independently of the rules (see their
// headers) by sessions that read only intents.tsv and the format, and the
// part each belongs to:
//
//   - dev: every corpus but the held-out ones, the messages the starter library may
//     be tuned against. Some were held out first and scored once before
//     they were tuned on (see the history below);
//   - held-out: accuracy_holdout27.tsv and accuracy_holdout28.tsv, never
//     read while tuning and scored once tuning was done.
//
// The held-out part is the honest estimate of how the library does on
// messages nobody tuned it for.
var corpora = []struct {
	file, part string
}{
	{"testdata/accuracy.tsv", "dev"},
	{"testdata/accuracy_tune.tsv", "dev"},
	{"testdata/accuracy_fresh.tsv", "dev"},
	{"testdata/accuracy_tune2.tsv", "dev"},
	{"testdata/accuracy_tune3.tsv", "dev"},
	{"testdata/accuracy_tune4.tsv", "dev"},
	{"testdata/accuracy_tune5.tsv", "dev"},
	{"testdata/accuracy_tune6.tsv", "dev"},
	{"testdata/accuracy_holdout.tsv", "dev"},
	{"testdata/accuracy_holdout2.tsv", "dev"},
	{"testdata/accuracy_holdout3.tsv", "dev"},
	{"testdata/accuracy_holdout4.tsv", "dev"},
	{"testdata/accuracy_holdout5.tsv", "dev"},
	{"testdata/accuracy_holdout6.tsv", "dev"},
	{"testdata/accuracy_holdout7.tsv", "dev"},
	{"testdata/accuracy_holdout8.tsv", "dev"},
	{"testdata/accuracy_holdout9.tsv", "dev"},
	{"testdata/accuracy_holdout10.tsv", "dev"},
	{"testdata/accuracy_holdout11.tsv", "dev"},
	{"testdata/accuracy_holdout12.tsv", "dev"},
	{"testdata/accuracy_holdout13.tsv", "dev"},
	{"testdata/accuracy_holdout14.tsv", "dev"},
	{"testdata/accuracy_holdout15.tsv", "dev"},
	{"testdata/accuracy_holdout16.tsv", "dev"},
	{"testdata/accuracy_holdout17.tsv", "dev"},
	{"testdata/accuracy_holdout18.tsv", "dev"},
	{"testdata/accuracy_holdout19.tsv", "dev"},
	{"testdata/accuracy_holdout20.tsv", "dev"},
	{"testdata/accuracy_holdout21.tsv", "dev"},
	{"testdata/accuracy_holdout22.tsv", "dev"},
	{"testdata/accuracy_holdout23.tsv", "dev"},
	{"testdata/accuracy_holdout24.tsv", "dev"},
	{"testdata/accuracy_holdout25.tsv", "dev"},
	{"testdata/accuracy_holdout26.tsv", "dev"},
	{"testdata/accuracy_holdout27.tsv", "held-out"},
	{"testdata/accuracy_holdout28.tsv", "held-out"},
}

// readCorpus reads one corpus (see package internal/corpus).
func readCorpus(t *testing.T, file string) []labelled {
	msgs, err := corpus.Read(file)
	require.NoError(t, err)
	out := make([]labelled, len(msgs))
	for i, m := range msgs {
		out[i] = labelled{file: file, line: m.Line, msg: m.Text, kind: m.Kind, trap: m.Trap, expected: m.Expected}
	}
	return out
}

// Issue 6's targets are 95% top-1 accuracy, no trap answered by the
// trapped rule and no small talk answered. The constants are what is
// asserted: the targets where they are met, and otherwise the figures of
// the last measurement, rounded down, as floors, so that a regression
// fails.
//
// History: how the library did on messages it had not been tuned on, each
// figure measured before those messages were tuned on. Rounds 1 to 4 of
// 2026-11-27 tuned against everything scored before them.
//
//	2026-11-25  even lines of accuracy.tsv   87.8%
//	2026-11-27  even lines of accuracy.tsv   250/270 = 92.6%  before round 1
//	            accuracy_fresh.tsv           317/360 = 88.1%  before round 1
//	            accuracy_tune2.tsv           677/800 = 84.6%  before round 1
//	            accuracy_tune3.tsv           521/600 = 86.8%  after round 1
//	            accuracy_tune4.tsv           520/600 = 86.7%  after round 1
//	            accuracy_tune4.tsv           532/600 = 88.7%  after the brainstormed phrases
//	            accuracy_tune5.tsv           543/600 = 90.5%  after the brainstormed phrases;
//	                                         its new messages 352/407 = 86.5%
//	            accuracy_tune6.tsv           523/600 = 87.2%  after the brainstormed phrases
//	            accuracy_tune5.tsv           551/600 = 91.8%  after round 2;
//	                                         its new messages 358/407 = 88.0%
//	            accuracy_tune6.tsv           531/600 = 88.5%  after round 2
//	            accuracy_holdout.tsv         467/500 = 93.4%  after round 3, 14 of
//	                                         45 traps answered by the trapped rule;
//	                                         its new messages 243/276 = 88.0%
//
// The whole-corpus figures count messages that a dev corpus holds too
// (224 of accuracy_holdout.tsv's 500 once normalised), which the library
// answers right once it is tuned on them; the new messages are the honest
// measure. They were found, and counted back for tune5 and holdout at the
// commits measured, only after holdout had been scored.
//
// Measured after round 4 at a5f1b3b; accuracy_holdout2.tsv was scored
// this once:
//
//	dev       5128/5200 = 98.6%, traps answered by the trapped rule 4 of 465, small talk 0 of 448
//	held-out   475/500  = 95.0%, traps answered by the trapped rule 4 of 45,  small talk 0 of 45
//	new        255/279  = 91.4%, traps answered by the trapped rule 4 of 38,  small talk 0 of 20
//
// Then holdout2 became dev data, round 5 tuned keywords on it, and rules
// got examples (the dev messages themselves, so dev figures count them).
// Measured at de6026c; accuracy_holdout3.tsv was scored this once:
//
//	dev       5660/5700 = 99.3%, traps answered by the trapped rule 6 of 510, small talk 0 of 493
//	held-out   479/500  = 95.8%, traps answered by the trapped rule 7 of 45,  small talk 1 of 45
//	new        293/314  = 93.3%, traps answered by the trapped rule 7 of 44,  small talk 1 of 30
//	new, keywords only  288/314 = 91.7% (examples off: what examples add)
//
// Then holdout3 became dev data (and examples), round 6 tuned keywords on
// it, and a review fixed the examples step. Measured at a060d07 with the
// examples regenerated; accuracy_holdout4.tsv was scored this once. Its
// writer's brief, unlike the earlier ones, named the trap of a clause that
// mentions another intent as settled (上次的退款收到了 这次有优惠券吗),
// which holdout3 had shown to be a weakness.
//
//	dev       6155/6200 = 99.3%, traps answered by the trapped rule 10 of 555, small talk 0 of 538
//	held-out   482/500  = 96.4%, traps answered by the trapped rule 9 of 45,   small talk 0 of 45
//	new        316/334  = 94.6%, traps answered by the trapped rule 9 of 43,   small talk 0 of 22
//	new, keywords only  311/334 = 93.1%
//
// Then holdout4 became dev data (and examples), round 7 tuned keywords on
// it, and a clause that tells of something done (已经, 上次 ...) came to
// lose to a clause that asks. Measured at 48f8f6e with the examples
// regenerated; accuracy_holdout5.tsv (same brief as holdout4) was scored
// this once:
//
//	dev       6662/6700 = 99.4%, traps answered by the trapped rule 8 of 600, small talk 0 of 583
//	held-out   482/500  = 96.4%, traps answered by the trapped rule 7 of 45,  small talk 1 of 45
//	new        278/296  = 93.9%, traps answered by the trapped rule 7 of 45,  small talk 1 of 17
//	new, keywords only  277/296 = 93.6%
//
// Then holdout5 became dev data (and examples), round 8 tuned keywords on
// it and on the dev misses, and three changes to the engine came from its
// misses: a negation after a keyword that ends its clause (会员我不想办),
// none_of words that are negated, dismissed or told as done do not veto,
// and a rule told of in one clause and asked in none loses to one asked.
// Measured at 2d91475 with the examples regenerated;
// accuracy_holdout6.tsv was scored this once. Its writer's brief, unlike
// the earlier ones, asked for small talk that holds shop words in another
// sense (我在包邮区长大的, 质量守恒定律是啥意思), and 9 of its 45 small-talk
// messages were answered:
//
//	dev       7164/7200 = 99.5%, traps answered by the trapped rule 6 of 645, small talk 0 of 628
//	held-out   471/500  = 94.2%, traps answered by the trapped rule 8 of 45,  small talk 9 of 45
//	new        315/344  = 91.6%, traps answered by the trapped rule 8 of 41,  small talk 9 of 41
//	new, keywords only  312/344 = 90.7%
//
// Then holdout6 became dev data (and examples), round 9 tuned keywords on
// it, and a clause that ends with a completion (单号看到了) or praises
// (这次尺码刚好) came to tell like one of something done. Measured at
// ec33a96 with the examples regenerated; accuracy_holdout7.tsv (same
// brief as holdout6) was scored this once. Dev small talk is no longer 0:
// five of holdout6's, such as 我在包邮区长大的, need meaning to fall back.
//
//	dev       7656/7700 = 99.4%, traps answered by the trapped rule 7 of 690, small talk 5 of 673
//	held-out   475/500  = 95.0%, traps answered by the trapped rule 4 of 45,  small talk 4 of 45
//	new        289/313  = 92.3%, traps answered by the trapped rule 4 of 44,  small talk 4 of 39
//	new, keywords only  286/313 = 91.4%
//
// Then holdout7 became dev data (and examples), round 10 tuned keywords
// on it, and a review of the session's engine changes was acted on (a
// negation after a keyword stays in its clause and does not ask; 不满意
// and 查不到了 do not tell; 想 and 要 request only as such). Measured at
// 664fe2a with the examples regenerated; accuracy_holdout8.tsv (same
// brief as holdout6 and 7) was scored this once:
//
//	dev       8157/8200 = 99.5%, traps answered by the trapped rule 7 of 735, small talk 4 of 718
//	held-out   473/500  = 94.6%, traps answered by the trapped rule 3 of 45,  small talk 4 of 45
//	new        308/335  = 91.9%, traps answered by the trapped rule 3 of 44,  small talk 4 of 35
//	new, keywords only  304/335 = 90.7%
//
// Three corpora written to one brief scored 91.6%, 92.3% and 91.9% on
// their new messages: keyword tuning has levelled off, while traps
// answered fell from 8 to 4 to 3.
//
// Then holdout8 became dev data (and examples), round 11 tuned keywords
// on it, and a request told as done (已经给我补发了) came to tell. Measured
// at 8ce22de with the examples regenerated; accuracy_holdout9.tsv was
// scored this once. Its writer's brief asked that about half of its small
// talk hold shop words in another sense (我的人生就像卡住的快递), more than
// the briefs of holdout6 to 8; 16 of its 45 small-talk messages were
// answered, and 14 of its other 455 messages were wrong (96.9% right):
//
//	dev       8654/8700 = 99.5%, traps answered by the trapped rule 8 of 780, small talk 5 of 763
//	held-out   470/500  = 94.0%, traps answered by the trapped rule 5 of 45,  small talk 16 of 45
//	new        280/310  = 90.3%, traps answered by the trapped rule 5 of 43,  small talk 16 of 33
//	new, keywords only  277/310 = 89.4%
//
// Then holdout9 became dev data (and examples), with no tuning on its
// misses; accuracy_holdout10.tsv, written to holdout9's brief, was scored
// this once at a1cdfee with the examples regenerated. Again 16 of 45
// small-talk messages were answered; 8 of its other 455 were wrong:
//
//	dev       9128/9200 = 99.2%, traps answered by the trapped rule 13 of 825, small talk 21 of 808
//	held-out   476/500  = 95.2%, traps answered by the trapped rule 2 of 45,  small talk 16 of 45
//	new        261/285  = 91.6%, traps answered by the trapped rule 2 of 42,  small talk 16 of 28
//	new, keywords only  258/285 = 90.5%
//
// Then holdout10 became dev data (and examples), round 12 tuned keywords
// on holdout9's and holdout10's misses, and 算了 came to dismiss (本来想投诉
// 的 算了). Measured at 4dcc84e with the examples regenerated;
// accuracy_holdout11.tsv, written to the same brief, was scored this
// once. 16 of its 45 small-talk messages were answered, as in holdout9
// and holdout10: round 12's small-talk vetoes (当窝, 人生就像) did not
// carry over to new wordings (我家猫把快递盒当成了窝). Its other 455
// messages were 97.4% right.
//
//	dev       9629/9700 = 99.3%, traps answered by the trapped rule 13 of 870, small talk 23 of 853
//	held-out   472/500  = 94.4%, traps answered by the trapped rule 2 of 45,  small talk 16 of 45
//	new        256/284  = 90.1%, traps answered by the trapped rule 2 of 40,  small talk 16 of 30
//	new, keywords only  252/284 = 88.7%
//
// Without small talk, the new messages of holdout9, 10 and 11 were 94.9%,
// 96.9% and 95.3% right (263/277, 249/257, 242/254): keywords and
// examples answer customers' questions, nobody's tuned for, at about the
// target; small talk that uses shop words in another sense is what they
// cannot tell apart.
//
// Then holdout11 became dev data (and examples), the engine gained the
// small-talk check (a message that asks nothing, holds no word about the
// shop or an order and tells of the customer's own life: 我老公就是送快递
// 的), with fixes from a review. Measured at 416699e with the examples
// regenerated; accuracy_holdout12.tsv, written to the same brief plus
// real messages that name family (我爸的快递还没到), was scored this once.
// The small-talk check fired on 4 of its messages: 3 small talk, and one
// real damage report (我妈打开发现屏幕有道裂痕). Its other small talk used
// cues the check does not know (我闺女的班主任, 我哥, 婚姻, 膝盖).
//
//	dev       10116/10200 = 99.2%, traps answered by the trapped rule 15 of 915, small talk 25 of 898
//	held-out    476/500   = 95.2%, traps answered by the trapped rule 4 of 45,  small talk 13 of 45
//	new         280/304   = 92.1%, traps answered by the trapped rule 4 of 40,  small talk 13 of 30
//	new, keywords only  272/304 = 89.5%
//
// Then holdout12 became dev data (and examples), round 13 tuned keywords
// on it, the small-talk check learnt more cues of a customer's life
// (对象, 室友, 学校, 婚姻) and more words for what goes wrong with an order
// (裂, 不一样, 太慢), and 算了 right after a keyword came to decide
// (取消订单算了). Measured at c758b46 with the examples regenerated;
// accuracy_holdout13.tsv was scored this once. Its brief asked for more
// real messages that name family, friends or colleagues (同事说这个颜色不
// 对) and for small talk with 保修, 售后 and 积分. The small-talk check
// fired on 7 of its messages: 6 small talk, and one real missing-item
// report (我姐说包裹里没有充电线). Its new messages without small talk
// were 224/248 = 90.3% right, against 94.9% to 96.9% on the four before:
// more paraphrase no keyword or example covers (我拍的是白色 到手是粉色的,
// 收到的碗磕了个口子).
//
//	dev       10614/10700 = 99.2%, traps answered by the trapped rule 16 of 960, small talk 32 of 943
//	held-out    462/500   = 92.4%, traps answered by the trapped rule 7 of 45,  small talk 14 of 45
//	new         242/280   = 86.4%, traps answered by the trapped rule 7 of 43,  small talk 14 of 32
//	new, keywords only  239/280 = 85.4%
//
// Then holdout13 became dev data (and examples), round 14 tuned keywords
// on it, and the small-talk check's code was simplified (same answers).
// Measured at be90c49 with the examples regenerated;
// accuracy_holdout14.tsv, written to holdout13's brief, was scored this
// once. The small-talk check fired on 12 of its messages, all small talk
// (without it 21 of 45 would have been answered). Its new messages
// without small talk were 205/215 = 95.3% right.
//
//	dev       11096/11200 = 99.1%, traps answered by the trapped rule 18 of 1005, small talk 45 of 988
//	held-out    481/500   = 96.2%, traps answered by the trapped rule 5 of 45,   small talk 9 of 45
//	new         224/243   = 92.2%, traps answered by the trapped rule 5 of 39,   small talk 9 of 28
//	new, keywords only  223/243 = 91.8%
//
// Then holdout14 became dev data (and examples), round 15 tuned keywords
// on it, and the small-talk check learnt a few more cues (侄子, 年会,
// 像个). Measured at 5fbc661 with the examples regenerated;
// accuracy_holdout15.tsv, written to the same brief, was scored this
// once. The small-talk check fired on 11 of its messages, all small talk.
// Its new messages without small talk were 242/264 = 91.7% right.
//
//	dev       11589/11700 = 99.1%, traps answered by the trapped rule 18 of 1050, small talk 52 of 1033
//	held-out    469/500   = 93.8%, traps answered by the trapped rule 3 of 45,   small talk 9 of 45
//	new         265/296   = 89.5%, traps answered by the trapped rule 3 of 44,   small talk 9 of 32
//	new, keywords only  258/296 = 87.2%
//
// Then holdout15 became dev data (and examples), round 16 tuned keywords
// on it, the starter's vetoes that name another sense of a keyword became
// except words (same answers on every corpus), and the small-talk check
// learnt that a clause starting with 说 goes on with the person before it.
// Measured at 136e834 with the examples regenerated;
// accuracy_holdout16.tsv, written to holdout15's brief by a new session,
// was scored this once. Only 101 of its 500 messages occur in dev, fewer
// than before. The small-talk check fired on 8 of its messages, all
// small talk (without it 21 of 45 would have been answered). Its new
// messages without small talk were 337/355 = 94.9% right. None of its
// answers depends on except rather than none_of: it holds no real
// question beside another sense of the same keyword.
//
//	dev       12086/12200 = 99.1%, traps answered by the trapped rule 18 of 1095, small talk 54 of 1078
//	held-out    469/500   = 93.8%, traps answered by the trapped rule 7 of 45,   small talk 13 of 45
//	new         368/399   = 92.2%, traps answered by the trapped rule 7 of 45,   small talk 13 of 44
//	new, keywords only  363/399 = 91.0%
//
// Then holdout16 became dev data (and examples), round 17 tuned keywords
// on it, 不是来 became a negation, the small-talk check learnt a likeness
// (跟催发货一样) and a wish (就好了), and the matcher went to 55 pair
// codes (same answers). Measured at 76bffbd with the examples
// regenerated; accuracy_holdout17.tsv, written by a new session to a
// brief that also asked for real questions after a place, product or
// feeling that holds a shop word, was scored this once. The small-talk
// check fired on 5 of its messages, all small talk (without it 19 of 45
// would have been answered). Its new messages without small talk were
// 254/269 = 94.4% right. No answer differs with the except words folded
// back into none_of.
//
//	dev       12581/12700 = 99.1%, traps answered by the trapped rule 18 of 1140, small talk 58 of 1123
//	held-out    471/500   = 94.2%, traps answered by the trapped rule 3 of 45,   small talk 14 of 45
//	new         281/310   = 90.6%, traps answered by the trapped rule 3 of 40,   small talk 14 of 41
//	new, keywords only  279/310 = 90.0%
//
// Then holdout17 became dev data (and examples), round 18 tuned keywords
// on it, and a second review fixed the small-talk check's wishes,
// likenesses and reported speech (same answers on dev). Measured at
// adf0610 with the examples regenerated; accuracy_holdout18.tsv, written
// by a new session to holdout17's brief, was scored this once. The
// small-talk check fired on 5 of its messages, all small talk (without it
// 20 of 45 would have been answered). Its new messages without small talk
// were 239/260 = 91.9% right; 8 of the 21 misses write one character of a
// keyword in pinyin (di址, kai票, 积fen). No answer differs with the
// except words folded back into none_of.
//
//	dev       13075/13200 = 99.1%, traps answered by the trapped rule 18 of 1185, small talk 63 of 1168
//	held-out    464/500   = 92.8%, traps answered by the trapped rule 6 of 45,   small talk 15 of 45
//	new         255/291   = 87.6%, traps answered by the trapped rule 6 of 44,   small talk 15 of 31
//	new, keywords only  246/291 = 84.5%
//
// Then holdout18 became dev data (and examples), and keywords of two or
// three characters got pinyin variants (6d855ab), which turned 5 of
// holdout18's misses right and changed no dev answer. Measured at the
// commit that adds them, with the examples regenerated, three corpora
// written by three new sessions to holdout17's brief were scored this
// once each, and are the held-out part together (1,500 messages):
//
//	             whole            new              new, kw only  new w/o small talk  traps  small talk
//	holdout19    481/500 = 96.2%  267/286 = 93.4%  92.7%         236/247 = 95.5%     2/45   8/45
//	holdout20    471/500 = 94.2%  225/253 = 88.9%  88.1%         192/210 = 91.4%     3/45   10/45
//	holdout21    472/500 = 94.4%  240/268 = 89.6%  86.6%         209/228 = 91.7%     5/45   9/45
//
// Not one answer of the three differs with the pinyin variants off: their
// writers typed whole words in pinyin (dizhi, kuaidi), not one character.
// The small-talk check fired 4, 1 and 2 times, every time on small talk.
//
//	dev       13548/13700 = 98.9%, traps answered by the trapped rule 24 of 1230, small talk 78 of 1213
//	held-out   1424/1500  = 94.9%, traps answered by the trapped rule 10 of 135,  small talk 27 of 135
//	new         732/807   = 90.7%, traps answered by the trapped rule 10 of 125,  small talk 27 of 122
//	new, keywords only  720/807 = 89.2%
//
// (Dev's trap and small-talk counts grew with holdout18 itself: 6 traps
// and 15 small-talk messages of it were answered when it was scored.)
//
// Then holdout19 and holdout20 became dev data (and examples), to be tuned
// on; holdout21 stays held out, untouched:
//
//	dev       14506/14700 = 98.7%, traps answered by the trapped rule 29 of 1320, small talk 96 of 1303
//	held-out    473/500   = 94.6%, traps answered by the trapped rule 5 of 45,   small talk 9 of 45
//	new         235/262   = 89.7%, traps answered by the trapped rule 5 of 39,   small talk 9 of 40
//	new, keywords only  226/262 = 86.3%
//
// (holdout21's new messages are fewer now that holdout19 and holdout20
// are dev: 6 of its messages are theirs too. One more is right, from
// their examples.)
//
// Then round 19 tuned keywords on holdout18 to holdout20 (cdaddcd, data
// only); the small-talk check learnt that a person is not goods to return
// (真想把他退货, 想被包邮到马尔代夫, not 我想把他那双换大一码) and a few cues
// (男友, 毕业, 青春); a review's fixes made except words hold for pinyin
// matches and limited the readings to common ones; and an ellipsis became
// noise (货…到…付…款). Measured at 09e5b47: holdout21 a second time (never
// tuned on, its misses never read), and accuracy_holdout22.tsv, written by
// a new session to the same brief, this once:
//
//	             whole            new              new, kw only  new w/o small talk  traps  small talk
//	holdout21    472/500 = 94.4%  234/262 = 89.3%  86.3%         203/222 = 91.4%     5/45   9/45
//	holdout22    482/500 = 96.4%  254/271 = 93.7%  91.9%         223/234 = 95.3%     0/45   6/45
//
// On holdout22 the pinyin variants turned one answer right (481 without),
// and the small-talk check fired 4 times, every time on small talk.
// Together, as the held-out part:
//
//	dev       14559/14700 = 99.0%, traps answered by the trapped rule 19 of 1320, small talk 79 of 1303
//	held-out    954/1000  = 95.4%, traps answered by the trapped rule 5 of 90,   small talk 15 of 90
//	new         488/533   = 91.6%, traps answered by the trapped rule 5 of 79,   small talk 15 of 77
//	new, keywords only  475/533 = 89.1%
//
// Then holdout21 and holdout22 became dev data (and examples); round 20
// tuned keywords on them (8f2f091, data only: 30 of their 46 misses), and
// the small-talk check learnt 老家 and a 他 or 她 in a clause after a
// person named in another (3a1aab0). Two levers were tried and dropped:
// correcting a character typed by sound (发飘 for 发票) turned 3 answers
// right and 32 wrong on dev and the probes (你几岁了 read as 碎了), and
// whole words in pinyin (wuliu) 1 right and 3 wrong. Measured at 8f2f091
// with the examples regenerated, accuracy_holdout23.tsv and
// accuracy_holdout24.tsv, written by two new sessions to the same brief,
// were scored this once:
//
//	             whole            new              new, kw only  new w/o small talk  traps  small talk
//	holdout23    480/500 = 96.0%  241/261 = 92.3%  90.4%         212/227 = 93.4%     2/45   5/45
//	holdout24    483/500 = 96.6%  243/259 = 93.8%  92.7%         212/222 = 95.5%     1/45   6/45
//
// The pinyin variants changed no answer of them; the small-talk check
// fired 3 and 1 times, every time on small talk. Together, as the
// held-out part:
//
//	dev       15547/15700 = 99.0%, traps answered by the trapped rule 19 of 1410, small talk 84 of 1393
//	held-out    963/1000  = 96.3%, traps answered by the trapped rule 3 of 90,   small talk 11 of 90
//	new         484/520   = 93.1%, traps answered by the trapped rule 3 of 80,   small talk 11 of 71
//	new, keywords only  476/520 = 91.5%
//
// Then holdout23 and holdout24 became dev data (and examples) and round 21
// tuned keywords on them (721af25, data only). Measured at 721af25 with
// the examples regenerated, accuracy_holdout25.tsv and
// accuracy_holdout26.tsv, written by two new sessions to the same brief,
// were scored this once:
//
//	             whole            new              new, kw only  new w/o small talk  traps  small talk
//	holdout25    480/500 = 96.0%  235/255 = 92.2%  89.8%         205/217 = 94.5%     2/45   8/45
//	holdout26    481/500 = 96.2%  216/235 = 91.9%  91.5%         183/199 = 92.0%     1/45   3/45
//
// The pinyin variants turned one answer of each right (479 and 480
// without); the small-talk check fired once, on small talk. Together, as
// the held-out part:
//
//	dev       16535/16700 = 99.0%, traps answered by the trapped rule 21 of 1500, small talk 89 of 1483
//	held-out    961/1000  = 96.1%, traps answered by the trapped rule 3 of 90,   small talk 11 of 90
//	new         451/490   = 92.0%, traps answered by the trapped rule 3 of 84,   small talk 11 of 74
//	new, keywords only  444/490 = 90.6%
//
// A second review then found that the 老家 and 他/她 cues of 3a1aab0
// silence real orders (尽快给她发货, 发到老家顺丰); they were taken back
// (1e3c412). The held-out figures did not change; dev's did:
//
//	dev       16530/16700 = 99.0%, traps answered by the trapped rule 21 of 1500, small talk 94 of 1483
//
// Then holdout25 and holdout26 became dev data (and examples). Before
// any other change (f3c9c58 with those examples), two new corpora were
// scored for the figures only, no message read: accuracy_holdout27.tsv (its writer was asked for
// older buyers and voice input: long run-on messages, homophone slips)
// and accuracy_holdout28.tsv (young buyers: slang, initials, English).
// Then round 22 tuned keywords on holdout25-26 (bad0a31, data only; 19
// of their 26 misses), and the engine learnt that a none_of word after a
// bare 不 or one that dismisses another keyword (赠品不要了) vetoes
// nothing, and to compare a message with a declined keyword by its other
// clauses (30dfd4d): 11 answers right on dev and the probes, none
// wrong, measured with each corpus's own examples left out. Scored again
// at bad0a31:
//
//	             whole            new              new, kw only  new w/o small talk  traps  small talk
//	holdout27    455/500 = 91.0%  289/334 = 86.5%  86.2%         260/299 = 87.0%     8/45   6/45
//	holdout28    475/500 = 95.0%  302/327 = 92.4%  91.1%         277/294 = 94.2%     4/45   8/45
//
// Not one answer of them changed between the two scorings: neither the
// round nor the engine change reached a message of a writer it had not
// seen. The pinyin variants changed none; the small-talk check fired 2
// and 1 times, every time on small talk. Together, as the held-out part:
//
//	dev       17531/17700 = 99.0%, traps answered by the trapped rule 21 of 1590, small talk 100 of 1573
//	held-out    930/1000  = 93.0%, traps answered by the trapped rule 12 of 90,  small talk 14 of 90
//	new         591/661   = 89.4%, traps answered by the trapped rule 12 of 81,  small talk 14 of 68
//	new, keywords only  586/661 = 88.7%
//
// Then the examples came to teach a small-talk model (an averaged
// perceptron over characters, pairs and triples; reply/internal/
// smalltalk), asked about a message that keywords answer but that asks
// nothing and holds no word about an order. Its threshold, 10, was chosen
// on the dev corpora, each scored with a model taught without its own
// messages: 45 answers right and none wrong at 10, 62 right and 7 wrong
// at 5; with the guard for words about an order, 31 right and none
// wrong. The probes, never examples, gained 16 and lost none. Scored a
// third time, for the figures only:
//
//	             whole            new              new, kw only  new w/o small talk  traps  small talk
//	holdout27    456/500 = 91.2%  290/334 = 86.8%  86.2%         260/299 = 87.0%     8/45   5/45
//	holdout28    476/500 = 95.2%  303/327 = 92.7%  91.1%         277/294 = 94.2%     4/45   7/45
//
// A review (reply/review5_test.go) then found that the model silenced
// instructions after a clause of small talk (我老公明天生日 今天必须发, even
// 转人工), questions in traditional characters, and exact rules (an index
// mix-up, in chats too); and that a bare 不 lifted vetoes where it asks
// (不能取消吗) or insists (不得不取消订单), and a dismissed parcel (快递不要
// 了) lifted them too. With those fixed the model still turns the same 31
// dev answers right, none wrong (two of its own examples are answered
// again), and the probes keep their 16. Scored a fourth time:
//
//	holdout27    456/500 = 91.2%  290/334 = 86.8%  86.2%         260/299 = 87.0%     8/45   5/45
//	holdout28    475/500 = 95.0%  302/327 = 92.4%  91.1%         277/294 = 94.2%     4/45   8/45
//
// Together, as the held-out part (dev's small talk is now the model's own
// examples, so its figure says little):
//
//	dev       17570/17700 = 99.3%, traps answered by the trapped rule 20 of 1590, small talk 62 of 1573
//	held-out    931/1000  = 93.1%, traps answered by the trapped rule 12 of 90,  small talk 13 of 90
//	new         592/661   = 89.6%, traps answered by the trapped rule 12 of 81,  small talk 13 of 68
//	new, keywords only  586/661 = 88.7%
//
// The target met is asserted as a target (accuracy on dev); the others,
// where they are not met, by the measured floors.
const (
	minAccuracyDev     = 0.95
	maxTrappedDev      = 20 // 我手机坏了 刚看到消息, 这个钱包装卡的格子有几个 ...: meaning, not words
	maxChattyDev       = 62 // 我在包邮区长大的, 今天老板让我开了一下午发票 ...: shop words in another sense
	minAccuracyHeldOut = 0.93
	maxTrappedHeldOut  = 12
	maxChattyHeldOut   = 13
	minAccuracyNew     = 0.89
)

// part holds the score of one part of the corpora.
type part struct {
	name            string
	correct, total  int
	trapped, chatty int
	byKind          map[string][2]int
	misses          []string // listed for dev only
}

func (p *part) accuracy() float64 {
	if p.total == 0 {
		return 0
	}
	return float64(p.correct) / float64(p.total)
}

// add scores one answer into p.
func (p *part) add(l labelled, a Answer) {
	ok := len(l.expected) == 0 && a.Fallback || !a.Fallback && slices.Contains(l.expected, a.Rule)
	k := p.byKind[l.kind]
	k[1]++
	p.total++
	if ok {
		p.correct++
		k[0]++
	} else if p.name == "dev" {
		p.misses = append(p.misses, fmt.Sprintf("%s:%d: %s -> %s; want %s", l.file, l.line, l.msg, a.Trace(), strings.Join(l.expected, "|")))
	}
	p.byKind[l.kind] = k
	if l.kind == "trap" && a.Rule == l.trap {
		p.trapped++
	}
	if l.kind == "smalltalk" && !a.Fallback {
		p.chatty++
	}
}

// seenKey is what makes two messages the same for novelty: their
// normalised text without separators, so that 包邮吗？ and 包 邮 吗 are one.
func seenKey(msg string) string {
	return strings.ReplaceAll(normalize.String(msg), string(normalize.Separator), "")
}

// TestStarterAccuracy scores the starter library on the labelled corpora:
// top-1 accuracy (any of a message's labels counts), traps answered by the
// trapped rule, and small talk answered by a rule, for each part. The
// held-out part is scored twice: whole, and only its new messages, those
// that no dev corpus holds too (sessions writing from the same intents
// often write the same plain question, and the library is tuned on those).
// With -v it lists the dev part's misses, never the held-out ones, so that
// nobody tunes the rules against them by accident.
func TestStarterAccuracy(t *testing.T) {
	e, _, err := New(Starter())
	require.NoError(t, err)
	keywords, _, err := New(Starter(), WithSimilarity(0))
	require.NoError(t, err)
	dev := &part{name: "dev", byKind: map[string][2]int{}}
	held := &part{name: "held-out", byKind: map[string][2]int{}}
	fresh := &part{name: "new", byKind: map[string][2]int{}}
	freshKW := &part{name: "new, keywords only", byKind: map[string][2]int{}}
	seen := map[string]bool{}
	var heldOut []labelled
	for _, c := range corpora {
		for _, l := range readCorpus(t, c.file) {
			if c.part == "held-out" {
				heldOut = append(heldOut, l)
				continue
			}
			seen[seenKey(l.msg)] = true
			dev.add(l, e.Reply(l.msg))
		}
	}
	for _, l := range heldOut {
		a := e.Reply(l.msg)
		held.add(l, a)
		if !seen[seenKey(l.msg)] {
			fresh.add(l, a)
			freshKW.add(l, keywords.Reply(l.msg))
		}
	}
	require.GreaterOrEqual(t, held.total, 300, "held-out corpus size")
	require.GreaterOrEqual(t, fresh.total, 200, "new messages in the held-out corpus")

	var kinds []string
	for k := range dev.byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	t.Logf("%-12s %9s %9s %9s %9s", "kind", "dev", "held-out", "new", "new, kw")
	for _, k := range kinds {
		t.Logf("%-12s %4d/%4d %4d/%4d %4d/%4d %4d/%4d", k, dev.byKind[k][0], dev.byKind[k][1],
			held.byKind[k][0], held.byKind[k][1], fresh.byKind[k][0], fresh.byKind[k][1],
			freshKW.byKind[k][0], freshKW.byKind[k][1])
	}
	for _, p := range []*part{dev, held, fresh, freshKW} {
		t.Logf("%-18s top-1 accuracy %4d/%4d = %.1f%%, traps answered by the trapped rule: %d of %d, small talk answered by a rule: %d of %d",
			p.name, p.correct, p.total, 100*p.accuracy(), p.trapped, p.byKind["trap"][1], p.chatty, p.byKind["smalltalk"][1])
	}
	if testing.Verbose() {
		for _, m := range dev.misses {
			t.Log("dev miss: " + m)
		}
	}
	assert.GreaterOrEqual(t, dev.accuracy(), minAccuracyDev, "top-1 accuracy of the starter library, dev part")
	assert.LessOrEqual(t, dev.trapped, maxTrappedDev, "dev traps answered by the trapped rule")
	assert.LessOrEqual(t, dev.chatty, maxChattyDev, "dev small talk answered by a rule")
	assert.GreaterOrEqual(t, held.accuracy(), minAccuracyHeldOut, "top-1 accuracy of the starter library, held-out part")
	assert.LessOrEqual(t, held.trapped, maxTrappedHeldOut, "held-out traps answered by the trapped rule")
	assert.GreaterOrEqual(t, fresh.accuracy(), minAccuracyNew, "top-1 accuracy of the starter library, new held-out messages")
	assert.LessOrEqual(t, held.chatty, maxChattyHeldOut, "held-out small talk answered by a rule")
}

// TestExamplesComeFromDev: the starter library's examples are messages of
// the dev corpora with their labels, so that the held-out corpus stays
// unseen (data/examples.tsv is generated; see go:generate in ruleset.go).
func TestExamplesComeFromDev(t *testing.T) {
	labels := map[string][]string{} // seenKey -> every label a dev corpus gives
	for _, c := range corpora {
		if c.part != "dev" {
			continue
		}
		for _, l := range readCorpus(t, c.file) {
			k := seenKey(l.msg)
			if len(l.expected) == 0 {
				labels[k] = append(labels[k], "-")
			} else {
				labels[k] = append(labels[k], l.expected[0])
			}
		}
	}
	rs := Starter()
	check := func(label, ex string) {
		got, ok := labels[seenKey(ex)]
		if assert.True(t, ok, "example %q is in no dev corpus", ex) {
			assert.Contains(t, got, label, "label of example %q", ex)
		}
	}
	for _, r := range rs.Rules {
		for _, ex := range r.Examples {
			check(r.ID, ex)
		}
	}
	for _, ex := range rs.FallbackExamples {
		check("-", ex)
	}
}
