package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/examples/internal/settings"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/simulation"
	"github.com/dibao-go/dibao/standards"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr, isTerminal(os.Stderr)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// reforms collects repeated -reform flags.
type reforms []string

func (r *reforms) String() string     { return strings.Join(*r, ",") }
func (r *reforms) Set(v string) error { *r = append(*r, v); return nil }

const usage = `usage: go run ./examples/simulate [flags]
  population (one of):
    -households n            n synthetic households (simulation.Synthesize; -seed)
    -survey DIR              survey microdata: DIR/households.csv and DIR/members.csv
    -csv FILE | -jsonl FILE  the batch package's CSV form, or JSON lines of requests
  scenarios: the embedded standards (merged with -settings FILE) and each -reform FILE
  -date YYYY-MM-DD -months n -prices FILE (month,cpi,food_cpi; month YYYY-MM) -out DIR -lang en|zh -q`

func run(args []string, stdout, stderr io.Writer, terminal bool) error {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("households", 0, "synthetic households to simulate")
	seed := fs.Uint64("seed", 1, "seed of the synthetic population")
	survey := fs.String("survey", "", "folder of survey microdata (households.csv, members.csv)")
	csvFile := fs.String("csv", "", "a population in the batch CSV form")
	jsonlFile := fs.String("jsonl", "", "a population as JSON lines of decision requests")
	var rf reforms
	fs.Var(&rf, "reform", "a reform file (repeatable)")
	settingsFile := fs.String("settings", "", "local settings merged over the embedded standards (the baseline)")
	date := fs.String("date", "2024-06-01", "the first month's assessment date")
	months := fs.Int("months", 1, "months to run, each on the standing the last left")
	prices := fs.String("prices", "", "price indices by month: CSV month,cpi,food_cpi")
	out := fs.String("out", "report", "folder for the report")
	per := fs.String("per-household", "", "write households.csv for this scenario (its name, or \"baseline\")")
	lang := fs.String("lang", "en", "language of the report: en or zh")
	workers := fs.Int("workers", 0, "goroutines deciding (the number of cores when 0)")
	quiet := fs.Bool("q", false, "no progress on stderr")
	limit := fs.Int("memory", 48, "a soft memory limit for the run, in MiB (0: the Go runtime's default; GOMEMLIMIT wins)")
	noDeciles := fs.Bool("no-deciles", false, "skip the deciles (which keep ~44 bytes a household): memory then stays flat whatever the population")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New(usage)
	}
	if *limit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		// The run streams: the collector keeps the heap near the limit
		// rather than letting it double between collections.
		debug.SetMemoryLimit(int64(*limit) << 20)
	}
	start, err := standards.ParseDate(*date)
	if err != nil {
		return err
	}
	base, err := settings.Load(*settingsFile)
	if err != nil {
		return err
	}
	scenarios := []simulation.Scenario{{Name: "baseline", Set: base}}
	for _, f := range rf {
		data, err := settings.ReadFile(f)
		if err != nil {
			return err
		}
		r, err := standards.ReadReform(data)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		s, err := simulation.Reformed(base, r)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		for _, o := range scenarios {
			if o.Name == s.Name {
				return fmt.Errorf("%s: another scenario is named %q: give each reform a name of its own", f, s.Name)
			}
		}
		scenarios = append(scenarios, s)
	}
	src, size, closeSrc, err := population(*n, *seed, start, *survey, *csvFile, *jsonlFile)
	if err != nil {
		return err
	}
	defer closeSrc()
	opts := simulation.Options{Date: start, Months: *months, Workers: *workers, NoDeciles: *noDeciles}
	if *prices != "" {
		if opts.Prices, err = readPrices(*prices); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	if *per != "" {
		opts.HouseholdsOf = -1
		for i, s := range scenarios {
			if s.Name == *per {
				opts.HouseholdsOf = i
			}
		}
		if opts.HouseholdsOf < 0 {
			return fmt.Errorf("-per-household %q is not a scenario's name", *per)
		}
		f, err := os.Create(filepath.Join(*out, "households.csv"))
		if err != nil {
			return err
		}
		defer f.Close()
		opts.Households = f
	}
	began := time.Now()
	if terminal && !*quiet {
		opts.Progress = func(done int) { progress(stderr, done, size(), time.Since(began)) }
	}
	rep, err := simulation.Run(src, scenarios, opts)
	if err != nil {
		return err
	}
	if opts.Progress != nil {
		fmt.Fprintln(stderr)
	}
	tag := language.English
	if *lang == "zh" {
		tag = language.Chinese
	}
	if err := write(*out, rep, tag); err != nil {
		return err
	}
	// A short summary on stdout.
	fmt.Fprintf(stdout, "%d households (%d could not be read) in %s; report in %s/report.html\n", rep.Households, rep.Failed,
		time.Since(began).Round(time.Millisecond), *out)
	var warnings []string
	for _, s := range rep.Scenarios {
		fmt.Fprintf(stdout, "  %s: monthly cost %s, annual %s", s.Name, s.Months[0].Cost.Total.Display(), s.Annual.Display())
		if c := s.Change; c != nil {
			fmt.Fprintf(stdout, "; %s households changed, %s paid more (mean %s), %s less (mean %s)",
				c.Changed.Round(0), c.Winners.Round(0), orDash(c.MeanGain), c.Losers.Round(0), orDash(c.MeanLoss))
			if c.NoEffect {
				warnings = append(warnings, fmt.Sprintf("warning: reform %q changes nothing for any household simulated", s.Name))
			}
		}
		fmt.Fprintln(stdout)
		if s.Failed > 0 {
			warnings = append(warnings, fmt.Sprintf("warning: %d households could not be decided under %q (left out of the comparisons); the first: %v", s.Failed, s.Name, s.FirstError))
		}
	}
	for i, f := range rep.Failures {
		if i == 5 {
			warnings = append(warnings, fmt.Sprintf("(%d more listed in %s/summary.json and report.html)", len(rep.Failures)-5, *out))
			break
		}
		where := "could not be read"
		if f.Scenario >= 0 {
			where = fmt.Sprintf("could not be decided under %q in month %d", rep.Scenarios[f.Scenario].Name, f.Month+1)
		}
		line := ""
		if f.Line > 0 {
			line = fmt.Sprintf(" (line %d)", f.Line)
		}
		warnings = append(warnings, fmt.Sprintf("household %q%s %s: %v", f.Household, line, where, f.Err))
	}
	for _, w := range warnings {
		fmt.Fprintln(stderr, w)
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// population opens the input; size reports the households expected (0
// when unknown), for the progress line.
func population(n int, seed uint64, date standards.Date, survey, csvFile, jsonlFile string) (batch.Reader, func() int, func(), error) {
	given := 0
	for _, b := range []bool{n > 0, survey != "", csvFile != "", jsonlFile != ""} {
		if b {
			given++
		}
	}
	none := func() {}
	if given != 1 {
		return nil, nil, none, errors.New("give one population: -households n, -survey DIR, -csv FILE or -jsonl FILE\n" + usage)
	}
	if n > 0 {
		return simulation.Synthesize(n, batch.SynthOptions{Date: date, Seed: seed}), func() int { return n }, none, nil
	}
	if survey != "" {
		hf, err := os.Open(filepath.Join(survey, "households.csv"))
		if err != nil {
			return nil, nil, none, err
		}
		mf, err := os.Open(filepath.Join(survey, "members.csv"))
		if err != nil {
			hf.Close()
			return nil, nil, none, err
		}
		closeBoth := func() { hf.Close(); mf.Close() }
		r, err := batch.NewSurveyReader(bufio.NewReader(hf), bufio.NewReader(mf), batch.SurveyOptions{Date: date})
		if err != nil {
			closeBoth()
			return nil, nil, none, err
		}
		return r, func() int { return 0 }, closeBoth, nil
	}
	name := csvFile + jsonlFile
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, none, err
	}
	var r batch.Reader
	if csvFile != "" {
		cr, err := batch.NewCSVReader(f)
		if err != nil {
			f.Close()
			return nil, nil, none, err
		}
		r = cr
	} else {
		r = batch.NewJSONLReader(f)
	}
	return r, func() int { return 0 }, func() { f.Close() }, nil
}

// progress writes households/s and, when the size is known, the time left.
func progress(w io.Writer, done, size int, elapsed time.Duration) {
	rate := float64(done) / max(elapsed.Seconds(), 1e-9) // display only
	line := fmt.Sprintf("\r%d households, %.0f/s", done, rate)
	if size > 0 && done < size && rate > 0 {
		left := time.Duration(float64(size-done) / rate * float64(time.Second))
		line += fmt.Sprintf(", %s left", left.Round(time.Second))
	}
	fmt.Fprint(w, line+"   ")
}

// write writes the report's files into dir.
func write(dir string, rep *simulation.Report, tag language.Tag) error {
	files := map[string]func(io.Writer) error{
		"summary.json": rep.WriteJSON,
		"report.html":  func(w io.Writer) error { return rep.WriteHTML(w, tag) },
	}
	for _, t := range rep.Tables() {
		files[t.Name+".csv"] = t.WriteCSV
	}
	for _, c := range rep.Charts(tag) {
		files[c.Name+".svg"] = func(w io.Writer) error { _, err := w.Write(c.SVG); return err }
	}
	for name, fn := range files {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(f)
		err = fn(bw)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readPrices reads month,cpi,food_cpi rows (a header first).
func readPrices(name string) ([]payment.Prices, error) {
	data, err := settings.ReadFile(name)
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []payment.Prices
	for i, row := range rows {
		if i == 0 {
			continue // the header
		}
		if len(row) != 3 || len(out) >= simulation.MaxMonths*4 {
			return nil, fmt.Errorf("%s line %d: want month,cpi,food_cpi", name, i+1)
		}
		month := row[0]
		if len(month) == len("2024-09") {
			month += "-01" // a month given as YYYY-MM
		}
		m, err := standards.ParseDate(month)
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", name, i+1, err)
		}
		p := payment.Prices{Month: m}
		if row[1] != "" {
			if p.CPI, err = money.ParseRate(row[1]); err != nil {
				return nil, fmt.Errorf("%s line %d: %w", name, i+1, err)
			}
			p.HasCPI = true
		}
		if row[2] != "" {
			if p.FoodCPI, err = money.ParseRate(row[2]); err != nil {
				return nil, fmt.Errorf("%s line %d: %w", name, i+1, err)
			}
			p.HasFoodCPI = true
		}
		out = append(out, p)
	}
	return out, nil
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
