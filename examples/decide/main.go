// Command decide runs the whole pipeline — income, classification, payment —
// on a household request and prints the decision in Chinese and English.
//
//	go run ./examples/decide [request.json]
//
// Without an argument it decides the sample Harbin household shipped beside
// this file (双城区, June 2024). Bad input prints its problems to stderr and
// exits with status 2.
//
// The embedded Heilongjiang data leaves some values unsettled (the policy
// notes §4). This program supplies illustrative local settings for them —
// marked "example settings" in the explanation, with reliability
// "simulation" — which an agency would replace with its own file.
package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/money"
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

// exampleSettings are illustrative values for what the sources leave open.
func exampleSettings() standards.Reform {
	return standards.Reform{
		Name: "example settings (not from any source)",
		From: standards.MustParseDate("2021-01-01"),
		Changes: []standards.Change{
			standards.ChangeTo(standards.RoundPaymentTotal, money.Rule{Unit: money.UnitFen, Mode: money.ModeHalfUp}),
			standards.ChangeTo(standards.RoundPerCapitaDisplay, money.Rule{Unit: money.UnitFen, Mode: money.ModeHalfUp}),
			standards.ChangeTo(standards.ParamSupplementStacking, standards.StackingHighest),
			standards.ChangeTo(standards.ParamElderlyAge, 60),
		},
	}
}

func run(args []string, w io.Writer) error {
	if len(args) > 1 {
		return errors.New("usage: go run ./examples/decide [request.json]")
	}
	data := sample
	if len(args) == 1 {
		var err error
		if data, err = os.ReadFile(args[0]); err != nil {
			return err
		}
	}
	base, err := heilongjiang.Set()
	if err != nil {
		return err
	}
	set, err := base.Apply(exampleSettings())
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
