package payment

import (
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Prices is a month's year-on-year price rises for the price subsidy (R5).
type Prices struct {
	Month      standards.Date // the month the indices are published (any day of it)
	CPI        money.Rate     // e.g. 0.036 for 3.6 %, when HasCPI
	HasCPI     bool
	FoodCPI    money.Rate
	HasFoodCPI bool
}

// Temporary is a request for temporary assistance (R10).
type Temporary struct {
	Hardship string           // a hardship code of the Set's caps
	Place    standards.Region // where the emergency happened (急难发生地)
	Area     standards.Area   // area class of the place's standard; AreaAny: the household's
	// Requested is the amount asked for; the approved amount is the smaller
	// of it and the cap.
	Requested    money.Amount
	HasRequested bool
	Instalments  int  // 1 … the Set's maximum
	PaidFirst    bool // 先行救助: paid first, verified after
}

// Request is one end-to-end decision.
type Request struct {
	eligibility.Request
	// Method, when set, overrides the Set's payment_method (gap when the Set
	// declares none).
	Method standards.Method
	Prices *Prices // optional: the month's price indices
	// Equalised lists 特困 members supported in an equalised institution
	// (R15): a rural member there is supported at the urban standard.
	Equalised []string
	Temporary *Temporary // optional
}

// Line is one line of the monthly payment. Amount is what is paid: Exact
// rounded by the rule Rounding names, or Exact itself when it needed no
// rounding (Rounding nil).
type Line struct {
	Code     explain.Code // gap, tier, supplement, single_person, gradual_exit, price_subsidy, tekun_basic, tekun_care
	Member   string       // member ID, or "" for the household
	Exact    money.Amount // the figure before rounding
	Amount   money.Amount // what is paid
	Rounding *standards.Value[money.Rule]
	// Step is the code of the line's explanation: Code itself, or a variant
	// of it (tier.placed for a tier line of a placed category).
	Step explain.Code
	// Args are the line's typed figures (recorded with the explanation).
	Args   []explain.Arg
	Params []explain.Param
	Cite   explain.Citation
}

// Instalment is one payment of a temporary-assistance schedule.
type Instalment struct {
	Number int
	Amount money.Amount
}

// Schedule is an approved temporary-assistance amount paid in stages.
type Schedule struct {
	Hardship    string
	Place       standards.Region
	Cap         money.Amount // multiple × standard (× members)
	Approved    money.Amount
	PaidFirst   bool
	Instalments []Instalment
}

// Decision is the end-to-end result: classification, monthly payment lines
// and total, temporary assistance, explanation.
type Decision struct {
	Classification *eligibility.Result
	Method         standards.Method
	Lines          []Line
	Total          money.Amount // the sum of the lines' amounts, never negative
	Temporary      *Schedule
	// Steps is the whole explanation, kept when the request's
	// Options.Explain is set (the reasons, flags and warnings are kept
	// always).
	Steps []explain.Step
	// Warnings name the assumed and the stale values the decision rests on.
	Warnings []Warning
	// Request is the request as decided; Standards names the standards used.
	Request   *Request
	Standards StandardsInfo
}

// Decide classifies the household and computes its monthly payment. Errors
// are bad input (*problem.Error, ErrInvalid) and standards the Set lacks,
// a rounding rule a figure needs among them (*problem.Error, ErrNotCovered).
func Decide(req Request, set *standards.Set) (*Decision, error) {
	// A Decider of its own, dropped afterwards: the decision shares its
	// buffers with nothing else, and needs no copy.
	var dc Decider
	return dc.Decide(req, set)
}

// Decider decides households one after another, reusing its buffers and
// the last plans it compiled (a plan holds for one Set, region, area class
// and date), so that a service deciding many households on the same date
// compiles each place's plan once. Not safe for concurrent use (use one per
// goroutine, or a sync.Pool of them); the *Decision it returns is
// overwritten by the next call (Decision.Clone keeps one).
type Decider struct {
	classifier eligibility.Classifier
	hh         income.Compact
	d          Decision
	sched      Schedule
	args       explain.Recorder
	p, inv     report.List
	th         ageDays        // the fast path's age days of the last date and age rules
	wages      wageCache      // the fast path's last deductions by place of work
	lineArgs   []explain.Arg  // the lines' arguments
	lineCodes  []explain.Code // the lines' label lists
	steps      []explain.Step // the decision's whole explanation
	warn       []Warning      // the decision's warnings
	plans      [8]*Plan       // the last plans compiled, reused while they hold
	nextPlan   int
}

// Plan returns a plan for a region and area class on date, as known on
// knownOn: one the Decider compiled before that holds, or a new one (kept
// in place of the oldest of the last eight).
func (dc *Decider) Plan(set *standards.Set, region standards.Region, area standards.Area, date, knownOn standards.Date) (*Plan, error) {
	for _, pl := range dc.plans {
		if pl == nil {
			break
		}
		ip := pl.Eligibility.Income
		if ip.Set == set && ip.Region == region && ip.Area == area && ip.KnownOn == knownOn && pl.Covers(date) {
			return pl, nil
		}
	}
	pl, err := NewPlan(set, region, area, date, knownOn, income.WagesOn(set, date, knownOn, region))
	if err != nil {
		return nil, err
	}
	dc.plans[dc.nextPlan] = pl
	dc.nextPlan = (dc.nextPlan + 1) % len(dc.plans)
	return pl, nil
}

// Decide validates the request and decides it (compiling plans).
func (dc *Decider) Decide(req Request, set *standards.Set) (*Decision, error) {
	var p report.List
	if set == nil {
		p.Add("standards", report.MsgRequired)
	}
	if req.Date.IsZero() {
		p.Add("date", report.MsgRequired)
	}
	if req.Household == nil {
		p.Add("household", report.MsgRequired)
		return nil, p.Err(problem.SubjectRequest)
	}
	// Every problem at once: the household's (a zero date skips only the
	// checks that need one) and the request's own.
	ids, err := income.CompactOf(req.Household, &dc.hh, req.Date)
	if pe, ok := problem.As(prefixed(err, "household", problem.SubjectRequest)); ok {
		for _, q := range pe.Problems {
			if q.Path == "household.date" {
				continue // the request's own date: CheckRequest says it, at date
			}
			p.AddProblem(q)
		}
	}
	if ids == nil {
		ids = req.Household.MemberIDs()
	}
	if !req.Date.IsZero() {
		if pe, ok := problem.As(CheckRequest(&req, ids)); ok {
			for _, q := range pe.Problems {
				if !p.Has(q.Path) {
					p.AddProblem(q)
				}
			}
		}
	}
	if err := p.Err(problem.SubjectRequest); err != nil {
		return nil, err
	}
	pl, err := dc.Plan(set, dc.hh.Region, dc.hh.Area, req.Date, req.Options.KnownOn)
	if err != nil {
		return nil, income.NotCovered("household.region", err)
	}
	// The reasons, flags and warnings are part of every decision (typed
	// steps, formatted by nobody until rendered); the whole explanation is
	// kept only when asked for.
	d, err := dc.DecideCompact(pl, &dc.hh, ids, &req, true)
	if err == nil && !req.Options.Explain {
		d.Steps, d.Classification.Steps, d.Classification.Income.Steps = nil, nil, nil
	}
	return d, err
}

// prefixed puts a household's problems under the request's household field.
func prefixed(err error, prefix string, subject problem.Subject) error {
	if pe, ok := problem.As(err); ok {
		return pe.Prefix(prefix, subject)
	}
	return err
}

// classifyError places a classification's problems in the request: those
// about the current status and the previous assessment are the request's
// own fields, the rest are the household's.
func classifyError(err error) error {
	pe, ok := problem.As(err)
	if !ok {
		return err
	}
	out := &problem.Error{Subject: problem.SubjectRequest, NotCovered: pe.NotCovered, Problems: make([]problem.Problem, len(pe.Problems))}
	for i, q := range pe.Problems {
		if !problem.Under(q.Path, "current") && !problem.Under(q.Path, "previous") {
			q.Path = problem.Join("household", q.Path)
		}
		out.Problems[i] = q
	}
	return out
}

// DecideCompact decides a validated compact household on a plan compiled
// for its region, area and date. req supplies the date, current status,
// previous assessment, method, prices, equalised members and temporary
// assistance (its Household is not read). With explainIt unset it records
// no explanation and, once warm, allocates nothing for the monthly payment.
// A form that did not pass validation and cannot be read is refused with
// income.CheckCompact's problems.
func (dc *Decider) DecideCompact(pl *Plan, hh *income.Compact, ids income.IDs, req *Request, explainIt bool) (*Decision, error) {
	cls, err := dc.classifier.ClassifyCompact(pl.Eligibility, hh, ids, req.Date, req.Current, req.Previous, explainIt)
	if err != nil {
		return nil, classifyError(err)
	}
	dc.p.Reset()
	dc.inv.Reset()
	lines := dc.d.Lines[:0]
	dc.d = Decision{Classification: cls, Lines: lines}
	dc.args.Reset()
	var rec *explain.Recorder
	if explainIt {
		rec = &dc.args
	}
	dc.lineArgs, dc.lineCodes = dc.lineArgs[:0], dc.lineCodes[:0]
	p := &payer{pl: pl, hh: hh, ids: ids, req: req, cls: cls, d: &dc.d, rec: rec, probs: &dc.p, invalid: &dc.inv,
		args: &dc.lineArgs, codeBuf: &dc.lineCodes}
	p.d.Method = req.Method
	if p.d.Method == standards.MethodUnset {
		p.d.Method = standards.MethodGap
		if pl.hasMethod {
			p.d.Method = pl.Method.V
		}
	}
	p.monthly()
	if req.Prices != nil {
		p.priceSubsidy()
	}
	if req.Temporary != nil {
		dc.sched = Schedule{Instalments: dc.sched.Instalments[:0]}
		p.temporary(&dc.sched)
	}
	if err := dc.inv.Err(problem.SubjectRequest); err != nil {
		return nil, err
	}
	if dc.p.Len() > 0 {
		return nil, dc.p.Outcome(problem.SubjectRequest)
	}
	var total money.Sum
	for _, l := range p.d.Lines {
		total.Add(l.Amount)
	}
	// At most MaxMembers × a few lines of at most a million yuan each.
	p.d.Total, _ = total.Amount()
	set := pl.Eligibility.Income.Set
	p.d.Standards = StandardsInfo{Name: set.Name(), Identity: set.Identity(), DataVersion: set.DataVersion(), CompleteThrough: set.CompleteThrough()}
	p.d.Request = req
	if explainIt {
		p.d.Steps = p.steps(dc.steps)
		dc.steps = p.d.Steps
		dc.warn = append(warnings(dc.warn, p.d.Steps, req.Date), p.belowGuidance()...)
		if len(dc.warn) > 0 {
			p.d.Warnings = dc.warn
		}
	}
	return p.d, nil
}

// belowGuidance warns of a 低保 standard or 特困 amounts used below the
// provincial guidance in force on the decision's date.
func (p *payer) belowGuidance() []Warning {
	set := p.pl.Eligibility.Income.Set
	var out []Warning
	if _, below := standards.DibaoBelowGuidance(set, p.hh.Region, p.hh.Area, p.req.Date, p.cls.Standard.V); below {
		out = append(out, Warning{WarnBelowGuidance, standards.ParamDibaoStandard.Name()})
	}
	for _, m := range p.cls.Members {
		if m.Status == eligibility.MemberTekun && p.pl.tekunErr == nil {
			if _, below := standards.TekunBelowGuidance(set, p.hh.Region, p.hh.Area, p.req.Date, p.pl.Tekun.V); below {
				out = append(out, Warning{WarnBelowGuidance, standards.ParamTekunSupport.Name()})
			}
			break
		}
	}
	return out
}

// payer computes one decision.
type payer struct {
	pl      *Plan
	hh      *income.Compact
	ids     income.IDs
	req     *Request
	cls     *eligibility.Result
	d       *Decision
	rec     *explain.Recorder // nil: no explanation
	args    *[]explain.Arg    // the lines' arguments, one buffer for them all
	codeBuf *[]explain.Code   // the lines' label lists
	probs   *report.List      // what the standards do not cover
	invalid *report.List      // what is wrong with the request
	tempCap standards.Value[[]standards.AssistanceCap]
	formula []formulaStep  // 特困 formula figures, shown after their lines
	notes   []explain.Step // what was not paid and why (a price index below its trigger), shown after the lines
}

type formulaStep struct {
	line int
	step explain.Step
}

func (p *payer) id(i int) string {
	if i < len(p.ids) {
		return p.ids[i]
	}
	return ""
}

// round rounds an exact amount at a point: by the Set's rule when it
// declares one, else as it is when it is a whole fen, else a problem
// (rounding_required): nothing is rounded by assumption.
func (p *payer) round(a money.Amount, point int, what explain.Code) (money.Amount, *standards.Value[money.Rule], bool) {
	r := &p.pl.rounding[point]
	if r.has {
		out, _ := a.Round(r.v.V) // a valid rule of the Set; rounding stays in range
		if out == a {
			return a, nil, true // nothing to round: the figure rests on no rule
		}
		return out, &r.v, true
	}
	if a.IsFen() {
		return a, nil, true
	}
	zh, en := explain.Words(what, true), explain.Words(what, false)
	p.probs.Add("household.region", report.MsgRoundingRequired, report.Words("what", zh, en), report.Str("value", a.String()),
		report.Str("param", pointKeys[point].Name()))
	return money.Amount{}, nil, false
}

// add appends a payment line, rounded at point; a negative figure pays 0.
func (p *payer) add(code explain.Code, member string, exact money.Amount, point int, cite explain.Citation, args ...explain.Arg) *Line {
	exact = money.Max(exact, money.Zero)
	amt, rule, ok := p.round(exact, point, code)
	if !ok {
		return nil
	}
	l := Line{Code: code, Member: member, Exact: exact, Amount: amt, Rounding: rule, Cite: cite}
	if p.rec != nil {
		a := p.args
		start := len(*a)
		*a = append(append(*a, args...), explain.Money("exact", exact), explain.Money("paid", amt))
		l.Args = (*a)[start:len(*a):len(*a)] // full: a later line never writes into it
		if rule != nil {
			l.Params = p.pl.rounding[point].params
		}
	}
	p.d.Lines = append(p.d.Lines, l)
	return &p.d.Lines[len(p.d.Lines)-1]
}

func (p *payer) monthly() {
	cls := p.cls
	std := cls.Standard.V
	switch cls.Status {
	case eligibility.Dibao:
		p.main()
		for i, m := range cls.Members {
			if m.Status == eligibility.MemberNone {
				p.supplement(i)
			}
		}
	case eligibility.GradualExit:
		p.lastAmount("", p.req.Current.MonthlyAmount, cls.GradualExitEnd, "current.monthly_amount")
	}
	// Members paid alone: 特困 (the whole household, or beside the others),
	// 单人户 (R3) with their supplements, and 单人户 in a gradual exit.
	p.tekun()
	for i, m := range cls.Members {
		switch m.Status {
		case eligibility.MemberSinglePerson:
			exact, _ := std.Sub(m.Countable) // both within a household's bounds
			if l := p.add(explain.LineSinglePerson, m.ID, exact, ptTotal, explain.Info(explain.LineSinglePerson).Cite,
				explain.Money("standard", std), explain.Money("countable", m.Countable)); l != nil && p.rec != nil {
				l.Params = append(l.Params, explain.ParamOf(cls.Standard))
			}
			p.supplement(i)
		case eligibility.MemberGradualExit:
			k := 0
			for k < len(p.req.Current.Members) && p.req.Current.Members[k].ID != m.ID {
				k++
			}
			path := problem.Join(problem.Index("current.members", k), "monthly_amount")
			p.lastAmount(m.ID, p.req.Current.Member(m.ID).MonthlyAmount, m.GradualExitEnd, path)
		}
	}
}

// lastAmount continues a gradual exit's last monthly amount (R4): the
// household's, or a 单人户 member's.
func (p *payer) lastAmount(member string, last money.Amount, end standards.Date, path string) {
	if last.Sign() <= 0 || !last.IsFen() {
		// Checked on the request; a compact caller may skip that check.
		p.invalid.Add(path, report.MsgLastAmountRequired)
		return
	}
	l := Line{Code: explain.LineGradualExit, Member: member, Exact: last, Amount: last, Cite: explain.Info(explain.LineGradualExit).Cite}
	if p.rec != nil {
		l.Args = []explain.Arg{explain.Date("end", end), explain.Money("paid", last)}
	}
	p.d.Lines = append(p.d.Lines, l)
}

// main computes the household's gap or tiered payment (R6).
func (p *payer) main() {
	cls := p.cls
	n := int64(cls.Tested)
	if p.d.Method != standards.MethodTiered {
		// standard × n − countable, in that order: 600 × 3 − 1000 = 800.
		exact, _ := cls.Line.Sub(cls.Countable)
		if p.pl.hasMinGap {
			// A locality's least gap: share × the line (a four-place rate
			// × a whole fen: exact).
			least, _ := cls.Line.MulRate(p.pl.MinGap.V)
			if exact.Cmp(least) < 0 {
				if l := p.add(explain.LineGap, "", least, ptTotal, explain.Info(explain.LineGap).Cite,
					explain.Money("standard", cls.Standard.V), explain.Count("members", int(n)), explain.Money("line", cls.Line),
					explain.Money("countable", cls.Countable), explain.Money("gap", exact), explain.Percent("share", p.pl.MinGap.V)); l != nil {
					l.Step = explain.LineGapMinimum
					if p.rec != nil {
						l.Params = append(l.Params[:len(l.Params):len(l.Params)], explain.ParamOf(cls.Standard), explain.ParamOf(p.pl.MinGap))
					}
				}
				return
			}
		}
		if l := p.add(explain.LineGap, "", exact, ptTotal, explain.Info(explain.LineGap).Cite,
			explain.Money("standard", cls.Standard.V), explain.Count("members", int(n)), explain.Money("line", cls.Line),
			explain.Money("countable", cls.Countable)); l != nil && p.rec != nil {
			l.Params = append(l.Params, explain.ParamOf(cls.Standard))
		}
		return
	}
	if p.pl.tiersErr != nil {
		p.notCovered("household.region", p.pl.tiersErr)
		return
	}
	tt := p.pl.Tiers.V
	// The per-capita income's tier, found without dividing: countable against
	// each edge × members (the members tested).
	tier := -1
	for i, t := range tt.Tiers {
		from, _ := t.From.MulInt(n)
		to, _ := t.To.MulInt(n)
		lo, hi := cls.Countable.Cmp(from), cls.Countable.Cmp(to)
		if (lo > 0 || lo == 0 && t.FromInclusive) && (hi < 0 || hi == 0 && t.ToInclusive) {
			tier = i
			break
		}
	}
	if tier < 0 && cls.Countable.Cmp(cls.Line) < 0 {
		// Below the standard yet in no tier: the table stops short (R6
		// leaves no household below the standard without a tier).
		top := money.Zero
		if len(tt.Tiers) > 0 {
			top = tt.Tiers[len(tt.Tiers)-1].To
		}
		area := text.AreaAfter(p.hh.Area.String()) // urban or rural: validated
		set := p.pl.Eligibility.Income.Set
		name := set.Divisions().Name(p.hh.Region) + " (" + p.hh.Region.String() + ")"
		d := p.req.Date
		p.probs.Add("household.region", report.MsgTierUncovered, report.Money("top", top), report.Str("region", name),
			report.Words("area", area[0], area[1]), report.Date("date", d.Year(), int(d.Month()), d.Day()), report.Money("standard", cls.Standard.V))
		return
	}
	for i := 0; i < p.hh.N; i++ {
		if cls.Members[i].Status != eligibility.MemberNone {
			continue // supported alone
		}
		m := &p.hh.Members[i]
		best, placed := tier, standards.CategoryNone
		for _, pl := range tt.Placements {
			in, ok := p.inCategory(m, pl.Category, i)
			if !ok {
				return
			}
			if in && (best < 0 || pl.Tier-1 < best) {
				best, placed = pl.Tier-1, pl.Category
			}
		}
		var amount money.Amount
		if best >= 0 {
			amount = tt.Tiers[best].Amount
		}
		var l *Line
		if placed != standards.CategoryNone {
			var cat explain.Arg
			if p.rec != nil {
				cat = explain.Label("category", explain.Code("category."+placed.String()))
			}
			l = p.add(explain.LineTier, p.id(i), amount, ptTotal, explain.Info(explain.LineTier).Cite, cat, explain.Count("tier", best+1))
			if l != nil {
				l.Step = explain.LineTierPlaced
			}
		} else {
			l = p.add(explain.LineTier, p.id(i), amount, ptTotal, explain.Info(explain.LineTier).Cite,
				explain.Count("tier", best+1), explain.Money("countable", cls.Countable), explain.Count("members", int(n)))
		}
		if l != nil && p.rec != nil {
			l.Params = append(l.Params, explain.ParamOf(p.pl.Tiers))
		}
	}
}

// lawElderlyAge is the age of 老年人 in law (老年人权益保障法 第二条).
const lawElderlyAge = 60

// inCategory reports whether member i belongs to a supplement or placement
// category (R7). 老年人 needs the Set's age: ok is false, with the problem
// recorded, when the Set has none.
func (p *payer) inCategory(m *income.CompactMember, c standards.Category, i int) (in, ok bool) {
	switch c {
	case standards.CategorySevereDisability:
		return p.pl.Eligibility.SevereDisability(m) || m.ServiceGrade >= 1 && m.ServiceGrade <= 4, true
	case standards.CategorySeriousIllness:
		return m.Has(income.SeriouslyIll), true
	case standards.CategoryElderly:
		if p.pl.elderlyErr != nil && p.cls.Members[i].Age < lawElderlyAge {
			// Without the Set's age, nobody under the law's is elderly; the
			// Set's age is needed only from there on.
			return false, true
		}
		if p.pl.elderlyErr != nil {
			p.notCovered("household."+memberPath(i, "birth_date"), p.pl.elderlyErr)
			return false, false
		}
		return p.cls.Members[i].Age >= p.pl.Elderly.V, true
	case standards.CategoryMinor:
		return p.cls.Members[i].Age < 18, true
	case standards.CategoryMartyrFamily:
		return m.Has(income.MartyrFamily), true
	case standards.CategoryReturnedVeteran:
		return m.Has(income.ReturnedVeteran), true
	}
	return false, true
}

// supplement adds member i's supplement (R7): rate × standard, once or per
// category by the Set's stacking rule — each category at its own rate
// where supplement_rates gives one, and a locality's age groups counted as
// categories.
func (p *payer) supplement(i int) {
	pl := p.pl
	if pl.catErr != nil {
		p.notCovered("household.region", pl.catErr)
		return
	}
	m := &p.hh.Members[i]
	var fits [8]standards.Category
	n := 0
	for _, c := range pl.Categories.V {
		in, ok := p.inCategory(m, c, i)
		if !ok {
			return
		}
		if in && n < len(fits) {
			fits[n] = c
			n++
		}
	}
	// A locality's age groups: by age, within the categories they name.
	var groups [8]int
	g := 0
	if pl.hasAgeGroups {
		age := p.cls.Members[i].Age
		for k, ag := range pl.AgeGroups.V {
			if age < ag.MinAge || ag.MaxAge != 0 && age > ag.MaxAge {
				continue
			}
			in := len(ag.Of) == 0
			for _, c := range ag.Of {
				if is, ok := p.inCategory(m, c, i); !ok {
					return
				} else if is {
					in = true
					break
				}
			}
			if in && g < len(groups) {
				groups[g] = k
				g++
			}
		}
	}
	if n+g == 0 {
		return
	}
	if pl.rateErr != nil && (n > 0 || pl.hasRates) {
		p.notCovered("household.region", pl.rateErr)
		return
	}
	if n+g > 1 && pl.stackErr != nil {
		p.notCovered("household."+memberPath(i, ""), pl.stackErr)
		return
	}
	sum := n+g > 1 && pl.Stacking.V == standards.StackingSum
	if !pl.hasRates && !pl.hasAgeGroups {
		// R7 as written: one rate for every category.
		count := int64(1)
		if sum {
			count = int64(n)
		}
		// rate × standard × count, exact (a four-place rate × a whole fen is
		// on the grid), rounded once as the person's supplement.
		one, _ := p.cls.Standard.V.MulRate(pl.Rate.V)
		exact, _ := one.MulInt(count)
		var cats explain.Arg
		if p.rec != nil {
			var codes [8]explain.Code
			for k, c := range fits[:n] {
				codes[k] = categoryCode(c)
			}
			cats = explain.Arg{Name: "categories", Kind: explain.KindLabels, Codes: p.codes(codes[:n])}
		}
		l := p.add(explain.LineSupplement, p.id(i), exact, ptSupplement, explain.Info(explain.LineSupplement).Cite,
			explain.Percent("rate", pl.Rate.V), explain.Money("standard", p.cls.Standard.V), cats, explain.Count("count", int(count)))
		if l != nil && p.rec != nil {
			rounded, stacked := 0, 0
			if l.Rounding != nil {
				rounded = 1
			}
			if n > 1 {
				// In several categories: the stacking rule decided the count.
				stacked = 1
			}
			l.Params = pl.supParams[rounded][stacked]
		}
		return
	}
	// Rates of their own: the highest once, or their sum.
	var rate money.Rate
	take := func(r money.Rate) {
		if sum {
			rate, _ = rate.Add(r) // at most 16 rates of at most 10 each: within range
		} else if r.Cmp(rate) > 0 {
			rate = r
		}
	}
	for _, c := range fits[:n] {
		take(pl.rateOf(c))
	}
	for _, k := range groups[:g] {
		take(pl.AgeGroups.V[k].Rate)
	}
	exact, _ := p.cls.Standard.V.MulRate(rate) // at most 16 × 10 on a whole fen: on the grid, in range
	var cats, names explain.Arg
	if p.rec != nil {
		var codes [8]explain.Code
		for k, c := range fits[:n] {
			codes[k] = categoryCode(c)
		}
		cats = explain.Arg{Name: "categories", Kind: explain.KindLabels, Codes: p.codes(codes[:n])}
		zh, en, english := "—", "—", false
		for k, x := range groups[:g] {
			if k == 0 {
				zh, en = "", ""
			} else {
				zh, en = zh+"、", en+", "
			}
			ag := &pl.AgeGroups.V[x]
			zh += ag.Name
			if ag.NameEN != "" {
				en, english = en+ag.NameEN, true
			} else {
				en += ag.Name
			}
		}
		if !english {
			en = "" // Chinese names only: the English form is the same
		}
		names = explain.Names("groups", zh, en)
	}
	l := p.add(explain.LineSupplement, p.id(i), exact, ptSupplement, explain.Info(explain.LineSupplement).Cite,
		explain.Percent("rate", rate), explain.Money("standard", p.cls.Standard.V), cats, names)
	if l != nil {
		l.Step = explain.LineSupplementRates
		if p.rec != nil {
			ps := append(l.Params[:len(l.Params):len(l.Params)], explain.ParamOf(pl.Categories))
			if pl.rateErr == nil {
				ps = append(ps, explain.ParamOf(pl.Rate))
			}
			if pl.hasRates {
				ps = append(ps, explain.ParamOf(pl.Rates))
			}
			if pl.hasAgeGroups {
				ps = append(ps, explain.ParamOf(pl.AgeGroups))
			}
			if n+g > 1 {
				ps = append(ps, explain.ParamOf(pl.Stacking))
			}
			l.Params = ps
		}
	}
}

// categoryCodes are the categories' explanation labels.
var categoryCodes = func() []explain.Code {
	all := standards.Categories()
	out := make([]explain.Code, int(all[len(all)-1])+1)
	for _, c := range all {
		out[c] = explain.Code("category." + c.String())
	}
	return out
}()

func categoryCode(c standards.Category) explain.Code {
	if int(c) < len(categoryCodes) {
		return categoryCodes[c]
	}
	return explain.Code("category." + c.String())
}

// codes keeps a list of codes in the Decider's buffer, full (len = cap).
func (p *payer) codes(l []explain.Code) []explain.Code {
	c := p.codeBuf
	start := len(*c)
	*c = append(*c, l...)
	return (*c)[start:len(*c):len(*c)]
}

func memberPath(i int, field string) string {
	return problem.Join(problem.Index("members", i), field)
}

// tekun pays each 特困 member the published basic support plus the care
// amount of their level. When the Set declares a tekun_basic rounding rule
// and the basic factor, factor × 低保 standard rounded by it is shown beside
// the published amount (Harbin 2023, 县(市) rural: 483 × 1.3 = 627.9 → 628).
func (p *payer) tekun() {
	pl := p.pl
	for _, m := range p.cls.Members {
		if m.Status != eligibility.MemberTekun {
			continue
		}
		support, err := pl.Tekun, pl.tekunErr
		area := p.hh.Area
		equalised := false
		if area == standards.AreaRural && contains(p.req.Equalised, m.ID) {
			support, err, area, equalised = pl.TekunUrban, pl.urbanErr, standards.AreaUrban, true // R15
		}
		if err != nil {
			p.notCovered("household.region", err)
			return
		}
		var areaArg explain.Arg
		if p.rec != nil {
			areaArg = explain.Label("area", explain.Code("area."+area.String()))
		}
		l := p.add(explain.LineTekunBasic, m.ID, support.V.Basic, ptTotal, explain.Info(explain.LineTekunBasic).Cite,
			explain.Money("basic", support.V.Basic), areaArg, explain.Bool("equalised", equalised))
		if l != nil && p.rec != nil {
			l.Params = append(l.Params, explain.ParamOf(support))
		}
		if l != nil && p.rec != nil && pl.hasFactor && pl.rounding[ptTekunBasic].has {
			std := p.cls.Standard
			if equalised {
				std = pl.UrbanStandard
			}
			if formula, ok := std.V.MulRateRound(pl.Factor.V, pl.rounding[ptTekunBasic].v.V); ok && std.Key != nil {
				// The line's figures carry it too, beside the amount paid.
				l.Args = append(l.Args, explain.Money("formula", formula))
				p.formula = append(p.formula, formulaStep{line: len(p.d.Lines) - 1, step: explain.Step{Code: explain.StepTekunFormula, Member: m.ID,
					Args:   []explain.Arg{explain.Multiple("factor", pl.Factor.V), explain.Money("standard", std.V), explain.Money("formula", formula)},
					Params: []explain.Param{explain.ParamOf(pl.Factor), explain.ParamOf(std), explain.ParamOf(pl.rounding[ptTekunBasic].v)}}})
			}
		}
		care, _ := support.V.Care(m.Care)
		var level explain.Arg
		if p.rec != nil {
			level = explain.Label("level", explain.Code("care."+m.Care.String()))
		}
		if l := p.add(explain.LineTekunCare, m.ID, care, ptTotal, explain.Info(explain.LineTekunCare).Cite, level); l != nil && p.rec != nil {
			l.Params = append(l.Params, explain.ParamOf(support))
		}
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// Clone copies a decision so that it shares no buffer with the Decider
// that made it, to keep it past the Decider's next call.
func (d *Decision) Clone() *Decision {
	out := *d
	if d.Classification != nil {
		out.Classification = d.Classification.Clone()
	}
	out.Lines = make([]Line, len(d.Lines))
	for i, l := range d.Lines {
		l.Args = append([]explain.Arg(nil), l.Args...)
		l.Params = append([]explain.Param(nil), l.Params...)
		if l.Rounding != nil {
			r := *l.Rounding
			l.Rounding = &r
		}
		out.Lines[i] = l
	}
	if d.Temporary != nil {
		t := *d.Temporary
		t.Instalments = append([]Instalment(nil), t.Instalments...)
		out.Temporary = &t
	}
	out.Steps = explain.Clone(d.Steps)
	out.Warnings = append([]Warning(nil), d.Warnings...)
	if d.Request != nil {
		r := *d.Request
		out.Request = &r
	}
	return &out
}

// notCovered records a standards error as a problem at path.
func (p *payer) notCovered(path string, err error) {
	if pr, ok := standards.ProblemOf(err, path); ok {
		p.probs.AddProblem(pr)
		return
	}
	p.probs.Add(path, report.MsgNotCoveredAnywhere, report.Words("param", "?", "?"), report.Str("region", "?"),
		report.Words("area", "", ""), report.Date("date", 0, 0, 0))
}

// Explain renders the decision in the language matched to tag (Chinese for
// zh, English otherwise): the whole explanation — income, classification,
// payment — when it was recorded (the request's Options.Explain), else the
// reasons and flags every decision keeps and the monthly total.
func (d *Decision) Explain(tag language.Tag) string {
	if d.Steps != nil || d.Classification == nil {
		return explain.Render(d.Steps, tag)
	}
	c := d.Classification
	steps := make([]explain.Step, 0, len(c.Reasons)+len(c.Flags)+1)
	steps = append(append(steps, c.Reasons...), c.Flags...)
	steps = append(steps, totalStep(d.Total))
	return explain.Render(steps, tag)
}
