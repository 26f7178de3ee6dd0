// Command conform runs the conformance suite against an implementation.
//
//	go run ./examples/conform [flags]                  # against this library, through the line protocol
//	go run ./examples/conform [flags] -- prog args…    # against another program
//	go run ./examples/conform serve                    # be the implementation: answer on stdin/stdout
//
// Flags:
//
//	-cases DIR      run the cases of a folder (*.json) instead of the suite's own
//	-run REGEX      run only the cases whose id matches
//	-timeout D      time allowed for one answer (default 10s); a program that
//	                hangs or crashes fails that case and is started again
//	-json FILE      also write a report for CI (one entry per case)
//
// The protocol (package conformance): the runner writes one JSON object per
// line to the program's standard input — {"id", "standards", "request"} —
// and reads one JSON answer per line from its standard output: a decision
// in the payment package's record form, an error {"error": kind,
// "problems": […]}, or {"unsupported": "why"} for a case the program does not
// implement. Each failing case is printed with its file, description, note
// (the hand arithmetic) and differences; the last line is exactly
// "N passed, M failed, K unsupported". The exit status is 1 when a case
// fails and 2 on bad usage.
package main
