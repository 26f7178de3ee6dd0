// Command standards prints the Heilongjiang parameters in force for a region
// on a date, in Chinese and in English, each with its value, effective date
// and source, and lists what the data does not hold.
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

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
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
		report(w, set, tag, region, fullName, date)
	}
	return nil
}

var titles = map[string][2]string{
	"absent":  {"数据未设定（需自行提供）：", "Not set in the data (supply your own):"},
	"missing": {"数据未覆盖该地区或日期：", "Not covered for this region or date:"},
	"from":    {"取自上级区划 ", "taken from the parent division "},
}

func title(key string, tag language.Tag) string {
	if tag == language.English {
		return titles[key][1]
	}
	return titles[key][0]
}

func report(w io.Writer, set *standards.Set, tag language.Tag, region standards.Region, fullName string, date standards.Date) {
	fmt.Fprintf(w, "== %s · %s %s · %s ==\n", set.Name(), region, fullName, date)
	var absent, uncovered []string
	for _, k := range standards.Keys() {
		areas := []standards.Area{standards.AreaAny}
		if k.AreaSplit() {
			areas = []standards.Area{standards.AreaUrban, standards.AreaRural}
		}
		for _, a := range areas {
			label := k.Label(tag)
			if a != standards.AreaAny {
				label += " · " + explain.Words(explain.Code("area."+a.String()), tag != language.English)
			}
			if !set.Has(k) {
				absent = append(absent, label)
				continue
			}
			v, pr, err := standards.LookupAny(set, k, standards.Query{Region: region, Area: a, Date: date})
			if err != nil {
				if p, ok := standards.ProblemOf(err, ""); ok {
					uncovered = append(uncovered, label+": "+p.Message.In(tag))
				} else {
					uncovered = append(uncovered, label+": "+err.Error())
				}
				continue
			}
			fmt.Fprintf(w, "%s: %s\n    %s\n", label, explain.FormatValue(k, v, tag), explain.FormatProvenance(pr, tag))
			if pr.Region != region {
				fmt.Fprintf(w, "    %s%s\n", title("from", tag), set.Divisions().Label(pr.Region))
			}
		}
	}
	list(w, title("missing", tag), uncovered)
	list(w, title("absent", tag), absent)
	fmt.Fprintln(w)
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
