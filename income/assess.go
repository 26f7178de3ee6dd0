package income

import (
	"strings"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/internal/enum"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Options adjusts an assessment. The zero value records no explanation.
type Options struct {
	// Explain records an explanation step for every figure (Assessment.Steps).
	// Figures are the same with or without it.
	Explain bool
	// KnownOn, when set, looks standards up as known on that date (see
	// standards.Query), to redo a past assessment exactly as it was made.
	KnownOn standards.Date
}

// Treatment says how an income line enters the countable income.
type Treatment uint8

// Treatments.
const (
	Counted             Treatment = iota // added to countable income
	Excluded                             // not counted (an excluded kind)
	SupportPaid                          // support paid to relatives, deducted (R12)
	EmploymentDeduction                  // employment-cost deduction (R13), deducted
	CaregiverReduction                   // the uncounted share of a caregiver's labour income (R14), deducted
)

var treatmentNames = enum.New[Treatment]("treatment", "counted", "excluded", "support_paid", "employment_deduction", "caregiver_reduction")

// String returns the treatment's name.
func (t Treatment) String() string { return treatmentNames.String(t) }

// MarshalText returns the name.
func (t Treatment) MarshalText() ([]byte, error) { return treatmentNames.Marshal(t) }

// UnmarshalText reads a name.
func (t *Treatment) UnmarshalText(b []byte) error { return treatmentNames.Unmarshal(b, t) }

// Line is one line of the assessment: an income item converted to its
// monthly average, or a deduction.
type Line struct {
	Member    int                  // index into the household's members
	Item      int                  // index into the member's incomes; −1 for a deduction line
	Kind      standards.IncomeKind // the item's kind; wage for the deduction lines
	Treatment Treatment
	Verified  bool // the item is verified (deduction lines: true)
	// Monthly is the line's monthly amount as it enters the countable income
	// when every item counts: positive for counted items, negative for
	// deductions; for excluded items, the item's monthly amount (which does
	// not enter the total).
	Monthly money.Amount
	// MonthlyVerified is the same when only verified items count.
	MonthlyVerified money.Amount
}

// MemberTotal is one member's share of the countable income.
type MemberTotal struct {
	ID                string
	Countable         money.Amount // the member's lines, every item counted
	CountableVerified money.Amount // the member's lines, verified items only
	// Exempted is the monthly support received that a case-level exemption
	// (Income.ExemptFrom) may leave out of the member's own income when the
	// member is assessed alone under 黑民规〔2023〕1号; it is inside Countable.
	Exempted, ExemptedVerified money.Amount
}

// Assessment is the result of assessing a household's income on a date.
type Assessment struct {
	Date       standards.Date // the assessment date
	WindowFrom standards.Date // first day of the 12 months averaged
	WindowTo   standards.Date // last day (the end of the month before the assessment month)
	Region     standards.Region
	Area       standards.Area
	Size       int // members

	Lines   []Line
	Members []MemberTotal

	// Household monthly figures, every item counted (verified or not).
	Gross               money.Amount // counted items
	Excluded            money.Amount // excluded items (not in Countable)
	SupportPaid         money.Amount // support paid, deducted
	EmploymentDeduction money.Amount // R13 deductions
	CaregiverReduction  money.Amount // R14 reductions
	// Countable = Gross − SupportPaid − EmploymentDeduction − CaregiverReduction,
	// but never below 0 (Floored says when it was).
	Countable money.Amount
	Floored   bool
	// CountableVerified is the countable income when only verified items
	// count: what R11 lets a decision to reduce or stop a benefit rest on.
	CountableVerified money.Amount
	// Suspected reports that some item is an unverified suspicion (疑点).
	Suspected bool

	// PerCapita is Countable ÷ Size rounded by the Set's per-capita display
	// rule, for display only (HasPerCapita false when the Set declares
	// none): thresholds compare Countable with standard × Size, never this.
	PerCapita    money.Amount
	HasPerCapita bool

	// Steps explain every figure, when recorded.
	Steps []explain.Step
}

// Assess assesses a household's countable monthly income on date, with the
// standards of set. Bad input is a *problem.Error (ErrInvalid) listing
// every problem; a standard the Set lacks is a *problem.Error
// (ErrNotCovered) naming the field that needed it.
func Assess(h *Household, set *standards.Set, date standards.Date, opts Options) (*Assessment, error) {
	var a Assessor
	res, err := a.Assess(h, set, date, opts)
	if err != nil {
		return nil, err
	}
	out := *res
	out.Steps = explain.Clone(res.Steps)
	return &out, nil
}

// AssessJSON decodes a household (see DecodeHousehold) and assesses it, with
// every input problem — those that need the date too — in one error.
func AssessJSON(data []byte, set *standards.Set, date standards.Date, opts Options) (*Assessment, error) {
	h, err := decodeHousehold(data, date)
	if err != nil {
		var p report.List
		if date.IsZero() {
			p.Add("date", report.MsgRequired)
		}
		if set == nil {
			p.Add("standards", report.MsgRequired)
		}
		if p.AddFrom(err) {
			return nil, p.Err(problem.SubjectHousehold)
		}
		return nil, err
	}
	return Assess(&h, set, date, opts)
}

// IDs are a household's member IDs, by member index.
type IDs []string

// MemberIDs returns the IDs of h's members as given, checked or not: what
// a request's own checks need to resolve references to members when the
// household has problems of its own.
func (h *Household) MemberIDs() IDs {
	x := make(IDs, len(h.Members))
	for i := range h.Members {
		x[i] = h.Members[i].ID
	}
	return x
}

// Assessor assesses households one after another, reusing its buffers. Not
// safe for concurrent use; the *Assessment it returns is overwritten by the
// next call.
type Assessor struct {
	c   Compact
	p   report.List
	rec explain.Recorder
	res Assessment
	ids []string
}

// Assess validates and assesses a general household (compiling a plan).
func (a *Assessor) Assess(h *Household, set *standards.Set, date standards.Date, opts Options) (*Assessment, error) {
	a.p.Reset()
	if set == nil {
		a.p.Add("standards", report.MsgRequired)
	}
	if date.IsZero() {
		a.p.Add("date", report.MsgRequired)
	}
	if h == nil {
		a.p.Add("household", report.MsgRequired)
		return nil, a.p.Err(problem.SubjectHousehold)
	}
	checkDate(date, "date", &a.p)
	x := h.compact(&a.c, &a.p)
	validate(&a.c, x, date, &a.p) // a zero date skips only the checks that need one
	if err := a.p.Err(problem.SubjectHousehold); err != nil {
		return nil, err
	}
	pl, err := NewPlan(set, h.Region, h.Area, date, opts.KnownOn, WagesOn(set, date, opts.KnownOn, standards.Region{}))
	if err != nil {
		return nil, NotCovered("region", err)
	}
	var rec *explain.Recorder
	if opts.Explain {
		rec = &a.rec
		rec.Reset()
	}
	return a.AssessCompact(pl, &a.c, x, date, rec)
}

// AssessCompact assesses a validated compact household on a plan compiled
// for its region, area and date, recording steps into rec (nil records
// nothing). With rec nil and the buffers warm it allocates nothing. A form
// that did not pass validation and cannot be read is refused with
// CheckCompact's problems.
func (a *Assessor) AssessCompact(pl *Plan, c *Compact, ids IDs, date standards.Date, rec *explain.Recorder) (*Assessment, error) {
	a.p.Reset()
	if !checkCompact(c, &a.p) {
		return nil, a.p.Err(problem.SubjectHousehold) // bad input, not missing standards
	}
	run(&a.res, pl, c, ids, date, rec, &a.p)
	if a.p.Len() > 0 {
		return nil, a.p.Outcome(problem.SubjectHousehold)
	}
	return &a.res, nil
}

// NotCovered turns a standards error into a not-covered *problem.Error at
// path — or, for a region the division register does not hold, an invalid
// one (unknown_region); other errors are returned as they are.
func NotCovered(path string, err error) error {
	var p report.List
	if !addNotCovered(&p, path, err) {
		return err
	}
	return p.Outcome(problem.SubjectHousehold)
}

// pair carries a figure in both scenarios: every item counted, and verified
// items only. Every figure of an assessment is bounded by the validated
// household (its monthly items add up to at most MaxMonthlyYuan), so these
// sums stay far inside money's range (TestSumsAtTheBounds).
type pair struct{ all, ver money.Amount }

func add(a, b money.Amount) money.Amount { s, _ := a.Add(b); return s }
func sub(a, b money.Amount) money.Amount { s, _ := a.Sub(b); return s }

func (p *pair) add(q pair) { p.all, p.ver = add(p.all, q.all), add(p.ver, q.ver) }
func (p *pair) sub(q pair) { p.all, p.ver = sub(p.all, q.all), sub(p.ver, q.ver) }

// run is the assessment: one pass over the members and their items.
func run(r *Assessment, pl *Plan, c *Compact, ids IDs, date standards.Date, rec *explain.Recorder, p *report.List) {
	lines, members := r.Lines[:0], r.Members[:0]
	*r = Assessment{Date: date, Region: c.Region, Area: c.Area, Size: c.N}
	first := date.FirstOfMonth()
	r.WindowFrom, r.WindowTo = first.AddMonths(-12), first.AddDays(-1)
	rec.Add(explain.StepWindow, "", explain.Date("from", r.WindowFrom), explain.Date("to", r.WindowTo))
	if c.Registration == RegistrationResidence {
		rec.Add(explain.StepResidence, "", explain.Region("region", c.Region, pl.Set.Divisions().Name(c.Region)))
	}
	if pl.excludedErr != nil && len(c.Items) > 0 {
		// Needed only to sort income items: a household without any needs
		// no list of excluded kinds.
		addNotCovered(p, "region", pl.excludedErr)
		return
	}
	var counted, paid, ded, red pair
	for i := 0; i < c.N; i++ {
		m := &c.Members[i]
		var mem, wage, labour, exempt pair
		for j, in := range c.Items[m.First:m.End] {
			monthly, _ := in.Amount.QuoInt(Period{Unit: in.Unit}.divisor()) // exact: whole fen ÷ 1 or 12
			verified := in.Verification == Verified
			r.Suspected = r.Suspected || !verified
			v := pair{all: monthly}
			if verified {
				v.ver = monthly
			}
			line := Line{Member: i, Item: j, Kind: in.Kind, Verified: verified}
			switch {
			case pl.excluded[in.Kind]:
				line.Treatment = Excluded
				r.Excluded = add(r.Excluded, monthly)
			case in.Kind == standards.IncomeSupportPaid:
				line.Treatment = SupportPaid
				paid.add(v)
				mem.sub(v)
				v = pair{v.all.Neg(), v.ver.Neg()}
			default:
				line.Treatment = Counted
				counted.add(v)
				mem.add(v)
				if in.Kind == standards.IncomeWage {
					wage.add(v)
				}
				if in.Kind.Labour() {
					labour.add(v)
				}
				if in.ExemptFrom != GiverNone {
					exempt.add(v)
				}
			}
			line.Monthly, line.MonthlyVerified = v.all, v.ver
			lines = append(lines, line)
			if rec != nil {
				recordItem(rec, pl, idOf(ids, i), &in, monthly, line.Treatment)
			}
		}

		// R13: employment-cost deduction, at most the member's wage income.
		if wage.all.Sign() > 0 {
			if pl.monthsErr != nil {
				addNotCovered(p, "region", pl.monthsErr)
				return
			}
			w, state, err := pl.Wages.At(m.Workplace)
			switch {
			case state == wageAmbiguous:
				p.Add(memberPath(i, "workplace"), report.MsgWorkplaceAmbiguous, report.Str("region", m.Workplace.String()), dateArg("date", date))
				return
			case err != nil || w == nil:
				if err == nil {
					err = &standards.LookupError{Key: standards.ParamMinimumWageTier, Region: m.Workplace, Date: date}
				}
				addNotCovered(p, memberPath(i, "workplace"), err)
				return
			}
			full := EmploymentCost(w.Monthly, pl.months)
			d := pair{all: money.Min(full, wage.all), ver: money.Min(full, money.Max(wage.ver, money.Zero))}
			ded.add(d)
			mem.sub(d)
			labour.sub(d)
			lines = append(lines, Line{Member: i, Item: -1, Kind: standards.IncomeWage, Treatment: EmploymentDeduction,
				Verified: true, Monthly: d.all.Neg(), MonthlyVerified: d.ver.Neg()})
			if rec != nil {
				st := rec.Add(explain.StepEmploymentDeduction, idOf(ids, i), explain.Count("months", int(pl.months)),
					explain.Region("place", m.Workplace, pl.Set.Divisions().Name(m.Workplace)), explain.Count("tier", w.Tier.V),
					explain.Money("wage", w.Monthly), explain.Money("full", full), explain.Money("wages", wage.all), explain.Money("deducted", d.all))
				// The wage table's row of the place's tier is the value used.
				row := standards.MinimumWage{Tiers: []standards.WageRate{{Tier: w.Tier.V, Monthly: w.Monthly}}}
				if r, ok := w.Table.V.Tier(w.Tier.V); ok {
					row.Tiers[0] = r
				}
				st.Params = rec.Params(explain.ParamOf(pl.MonthsV), explain.ParamOf(w.Tier),
					explain.Param{Key: standards.ParamMinimumWage, Value: row, Provenance: w.Table.Provenance})
			}
		}

		// R14: a caregiver's labour income counts at the factor.
		if m.CaresFor != 0 && m.Labour.CanWork() && (labour.all.Sign() > 0 || labour.ver.Sign() > 0) {
			factor, fromCase := c.CaregiverFactor, c.HasCaregiverFactor
			if !fromCase {
				if pl.factorErr != nil {
					p.Add(memberPath(i, "cares_for"), report.MsgCaregiverFactorMissing)
					return
				}
				factor = pl.factor
			}
			// The uncounted share (1 − factor) of a figure on the 12-month
			// grid, for a factor of two decimals, is exact on the grid.
			rest := money.One.Sub(factor)
			cr := pair{}
			cr.all, _ = money.Max(labour.all, money.Zero).MulRate(rest)
			cr.ver, _ = money.Max(labour.ver, money.Zero).MulRate(rest)
			red.add(cr)
			mem.sub(cr)
			lines = append(lines, Line{Member: i, Item: -1, Kind: standards.IncomeWage, Treatment: CaregiverReduction,
				Verified: true, Monthly: cr.all.Neg(), MonthlyVerified: cr.ver.Neg()})
			if rec != nil {
				st := rec.Add(explain.StepCaregiver, idOf(ids, i), explain.Text("cared", caredFor(ids, m.CaresFor)),
					explain.Money("labour", labour.all), explain.Percent("factor", factor), explain.Money("reduction", cr.all))
				if fromCase {
					st.Params = rec.Params(explain.Param{Key: standards.ParamCaregiverIncomeFactor, Value: factor, CaseLevel: true})
				} else {
					st.Params = rec.Params(explain.ParamOf(pl.FactorV))
				}
			}
		}
		members = append(members, MemberTotal{ID: idOf(ids, i), Countable: mem.all, CountableVerified: mem.ver,
			Exempted: exempt.all, ExemptedVerified: exempt.ver})
	}

	r.Gross, r.SupportPaid, r.EmploymentDeduction, r.CaregiverReduction = counted.all, paid.all, ded.all, red.all
	total := counted
	total.sub(paid)
	total.sub(ded)
	total.sub(red)
	raw := total.all
	if total.all.Sign() < 0 {
		r.Floored, total.all = true, money.Zero
	}
	r.Countable = total.all
	r.CountableVerified = money.Max(total.ver, money.Zero)
	if pl.hasCountableRule {
		// A locality's own practice: the figures tested, rounded as it
		// declares (within range: the household's income is bounded).
		before := r.Countable
		r.Countable, _ = r.Countable.Round(pl.CountableRuleV.V)
		r.CountableVerified, _ = r.CountableVerified.Round(pl.CountableRuleV.V)
		for i := range members {
			members[i].Countable, _ = members[i].Countable.Round(pl.CountableRuleV.V)
			members[i].CountableVerified, _ = members[i].CountableVerified.Round(pl.CountableRuleV.V)
		}
		if rec != nil && before != r.Countable {
			st := rec.Add(explain.StepCountableRounded, "", explain.Money("raw", before), explain.Money("rounded", r.Countable))
			st.Params = rec.Params(explain.ParamOf(pl.CountableRuleV))
		}
	}
	if pl.hasPerCapita {
		r.PerCapita, _ = r.Countable.QuoRound(int64(r.Size), pl.perCapita)
		r.HasPerCapita = true
	}
	r.Lines, r.Members = lines, members
	if rec != nil {
		code := explain.StepTotal
		if !addsUpShown(raw, r.Gross, r.SupportPaid, r.EmploymentDeduction, r.CaregiverReduction) {
			code = explain.StepTotalShown
		}
		rec.Add(code, "", explain.Money("gross", r.Gross), explain.Money("paid", r.SupportPaid),
			explain.Money("deductions", r.EmploymentDeduction), explain.Money("reductions", r.CaregiverReduction), explain.Money("total", raw))
		if r.Floored {
			rec.Add(explain.StepFloor, "", explain.Money("raw", raw))
		}
		if r.Suspected {
			rec.Add(explain.StepTotalVerified, "", explain.Money("total", r.CountableVerified))
		}
		if r.HasPerCapita {
			st := rec.Add(explain.StepPerCapita, "", explain.Money("countable", r.Countable), explain.Count("members", r.Size),
				explain.Money("per_capita", r.PerCapita))
			st.Params = rec.Params(explain.ParamOf(pl.PerCapitaV))
		} else {
			pc, _ := r.Countable.QuoRound(int64(r.Size), money.Rule{Unit: money.UnitFen, Mode: money.ModeHalfUp})
			rec.Add(explain.StepPerCapitaExact, "", explain.Money("countable", r.Countable), explain.Count("members", r.Size),
				explain.Money("per_capita", pc))
		}
		r.Steps = rec.Steps()
	}
}

func idOf(x IDs, i int) string {
	if i < len(x) {
		return x[i]
	}
	return "#" + itoa(i+1)
}

func caredFor(x IDs, mask uint64) string {
	var parts []string
	for k := 0; k < 64; k++ {
		if mask&(1<<uint(k)) != 0 {
			parts = append(parts, idOf(x, k))
		}
	}
	return strings.Join(parts, ", ")
}

// recordItem records the step of one income item.
func recordItem(rec *explain.Recorder, pl *Plan, member string, in *CompactIncome, monthly money.Amount, t Treatment) {
	var codes [3]explain.Code // monthly, annual, total
	switch {
	case t == Excluded:
		codes = [3]explain.Code{explain.StepExcludedMonthly, explain.StepExcludedAnnual, explain.StepExcludedTotal}
	case in.Kind == standards.IncomeSupportPaid:
		codes = [3]explain.Code{explain.StepSupportPaidMonthly, explain.StepSupportPaidAnnual, explain.StepSupportPaidTotal}
	case in.Kind == standards.IncomeSupportReceived:
		codes = [3]explain.Code{explain.StepSupportReceivedMonthly, explain.StepSupportReceivedAnnual, explain.StepSupportReceivedTotal}
	default:
		codes = [3]explain.Code{explain.StepCountedMonthly, explain.StepCountedAnnual, explain.StepCountedTotal}
	}
	code := codes[0]
	switch in.Unit {
	case PerYear:
		code = codes[1]
	case PerTotal:
		code = codes[2]
		if code == explain.StepCountedTotal && in.Months > 0 {
			code = explain.StepCountedTotalMonths
		}
	}
	kind := explain.Label("kind", explain.Code("income."+in.Kind.String()))
	var st *explain.Step
	switch {
	case code == explain.StepCountedTotalMonths:
		st = rec.Add(code, member, kind, explain.Money("amount", in.Amount), explain.Money("monthly", monthly), explain.Count("months", int(in.Months)))
	case in.Kind == standards.IncomeSupportPaid || in.Kind == standards.IncomeSupportReceived:
		st = rec.Add(code, member, kind, explain.Money("amount", in.Amount), explain.Money("monthly", monthly),
			explain.Label("basis", explain.Code("basis."+in.Basis.String())))
	default:
		st = rec.Add(code, member, kind, explain.Money("amount", in.Amount), explain.Money("monthly", monthly))
	}
	if t == Excluded {
		st.Cite = explain.CitationOf(pl.ExcludedV.Provenance)
		st.Params = rec.Params(explain.ParamOf(pl.ExcludedV))
	}
	if in.Verification == Suspected {
		rec.Add(explain.StepSuspected, member, kind)
	}
}

// addNotCovered records a standards error as a problem at path (see
// standards.ProblemOf), reporting whether it could.
func addNotCovered(p *report.List, path string, err error) bool {
	pr, ok := standards.ProblemOf(err, path)
	if ok {
		p.AddProblem(pr)
	}
	return ok
}

// addsUpShown reports whether gross − the others equals total when every
// figure is taken as an explanation shows it, to the fen (half up): when
// not, the explanation says the total is computed exactly.
func addsUpShown(total, gross money.Amount, less ...money.Amount) bool {
	sum := gross.Shown()
	for _, a := range less {
		sum, _ = sum.Sub(a.Shown()) // whole fen within an assessment's bounds
	}
	return sum == total.Shown()
}
