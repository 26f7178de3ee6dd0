package simulation

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
)

// Report is a run's result: for each scenario and month the weighted
// caseload and cost, and for each reform its change against the baseline.
// Weighted counts are exact sums of the weights (money.WeightSum); costs
// exact sums of amount × weight (money.WeightedTotal), shown in yuan with
// two decimals.
type Report struct {
	// Months are the months' assessment dates (zero when the households
	// kept their own dates).
	Months     []standards.Date
	Households int // households read
	Failed     int // households that could not be read
	Scenarios  []ScenarioReport
	// Failures are the first MaxFailures households not read, or not
	// decided in some scenario's month, with why.
	Failures  []Failure
	divisions *standards.Divisions
}

// Failure is a household that could not be read (Scenario −1) or decided
// (in Scenario's Month), with its key (made valid UTF-8), the line of the
// input to look at — the row a problem found in reading it is in, else the
// line it begins on; 0 when not read from a file — and its problems.
type Failure struct {
	Household string
	Line      int
	Scenario  int
	Month     int
	Err       error
	index     int // its place in the input
}

// ScenarioReport is one scenario's result.
type ScenarioReport struct {
	Name     string
	Standard string // the Set's name and identity
	Months   []MonthReport
	// RunCost is the cost over the months run; Annual the cost of a year:
	// RunCost when twelve months were run, else the first month's × 12.
	RunCost, Annual money.WeightedTotal
	Change          *Change // nil for the baseline
	// Failed counts the households some month of which could not be
	// decided (Months[m].Failed month by month); FirstError is the first
	// one's problems. They are left out of the comparisons.
	Failed     int
	FirstError error
}

// MonthReport is one scenario's month.
type MonthReport struct {
	Date   standards.Date
	Failed int // households that could not be decided
	// By household status (eligibility.Status): weighted households and
	// persons, and households unweighted.
	Households [statuses]money.WeightSum
	Persons    [statuses]money.WeightSum
	Count      [statuses]int
	// Alone are members with a standing of their own: 单人户 recipients, a
	// 单人户's gradual exit, 特困 supported beside others.
	Alone   money.WeightSum
	Cost    Costs
	Regions []Group // by region code
	Urban   Group
	Rural   Group
}

// Change is a reform against the baseline, over the months run.
type Change struct {
	// Changed households: any figure of any month differs from the
	// baseline's. NoEffect: none did — the reform changed nothing for the
	// population.
	Changed      money.WeightSum
	ChangedCount int
	NoEffect     bool
	// Winners are paid more over the run, losers less; Gain and Loss are
	// their weighted sums of the difference, MeanGain and MeanLoss the
	// weighted means (yuan, two decimals).
	Winners, Losers           money.WeightSum
	WinnersCount, LosersCount int
	Gain, Loss                money.WeightedTotal
	MeanGain, MeanLoss        string
	// CliffDown: households 低保 in the baseline and edge under the reform
	// in the first month; CliffUp: edge in the baseline, 低保 now.
	CliffDown, CliffUp           money.WeightSum
	CliffDownCount, CliffUpCount int
	// Deciles of baseline per-capita countable income (first month), each
	// with the weighted mean change of its households' payments over the
	// run (empty with Options.NoDeciles).
	Deciles []Decile
}

// Decile is a tenth of the population by weight, ordered by baseline
// per-capita income (ties in input order): household k joins decile
// ⌊10 × (weight before it) ÷ (total weight)⌋ + 1.
type Decile struct {
	Number     int
	Households int
	Weight     money.WeightSum
	// From and To are the per-capita incomes of its first and last
	// household, to the fen.
	From, To money.Amount
	Change   money.WeightedTotal
	Mean     string // the weighted mean change, yuan with two decimals
}

// report builds the Report from the sums.
func (r *run) report(a *agg, rows *decileRows) *Report {
	// Each worker kept its first failures; together, the input's first.
	failures := slices.Clone(a.failures)
	slices.SortStableFunc(failures, func(x, y Failure) int { return cmp.Compare(x.index, y.index) })
	rep := &Report{Households: a.households, Failed: a.failed, Failures: failures[:min(len(failures), MaxFailures)], divisions: r.scen[0].Set.Divisions()}
	for m := range r.months {
		d := standards.Date{}
		if !r.opts.Date.IsZero() {
			d = r.opts.Date.AddMonths(m)
		}
		rep.Months = append(rep.Months, d)
	}
	var order []int32
	if !r.opts.NoDeciles && len(r.scen) > 1 {
		order = rows.order()
	}
	for s, sc := range r.scen {
		sr := ScenarioReport{Name: sc.Name, Standard: sc.Set.Name() + " (" + sc.Set.Identity() + ")", FirstError: a.scen[s].firstErr, Failed: a.scen[s].failedHouseholds}
		for m := range r.months {
			x := &a.scen[s].months[m]
			mr := MonthReport{Date: rep.Months[m], Failed: x.failed, Households: x.households, Persons: x.persons,
				Count: x.count, Alone: x.alone, Cost: x.cost, Urban: x.areas[standards.AreaUrban], Rural: x.areas[standards.AreaRural]}
			for _, g := range x.regions {
				mr.Regions = append(mr.Regions, *g)
			}
			sort.Slice(mr.Regions, func(i, j int) bool { return mr.Regions[i].Region.Code() < mr.Regions[j].Region.Code() })
			sr.Months = append(sr.Months, mr)
			sr.RunCost.AddTotal(x.cost.Total)
		}
		if r.months == 12 {
			sr.Annual = sr.RunCost
		} else {
			for range 12 {
				sr.Annual.AddTotal(a.scen[s].months[0].cost.Total)
			}
		}
		if s > 0 {
			c := &a.scen[s].change
			ch := &Change{Changed: c.changed, ChangedCount: c.changedN, NoEffect: c.changedN == 0,
				Winners: c.winners, Losers: c.losers, WinnersCount: c.winnersN, LosersCount: c.losersN,
				Gain: c.gain, Loss: c.loss, MeanGain: c.gain.Mean(c.winners), MeanLoss: c.loss.Mean(c.losers),
				CliffDown: c.cliffDown, CliffUp: c.cliffUp, CliffDownCount: c.cliffDownN, CliffUpCount: c.cliffUpN}
			if order != nil {
				ch.Deciles = rows.deciles(order, s-1)
			}
			sr.Change = ch
		}
		rep.Scenarios = append(rep.Scenarios, sr)
	}
	return rep
}

// deciles returns reform k's deciles.
func (d *decileRows) deciles(order []int32, k int) []Decile {
	var total money.WeightSum
	for i := range d.rows {
		total.Add(d.rows[i].weight)
	}
	if total.Sign() == 0 {
		return nil
	}
	// thresholds[j] = j × total; a household whose 10 × (weight before it)
	// reaches thresholds[j] is in decile j+1 or above.
	var thresholds [11]money.WeightSum
	for j := 1; j <= 10; j++ {
		thresholds[j] = thresholds[j-1]
		thresholds[j].AddSum(total)
	}
	out := make([]Decile, 10)
	for j := range out {
		out[j].Number = j + 1
	}
	var before10 money.WeightSum // 10 × the weight before the household
	j := 0
	for _, i := range order {
		row := &d.rows[i]
		for j < 9 && before10.Cmp(thresholds[j+1]) >= 0 {
			j++
		}
		dec := &out[j]
		pc, _ := row.countable.QuoRound(int64(row.tested), money.Rule{Unit: money.UnitFen, Mode: money.ModeHalfUp})
		if dec.Households == 0 {
			dec.From = pc
		}
		dec.To = pc
		dec.Households++
		dec.Weight.Add(row.weight)
		dec.Change.Add(d.changes[int(i)*d.reforms+k], row.weight)
		before10.AddN(row.weight, 10)
	}
	for j := range out {
		out[j].Mean = out[j].Change.Mean(out[j].Weight)
	}
	return out
}

// Statuses are the household statuses in the order of the report's arrays.
func Statuses() []eligibility.Status {
	return []eligibility.Status{eligibility.NotEligible, eligibility.Edge, eligibility.GradualExit, eligibility.Dibao, eligibility.Tekun}
}

// Table is one table of a report, for CSV.
type Table struct {
	Name   string // a file name without extension: caseload, costs, regions, changes, deciles
	Header []string
	Rows   [][]string
}

// WriteCSV writes the table as CSV.
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// monthLabel is a month's date, or its number when households kept their
// own dates.
func (r *Report) monthLabel(m int) string {
	if d := r.Months[m]; !d.IsZero() {
		return d.String()
	}
	return "month " + strconv.Itoa(m+1)
}

// Tables returns the report's tables: caseload (households and persons by
// status), costs (by kind of line, with the run's and a year's), regions
// and areas, changes (winners, losers, cliffs, no effect) and deciles.
func (r *Report) Tables() []Table {
	caseload := Table{Name: "caseload", Header: []string{"scenario", "month", "status", "households", "persons", "households_unweighted"}}
	costs := Table{Name: "costs", Header: []string{"scenario", "month", "total", "gap", "supplements", "single_person", "gradual_exit", "price_subsidy", "tekun", "members_alone", "failed"}}
	regions := Table{Name: "regions", Header: []string{"scenario", "month", "region", "name", "households", "persons", "recipients", "cost"}}
	changes := Table{Name: "changes", Header: []string{"scenario", "run_cost", "annual_cost", "changed", "no_effect", "winners", "losers", "mean_gain", "mean_loss", "cliff_dibao_to_edge", "cliff_edge_to_dibao"}}
	deciles := Table{Name: "deciles", Header: []string{"scenario", "decile", "households", "weight", "income_from", "income_to", "mean_change"}}
	for _, s := range r.Scenarios {
		for m, mr := range s.Months {
			month := r.monthLabel(m)
			for i, st := range Statuses() {
				caseload.Rows = append(caseload.Rows, []string{s.Name, month, st.String(), mr.Households[i].String(), mr.Persons[i].String(), strconv.Itoa(mr.Count[i])})
			}
			c := &mr.Cost
			costs.Rows = append(costs.Rows, []string{s.Name, month, c.Total.Display(), c.Gap.Display(), c.Supplements.Display(), c.SinglePerson.Display(),
				c.GradualExit.Display(), c.PriceSubsidy.Display(), c.Tekun.Display(), mr.Alone.String(), strconv.Itoa(mr.Failed)})
			for _, g := range mr.Regions {
				regions.Rows = append(regions.Rows, []string{s.Name, month, g.Region.String(), r.divisions.Name(g.Region), g.Households.String(), g.Persons.String(), g.Recipients.String(), g.Cost.Display()})
			}
			for _, a := range []struct {
				code string
				g    *Group
			}{{"urban", &mr.Urban}, {"rural", &mr.Rural}} {
				regions.Rows = append(regions.Rows, []string{s.Name, month, a.code, "", a.g.Households.String(), a.g.Persons.String(), a.g.Recipients.String(), a.g.Cost.Display()})
			}
		}
		row := []string{s.Name, s.RunCost.Display(), s.Annual.Display(), "", "", "", "", "", "", "", ""}
		if ch := s.Change; ch != nil {
			row = []string{s.Name, s.RunCost.Display(), s.Annual.Display(), ch.Changed.String(), strconv.FormatBool(ch.NoEffect), ch.Winners.String(), ch.Losers.String(),
				ch.MeanGain, ch.MeanLoss, ch.CliffDown.String(), ch.CliffUp.String()}
			for _, d := range ch.Deciles {
				deciles.Rows = append(deciles.Rows, []string{s.Name, strconv.Itoa(d.Number), strconv.Itoa(d.Households), d.Weight.String(), d.From.Display(), d.To.Display(), d.Mean})
			}
		}
		changes.Rows = append(changes.Rows, row)
	}
	return []Table{caseload, costs, regions, changes, deciles}
}

// WriteJSON writes the report as JSON: weighted counts exactly, money in
// yuan with two decimals and, beside, exactly ("exact": a decimal or a
// fraction of yuan).
func (r *Report) WriteJSON(w io.Writer) error {
	type money2 struct {
		Yuan  string `json:"yuan"`
		Exact string `json:"exact"`
	}
	mon := func(t money.WeightedTotal) money2 { return money2{t.Display(), ratString(t)} }
	type group struct {
		Region     string `json:"region,omitempty"`
		Name       string `json:"name,omitempty"`
		Households string `json:"households"`
		Persons    string `json:"persons"`
		Recipients string `json:"recipients"`
		Cost       money2 `json:"cost"`
	}
	grp := func(g *Group, named bool) group {
		out := group{Households: g.Households.String(), Persons: g.Persons.String(), Recipients: g.Recipients.String(), Cost: mon(g.Cost)}
		if named {
			out.Region, out.Name = g.Region.String(), r.divisions.Name(g.Region)
		}
		return out
	}
	type month struct {
		Month      string                       `json:"month"`
		Failed     int                          `json:"failed"`
		Households map[string]string            `json:"households"`
		Persons    map[string]string            `json:"persons"`
		Unweighted map[string]int               `json:"households_unweighted"`
		Alone      string                       `json:"members_alone"`
		Cost       map[string]money2            `json:"cost"`
		Regions    []group                      `json:"regions"`
		Areas      map[string]group             `json:"areas"`
		Labels     map[string]map[string]string `json:"status_labels"`
	}
	type decile struct {
		Decile     int    `json:"decile"`
		Households int    `json:"households"`
		Weight     string `json:"weight"`
		From       string `json:"income_from"`
		To         string `json:"income_to"`
		Change     money2 `json:"change"`
		Mean       string `json:"mean_change"`
	}
	type change struct {
		Changed      string   `json:"changed"`
		ChangedCount int      `json:"changed_unweighted"`
		NoEffect     bool     `json:"no_effect"`
		Winners      string   `json:"winners"`
		Losers       string   `json:"losers"`
		WinnersCount int      `json:"winners_unweighted"`
		LosersCount  int      `json:"losers_unweighted"`
		Gain         money2   `json:"gain"`
		Loss         money2   `json:"loss"`
		MeanGain     string   `json:"mean_gain"`
		MeanLoss     string   `json:"mean_loss"`
		CliffDown    string   `json:"cliff_dibao_to_edge"`
		CliffUp      string   `json:"cliff_edge_to_dibao"`
		Deciles      []decile `json:"deciles,omitempty"`
	}
	type scenario struct {
		Name     string  `json:"name"`
		Standard string  `json:"standards"`
		RunCost  money2  `json:"run_cost"`
		Annual   money2  `json:"annual_cost"`
		Months   []month `json:"months"`
		Change   *change `json:"change,omitempty"`
	}
	type failure struct {
		Household string `json:"household"`
		Line      int    `json:"line,omitempty"`
		Scenario  string `json:"scenario,omitempty"`
		Month     string `json:"month,omitempty"`
		Problems  string `json:"problems"`
	}
	doc := struct {
		Households int        `json:"households"`
		Failed     int        `json:"failed"`
		Failures   []failure  `json:"failures,omitempty"`
		Scenarios  []scenario `json:"scenarios"`
	}{Households: r.Households, Failed: r.Failed}
	for _, f := range r.Failures {
		x := failure{Household: f.Household, Line: f.Line, Problems: f.Err.Error()}
		if f.Scenario >= 0 {
			x.Scenario, x.Month = r.Scenarios[f.Scenario].Name, r.monthLabel(f.Month)
		}
		doc.Failures = append(doc.Failures, x)
	}
	for _, s := range r.Scenarios {
		sc := scenario{Name: s.Name, Standard: s.Standard, RunCost: mon(s.RunCost), Annual: mon(s.Annual)}
		for m := range s.Months {
			mr := &s.Months[m]
			mo := month{Month: r.monthLabel(m), Failed: mr.Failed, Households: map[string]string{}, Persons: map[string]string{},
				Unweighted: map[string]int{}, Alone: mr.Alone.String(), Labels: map[string]map[string]string{},
				Cost: map[string]money2{"total": mon(mr.Cost.Total), "gap": mon(mr.Cost.Gap), "supplements": mon(mr.Cost.Supplements),
					"single_person": mon(mr.Cost.SinglePerson), "gradual_exit": mon(mr.Cost.GradualExit), "price_subsidy": mon(mr.Cost.PriceSubsidy), "tekun": mon(mr.Cost.Tekun)},
				Areas: map[string]group{"urban": grp(&mr.Urban, false), "rural": grp(&mr.Rural, false)}}
			for i, st := range Statuses() {
				mo.Households[st.String()] = mr.Households[i].String()
				mo.Persons[st.String()] = mr.Persons[i].String()
				mo.Unweighted[st.String()] = mr.Count[i]
				mo.Labels[st.String()] = map[string]string{"zh": explain.Words(st.Label(), true), "en": explain.Words(st.Label(), false)}
			}
			for i := range mr.Regions {
				mo.Regions = append(mo.Regions, grp(&mr.Regions[i], true))
			}
			sc.Months = append(sc.Months, mo)
		}
		if ch := s.Change; ch != nil {
			c := &change{Changed: ch.Changed.String(), ChangedCount: ch.ChangedCount, NoEffect: ch.NoEffect, Winners: ch.Winners.String(),
				Losers: ch.Losers.String(), WinnersCount: ch.WinnersCount, LosersCount: ch.LosersCount, Gain: mon(ch.Gain), Loss: mon(ch.Loss),
				MeanGain: ch.MeanGain, MeanLoss: ch.MeanLoss, CliffDown: ch.CliffDown.String(), CliffUp: ch.CliffUp.String()}
			for _, d := range ch.Deciles {
				c.Deciles = append(c.Deciles, decile{d.Number, d.Households, d.Weight.String(), d.From.Display(), d.To.Display(), mon(d.Change), d.Mean})
			}
			sc.Change = c
		}
		doc.Scenarios = append(doc.Scenarios, sc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// ratString writes a weighted total in yuan exactly: a decimal when it has
// a finite one, else the fraction.
func ratString(t money.WeightedTotal) string {
	q := t.Rat()
	if s, exact := q.FloatPrec(); exact {
		return q.FloatString(s)
	}
	return q.RatString()
}

// HouseholdHeader returns the header of the per-household CSV (a new slice
// each time): a row per household and month of the scenario chosen, with
// the baseline's status and total of the month and the difference.
func HouseholdHeader() []string {
	return []string{"household", "weight", "date", "status", "total", "gap", "supplements", "single_person", "gradual_exit",
		"price_subsidy", "tekun", "members_alone", "baseline_status", "baseline_total", "change"}
}

type householdWriter struct{ w *bufio.Writer }

func newHouseholdWriter(w io.Writer) (*householdWriter, error) {
	hw := &householdWriter{bufio.NewWriterSize(w, 64<<10)}
	cw := csv.NewWriter(hw.w)
	if err := cw.Write(HouseholdHeader()); err != nil {
		return nil, err
	}
	cw.Flush()
	return hw, cw.Error()
}

func (hw *householdWriter) write(b []byte) error { _, err := hw.w.Write(b); return err }
func (hw *householdWriter) flush() error         { return hw.w.Flush() }

// appendHousehold appends one household's row for month m of scenario s.
func appendHousehold(b, key []byte, w money.Rate, date standards.Date, f *payment.Figures, s int, sl *slot, m int) []byte {
	if !utf8.Valid(key) { // a key given so: the report stays UTF-8
		key = bytes.ToValidUTF8(key, []byte("\uFFFD"))
	}
	b = appendCell(b, key)
	b = append(b, ',')
	b = w.AppendTo(b)
	b = append(b, ',')
	if !date.IsZero() {
		b = date.AppendTo(b)
	}
	b = append(b, ',')
	b = append(b, f.Status.String()...)
	for _, a := range []money.Amount{f.Total, f.Gap, f.Supplements, f.SinglePerson, f.GradualExit, f.PriceSubsidy, f.Tekun} {
		b = append(b, ',')
		b = a.AppendDisplay(b)
	}
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(f.Alone), 10)
	base := f
	if s > 0 {
		if m >= len(sl.baseBuf) || !sl.baseOK[m] {
			return append(b, ",,,\n"...) // the baseline could not decide the month
		}
		base = &sl.baseBuf[m]
	}
	b = append(b, ',')
	b = append(b, base.Status.String()...)
	b = append(b, ',')
	b = base.Total.AppendDisplay(b)
	b = append(b, ',')
	d, _ := f.Total.Sub(base.Total) // two monthly totals: in range
	b = d.AppendDisplay(b)
	return append(b, '\n')
}

// appendCell appends a CSV cell, quoted when it needs to be.
func appendCell(b, v []byte) []byte {
	quote := false
	for _, c := range v {
		if c == ',' || c == '"' || c == '\n' || c == '\r' {
			quote = true
			break
		}
	}
	if !quote {
		return append(b, v...)
	}
	b = append(b, '"')
	for _, c := range v {
		if c == '"' {
			b = append(b, '"')
		}
		b = append(b, c)
	}
	return append(b, '"')
}
