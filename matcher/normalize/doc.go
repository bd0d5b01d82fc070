// Package normalize folds the many ways customers write a word into one
// form, and remembers where every folded character came from.
//
// It is the first step of the kefu pipeline: keywords and messages are
// normalised by the same function, so that 發貨, 发 货, 发*货, ＦＡ货 and fa货
// all meet 发货 / fa货 as written by the merchant.
//
// # What it does, character by character
//
// Each rune of the input is handled on its own, in this order:
//
//  1. Width folding (golang.org/x/text/width): full-width Latin letters,
//     digits and punctuation become their ASCII forms, half-width katakana
//     become full width.
//  2. Simple case folding: letters become lower case (unicode.ToLower). Full
//     case folding (ß to ss) is not done, because it changes the number of
//     characters and would break the offset map.
//  3. Traditional to simplified Chinese, one character at a time, with a
//     table derived from OpenCC's TSCharacters (see README.md in this
//     folder). Phrase-level conversions are not applied: 乾 always becomes
//     干. Because keywords and messages are folded alike, a keyword still
//     meets itself in any script.
//  4. Classification. Noise characters are dropped: spaces, the connectors
//     * ~ - _ . · / \ ` ' " ^ | + = # & and their full-width forms, the
//     ellipsis … (货…到…付…款 is typed as a pause, like ...), dashes and
//     quotation marks, emoji and other symbols, emoji modifiers, variation
//     selectors, combining marks and zero-width or bidirectional format
//     characters. Breaks, that is all other punctuation (。，！？、：；
//     brackets ...), control characters and invalid UTF-8, end a word: a
//     run of them becomes one comma, the [Separator]. Everything else is kept.
//
// So 亲，什么时候發 货呀？？ normalises to "亲,什么时候发货呀" and 发货 is
// found in it, while 退。货 keeps its break and does not contain 退货.
//
// # Offsets
//
// [Text] holds the normalised runes together with the byte span of the
// original text that produced each one, so that a match found in the
// normalised text is reported at byte offsets of the caller's string.
//
// # Complexity and concurrency
//
// Normalisation takes time linear in the input and does constant work per
// rune. The package has no mutable state: its functions are safe for
// concurrent use, and a [Text] may be reused (one goroutine at a time) to
// avoid allocation.
package normalize
