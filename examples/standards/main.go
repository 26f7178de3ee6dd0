// Command standards prints the Heilongjiang parameters in force for a region
// on a date, in Chinese and in English, each with its value, effective date
// and source.
//
//	go run ./examples/standards [region] [date]
//
// region is a six-digit division code (default 230102, 道里区) and date is
// YYYY-MM-DD (default 2023-06-01). Bad arguments print one line to stderr and
// exit with status 2.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

func run(args []string, w io.Writer) error {
	if len(args) > 2 {
		return errors.New("usage: go run ./examples/standards [region] [date]")
	}
	regionArg, dateArg := "230102", "2023-06-01"
	if len(args) > 0 {
		regionArg = args[0]
	}
	if len(args) > 1 {
		dateArg = args[1]
	}
	region, err := standards.ParseRegion(regionArg)
	if err != nil {
		return err
	}
	date, err := standards.ParseDate(dateArg)
	if err != nil {
		return err
	}
	set, err := heilongjiang.Set()
	if err != nil {
		return err
	}
	fullName, err := set.Divisions().FullName(region)
	if err != nil {
		return err
	}
	for _, tag := range []language.Tag{language.SimplifiedChinese, language.English} {
		report(w, set, standards.NewPrinter(tag), region, fullName, date)
	}
	return nil
}

func report(w io.Writer, set *standards.Set, p *message.Printer, region standards.Region, fullName string, date standards.Date) {
	fmt.Fprintf(w, "== %s · %s %s · %s ==\n", set.Name(), region, fullName, date)
	held := set.Params()
	var absent, uncovered []string
	for _, param := range standards.AllParams() {
		areas := []standards.Area{standards.AreaAny}
		if param.AreaSplit() {
			areas = []standards.Area{standards.AreaUrban, standards.AreaRural}
		}
		for _, a := range areas {
			label := param.Label(p)
			if a != standards.AreaAny {
				label = p.Sprintf("fmt.with_area", label, a.Label(p))
			}
			if !slices.Contains(held, param) {
				absent = append(absent, label)
				continue
			}
			v, err := set.Lookup(param, standards.Query{Region: region, Area: a, Date: date})
			var le *standards.LookupError
			if errors.As(err, &le) {
				uncovered = append(uncovered, p.Sprintf("fmt.covered", label, le.Covered))
				continue
			} else if err != nil {
				uncovered = append(uncovered, label+": "+err.Error())
				continue
			}
			printValue(w, p, set, label, param, v.V, v.Provenance, region)
		}
	}
	if region.Level() == standards.LevelCounty {
		label := p.Sprintf("fmt.place_wage", region)
		if wage, err := set.MinimumWage(standards.Query{Region: region, Date: date}); err == nil {
			printValue(w, p, set, label, standards.ParamMinimumWageTier, wage.Tier.V, wage.Tier.Provenance, region)
			fmt.Fprintf(w, "    %s\n", standards.FormatValue(p, standards.ParamMinimumWage, standards.MinimumWage{Tiers: []standards.WageRate{wage.Rate.V}}))
		} else {
			var le *standards.LookupError
			if errors.As(err, &le) {
				uncovered = append(uncovered, p.Sprintf("fmt.covered", label, le.Covered))
			}
		}
	}
	list(w, p.Sprintf("fmt.not_covered"), uncovered)
	list(w, p.Sprintf("fmt.not_in_data"), absent)
	fmt.Fprintln(w)
}

func printValue(w io.Writer, p *message.Printer, set *standards.Set, label string, param standards.Param, v any, pv standards.Provenance, region standards.Region) {
	fmt.Fprintf(w, "%s: %s\n    %s\n", label, standards.FormatValue(p, param, v), standards.FormatProvenance(p, pv))
	if pv.Region != region {
		fmt.Fprintf(w, "    %s\n", p.Sprintf("fmt.region_fallback", pv.Region))
	}
	if pv.Stale {
		fmt.Fprintf(w, "    %s\n", p.Sprintf("fmt.stale", pv.CompleteThrough))
	}
}

func list(w io.Writer, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintln(w, title)
	for _, it := range items {
		fmt.Fprintf(w, "  - %s\n", it)
	}
}
