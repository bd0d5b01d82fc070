// Package matcher finds keywords in customer messages: normalised, on an
// Aho-Corasick automaton, and aware of Chinese word boundaries.
//
// Chinese has no spaces, so a substring is often not the word: 我发现货不对
// contains 现货, but its words are 我/发现/货/不对. A Matcher therefore checks
// every candidate against the words of the message, found by a
// segment.Segmenter (gse over an embedded dictionary by default).
//
// # Pipeline
//
// For each message the matcher
//
//  1. normalises it (package normalize: width and case folding,
//     traditional to simplified, noise such as spaces, emoji and zero-width
//     characters removed), keeping a map back to the original bytes;
//  2. looks up every pair of adjacent runes in an exact index of the
//     pairs that occur in patterns, runs the automaton
//     (github.com/cloudflare/ahocorasick) over their one-byte codes, which
//     reports the pattern keys that occur, then locates and verifies every
//     candidate exactly;
//  3. only if a verified candidate needs it, segments the clauses of the
//     normalised message (the runs between breaks such as ，。？) that hold
//     such candidates, each on its own, and classifies each match by its
//     [Boundary]. No word crosses a break, so the other clauses are never
//     segmented;
//  4. reports matches with byte offsets into the caller's original text.
//
// # Word boundaries
//
// A match whose two edges fall on word boundaries is [Whole] (发货 in
// 什么/时候/发货). A match inside one longer word is [InWord] (发票 in 开发票,
// 保修 in 保修期): weaker, not wrong, so callers can rank it below whole
// words. A phrase pattern that starts on a boundary and whose own last word
// is the start of a longer word of the message is [Partial] (什么时候发,
// segmented 什么/时候/发, in 什么/时候/发货). Any other match crosses a word
// boundary (和服 in 和/服务员, 有货 in 有/货到付款) and is dropped, or
// reported as [Crossing] with [WithCrossing]. A pattern with
// Pattern.Substring set skips all this: it matches wherever it occurs.
//
// A pattern written another way than the word it stands for (开piao, typed
// half in pinyin, for 开票) sets Pattern.Means. Its candidates are
// classified in their clause segmented again with Means in their place:
// 能开piao吗 as written segments as 能开/piao/吗, which would make the
// match cross a word, while 能开票吗 segments as 能/开票/吗. A clause that
// holds such candidates is segmented once more with all their Means in
// place, once per layer where they overlap (fa货 and 货kuan in fa货kuan).
//
// # Match semantics
//
// [Matcher.FindAll] reports every occurrence, overlapping ones included,
// ordered by start, then longer first, then by pattern order. With the
// patterns 退货, 运费 and 退货运费, the message 退货运费谁出 gives 退货运费,
// 退货 and 运费.
//
// [Matcher.FindLeftmostLongest] reports non-overlapping matches: scanning
// from the left, at each position the longest match wins, and matches of
// the same span go to the pattern given first. With 最好 and 最好不, the
// reply 你最好不要买 gives 最好不 alone. Crossing matches take no part.
//
// # Complexity and resources
//
// New takes time linear in the total length of the patterns plus one
// segmentation of each multi-character pattern. FindAll and
// FindLeftmostLongest take time linear in the message for the
// normalisation, the pair lookups and the automaton; each verified
// candidate costs at most its pattern's length, and at most one
// segmentation of the message, clause by clause, is added when candidates
// need word boundaries, and one more of each clause per layer of
// overlapping candidates with a Pattern.Means. A message with no candidate
// is never segmented.
//
// cloudflare/ahocorasick allocates two 256-pointer arrays per trie node,
// about 4 KB, and one node per byte of every pattern: some 30 KB for a
// Chinese keyword of two or three characters in UTF-8. The matcher keeps
// it small and selective instead:
//
//   - An exact hash index holds every pair of adjacent runes that occurs in
//     a pattern (发货 has one, 什么时候 three). Each pair has a one-byte
//     code; a text is turned into the codes of its pairs, 0 where a pair
//     occurs in no pattern, which no key contains. A message that holds no
//     pattern's first pair ends here, without the automaton.
//   - A pattern's key for the automaton is the codes of its first two
//     pairs (three runes). Every pair that is itself a two-rune pattern has
//     code 1, so that the key [1] occurs exactly where some two-rune
//     pattern does; the other pairs that hold an ASCII rune (sf, 7天, the
//     di and i址 of the pinyin variant di址) share code 2, rare in Chinese
//     messages; the rest share codes 3 to 55. Keys that collide are told
//     apart by verification. The automaton has at most one
//     node per byte of each distinct key: most Chinese keywords have two
//     runes and share the one-node key [1].
//   - Where a pair of the text begins patterns whose key the automaton
//     reported, the index lists those patterns, which are compared rune by
//     rune. A one-rune pattern has no pair: the index holds it under its
//     rune alone, looked up at every position when there is one.
//
// Measured on the first 1,000, 5,000 and 10,000 forms of the benchmark
// keyword sets, a matcher keeps 0.12x, 0.08x and 0.06x the heap of the raw
// automaton over the same forms (5.2 MB, 13.8 MB and 18.4 MB against
// 45.0 MB, 183.1 MB and 327.2 MB, with 55 codes and the ASCII code; 5.5,
// 14.1 and 18.7 MB before it; with 63 codes it kept 5.4 MB, 15.3 MB and
// 21.0 MB, benchmarks/results/2026-11-27-2.txt).
//
// # Concurrency
//
// A Matcher is immutable once built and safe for concurrent use by
// multiple goroutines. It never calls the automaton's Match method, which
// mutates shared state; it uses MatchThreadSafe.
package matcher
