// Package reply is the engine merchants configure: a message comes in, the
// best rule's reply goes out, clean, and the merchant can see why.
//
// # Flow
//
// Reply normalises the message and finds every keyword form through
// package matcher (word-boundary aware; synonyms from package synonyms are
// compiled into the same automaton), collects the matches per rule, applies
// all_of and none_of, ranks the rules that fire, and returns the winner's
// reply. Replies are templates with {{.name}} placeholders for the shop
// variables (only that action: see template.go for why text/template is
// not used); they are rendered and cleaned by the compliance filter once, when the engine
// is built, so answering costs no template or compliance work. When no
// rule fires, the message is compared with the rules' examples (package
// matcher/similar; see below), and a rule whose examples it closely
// resembles answers. When nothing fits, the answer is the
// default reply (or the off-hours reply outside business hours), marked as
// a fallback with a Reason.
//
// # Rule file
//
//	version: 1
//	default_reply: "您好，感谢您的咨询！我正在学习中，稍后会有专业客服为您解答。"
//	offhours_reply: "..."        # optional, outside WithSchedule's hours
//	enabled: true                # optional; false switches the bot off
//	variables: {shop_name: 本店}  # optional, templates use {{.shop_name}}
//	synonyms:                    # optional, added to the embedded defaults
//	  - [发货, 寄出, 发出]
//	fallback_examples: [今天天气怎么样]   # optional: messages that must fall back
//	rules:
//	  - id: ship_time            # unique
//	    category: 物流
//	    keywords: [发货, 什么时候发]   # any one fires the rule
//	    all_of: []                    # every one must be present
//	    none_of: []                   # any one vetoes the rule
//	    except: []                    # words in which a keyword means something else
//	    match: contains               # or exact
//	    priority: 0
//	    enabled: true
//	    handoff: false
//	    reply: "亲，本店默认48小时内发货。"   # or replies: [...]
//	    examples: [拍了几天能寄出来]      # optional: how customers ask it
//
// JSON has the same structure. CSV has a header row naming any of the
// columns id, category, keywords, all_of, none_of, except, match, priority,
// enabled, handoff, reply, replies, examples; list cells are separated by
// 、 , ; or |, and the replies and examples cells by | only. Unknown fields and columns are errors;
// every error names file, line, column and rule; a file with any error is
// rejected whole.
//
// A rule with keywords fires when one of them (or a synonym) is found,
// also with one of its characters typed in pinyin if it has two or three
// (退huo, di址; see WithoutPinyin and package matcher/pinyin); with
// all_of, when every one is found; with both, when both hold. none_of
// vetoes. An except word names a sense of a keyword that is not the
// rule's (高兴坏了 for 坏了, 新疆棉 for 新疆, 人工湖 for 人工): a keyword
// or all_of match that shares a character with an occurrence of an except
// word does not count, and no example answers for the rule if it had no
// other match; unlike none_of it vetoes nothing else, so 我妈高兴坏了 打开
// 一看杯子碎了 still fires on 碎了. An exact rule fires when the whole message, normalised, is made
// of exact keywords (its own, or other exact rules') and nothing else but
// forms of address (亲, 宝, 客服 ...), particles and punctuation (吗 呢 呀
// 啊 ？), and one of them is its own: 亲，在吗？ meets 在吗, and 在吗在吗
// or 你好 在吗 meet a rule with the keywords 在吗 and 你好.
//
// A keyword or all_of word right after a negation (不用, 不需要, 没要,
// 不是要 ...; see WithNegations) does not count: 不用发票 does not fire an
// invoice rule, 我没要投诉 does not hand off. Only a negation that touches
// the word counts (不用给我开发票 still asks for an invoice; a space, which
// customers type for a comma, ends it: 发票不需要 快点发货), a negation
// inside an A-not-A question (要不要发票, 是不是要退货) asks rather than
// negates, a keyword inside a negated one is negated with it (顺丰 in
// 不用发顺丰), and exact rules are never negated. In the same way a
// keyword right before a dismissal (无所谓, 没关系, 我知道, 算了 ...; see
// WithDismissals) does not count: 几天到货无所谓 包邮吗 asks about postage
// only. A space does not end a dismissal (本来想投诉的 算了), but 还是,
// 干脆 or 不如 before the keyword makes it a decision (还是退货算了), and
// so does 算了 right after the keyword (取消订单算了).
// Nor does a keyword
// followed by a negation that ends its clause, after at most two fillers
// and with at most one character and a 了 after it: 会员我不想办, 发票不需
// 要, 赠品不要了. A negation of one character (别) does not count there,
// nor one in the next clause (我要退货 不想要了), nor a clause that asks
// (发票不需要吗, 运费不要钱？, and 要发票不要, an A-not-A question).
//
// A none_of word that is negated or dismissed does not veto: 会员我不想办
// 能享受满减吗 asks about promotions even where 会员 vetoes them. For a
// none_of word a bare 不 right before it negates too (不取消订单了 麻烦尽快发),
// unless it asks, proposes or insists (取不取消, 取消不取消, 要不取消吧, 怎么还
// 不取消, 不得不取消) or its clause asks (不能取消吗). Nor does a none_of word
// veto where it starts right after a keyword it dismisses: in 赠品不要了
// 能早点发吗 what is not wanted is the gift, so a none_of 不要了 of an
// urging rule does not veto it; but 快递不要了 drops the order itself (快递,
// 包裹, 货, 东西, 订单 ...), and vetoes. Nor does one in a clause that tells
// of something done (see Ranking), when a keyword, all_of word or exact
// keyword of the rule is in a clause that asks: 发票已经开好了 下次买有满减吗.
//
// # Examples
//
// Keywords miss the phrasings nobody thought of. A rule may list examples
// of how customers ask it (相似问法), and a rule set may list messages that
// must fall back (fallback_examples: small talk, questions the shop does
// not handle). When no rule fires for a message, the engine finds the
// examples the message resembles most (cosine similarity over characters
// and pairs of characters, weighted by rarity; see package
// matcher/similar) and the
// nearest one's rule answers, if its score reaches WithSimilarity's
// minimum (DefaultSimilarity, 0.5), the message keeps at least
// MinSimilarRunes characters, the runner-up of another rule (or a fallback
// example) is well behind, no none_of word of the rule occurs, and the
// rule's keywords did not match only where they overlap its except words.
// A message with a negated or dismissed keyword is compared without the
// clauses that hold one, and that keyword's rule does not answer by
// example: 不是催发货哈，想问寄到杭州一般几天 is compared as 想问寄到杭州一般
// 几天. Candidates left out as told of, not asked (see Ranking), stop the
// lookup. Answer.Similar names the example and the score. With a cancel rule
// whose keyword is 取消订单 and whose examples are 帮我把订单撤了 and
// 这单不要了帮我撤掉, 帮我把单撤了 has no keyword but is answered by it
// (0.75 to the first example; see ExampleWithSimilarity).
//
// Keywords always win: a message for which a rule fires never reaches the
// examples. A keyword alone does not stop them: 退货太麻烦了 这单帮我撤了
// holds 退货, but a rule that needs 退货 and 运费 does not fire, and the
// message is compared with the examples. The starter library carries
// about 8,800 examples, written for kefu (see data/README.md); a lookup
// costs a few microseconds, paid only by messages no rule answers.
// WithSimilarity(0) turns examples off.
//
// # Ranking
//
// Before ranking, a rule matched in a clause that tells of something done
// (已经, 上次, 上回, 之前, 刚才, or a final 到了, 好了, 删了, 解决了 ...,
// not negated as in 查不到了) or that all is well (满意, 不错, 刚好 ...,
// not 不满意), and in none that asks, is left out when another rule was
// matched in a clause that asks (吗, 什么, 怎么, 哪, 几 ..., a final 没 or
// 不, a question mark) or requests (想 but not 没想到, 我要, 帮我, 麻烦,
// 发我): 上回的退款收到了哈 这回有满减吗 asks about promotions, and 投诉
// 那事已经解决了 现在想换个颜色 about an exchange, whatever the other
// rule's priority. When no clause asks and the message thanks (谢谢, 好评,
// 辛苦了 ...), such rules do not answer at all, and the examples are not
// asked either: 退款已经到账了 谢谢亲, 单号看到了 谢谢 and 换货收到了 这次
// 尺码刚好 谢谢啦 ask nothing. A clause ends at punctuation or white
// space.
//
// Small talk that uses shop words in another sense does not get a rule's
// reply either: when the message asks nothing (no question word, request
// or question mark, and no clause that starts with 要), holds no word
// about the shop or an order (你们, 亲, 这个, 买的, 订单, 地址, 的快递 ...),
// and every matched keyword sits in a clause that tells of the customer's
// own life (我老公, 同事, 老师, 就像, 哈哈, 梦见, 小时候 ...), the answer is
// the default reply with reason [SmallTalk]: 我老公就是送快递的 天天累得要死,
// but not 我爸的快递还没到 or 我老公说太小了 换大一码.
//
// A rule set's examples also teach a small-talk model (an averaged
// perceptron over characters and their pairs and triples; package
// reply/internal/smalltalk), when it has at least 100 fallback examples
// and 100 examples of rules. A message that asks nothing and holds no
// word about the shop or an order, as above, but tells of nothing the
// cues know, falls back with reason [SmallTalk] too when the model is sure
// enough: 我们小区有人天天给物业打差评 笑死, 我的体重最近一直在涨价; not
// where a keyword is most of its clause, an instruction whatever the
// clause before it tells (我老公明天生日 今天必须发), nor a message longer
// than every example. The starter library's model costs 128 KB and about
// 15 ms at New. Exact rules are never affected; [WithoutSmallTalk] turns
// both off.
//
// Candidates are compared field by field ([Score]), and the first
// difference decides:
//
//  1. a rule whose all_of is satisfied beats one that did not need it;
//  2. whole-word matches (and exact rules) beat in-word matches (保修 in
//     保修期), which beat phrases ending inside a word (什么时候发 in
//     什么时候发货);
//  3. higher priority;
//  4. more of the message covered by the rule's matches;
//  5. a longer matched keyword;
//  6. earlier in the file.
//
// Worked example: with return_fee (all_of [退货, 运费], priority 2), return
// (keywords [退货]) and freight (keywords [运费]), the message 退货运费谁出
// fires all three; return_fee wins on step 1, and the answer's Candidates
// say that return and freight lost on "all_of". With WithAskBack, when the
// two best rules are in different categories and tie on steps 1 to 3, the
// customer is asked which one they mean instead.
//
// # Safety
//
// Reply always returns a non-empty answer, never panics, and is
// deterministic: the same message gets the same reply variant. Messages
// longer than WithMaxMessageRunes (default 2000 characters) are cut at a
// character boundary and the answer says so. A reply blocked by compliance
// is never sent: the rule answers with the default reply and Reason
// Blocked. Observers and conversations never see raw message text: it is
// normalised and masked (compliance.Mask).
//
// # Concurrency
//
// Engine is immutable and safe for concurrent use. Holder swaps engines
// atomically (a failed Reload keeps the old one) and holds the on/off
// switch. Stats and Conversation are safe for concurrent use.
package reply
