// Package smalltalk tells small talk from questions for the shop by the
// characters a message holds.
//
// A Model is an averaged perceptron over the characters, the pairs and
// the triples of adjacent characters of a normalised text (none spanning
// a break; see package normalize), hashed into a table of 2^17 weights
// kept in a byte each (128 KB). It is trained on labelled examples: in
// package reply, a rule set's fallback examples (small talk) against its
// rules' examples (questions). Training is deterministic: the same
// examples in the same order give the same weights.
//
// Package reply asks it for a second opinion on a message that a keyword
// answers but that asks nothing, where the shop's words are used in
// another sense: 我老公天天加班，快递员都比他回家早.
package smalltalk
