package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

//go:embed harbin-household.json
var sample []byte

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

func run(args []string, w io.Writer) error {
	if len(args) > 1 {
		return errors.New("usage: go run ./examples/decide [request.json]")
	}
	data := sample
	if len(args) == 1 {
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		if data, err = standards.ReadAtMost(f, payment.MaxRequestSize); err != nil {
			return err
		}
	}
	set, err := heilongjiang.Set()
	if err != nil {
		return err
	}
	d, err := payment.DecideJSON(data, set)
	if err != nil {
		return err
	}
	for _, tag := range []language.Tag{language.SimplifiedChinese, language.English} {
		fmt.Fprintf(w, "== %s ==\n%s\n\n", tag, d.Explain(tag))
	}
	return nil
}
