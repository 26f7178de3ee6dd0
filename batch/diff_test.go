package batch_test

import (
	"testing"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
)

// household is the general form of a compact household (the tests' forms
// are all readable).
func household(c *income.Compact, ids income.IDs) *income.Household {
	h, err := c.Household(ids)
	if err != nil {
		panic(err)
	}
	return &h
}

// differ decides every household of pop through the batch engine and
// through payment.Decide on the household's general form, and reports each
// disagreement: status, total and the sum of every kind of line — or the
// error.
func differ(t testing.TB, set *standards.Set, pop *batch.Population, opts batch.Options) {
	t.Helper()
	out := make([]batch.Result, pop.Len())
	batch.New(set, opts).Decide(pop, out)
	var view income.Compact
	bad := 0
	for i := 0; i < pop.Len() && bad < 20; i++ {
		ids, c := pop.View(i, &view)
		req := payment.Request{Request: eligibility.Request{Household: household(&view, ids), Date: c.Date,
			Current: eligibility.Current{Status: c.Status, MonthlyAmount: c.MonthlyAmount, GradualExitEnd: c.GradualExitEnd}},
			Method: opts.Method, Prices: opts.Prices}
		req.Options.KnownOn = opts.KnownOn
		d, err := payment.Decide(req, set)
		got := out[i]
		switch {
		case err != nil || got.Err != nil:
			if (err == nil) != (got.Err == nil) || err.Error() != got.Err.Error() {
				t.Errorf("household %d: Decide %v; batch %v", i, err, got.Err)
				bad++
			}
			continue
		}
		if want := payment.FiguresOf(d); want != got.Figures {
			t.Errorf("household %d:\n Decide %+v\n batch  %+v", i, want, got.Figures)
			bad++
		}
	}
}

// The batch engine — its fast path and its general path — and Decide agree
// on every household of populations that exercise every rule.
func TestBatchAgreesWithDecide(t *testing.T) {
	set := benchSet(t)
	n := 3000
	if testing.Short() {
		n = 600
	}
	for _, tc := range []struct {
		name   string
		common bool
		date   string
		opts   batch.Options
	}{
		{"every rule, 2023", false, "2023-06-01", batch.Options{}},
		{"the common rules, 2023", true, "2023-06-01", batch.Options{}},
		{"every rule, 2024 wages and county standards", false, "2024-07-01", batch.Options{}},
		{"every rule, before 2024 wages", false, "2024-04-30", batch.Options{}},
		{"with price indices", false, "2023-06-01", batch.Options{Prices: &payment.Prices{Month: standards.MustParseDate("2023-06-01"),
			CPI: money.MustRate("0.036"), HasCPI: true}}},
		{"known on before publication", false, "2023-06-01", batch.Options{KnownOn: standards.MustParseDate("2023-06-01")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pop, err := batch.Synthesize(n, batch.SynthOptions{Seed: 7, Date: standards.MustParseDate(tc.date), Common: tc.common})
			if err != nil {
				t.Fatal(err)
			}
			differ(t, set, pop, tc.opts)
		})
	}
	// With the local settings the common path cannot take.
	local := localSettings(t, set)
	pop, err := batch.Synthesize(n, batch.SynthOptions{Seed: 11, Date: standards.MustParseDate("2023-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("local settings", func(t *testing.T) { differ(t, local, pop, batch.Options{}) })
	// Districts that count 老年人 from 75, beside others at 60: a worker
	// keeps the age days of one plan's rules, not of the last date only.
	ages, err := set.Apply(standards.Reform{Name: "ages", From: standards.MustParseDate("2021-01-01"), Changes: []standards.Change{
		standards.ChangeTo(standards.ParamElderlyAge, 75).In(standards.MustRegion("230102"), standards.MustRegion("230104"),
			standards.MustRegion("230109"), standards.MustRegion("230123"))}})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("elderly ages by district", func(t *testing.T) { differ(t, ages, pop, batch.Options{}) })
}

// localSettings is set with settings the common path cannot take:
// property limits, rigid expenditure, supplements summed.
func localSettings(t *testing.T, set *standards.Set) *standards.Set {
	t.Helper()
	local, err := set.Apply(standards.Reform{Name: "local", From: standards.MustParseDate("2021-01-01"), Changes: []standards.Change{
		standards.ChangeTo(standards.ParamPropertyLimits, standards.PropertyLimits{
			Dibao: standards.PropertyLimit{FinancialAssetsMonths: money.MustRate("24"), MaxDwellings: 1}, HasDibao: true,
			Edge: standards.PropertyLimit{FinancialAssetsMonths: money.MustRate("36"), MaxDwellings: 1, VehiclesAllowed: true}, HasEdge: true,
			Tekun: standards.PropertyLimit{FinancialAssetsMonths: money.MustRate("24"), MaxDwellings: 1}, HasTekun: true}),
		standards.ChangeTo(standards.ParamRigidExpenditureDeduction, true),
		standards.ChangeTo(standards.ParamSupplementStacking, standards.StackingSum),
	}})
	if err != nil {
		t.Fatal(err)
	}
	return local
}

// boundaries builds, from the first households of pop, households whose
// countable income lands exactly on the 低保 line and on each edge band's
// threshold, and 1 fen either side: an extra monthly income for the
// applicant makes up the difference where it is a whole number of fen.
func boundaries(t *testing.T, set *standards.Set, pop *batch.Population, max int) *batch.Population {
	t.Helper()
	out := &batch.Population{}
	var view, c income.Compact
	fen := money.MustParse("0.01")
	for i := 0; i < pop.Len() && i < max; i++ {
		ids, cs := pop.View(i, &view)
		h := household(&view, ids)
		d, err := payment.Decide(payment.Request{Request: eligibility.Request{Household: h, Date: cs.Date,
			Current: eligibility.Current{Status: cs.Status, MonthlyAmount: cs.MonthlyAmount, GradualExitEnd: cs.GradualExitEnd}}}, set)
		if err != nil {
			continue
		}
		cls := d.Classification
		targets := []money.Amount{cls.Line}
		for _, b := range cls.Bands {
			targets = append(targets, b.Threshold)
		}
		for _, target := range targets {
			for _, delta := range []money.Amount{fen.Neg(), money.Zero, fen} {
				extra, _ := target.Sub(cls.Countable)
				extra, _ = extra.Add(delta)
				if extra.Sign() <= 0 || !extra.IsFen() || cls.Tested != cls.Size {
					continue
				}
				v := *h
				v.Members = append([]income.Member(nil), h.Members...)
				v.Members[0].Incomes = append(append([]income.Income(nil), h.Members[0].Incomes...),
					income.Income{Kind: standards.IncomeOther, Amount: extra, Period: income.Monthly})
				x, err := income.CompactOf(&v, &c, cs.Date)
				if err != nil {
					continue
				}
				out.Add("", &c, x, cs)
			}
		}
	}
	return out
}

// At the line, at each band's threshold and 1 fen either side, the batch
// engine and Decide still agree.
func TestBatchAgreesAtTheBoundaries(t *testing.T) {
	set := benchSet(t)
	for _, common := range []bool{true, false} {
		pop, err := batch.Synthesize(400, batch.SynthOptions{Seed: 3, Date: standards.MustParseDate("2023-06-01"), Common: common})
		if err != nil {
			t.Fatal(err)
		}
		b := boundaries(t, set, pop, 400)
		if b.Len() < 300 {
			t.Fatalf("only %d boundary households", b.Len())
		}
		differ(t, set, b, batch.Options{})
	}
}
