package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

func run(args []string, in io.Reader, out, log io.Writer) error {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(log)
	format := fs.String("format", "csv", "input form: csv or jsonl")
	lang := fs.String("lang", "en", "language of problem messages: en or zh")
	synth := fs.Int("synth", 0, "write a synthetic population of this many households (CSV) instead of deciding")
	date := fs.String("date", "2024-06-01", "the decision date of a synthetic population")
	seed := fs.Uint64("seed", 1, "the seed of a synthetic population (the same households as examples/simulate -households with this seed)")
	workers := fs.Int("workers", 0, "goroutines deciding (the number of cores when 0)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New("usage: go run ./examples/batch [-format csv|jsonl] [-lang en|zh] [-workers n] < input > results.csv\n" +
			"       go run ./examples/batch -synth n [-date YYYY-MM-DD] [-seed n] > population.csv")
	}
	if *synth > 0 {
		d, err := standards.ParseDate(*date)
		if err != nil {
			return err
		}
		return synthesize(out, *synth, d, *seed)
	}
	var r batch.Reader
	switch *format {
	case "csv":
		cr, err := batch.NewCSVReader(in)
		if err != nil {
			return err
		}
		r = cr
	case "jsonl":
		r = batch.NewJSONLReader(in)
	default:
		return fmt.Errorf("unknown -format %q: csv or jsonl", *format)
	}
	tag := language.English
	if *lang == "zh" {
		tag = language.SimplifiedChinese
	}
	set, err := heilongjiang.Set()
	if err != nil {
		return err
	}
	start := time.Now()
	sum, err := batch.New(set, batch.Options{Workers: *workers}).Run(r, out, batch.RunOptions{Language: tag})
	if err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(log, "%d households in %s (%.0f a second); %d could not be decided\n", sum.Households, el.Round(time.Millisecond),
		float64(sum.Households)/el.Seconds(), sum.Failed)
	for s, n := range sum.ByStatus {
		if n > 0 {
			fmt.Fprintf(log, "  %-13s %d\n", statusName(s), n)
		}
	}
	fmt.Fprintf(log, "monthly total paid: %s yuan\n", sum.Total.Display())
	return nil
}

func statusName(s int) string {
	return [...]string{"not eligible", "edge", "gradual exit", "dibao", "tekun"}[s]
}

// synthesize writes n synthetic households, a chunk at a time.
func synthesize(out io.Writer, n int, date standards.Date, seed uint64) error {
	w, err := batch.NewCSVWriter(out)
	if err != nil {
		return err
	}
	const chunk = 10_000
	for done := 0; done < n; done += chunk {
		p, err := batch.Synthesize(min(chunk, n-done), batch.SynthOptions{Seed: seed, Date: date, FirstKey: done})
		if err != nil {
			return err
		}
		if err := w.Write(p); err != nil {
			return err
		}
	}
	return w.Flush()
}
