// Command batch decides a file of households on the embedded Heilongjiang
// data and writes one result row per household, or writes a synthetic
// population to try it on.
//
//	go run ./examples/batch -synth 100000 > population.csv
//	go run ./examples/batch < population.csv > results.csv
//	go run ./examples/batch -format jsonl -lang zh < requests.jsonl
//
// Input is the CSV form of package batch (or JSON lines of decision
// requests with -format jsonl), read from stdin; results go to stdout as
// CSV, in input order; a summary goes to stderr. Households that cannot be
// read or decided are result rows with their problem; a file that cannot be
// read at all (an unknown column, say) exits with status 2.
package main
