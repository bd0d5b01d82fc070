// Package order sorts the keys of a count map, for the indexes of package
// matcher and package matcher/similar, which number their keys by how
// often they occur.
package order
