package main

import (
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
	buf := make([]byte, 1024)
	n, _ := r.Read(buf)
	// 道里区 is in Harbin's 市区: 850 yuan from 2023-01-01 (哈民政规〔2023〕6号, official).
	if got, want := string(buf[:n]), "850 哈民政规〔2023〕6号 official\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
