// Command conform runs the conformance suite against an implementation.
//
//	go run ./examples/conform                  # against this library, through the line protocol
//	go run ./examples/conform -- prog args…    # against another program
//	go run ./examples/conform serve            # be the implementation: answer on stdin/stdout
//
// The protocol (package conformance): the runner writes one JSON object per
// line to the program's standard input — {"id", "standards", "request"} —
// and reads one JSON answer per line from its standard output: a decision
// in the payment package's JSON form, or {"error": kind}. The runner prints
// each failing case with its differences and a last line "N passed, M
// failed"; it exits 1 when a case fails and 2 on bad usage.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"

	"github.com/dibao-go/dibao/conformance"
)

func main() {
	code, err := run(os.Args[1:], os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(code)
}

func run(args []string, stdin io.Reader, stdout io.Writer) (int, error) {
	if len(args) == 1 && args[0] == "serve" {
		if err := conformance.Serve(stdin, stdout); err != nil {
			return 1, err
		}
		return 0, nil
	}
	cases, err := conformance.Cases()
	if err != nil {
		return 1, err
	}
	var ask conformance.Asker
	var stop func() error
	switch {
	case len(args) == 0:
		ask, stop = conformance.InProcess()
	case args[0] == "--" && len(args) > 1:
		cmd := exec.Command(args[1], args[2:]...)
		cmd.Stderr = os.Stderr
		if ask, stop, err = conformance.Program(cmd); err != nil {
			return 2, err
		}
	default:
		return 2, errors.New("usage: go run ./examples/conform [serve | -- program args…]")
	}
	results, err := conformance.Check(cases, ask)
	if stopErr := stop(); err == nil && stopErr != nil {
		err = stopErr
	}
	if err != nil {
		return 1, err
	}
	failed := 0
	for _, r := range results {
		if len(r.Mismatches) == 0 {
			continue
		}
		failed++
		fmt.Fprintf(stdout, "FAIL %s\n", r.ID)
		for _, m := range r.Mismatches {
			fmt.Fprintf(stdout, "    %s\n", m)
		}
	}
	fmt.Fprintf(stdout, "%d passed, %d failed\n", len(results)-failed, failed)
	if failed > 0 {
		return 1, nil
	}
	return 0, nil
}
