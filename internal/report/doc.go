// Package report builds the library's problems: a collector (List) and the
// catalog of problem messages (Msg), each with its code and its sentence in
// Simplified Chinese and English. Every package that reports problems uses
// it, so that each problem reads the same wherever it arises.
package report
