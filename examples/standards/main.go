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
	"absent":  {"数据未设定（需自行提供，或不适用）：", "Not set in the data (supply your own where it applies):"},
	"missing": {"数据未覆盖该地区或日期：", "Not covered for this region or date:"},
	"from":    {"取自上级区划 ", "taken from the parent division "},
	"needed":  {"需要时：", "needed for: "},
}

func title(key string, tag language.Tag) string {
	if tag == language.English {
		return titles[key][1]
	}
	return titles[key][0]
}

// report prints what a decision for the region and date may need, and what
// the data holds of it (standards.Needs).
func report(w io.Writer, set *standards.Set, tag language.Tag, region standards.Region, fullName string, date standards.Date) {
	fmt.Fprintf(w, "== %s · %s %s · %s ==\n", set.Name(), region, fullName, date)
	needs, err := standards.Needs(set, region, standards.AreaAny, date, standards.Date{})
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	var absent, uncovered []string
	for _, n := range needs {
		label := n.Key.Label(tag)
		if n.Area != standards.AreaAny {
			label += " · " + explain.Words(explain.Code("area."+n.Area.String()), tag != language.English)
		}
		when := " (" + title("needed", tag) + n.When.Words(tag) + ")"
		switch {
		case n.Held:
			fmt.Fprintf(w, "%s: %s\n    %s\n", label, explain.FormatValue(n.Key, n.Value, tag), explain.FormatProvenance(n.Provenance, tag))
			if n.Provenance.Region != region {
				fmt.Fprintf(w, "    %s%s\n", title("from", tag), set.Divisions().Label(n.Provenance.Region))
			}
		case n.Err != nil:
			msg := n.Err.Error()
			if p, ok := standards.ProblemOf(n.Err, ""); ok {
				msg = p.Message.In(tag)
			}
			uncovered = append(uncovered, label+when+": "+msg)
		default:
			absent = append(absent, label+when)
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
