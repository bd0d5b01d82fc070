// Package synonyms holds the synonym groups that let a keyword meet the
// many ways customers ask the same thing: 发货 / 寄出 / 发出 / 出库,
// 多久能到 / 几天到 / 什么时候到, 啥 / 什么, 咋 / 怎么.
//
// # Groups and their meaning
//
// A [Thesaurus] is an immutable list of groups. An equivalence group
// ("发货 寄出 发出") makes every word stand for every other. A one-way rule
// ("木有 => 没有", Elasticsearch/Solr semantics) says that a customer who
// writes a word on the left means the words on the right, and not the
// reverse. The first word on the right is the group's canonical word.
//
// Words are compared in the matcher's normalised form (package
// matcher/normalize: width and case folding, traditional to simplified,
// noise removed), so 發貨, 发 货 and 发货 are the same word; groups keep the
// surface form as written, for display.
//
// A word may belong to several groups (polysemy): each look-up then reports
// all of them, in order. Groups are never merged transitively: if 发 is
// with 寄 in one group and with 发送 in another, 寄 and 发送 are not
// synonyms.
//
// Look-ups: [Thesaurus.GroupsOf], [Thesaurus.Canonical], [Group.Forms],
// [Thesaurus.Means] (what a word in a message means) and
// [Thesaurus.Expand] (the words a matcher should accept for a keyword; the
// converse of Means). With "木有 => 没有": Means(木有) = [木有 没有],
// Expand(没有) = [没有 木有], Expand(木有) = [木有].
//
// # Phrase expansion
//
// [Thesaurus.ExpandPhrase] expands a multi-word keyword through its
// segments: with the defaults, 什么快递 gives 啥快递, 什么物流, 啥物流 ...
// Words are replaced only on segment boundaries, leftmost-longest, so 发票
// never changes for the 发 in it. The variants are capped
// ([DefaultMaxVariants], [WithMaxVariants]); when more exist the result
// says so in [Expansion.Truncated].
//
// # Formats
//
// [Load] and [LoadFile] read five formats. All are UTF-8 (a byte order mark
// is ignored), lines end with LF, CRLF or a lone CR (as for Lucene and
// YAML), empty input gives an empty thesaurus, and every error is an
// *[Error] naming the line and, where it helps, the column (in characters).
// No line is skipped unless the format says so below.
//
// [Plain], kefu's own format and that of the embedded defaults:
//
//	# comment; a # anywhere starts one
//	发货 寄出，发出、出库      one group; separators , ， 、 and white space
//	木有 莫有 => 没有          one-way rule
//
// A line with one word is an error ([ErrTooFewWords]); so is more than one
// "=>" or an empty side.
//
// [Solr], the synonym files of Solr and Elasticsearch, read as Lucene's
// SolrSynonymParser reads them:
//
//	# a line starting with # is a comment (c# inside a line is a word)
//	手机壳, 手机套, phone case  words are separated by commas only
//	iphone, i phone => 苹果手机  one-way
//	a\,b, a\=>b               a backslash makes the next character literal
//
// Words are trimmed after unescaping and empty pieces between commas are
// ignored, as in Lucene. Where Lucene is lenient kefu refuses: a line with
// a single word (Lucene adds nothing; here [ErrTooFewWords]), a backslash
// at the end of a line. Leading white space before # still makes a
// comment. "a, b, c" is read with Elasticsearch's default expand: true
// (all equivalent); write "a, b, c => a" for expand: false.
//
// [Cilin], HIT's 同义词词林扩展版 (Tongyici Cilin, extended edition):
//
//	Aa01A01= 人 士 人物 人士 人氏 人选
//	Aa01B03# 良民 顺民
//	Aa01D01@ 角色
//
// Each line is an eight-character code, then words separated by spaces.
// Only "=" lines are synonym groups (canonical word first). "#" lines hold
// words of the same class that are not synonyms, and "@" lines a word
// without synonyms: both add no group, by design, and neither does an "="
// line with a single word. A line whose code is malformed is an error.
// Groups are kept per line, even where the distributed file repeats a code
// for unrelated words. The file is usually GBK: decode it first, e.g. with
// simplifiedchinese.GBK.NewDecoder().Reader(f) from golang.org/x/text;
// otherwise the first non-UTF-8 byte is reported ([ErrInvalidUTF8]).
//
// [YAML] and [JSON]: a list of groups, each a list of words or a mapping
// with "from" and "to" for a one-way rule:
//
//	# YAML
//	- [发货, 寄出, 发出]
//	- {from: [木有, 莫有], to: 没有}
//
//	// JSON
//	[["发货", "寄出", "发出"], {"from": ["木有", "莫有"], "to": "没有"}]
//
// YAML scalars of any type are words (38 and 38码); null is an error. JSON
// words must be strings, and JSON errors carry line and column.
//
// # Defaults and overrides
//
// [Default] returns the embedded e-commerce thesaurus (data/ecommerce.txt,
// written for kefu, MIT). To do without it, build from your own groups with
// [New] or [Load]. To extend or correct it, merge yours over it:
//
//	def, _ := synonyms.Default()
//	mine, _ := synonyms.LoadFile("shop.txt", synonyms.Plain)
//	th := def.Merge(mine)
//
// Your groups win where they conflict: a default group conflicts with yours
// when they share a word (compared normalised), and the shared words are
// then taken out of the default group, which is dropped if it is left with
// fewer than two words (or, for a one-way rule, with an empty side). So
// every word you mention belongs only to your groups. To add a word to a
// default group, repeat the group with the word added. To add groups
// without overriding anything, build one thesaurus from both lists:
// New(append(def.Groups(), more...)).
//
// # Complexity and concurrency
//
// Building a thesaurus takes time linear in the size of its groups. Look-ups
// take time linear in the size of the groups that hold the word.
// ExpandPhrase takes one segmentation, time linear in the phrase times the
// length of the longest word, and time linear in the variants returned.
//
// Measured with go test ./synonyms -run '^$' -bench . -benchmem on a
// 2-core AMD EPYC (Go 1.26): Default parses the 251 embedded groups in
// 0.6 ms and 0.57 MB; Expand("发货") takes 1 µs; ExpandPhrase of
// 我的快递什么时候到 takes 22 µs and 12 KB, after the default segmenter has
// been built once.
//
// A Thesaurus is immutable: it is safe for concurrent use by multiple
// goroutines, and Merge returns a new one. The package has no global state;
// it never logs.
package synonyms
