// Package similar finds, among labelled example texts, the ones nearest a
// text: the fallback step of kefu's flow, used when no keyword of any rule
// occurs in a message (相似问法, "similar questions").
//
// Texts are compared as bags of features, their characters and pairs of
// adjacent characters after normalisation (see package normalize), each
// weighted by how rare it is among the examples (tf-idf), and scored by
// cosine similarity, from 0 (nothing shared) to 1 (the same features).
// Among the starter library's examples, 帮我把单撤了 scores 0.77 against
// 帮我把订单撤了: most of their characters and pairs are shared. A pair
// never spans a break, so punctuation and spaces keep clauses apart.
// Features found in more than a tenth of the examples, and in more than
// eight, (吗, 的, 什么) are left out: they tell little apart and would make
// lookups slow.
//
// The index only retrieves. What counts as near enough, and whether the
// nearest examples must agree, is the caller's policy; package reply's
// is described at WithSimilarity.
package similar
