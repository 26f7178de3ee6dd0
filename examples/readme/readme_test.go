package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// The README's Go example is this package's main.go (from "package main"
// on), so that it compiles with every build; this test keeps the two the same.
func TestREADMEShowsThisProgram(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(src), "package main\n")
	if !strings.Contains(string(readme), "```go\npackage main\n"+body+"```") {
		t.Fatal("README.md's Go example differs from examples/readme/main.go")
	}
}

// 道里区 urban 2023: 850 × 2 = 1700 (哈民政规〔2023〕6号). The mother's wage of
// 1200 a month, less the employment-cost deduction at her place of work's
// tier (道里区: 一档, 1680 in the 2017 table still in force in 2023): 2 × 1680
// ÷ 12 = 280, counts 920. Gap 1700 − 920 = 780; the son, a minor, gets the
// 15 % supplement 0.15 × 850 = 127.50: 780 + 127.50 = 907.50.
func TestProgramOutput(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	main()
	os.Stdout = stdout
	w.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(out), "\n")
	if first != "dibao 907.50" {
		t.Fatalf("got %q, want %q", first, "dibao 907.50")
	}
	for _, want := range []string{"tier 1), 1680.00 yuan ÷ 12 = 280.00 yuan a month", "Monthly total paid: 907.50 yuan"} {
		if !strings.Contains(rest, want) {
			t.Errorf("the explanation lacks %q", want)
		}
	}
}
