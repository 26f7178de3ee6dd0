package main

import (
	"fmt"
	"os"

	"github.com/dibao-go/dibao/standards/internal/keydoc"
)

func main() {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := keydoc.WithKeyList(string(b))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("doc.go", []byte(out), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
