// Command decide runs the whole pipeline — income, classification, payment —
// on a household request and prints the decision in Chinese and English,
// on the embedded Heilongjiang data as it is.
//
//	go run ./examples/decide [request.json]
//
// Without an argument it decides the sample Harbin household shipped beside
// this file (双城区, June 2024). A request file is read up to
// payment.MaxRequestSize bytes. Bad input prints its problems to stderr and
// exits with status 2.
package main
