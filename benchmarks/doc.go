// Package benchmarks measures kefu side by side with what users would pick
// instead: plain loops, regexp, other Go Aho-Corasick automata, gse and the
// popular Go sensitive-word filters. It is its own module, so that none of
// these peers ever becomes a dependency of the library.
//
// The corpora under testdata/ are generated deterministically by
// internal/gen (run `go generate` here) and checked in. See README.md for
// the commands, the machine and the recorded results.
package benchmarks

//go:generate go run ./internal/gen -out testdata -starter ../reply/data/starter.yaml
