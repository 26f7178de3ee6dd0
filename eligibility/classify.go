package eligibility

import (
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Classify classifies a household on a date: 低保, edge household, 单人户
// members, gradual exit, 特困, with the no-sudden-stop guard (R11) and the
// monitoring flags. "Not eligible" is a Result; errors are for bad input
// and for standards the Set lacks (*problem.Error, ErrInvalid or
// ErrNotCovered). The result records its whole explanation.
func Classify(req Request, set *standards.Set) (*Result, error) {
	var c Classifier
	r, err := c.Classify(req, set)
	if err != nil {
		return nil, err
	}
	return r.Clone(), nil
}

// Classifier classifies households one after another, reusing its buffers.
// Not safe for concurrent use; the *Result it returns is overwritten by the
// next call.
type Classifier struct {
	assessor income.Assessor
	hh       income.Compact
	res      [2]Result
	recs     [2]explain.Recorder
	steps    explain.Recorder
	flags    explain.Recorder
	p        report.List
}

// Classify validates the request and classifies it (compiling a plan).
func (c *Classifier) Classify(req Request, set *standards.Set) (*Result, error) {
	c.p.Reset()
	if req.Household == nil {
		c.p.Add("household", report.MsgRequired)
		return nil, c.p.Err(problem.SubjectRequest)
	}
	if req.Date.IsZero() {
		c.p.Add("date", report.MsgRequired)
		return nil, c.p.Err(problem.SubjectRequest)
	}
	ids, err := income.CompactOf(req.Household, &c.hh, req.Date)
	if err != nil {
		return nil, err
	}
	if err := CheckCurrent(&req.Current, req.Date); err != nil {
		return nil, err
	}
	pl, err := NewPlan(set, c.hh.Region, c.hh.Area, req.Date, req.Options.KnownOn, nil)
	if err != nil {
		return nil, income.NotCovered("region", err)
	}
	return c.ClassifyCompact(pl, &c.hh, ids, req.Date, req.Current, req.Previous, true)
}

// CheckCurrent checks a current status for a decision on date.
func CheckCurrent(cur *Current, date standards.Date) error {
	var p report.List
	if !cur.Status.Valid() {
		p.Add("current.status", report.MsgBadEnum, report.Str("value", cur.Status.String()), report.Str("allowed", statusNames.List()))
	}
	if cur.Status == GradualExit && cur.GradualExitEnd.IsZero() {
		p.Add("current.gradual_exit_end", report.MsgExitEndRequired)
	}
	if !cur.Since.IsZero() && cur.Since.After(date) {
		p.Add("current.since", report.MsgFutureSince, dateArg("since", cur.Since), dateArg("date", date))
	}
	return p.Err(problem.SubjectRequest)
}

// ClassifyCompact classifies a validated compact household on a plan
// compiled for its region, area and date. With explain set it records the
// reasons, flags and the whole explanation; without, only the figures and
// statuses (the batch path), allocating nothing once warm.
func (c *Classifier) ClassifyCompact(pl *Plan, hh *income.Compact, ids income.IDs, date standards.Date, cur Current, prev *Previous, explainIt bool) (*Result, error) {
	c.p.Reset()
	if pl.standardErr != nil {
		return nil, income.NotCovered("region", pl.standardErr)
	}
	if pl.bandsErr != nil {
		return nil, income.NotCovered("region", pl.bandsErr)
	}
	if pl.ageErr != nil {
		return nil, income.NotCovered("region", pl.ageErr)
	}
	if cur.Status == GradualExit && pl.exitErr == nil {
		// An exit found in the latest possible month ends at most this day.
		latest := date.FirstOfMonth().AddMonths(pl.Exit.V + 1).AddDays(-1)
		if cur.GradualExitEnd.After(latest) {
			c.p.Add("current.gradual_exit_end", report.MsgExitEndBeyond, dateArg("end", cur.GradualExitEnd),
				report.Int("months", int64(pl.Exit.V)), dateArg("max", latest))
			return nil, c.p.Err(problem.SubjectRequest)
		}
	}
	var rec *explain.Recorder
	if explainIt {
		rec = &c.steps
		rec.Reset()
	}
	a, err := c.assessor.AssessCompact(pl.Income, hh, ids, date, rec)
	if err != nil {
		return nil, err
	}
	k := &classifier{pl: pl, hh: hh, ids: ids, date: date, cur: cur, prev: prev, a: a, n: int64(hh.N)}
	k.line, _ = pl.Standard.V.MulInt(k.n)
	k.spent = spending(hh)
	if pl.rigidOn {
		k.rigid, _ = k.spent.all.QuoInt(12) // whole fen ÷ 12: exact
	}
	var recs [2]*explain.Recorder
	if explainIt {
		recs = [2]*explain.Recorder{&c.recs[0], &c.recs[1]}
		recs[0].Reset()
		recs[1].Reset()
	}
	all := &c.res[0]
	k.evaluate(all, AllItems, recs[0])
	res := all
	if a.Suspected {
		ver := &c.res[1]
		k.evaluate(ver, VerifiedOnly, recs[1])
		worse := ver.Status > all.Status || ver.Status == all.Status && all.Countable.Cmp(ver.Countable) > 0
		if worse {
			if cur.Status.Recipient() {
				// R11: a recipient loses nothing on suspicions alone.
				res = ver
			}
			res.VerificationRequired = true
			for i := 0; i < hh.N; i++ {
				for j, in := range hh.Incomes(i) {
					if in.Verification == income.Suspected {
						res.Pending = append(res.Pending, ItemRef{Member: idOf(ids, i), Item: j})
					}
				}
			}
			if explainIt {
				recOf(res, recs).Add(explain.ReasonVerificationRequired, "", explain.Money("countable_all", all.Countable),
					explain.Money("countable_verified", ver.Countable), explain.Label("status_all", all.Status.Label()),
					explain.Label("status_verified", ver.Status.Label()), explain.Bool("kept", cur.Status.Recipient()))
			}
		}
	}
	res.Income = a
	c.flags.Reset()
	k.flags(res, explainIt, &c.flags)
	if explainIt {
		res.Reasons = recOf(res, recs).Steps()
		res.Flags = c.flags.Steps()
		c.steps.Add(decisionCode(res.Status), "", bandArg("band", res.EdgeBand, pl), explain.Date("end", res.GradualExitEnd))
		for _, m := range res.Members {
			if m.Status == MemberSinglePerson {
				c.steps.Add(explain.DecisionSinglePerson, m.ID)
			}
		}
		// The explanation: income steps, reasons, the decision, flags.
		steps := c.steps.Steps()
		nIncome := len(a.Steps)
		out := make([]explain.Step, 0, len(steps)+len(res.Reasons)+len(res.Flags))
		out = append(out, steps[:nIncome]...)
		out = append(out, res.Reasons...)
		out = append(out, steps[nIncome:]...)
		out = append(out, res.Flags...)
		res.Steps = out
	}
	return res, nil
}

func recOf(r *Result, recs [2]*explain.Recorder) *explain.Recorder {
	if r.Basis == VerifiedOnly {
		return recs[1]
	}
	return recs[0]
}

func decisionCode(s Status) explain.Code {
	switch s {
	case Edge:
		return explain.DecisionEdge
	case GradualExit:
		return explain.DecisionGradualExit
	case Dibao:
		return explain.DecisionDibao
	case Tekun:
		return explain.DecisionTekun
	}
	return explain.DecisionNotEligible
}

// bandArg names a band by its local name, or as an edge household.
func bandArg(name, code string, pl *Plan) explain.Arg {
	for _, b := range pl.Bands.V {
		if b.Code == code && b.Name != "" {
			return explain.Text(name, b.Name)
		}
	}
	return explain.Label(name, "status.edge")
}

func idOf(x income.IDs, i int) string {
	if i < len(x) {
		return x[i]
	}
	return ""
}

func dateArg(name string, d standards.Date) report.Arg {
	return report.Date(name, d.Year(), int(d.Month()), d.Day())
}

// classifier holds what one classification needs.
type classifier struct {
	pl    *Plan
	hh    *income.Compact
	ids   income.IDs
	date  standards.Date
	cur   Current
	prev  *Previous
	a     *income.Assessment
	n     int64
	line  money.Amount
	spent spent        // rigid expenditure over the last 12 months
	rigid money.Amount // monthly rigid expenditure deducted (when the Set says so)
}

// evaluate classifies on one income basis into r (reused).
func (k *classifier) evaluate(r *Result, basis IncomeBasis, rec *explain.Recorder) {
	pl := k.pl
	bands, props, members, pending := r.Bands[:0], r.Property[:0], r.Members[:0], r.Pending[:0]
	*r = Result{Date: k.date, Size: int(k.n), Standard: pl.Standard, Line: k.line, Basis: basis,
		Bands: bands, Property: props, Members: members, Pending: pending}
	countable := k.a.Countable
	if basis == VerifiedOnly {
		countable = k.a.CountableVerified
	}
	if pl.rigidOn {
		r.Rigid = k.rigid
		before := countable
		countable, _ = countable.Sub(k.rigid) // both within the household's bounds
		countable = money.Max(countable, money.Zero)
		if st := rec.Add(explain.ReasonRigidDeducted, "", explain.Money("countable", before), explain.Money("rigid", k.rigid),
			explain.Money("tested", countable)); st != nil {
			st.Cite = explain.CitationOf(pl.Rigid.Provenance)
			st.Params = []explain.Param{explain.ParamOf(pl.Rigid)}
		}
	}
	r.Countable = countable

	// 特困 first: it takes precedence over 低保.
	allTekun := true
	for i := 0; i < k.hh.N; i++ {
		mr := MemberResult{ID: idOf(k.ids, i), Countable: k.memberCountable(i, basis)}
		if k.tekun(i, mr.Countable, rec) {
			mr.Status = MemberTekun
			mr.Care = careLevel(k.hh.Members[i].Dependency)
		} else {
			allTekun = false
		}
		r.Members = append(r.Members, mr)
	}

	below := countable.Cmp(k.line) < 0
	pDibao := k.property(SchemeDibao, pl.Limits.V.Dibao, pl.Limits.V.HasDibao, k.n, -1)
	r.Property = append(r.Property, pDibao)
	code := explain.ReasonNotBelowLine
	if below {
		code = explain.ReasonBelowLine
	}
	if st := rec.Add(code, "", explain.Money("countable", countable), explain.Money("standard", pl.Standard.V),
		explain.Count("members", int(k.n)), explain.Money("line", k.line)); st != nil {
		st.Params = []explain.Param{explain.ParamOf(pl.Standard)}
	}
	if !pDibao.Within {
		k.propertyReason(rec, explain.ReasonDibaoProperty, "", pDibao)
	}
	dibao := below && pDibao.Within

	// Edge bands (R2).
	edgeBelow := false
	narrowest := -1
	for bi, b := range pl.Bands.V {
		if b.Area != standards.AreaAny && b.Area != k.hh.Area {
			continue
		}
		t, _ := k.line.MulRate(b.Multiple) // a four-place rate × a whole fen: on the grid
		bt := BandTest{Code: b.Code, Name: b.Name, Multiple: b.Multiple, Threshold: t, Below: countable.Cmp(t) < 0}
		r.Bands = append(r.Bands, bt)
		if bt.Below {
			edgeBelow = true
			if narrowest < 0 || b.Multiple.Cmp(pl.Bands.V[narrowest].Multiple) < 0 {
				narrowest = bi
			}
		}
	}
	pEdge := k.property(SchemeEdge, pl.Limits.V.Edge, pl.Limits.V.HasEdge, k.n, -1)
	r.Property = append(r.Property, pEdge)
	edge := edgeBelow && pEdge.Within
	if !dibao && rec != nil {
		for _, bt := range r.Bands {
			code := explain.ReasonEdgeNotBelow
			if bt.Below {
				code = explain.ReasonEdgeBelow
			}
			st := rec.Add(code, "", bandArg("band", bt.Code, pl), explain.Money("countable", countable),
				explain.Multiple("multiple", bt.Multiple), explain.Money("threshold", bt.Threshold))
			st.Cite = explain.CitationOf(pl.Bands.Provenance)
			st.Params = []explain.Param{explain.ParamOf(pl.Standard), explain.ParamOf(pl.Bands)}
		}
		if edgeBelow && !pEdge.Within {
			k.propertyReason(rec, explain.ReasonEdgeProperty, "", pEdge)
		}
	}

	cur := k.cur
	switch {
	case allTekun:
		r.Status = Tekun
	case dibao:
		r.Status = Dibao
	case cur.Status == GradualExit && !k.date.After(cur.GradualExitEnd) && edge:
		r.Status, r.GradualExitEnd = GradualExit, cur.GradualExitEnd
		rec.Add(explain.ReasonExitContinue, "", explain.Date("end", cur.GradualExitEnd))
	case cur.Status == GradualExit && k.date.After(cur.GradualExitEnd):
		r.Status = NotEligible
		if edge {
			r.Status = Edge
		}
		rec.Add(explain.ReasonExitEnded, "", explain.Date("end", cur.GradualExitEnd))
	case (cur.Status == Dibao || cur.Status == Tekun) && edge:
		if pl.exitErr != nil {
			// Without a maximum the gradual exit cannot be dated.
			rec.Add(explain.ReasonExitNoMaximum, "")
			r.Status = Edge
			break
		}
		r.Status = GradualExit
		r.GradualExitEnd = k.date.FirstOfMonth().AddMonths(pl.Exit.V + 1).AddDays(-1)
		if st := rec.Add(explain.ReasonExitStart, "", explain.Count("months", pl.Exit.V), explain.Date("end", r.GradualExitEnd)); st != nil {
			st.Params = []explain.Param{explain.ParamOf(pl.Exit)}
		}
	case edge:
		r.Status = Edge
	default:
		r.Status = NotEligible
	}
	ended := cur.Status == GradualExit && k.date.After(cur.GradualExitEnd)
	if cur.Status.Recipient() && r.Status == NotEligible && !ended {
		// Not even an edge household: the benefit ends at once (once
		// verified, see R11 in ClassifyCompact).
		rec.Add(explain.ReasonExitImmediate, "", explain.Label("previous", cur.Status.Label()))
	}

	if (r.Status == Edge || r.Status == GradualExit) && narrowest >= 0 {
		r.EdgeBand = pl.Bands.V[narrowest].Code
	}

	// 单人户: members of an edge household in the R3 categories, and adult,
	// unemployed, severely disabled members of any household not in 低保.
	if r.Status != Dibao && r.Status != Tekun {
		for i := 0; i < k.hh.N; i++ {
			k.singlePerson(r, i, edge, rec)
		}
	}
}

func careLevel(d income.Dependency) standards.CareLevel {
	switch d {
	case income.DependencyFull:
		return standards.CareFull
	case income.DependencySemi:
		return standards.CarePartial
	}
	return standards.CareSelf
}

// memberCountable is a member's own countable income on the basis, not
// below zero.
func (k *classifier) memberCountable(i int, basis IncomeBasis) money.Amount {
	v := k.a.Members[i].Countable
	if basis == VerifiedOnly {
		v = k.a.Members[i].CountableVerified
	}
	return money.Max(v, money.Zero)
}

// singleCategory is a member's R3 category.
func (k *classifier) singleCategory(m *income.CompactMember) explain.Code {
	switch {
	case m.Has(income.SeriouslyIll):
		return "category.serious_illness"
	case k.pl.SevereDisability(m):
		return "category.severe_disability"
	case m.ServiceGrade >= 1 && m.ServiceGrade <= 6:
		return "category.disabled_serviceman_1_6"
	case m.Has(income.SpecialCare):
		return "category.special_care"
	}
	return ""
}

func (k *classifier) singlePerson(r *Result, i int, edge bool, rec *explain.Recorder) {
	m := &k.hh.Members[i]
	category := k.singleCategory(m)
	var code explain.Code
	switch {
	case edge && category != "":
		code = explain.ReasonSingleR3
	case k.pl.SevereDisability(m) && m.AgeOn(k.date) >= 18 && !hasEarnings(k.hh, i):
		code, category = explain.ReasonSingleDisabledAdult, "category.severe_disability_adult_unemployed"
	default:
		return
	}
	id := idOf(k.ids, i)
	own := r.Members[i].Countable
	std := k.pl.Standard.V
	if own.Cmp(std) >= 0 {
		if st := rec.Add(explain.ReasonSingleIncome, id, explain.Label("category", category), explain.Money("countable", own),
			explain.Money("standard", std)); st != nil {
			st.Cite = explain.Info(code).Cite
			st.Params = []explain.Param{explain.ParamOf(k.pl.Standard)}
		}
		return
	}
	p := k.property(SchemeDibao, k.pl.Limits.V.Dibao, k.pl.Limits.V.HasDibao, 1, i)
	if !p.Within {
		k.propertyReason(rec, explain.ReasonSingleProperty, id, p)
		return
	}
	r.Members[i].Status = MemberSinglePerson
	if st := rec.Add(code, id, explain.Label("category", category), explain.Money("countable", own), explain.Money("standard", std)); st != nil {
		st.Params = []explain.Param{explain.ParamOf(k.pl.Standard)}
	}
}

func hasEarnings(hh *income.Compact, i int) bool {
	for _, in := range hh.Incomes(i) {
		if in.Kind.Labour() {
			return true
		}
	}
	return false
}

// tekun tests one member for 特困 (社会救助暂行办法 第十四条; 特困人员认定办法):
// no labour capacity, no source of living, no able legal supporter.
func (k *classifier) tekun(i int, own money.Amount, rec *explain.Recorder) bool {
	m := &k.hh.Members[i]
	age := m.AgeOn(k.date)
	cat, g := m.Disability, m.DisabilityGrade
	noLabour := age >= k.pl.AgeFrom.V || age < k.pl.AgeUnder.V || m.Labour == income.LabourNone ||
		(cat == standards.DisabilityIntellectual || cat == standards.DisabilityPsychiatric) && g >= 1 && g <= 3 ||
		cat == standards.DisabilityPhysical && (g == 1 || g == 2) ||
		cat == standards.DisabilityVisual && g == 1
	if !noLabour {
		return false // the common case: no reason recorded for able members
	}
	noSupporter := k.hh.Supporter == income.SupporterNone || k.hh.Supporter == income.SupporterUnable
	lowIncome := own.Cmp(k.pl.Standard.V) < 0
	p := k.property(SchemeTekun, k.pl.Limits.V.Tekun, k.pl.Limits.V.HasTekun, 1, i)
	id := idOf(k.ids, i)
	args := func(code explain.Code) {
		if st := rec.Add(code, id, explain.Count("age", age), explain.Money("countable", own), explain.Money("standard", k.pl.Standard.V),
			explain.Label("supporter", explain.Code("supporter."+k.hh.Supporter.String()))); st != nil {
			st.Params = []explain.Param{explain.ParamOf(k.pl.Standard), explain.ParamOf(k.pl.AgeFrom), explain.ParamOf(k.pl.AgeUnder)}
		}
	}
	switch {
	case !noSupporter:
		args(explain.ReasonTekunSupporter)
	case !lowIncome:
		args(explain.ReasonTekunIncome)
	case !p.Within:
		k.propertyReason(rec, explain.ReasonTekunProperty, id, p)
	default:
		args(explain.ReasonTekunQualifies)
		return true
	}
	return false
}

// property tests a scheme's limits for the household (member < 0) or one
// member's own property.
func (k *classifier) property(scheme Scheme, l standards.PropertyLimit, has bool, n int64, member int) PropertyTest {
	t := PropertyTest{Scheme: scheme, Tested: k.pl.hasLimits && has, Within: true}
	var assets money.Sum
	for _, p := range k.hh.Property {
		if member >= 0 && int(p.Member) != member || p.Exempt {
			continue
		}
		count := max(int(p.Count), 1)
		switch {
		case p.Kind.Financial():
			assets.Add(p.Value)
		case p.Kind == income.PropertyDwelling:
			t.Dwellings += count
		case p.Kind == income.PropertyVehicle:
			t.Vehicles += count
		}
	}
	// Validation bounds the household's property to MaxYuan in all.
	t.FinancialAssets, _ = assets.Amount()
	if !t.Tested {
		return t
	}
	perPerson, _ := k.pl.Standard.V.MulRate(l.FinancialAssetsMonths) // two places × a whole fen: on the grid
	t.AssetLimit, _ = perPerson.MulInt(n)
	t.MaxDwellings, t.VehiclesAllowed = l.MaxDwellings, l.VehiclesAllowed
	t.Within = t.FinancialAssets.Cmp(t.AssetLimit) <= 0 && t.Dwellings <= t.MaxDwellings && (t.Vehicles == 0 || t.VehiclesAllowed)
	return t
}

func (k *classifier) propertyReason(rec *explain.Recorder, code explain.Code, member string, p PropertyTest) {
	st := rec.Add(code, member, explain.Label("scheme", explain.Code("scheme."+p.Scheme.String())), explain.Money("assets", p.FinancialAssets),
		explain.Money("limit", p.AssetLimit), explain.Count("dwellings", p.Dwellings), explain.Count("max_dwellings", p.MaxDwellings),
		explain.Count("vehicles", p.Vehicles), explain.Bool("vehicles_allowed", p.VehiclesAllowed))
	if st != nil {
		st.Cite = explain.CitationOf(k.pl.Limits.Provenance)
		st.Params = []explain.Param{explain.ParamOf(k.pl.Limits)}
	}
}

// flags computes the monitoring flags (R8, R9) on the decision's figures.
func (k *classifier) flags(r *Result, explainIt bool, rec *explain.Recorder) {
	if !explainIt {
		rec = nil
	}
	mon, pl := k.pl.Monitor.V, k.pl
	monParam := func(st *explain.Step) {
		if st != nil && pl.hasMon {
			st.Params = []explain.Param{explain.ParamOf(pl.Monitor)}
		}
	}
	r.Unevaluated = r.Unevaluated[:0]
	if pl.hasMon && mon.HasNearThreshold {
		upper, _ := k.line.MulRate(mon.NearThreshold)
		if r.Countable.Cmp(k.line) >= 0 && r.Countable.Cmp(upper) < 0 {
			monParam(rec.Add(explain.FlagNearThreshold, "", explain.Money("countable", r.Countable), explain.Money("line", k.line),
				explain.Money("upper", upper)))
		}
	} else {
		r.Unevaluated = append(r.Unevaluated, explain.FlagNearThreshold)
	}
	if k.prev != nil {
		if pl.hasMon && mon.HasSharpDrop {
			// countable ≤ previous × (1 − share), compared exactly.
			if k.prev.Countable.Sign() > 0 && r.Countable.CmpProduct(k.prev.Countable, money.One.Sub(mon.SharpDrop)) <= 0 {
				monParam(rec.Add(explain.FlagSharpDrop, "", explain.Money("previous", k.prev.Countable), explain.Money("countable", r.Countable),
					explain.Percent("share", mon.SharpDrop)))
			}
		} else {
			r.Unevaluated = append(r.Unevaluated, explain.FlagSharpDrop)
		}
	}
	sp := k.spent
	if pl.hasMon && mon.HasRigidShare {
		// rigid12 > share × countable × 12, compared exactly; countable × 12
		// is within range because the household's monthly income is bounded.
		income12, _ := k.a.Countable.MulInt(12)
		if sp.all.Sign() > 0 && sp.all.CmpProduct(income12, mon.RigidShare) > 0 {
			monParam(rec.Add(explain.FlagRigidExpenditure, "", explain.Money("rigid", sp.all), explain.Money("income", income12),
				explain.Percent("share", mon.RigidShare)))
		}
	} else {
		r.Unevaluated = append(r.Unevaluated, explain.FlagRigidExpenditure)
	}
	ill, student := false, false
	for i := 0; i < k.hh.N; i++ {
		m := &k.hh.Members[i]
		id := idOf(k.ids, i)
		if k.prev != nil {
			if m.Has(income.SeriouslyIll) && !contains(k.prev.SeriouslyIll, id) {
				rec.Add(explain.FlagNewlyIll, id)
			}
			if pl.SevereDisability(m) && !contains(k.prev.SeverelyDisabled, id) {
				rec.Add(explain.FlagNewlyDisabled, id)
			}
		}
		age := m.AgeOn(k.date)
		if m.Labour.CanWork() && age >= 16 && age < 60 && !hasEarnings(k.hh, i) && !m.Has(income.Student) {
			rec.Add(explain.FlagEmployment, id)
		}
		if m.Has(income.Student) {
			student = true
			rec.Add(explain.FlagEducation, id)
		}
		ill = ill || m.Has(income.SeriouslyIll)
	}
	if sp.medical.Sign() > 0 || ill {
		rec.Add(explain.FlagMedical, "", explain.Money("medical", sp.medical))
	}
	if sp.education.Sign() > 0 && !student {
		rec.Add(explain.FlagEducationExpenditure, "", explain.Money("education", sp.education))
	}
	if sp.disaster.Sign() > 0 {
		rec.Add(explain.FlagHousing, "", explain.Money("disaster", sp.disaster))
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

// spent sums a household's rigid expenditure over the last 12 months, in
// all and by the kinds the referrals look at. Validation bounds the total
// to MaxYuan.
type spent struct{ all, medical, education, disaster money.Amount }

func spending(hh *income.Compact) spent {
	var all, med, edu, dis money.Sum
	for _, ex := range hh.Expenditures {
		all.Add(ex.Amount)
		switch ex.Kind {
		case income.ExpenditureMedical, income.ExpenditureRehabilitation:
			med.Add(ex.Amount)
		case income.ExpenditureEducation:
			edu.Add(ex.Amount)
		case income.ExpenditureDisaster, income.ExpenditureAccident:
			dis.Add(ex.Amount)
		}
	}
	var s spent
	s.all, _ = all.Amount()
	s.medical, _ = med.Amount()
	s.education, _ = edu.Amount()
	s.disaster, _ = dis.Amount()
	return s
}

// Clone copies a result so that it shares no buffer with a Classifier.
func (r *Result) Clone() *Result {
	out := *r
	out.Bands = append([]BandTest(nil), r.Bands...)
	out.Property = append([]PropertyTest(nil), r.Property...)
	out.Members = append([]MemberResult(nil), r.Members...)
	out.Pending = append([]ItemRef(nil), r.Pending...)
	out.Unevaluated = append([]explain.Code(nil), r.Unevaluated...)
	out.Reasons = explain.Clone(r.Reasons)
	out.Flags = explain.Clone(r.Flags)
	out.Steps = explain.Clone(r.Steps)
	if r.Income != nil {
		a := *r.Income
		a.Lines = append([]income.Line(nil), a.Lines...)
		a.Members = append([]income.MemberTotal(nil), a.Members...)
		a.Steps = explain.Clone(a.Steps)
		out.Income = &a
	}
	return &out
}
