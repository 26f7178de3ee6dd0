// Command standards prints what a decision for a region and date may need
// from the Heilongjiang data, in Chinese and in English: each parameter in
// force with its value, effective date, source and reliability (stale and
// assumed values marked), then what the data does not cover there and what
// it does not hold at all, each with when a decision needs it.
//
//	go run ./examples/standards [region] [date]
//
// region is a six-digit division code (default 230102, 道里区) and date is
// YYYY-MM-DD (default 2023-06-01). Bad arguments print one line to stderr and
// exit with status 2.
package main
