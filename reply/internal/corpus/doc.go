// Package corpus reads kefu's labelled accuracy corpora (reply/testdata):
// UTF-8, one message a line, four fields separated by tabs (message,
// expected rule ids joined by | or -, kind, trapped rule or -); lines
// starting with # are comments, blank lines are ignored.
package corpus
