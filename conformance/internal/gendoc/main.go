package main

import (
	"fmt"
	"os"

	"github.com/dibao-go/dibao/conformance/internal/codedoc"
)

func main() {
	b, err := os.ReadFile("doc.go")
	if err == nil {
		var out string
		if out, err = codedoc.WithTable(string(b)); err == nil {
			err = os.WriteFile("doc.go", []byte(out), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
