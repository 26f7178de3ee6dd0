package payment

import (
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// Figures is a decision in figures: the status, the monthly total and the
// sum of each kind of line.
type Figures struct {
	Status       eligibility.Status
	Total        money.Amount
	Gap          money.Amount // gap or tiered payment of the household
	Supplements  money.Amount
	SinglePerson money.Amount // 单人户 members' gaps
	GradualExit  money.Amount // the household's or members' last amounts continued
	PriceSubsidy money.Amount
	Tekun        money.Amount // 特困 basic and care
	Alone        int          // members with a standing of their own (单人户, its exit, 特困 beside others)
	// Countable is the tested members' countable income, Tested their number
	// (eligibility.Result's Countable and Tested): Countable ÷ Tested is the
	// per-capita income the 低保 test compares with the standard.
	Countable money.Amount
	Tested    int
}

// Figures decides a validated compact household on a plan, without an
// explanation, and returns its figures. Households the common rules decide
// — a new application, verified income, nobody who could be 特困 or a
// 单人户, no caregiver, gap payment, no property limits or rigid
// expenditure to test, no price subsidy or temporary assistance — take a
// fast path over the plan's flat values, without a Decision; every other
// household takes DecideCompact. The two give the same figures (the batch
// package's differential test holds them to it). Errors are DecideCompact's.
//
// The fast path does not validate: on a form that did not pass validation
// it reads nothing out of its bounds, and leaves to DecideCompact, which
// refuses it, a form whose member count, runs of items or income kinds are
// wrong; the household's other fields it does not check (validate a form
// built by hand, or check it with income.CheckCompact; batch.Population
// checks every form added to it).
func (dc *Decider) Figures(pl *Plan, hh *income.Compact, ids income.IDs, req *Request) (Figures, error) {
	var f Figures
	err := dc.FiguresInto(pl, hh, ids, req, &f)
	return f, err
}

// FiguresInto is Figures writing into out (left zero on an error), for
// loops that keep their results in place.
func (dc *Decider) FiguresInto(pl *Plan, hh *income.Compact, ids income.IDs, req *Request, out *Figures) error {
	_, err := dc.FiguresDecision(pl, hh, ids, req, out)
	return err
}

// FiguresDecision is FiguresInto that also returns the Decision when the
// household took the general path (valid until the Decider's next
// decision), and nil when it took the fast path — a new application
// decided not eligible, edge or 低保, no member with a standing of their
// own: there the figures say everything a decision would.
func (dc *Decider) FiguresDecision(pl *Plan, hh *income.Compact, ids income.IDs, req *Request, out *Figures) (*Decision, error) {
	if dc.FastFigures(pl, hh, req, out) {
		return nil, nil
	}
	return dc.GeneralFigures(pl, hh, ids, req, out)
}

// GeneralFigures decides hh on the general path (DecideCompact) into out
// and returns the Decision, as FiguresDecision does for a household the
// fast path leaves: for a loop that has tried FastFigures first and need
// not try it again. It decides any household FiguresDecision decides, with
// the same figures.
func (dc *Decider) GeneralFigures(pl *Plan, hh *income.Compact, ids income.IDs, req *Request, out *Figures) (*Decision, error) {
	d, err := dc.DecideCompact(pl, hh, ids, req, false)
	if err != nil {
		*out = Figures{}
		return nil, err
	}
	*out = FiguresOf(d)
	return d, nil
}

// FastFigures decides hh on the fast path when it takes the household, as
// FiguresDecision would, and reports false for any other household,
// leaving out as it was: GeneralFigures decides it. It reads the
// household's member count, members, items, supporter and area only — a
// batch loop can hand it a household without its property, expenditures
// or member IDs, and add them for the households it leaves. Like the fast
// path of Figures, it does not validate: hand it only validated forms.
func (dc *Decider) FastFigures(pl *Plan, hh *income.Compact, req *Request, out *Figures) bool {
	if dc.th.date != req.Date || dc.th.rules != pl.flat.ages {
		dc.th = pl.thresholds(req.Date)
	}
	return pl.fast(hh, req, &dc.th, &dc.wages, out)
}

// FiguresOf sums a decision's lines by kind.
func FiguresOf(d *Decision) Figures {
	f := Figures{Status: d.Classification.Status, Total: d.Total, Countable: d.Classification.Countable, Tested: d.Classification.Tested}
	for i := range d.Lines {
		l := &d.Lines[i]
		var to *money.Amount
		switch l.Code {
		case explain.LineGap, explain.LineTier:
			to = &f.Gap
		case explain.LineSupplement:
			to = &f.Supplements
		case explain.LineSinglePerson:
			to = &f.SinglePerson
		case explain.LineGradualExit:
			to = &f.GradualExit
		case explain.LinePriceSubsidy:
			to = &f.PriceSubsidy
		case explain.LineTekunBasic, explain.LineTekunCare:
			to = &f.Tekun
		default:
			continue
		}
		*to, _ = to.Add(l.Amount) // parts of the decision's total, in range
	}
	if d.Classification.Status != eligibility.Tekun {
		for _, m := range d.Classification.Members {
			if m.Status != eligibility.MemberNone {
				f.Alone++
			}
		}
	}
	return f
}

// fastPlan is the flat form of a plan for the fast path: what it reads
// for every household first, together (a batch of households of many
// places reads a different plan from one household to the next), then
// the lines by household size, then the eligibility plan's flat values
// (read by rare cases and when the age days are worked out).
type fastPlan struct {
	ok bool
	// hasEdge, by area class, when an edge band applies.
	hasEdge [3]bool
	// The supplement categories the fast path tests (the others send a
	// household to the general path), and the supplement of a person in
	// 0 and in 1 category (ones[1] rounded, supplementFast(1)), when
	// supplementOK.
	elderly, minor, martyr, veteran bool
	supplementOK                    bool
	// hasTotal when the payment total has a rounding rule (ptTotal), total.
	hasTotal bool
	// role[k] is how an income of kind k counts (excluded, counted or
	// subtracted: support paid), and wage[k] whether it is a wage counted
	// (roleCounted) or not (roleExcluded).
	role, wage [standards.NumIncomeKinds]uint8
	ones       [2]money.Amount
	total      money.Rounder
	months     int64         // the income plan's employment-cost months (income.Flat)
	wages      *income.Wages // and minimum wages
	ages       ageRules
	// lines[n] is the 低保 line of n tested members (the standard × n), and
	// edges[a][n] the widest edge band's threshold (an edge household is
	// below some band's threshold, so below the widest one's): worked out
	// once, not multiplied household by household.
	lines [income.MaxMembers + 1]money.Amount
	edges [3][income.MaxMembers + 1]money.Amount
	elig  eligibility.Flat
}

// How an income item counts on the fast path (fastPlan.role).
const (
	roleExcluded = iota
	roleCounted
	roleSupportPaid
	roleInvalid
)

// compileFast fills the plan's flat form.
func (p *Plan) compileFast() {
	inc, ok1 := p.Eligibility.Income.Flat()
	elig, ok2 := p.Eligibility.Flat()
	method := standards.MethodGap
	if p.hasMethod {
		method = p.Method.V
	}
	f := fastPlan{ok: ok1 && ok2 && method == standards.MethodGap && p.catErr == nil && !p.hasMinGap && !p.hasRates && !p.hasAgeGroups,
		elig: elig}
	var edge [3]money.Amount // the widest band's threshold a person, by area class
	for a := standards.AreaUrban; a <= standards.AreaRural; a++ {
		var widest money.Rate
		for _, b := range elig.Bands {
			if (b.Area == standards.AreaAny || b.Area == a) && b.Multiple.Cmp(widest) > 0 {
				widest = b.Multiple
			}
		}
		if widest.Sign() > 0 {
			edge[a], _ = elig.Standard.MulRate(widest) // a four-place rate × a whole fen: exact
			f.hasEdge[a] = true
		}
	}
	// Within range: a standard is below 10^6 yuan and an edge band at most
	// 10 times it (their checked bounds), times at most MaxMembers: below
	// 5 × 10^8, within MaxYuan (TestFastPathAtTheBounds).
	for n := range f.lines {
		f.lines[n], _ = elig.Standard.MulInt(int64(n))
		for a := range f.edges {
			f.edges[a][n], _ = edge[a].MulInt(int64(n))
		}
	}
	for k := range f.role {
		switch kind := standards.IncomeKind(k); {
		case !kind.Valid():
			f.role[k] = roleInvalid // a form that did not pass validation: the general path refuses it
		case inc.Excluded[k]:
		case kind == standards.IncomeSupportPaid:
			f.role[k] = roleSupportPaid
		case kind == standards.IncomeWage:
			f.role[k], f.wage[k] = roleCounted, roleCounted
		default:
			f.role[k] = roleCounted
		}
	}
	for _, c := range p.Categories.V {
		switch c {
		case standards.CategoryElderly:
			f.elderly = true
		case standards.CategoryMinor:
			f.minor = true
		case standards.CategoryMartyrFamily:
			f.martyr = true
		case standards.CategoryReturnedVeteran:
			f.veteran = true
		}
	}
	if p.rateErr == nil {
		one, _ := elig.Standard.MulRate(p.Rate.V)
		f.ones[1], f.supplementOK = p.roundFast(one, ptSupplement)
	}
	f.months, f.wages = inc.Months, inc.Wages
	if r := &p.rounding[ptTotal]; r.has {
		rr, ok := r.v.V.Rounder()
		f.total, f.hasTotal = rr, true
		f.ok = f.ok && ok // an invalid rule (the standards refuse one): left to the general path
	}
	p.flat = f
	p.flat.ages = p.ageRules()
}

// fast decides a household the common rules decide, reporting false for
// any other (or any the general path would refuse), which then takes the
// general path. Each step mirrors the general path's rule for the cases it
// accepts.
func (p *Plan) fast(hh *income.Compact, req *Request, th *ageDays, wc *wageCache, out *Figures) bool {
	f := &p.flat
	if !f.ok || req.Current.Status != eligibility.NotEligible || len(req.Current.Members) > 0 || req.Prices != nil ||
		req.Temporary != nil || req.Method != standards.MethodUnset && req.Method != standards.MethodGap {
		return false
	}
	if uint(hh.N) > income.MaxMembers || hh.N > len(hh.Members) {
		return false // not a validated form: the general path refuses it
	}
	// The household's line, read before the members are (it lies apart
	// from the plan's other values, and its load then overlaps their work).
	line := f.lines[hh.N]
	// A member without labour capacity and no able supporter outside
	// could be 特困: the general path.
	supported := hh.Supporter != income.SupporterNone && hh.Supporter != income.SupporterUnable
	items, next := hh.Items, int32(0) // each member's items are the next run of the list
	elderly, minor := bit(f.elderly && th.hasElderly), bit(f.minor)
	martyr, veteran := bit(f.martyr), bit(f.veteran)
	// One pass over the members: income, and the supplements they would
	// be paid if the household is 低保.
	var countable, supplements money.Amount
	members := hh.Members[:hh.N]
	for i := range members {
		m := &members[i]
		// 单人户 candidates, caregivers: the general path.
		if m.CaresFor != 0 || m.Flags&(income.SeriouslyIll|income.SpecialCare) != 0 || m.ServiceGrade >= 1 && m.ServiceGrade <= 6 {
			return false
		}
		// Ages by birth date against the day each age is reached (no
		// calendar arithmetic per member).
		b := m.BirthDate
		if !th.hasElderly && !b.After(th.lawElderly) {
			return false // the general path reports the missing age
		}
		if m.Disability != standards.DisabilityNone && p.Eligibility.SevereDisability(m) {
			return false
		}
		if !supported && noLabour(m, th) {
			return false
		}
		// The member's supplement categories, counted without a branch on
		// each (ages and flags vary from member to member).
		k := bit(!b.After(th.elderly))&elderly + bit(b.After(th.adult))&minor +
			bit(m.Has(income.MartyrFamily))&martyr + bit(m.Has(income.ReturnedVeteran))&veteran
		if k <= 1 && f.supplementOK {
			supplements, _ = supplements.Add(f.ones[k]) // at most MaxMembers of them: in range
		} else if k > 0 {
			s, ok := p.supplementFast(k)
			if !ok {
				return false
			}
			supplements, _ = supplements.Add(s)
		}
		if !m.Follows(next, len(items)) {
			return false // not the next run of items: not a validated household
		}
		if next = m.End; m.First == m.End {
			continue // no income
		}
		var own, wage money.Amount
		its := items[m.First:m.End]
		for j := range its {
			in := &its[j]
			if in.Verification != income.Verified || in.ExemptFrom != income.GiverNone || int(in.Kind) >= len(f.role) || f.role[in.Kind] == roleInvalid {
				return false
			}
			// The monthly figure, and where it goes, without a branch on
			// the item's period or kind.
			monthly := in.Amount
			if q, _ := monthly.QuoInt(12); in.Unit != income.PerMonth {
				monthly = q // exact: a whole fen ÷ 12
			}
			var counted, wages money.Amount
			switch f.role[in.Kind] {
			case roleCounted:
				counted = monthly
			case roleSupportPaid:
				counted = monthly.Neg()
			}
			if f.wage[in.Kind] == roleCounted {
				wages = monthly
			}
			own, _ = own.Add(counted) // within the household's bounds
			wage, _ = wage.Add(wages)
		}
		if wage.Sign() > 0 {
			full, ok := wc.deduction(f.wages, f.months, m.Workplace)
			if !ok {
				return false // the general path says why
			}
			own, _ = own.Sub(money.Min(full, wage))
		}
		countable, _ = countable.Add(own)
	}
	countable = money.Max(countable, money.Zero)
	if countable.Cmp(line) >= 0 {
		// Zeroed, then set field by field: a literal is built apart and
		// copied over in wider moves than its fields were written in.
		*out = Figures{}
		out.Status, out.Countable, out.Tested = eligibility.NotEligible, countable, hh.N
		if a := hh.Area; a <= standards.AreaRural && f.hasEdge[a] && countable.Cmp(f.edges[a][hh.N]) < 0 {
			out.Status = eligibility.Edge
		}
		return true
	}
	gap, _ := line.Sub(countable)
	if f.hasTotal {
		gap, _ = f.total.Round(gap) // a valid rule (compileFast): as round rounds
	} else if !gap.IsFen() {
		return false // the general path reports the missing rule
	}
	total, _ := gap.Add(supplements)
	*out = Figures{} // as above
	out.Status, out.Gap, out.Supplements, out.Total, out.Countable, out.Tested = eligibility.Dibao, gap, supplements, total, countable, hh.N
	return true
}

// wageCache keeps the fast path's employment-cost deductions of the last
// places of work it met (R13: the place's minimum wage × the months ÷ 12,
// the most a member's wages are reduced by), by the last four bits of the
// place's code, each with the wage table and months it was worked out
// for: a population's members work in a few places, and a deduction is
// then read, not multiplied and divided again. A Decider's own.
type wageCache [16]placeDeduction

type placeDeduction struct {
	wages  *income.Wages
	months int64
	place  standards.Region
	full   money.Amount
}

// deduction returns the deduction at place under a table of wages (not
// nil: an empty slot's is) and months, false where the table has no wage
// for it.
func (c *wageCache) deduction(wages *income.Wages, months int64, place standards.Region) (money.Amount, bool) {
	if s := &c[place.Code()%uint32(len(c))]; s.wages == wages && s.place == place && s.months == months {
		return s.full, true
	}
	return c.work(wages, months, place)
}

// work works out a deduction the cache lacks, and keeps it (not a failed
// lookup: a place without a wage is the general path's problem each time).
func (c *wageCache) work(wages *income.Wages, months int64, place standards.Region) (money.Amount, bool) {
	s := &c[place.Code()%uint32(len(c))]
	wm, ok := wages.Monthly(place)
	if !ok {
		return money.Amount{}, false
	}
	full := income.EmploymentCost(wm, months)
	*s = placeDeduction{wages: wages, months: months, place: place, full: full}
	return full, true
}

// noLabour reports a member without labour capacity (R10: by age or
// disability, or so assessed), as the general path tests it for 特困.
func noLabour(m *income.CompactMember, th *ageDays) bool {
	b := m.BirthDate
	return !b.After(th.ageFrom) || b.After(th.ageUnder) || m.Labour == income.LabourNone || m.DisabledFromWork()
}

// bit is 1 for true and 0 for false, for sums of conditions.
func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// supplementFast is one person's supplement for k categories (R7): the
// plan's rounded single amount, or k of them exactly and rounded once when
// supplements are summed; false where the general path reports a problem.
func (p *Plan) supplementFast(k int) (money.Amount, bool) {
	f := &p.flat
	switch {
	case p.rateErr != nil || k > 1 && p.stackErr != nil:
		return money.Amount{}, false
	case k == 1 || p.Stacking.V != standards.StackingSum:
		return f.ones[1], f.supplementOK
	}
	one, _ := f.elig.Standard.MulRate(p.Rate.V)
	exact, _ := one.MulInt(int64(k))
	return p.roundFast(exact, ptSupplement)
}

// roundFast rounds as round does, reporting false where round would
// report a missing rule.
func (p *Plan) roundFast(a money.Amount, point int) (money.Amount, bool) {
	if r := &p.rounding[point]; r.has {
		out, _ := a.Round(r.v.V)
		return out, true
	}
	return a, a.IsFen()
}

// ageDays are, for a decision's date, the last birth date of each age
// the rules ask about: a member born on or before ageFrom is at least
// AgeFrom years old, and so on.
type ageDays struct {
	date                                          standards.Date
	rules                                         ageRules // never 0 for a compiled plan: the zero ageDays holds for none
	ageFrom, ageUnder, adult, elderly, lawElderly standards.Date
	hasElderly                                    bool
}

// ageRules are the ages of a plan the age days depend on besides the date
// (plans of one province share them, and their age days with them), in
// one word to compare: 16 bits for each age — the standards bound each to
// [0, 130] —, then whether the 老年人 age is known, then a bit always set.
type ageRules uint64

func (p *Plan) ageRules() ageRules {
	r := ageRules(p.flat.elig.AgeFrom&0xffff) | ageRules(p.flat.elig.AgeUnder&0xffff)<<16 | 1<<49
	if p.elderlyErr == nil {
		r |= ageRules(p.Elderly.V&0xffff)<<32 | 1<<48
	}
	return r
}

// thresholds returns the age days for date, computing them once per date.
func (p *Plan) thresholds(date standards.Date) ageDays {
	y, m, d := date.YMD()
	born := func(age int) standards.Date {
		yy := y - age
		dd := d
		for dd > 28 {
			if t, err := standards.NewDate(yy, m, dd); err == nil {
				return t
			}
			dd-- // 29 February in a year without it: the 28th
		}
		t, _ := standards.NewDate(yy, m, dd)
		return t
	}
	th := ageDays{date: date, rules: p.flat.ages, ageFrom: born(p.flat.elig.AgeFrom), ageUnder: born(p.flat.elig.AgeUnder), adult: born(18),
		lawElderly: born(lawElderlyAge), hasElderly: p.elderlyErr == nil}
	if th.hasElderly {
		th.elderly = born(p.Elderly.V)
	}
	return th
}
