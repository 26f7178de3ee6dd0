package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"time"

	"github.com/dibao-go/dibao/conformance"
)

func main() {
	code, err := run(os.Args[1:], os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(code)
}

// reportEntry is one case in the JSON report.
type reportEntry struct {
	ID          string   `json:"id"`
	File        string   `json:"file"`
	Outcome     string   `json:"outcome"` // passed, failed, unsupported
	Mismatches  []string `json:"mismatches,omitempty"`
	Unsupported string   `json:"unsupported,omitempty"`
}

func run(args []string, stdin io.Reader, stdout io.Writer) (int, error) {
	if len(args) == 1 && args[0] == "serve" {
		if err := conformance.Serve(stdin, stdout); err != nil {
			return 1, err
		}
		return 0, nil
	}
	fs := flag.NewFlagSet("conform", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dir := fs.String("cases", "", "a folder of cases")
	pattern := fs.String("run", "", "run only the cases whose id matches")
	timeout := fs.Duration("timeout", 10*time.Second, "time allowed for one answer")
	report := fs.String("json", "", "write a JSON report to this file")
	const usage = "usage: go run ./examples/conform [-cases DIR] [-run REGEX] [-timeout D] [-json FILE] [serve | -- program args…]"
	var prog []string
	for i, a := range args {
		if a == "--" {
			args, prog = args[:i], args[i+1:]
			if len(prog) == 0 {
				return 2, errors.New(usage)
			}
			break
		}
	}
	if err := fs.Parse(args); err != nil {
		return 2, fmt.Errorf("%s: %w", usage, err)
	}
	if fs.NArg() > 0 {
		return 2, errors.New(usage)
	}
	var impl conformance.Implementation = conformance.InProcess()
	if prog != nil {
		impl = conformance.Program(func() *exec.Cmd {
			cmd := exec.Command(prog[0], prog[1:]...)
			cmd.Stderr = os.Stderr
			return cmd
		})
	}
	cases, err := load(*dir)
	if err != nil {
		return 2, err
	}
	if *pattern != "" {
		re, err := regexp.Compile(*pattern)
		if err != nil {
			return 2, fmt.Errorf("-run: %w", err)
		}
		var kept []conformance.Case
		for _, c := range cases {
			if re.MatchString(c.ID) {
				kept = append(kept, c)
			}
		}
		cases = kept
	}
	results, err := conformance.Check(cases, impl, conformance.CheckOptions{Timeout: *timeout})
	if closeErr := impl.Close(); err == nil && closeErr != nil {
		fmt.Fprintln(os.Stderr, "the program ended with:", closeErr)
	}
	if err != nil {
		return 1, err
	}
	passed, failed, unsupported := 0, 0, 0
	var entries []reportEntry
	for _, r := range results {
		e := reportEntry{ID: r.Case.ID, File: r.Case.File, Mismatches: r.Mismatches, Unsupported: r.Unsupported}
		switch {
		case r.Unsupported != "":
			unsupported++
			e.Outcome = "unsupported"
		case r.Passed():
			passed++
			e.Outcome = "passed"
		default:
			failed++
			e.Outcome = "failed"
			fmt.Fprintf(stdout, "FAIL %s (%s)\n    %s\n", r.Case.ID, r.Case.File, r.Case.Description)
			for _, m := range r.Mismatches {
				fmt.Fprintf(stdout, "    - %s\n", m)
			}
			fmt.Fprintf(stdout, "    hand arithmetic: %s\n", r.Case.Note)
		}
		entries = append(entries, e)
	}
	if *report != "" {
		b, err := json.MarshalIndent(struct {
			Passed      int           `json:"passed"`
			Failed      int           `json:"failed"`
			Unsupported int           `json:"unsupported"`
			Cases       []reportEntry `json:"cases"`
		}{passed, failed, unsupported, entries}, "", "  ")
		if err == nil {
			err = os.WriteFile(*report, append(b, '\n'), 0o644)
		}
		if err != nil {
			return 1, err
		}
	}
	fmt.Fprintf(stdout, "%d passed, %d failed, %d unsupported\n", passed, failed, unsupported)
	if failed > 0 {
		return 1, nil
	}
	return 0, nil
}

func load(dir string) ([]conformance.Case, error) {
	if dir == "" {
		return conformance.Cases()
	}
	return conformance.ReadCases(os.DirFS(dir), ".")
}
