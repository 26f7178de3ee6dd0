package eligibility

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/cite"
	"github.com/dibao-go/dibao/standards"
)

// ErrInvalidRequest reports a request that cannot be classified: no
// household, no date, or an inconsistent current status.
var ErrInvalidRequest = errors.New("eligibility: invalid request")

// classifier holds what one classification needs.
type classifier struct {
	req   Request
	h     *income.Household
	set   *standards.Set
	q     standards.Query
	std   standards.Value[decimal.Decimal]
	n     int64
	line  decimal.Decimal
	bands standards.Value[[]standards.Band]

	limits    standards.Value[standards.PropertyLimits]
	hasLimits bool
	grade3    []string
	rigidOn   bool
	rigidV    standards.Value[bool]
	monitor   standards.Value[standards.Monitoring]
	hasMon    bool
	exitV     standards.Value[int]
	exitErr   error
	spent     spent         // rigid expenditure over the last 12 months
	rigid     income.Amount // monthly rigid expenditure deducted (when the Set says so)
	a         *income.Assessment
}

// optional turns "not covered" into absence; other errors stay errors.
func optional[T any](v standards.Value[T], err error) (standards.Value[T], bool, error) {
	if errors.Is(err, standards.ErrNotCovered) {
		return v, false, nil
	}
	return v, err == nil, err
}

// Classify classifies a household on a date: 低保, edge household, 单人户
// members, gradual exit, 特困, with the no-sudden-stop guard (R11) and the
// monitoring flags. "Not eligible" is a Result; errors are for bad input
// (*income.InputError, ErrInvalidRequest) and standards the Set lacks
// (*income.FieldError).
func Classify(req Request, set *standards.Set) (*Result, error) {
	if req.Household == nil {
		return nil, fmt.Errorf("%w: no household", ErrInvalidRequest)
	}
	if req.Date.IsZero() {
		return nil, fmt.Errorf("%w: no date: %w", ErrInvalidRequest, standards.ErrInvalidDate)
	}
	if int(req.Current.Status) >= len(statusNames) {
		return nil, fmt.Errorf("%w: current.status %d is not a status", ErrInvalidRequest, req.Current.Status)
	}
	if req.Current.Status == GradualExit && req.Current.GradualExitEnd.IsZero() {
		return nil, fmt.Errorf("%w: current.gradual_exit_end is required for a household in gradual exit", ErrInvalidRequest)
	}
	if req.Previous != nil && req.Previous.Countable.Sign() < 0 {
		return nil, fmt.Errorf("%w: previous.countable is negative", ErrInvalidRequest)
	}
	a, err := income.Assess(req.Household, set, req.Date, req.Options)
	if err != nil {
		return nil, err
	}
	c := &classifier{req: req, h: req.Household, set: set, a: a, n: int64(len(req.Household.Members))}
	c.q = standards.Query{Region: c.h.Region, Area: c.h.Area, Date: req.Date, KnownOn: req.Options.KnownOn}
	if c.std, err = set.DibaoStandard(c.q); err != nil {
		return nil, &income.FieldError{Path: "region", Err: err}
	}
	c.line = c.std.V.Mul(decimal.NewFromInt(c.n))
	if c.bands, err = set.EdgeBands(c.q); err != nil {
		return nil, &income.FieldError{Path: "region", Err: err}
	}
	if c.limits, c.hasLimits, err = optional(set.PropertyLimits(c.q)); err != nil {
		return nil, &income.FieldError{Path: "region", Err: err}
	}
	g3, hasG3, err := optional(set.SevereGrade3Categories(c.q))
	if err != nil {
		return nil, &income.FieldError{Path: "region", Err: err}
	}
	if hasG3 {
		c.grade3 = g3.V
	}
	var hasRigid bool
	if c.rigidV, hasRigid, err = optional(set.RigidExpenditureDeduction(c.q)); err != nil {
		return nil, &income.FieldError{Path: "region", Err: err}
	}
	c.rigidOn = hasRigid && c.rigidV.V
	if c.monitor, c.hasMon, err = optional(set.Monitoring(c.q)); err != nil {
		return nil, &income.FieldError{Path: "region", Err: err}
	}
	c.exitV, c.exitErr = set.GradualExitMaxMonths(c.q)
	c.spent = spending(c.h)
	if c.rigidOn {
		c.rigid = income.FromUnits(c.spent.all.Units() / 12) // Grid is divisible by 12
	}

	all := c.evaluate(AllItems)
	res := all
	if a.Suspected {
		ver := c.evaluate(VerifiedOnly)
		worse := ver.Status.rank() > all.Status.rank() ||
			ver.Status == all.Status && all.Countable.Cmp(ver.Countable) > 0
		if worse {
			if req.Current.Status.Recipient() {
				// R11: a recipient loses nothing on suspicions alone.
				res = ver
			}
			res.VerificationRequired = true
			for _, m := range c.h.Members {
				for j, in := range m.Incomes {
					if in.Verification == income.Suspected {
						res.Pending = append(res.Pending, ItemRef{Member: m.ID, Item: j})
					}
				}
			}
			res.Reasons = append(res.Reasons, Reason{Code: "r11.verification_required", Cite: cite.HLJ("四（八）"),
				Figures: []Figure{{"countable_all_items", all.Countable.String()}, {"countable_verified", ver.Countable.String()},
					{"status_all_items", all.Status.String()}, {"status_verified", ver.Status.String()},
					{"kept", strconv.FormatBool(req.Current.Status.Recipient())}}})
		}
	}
	res.Income = a
	c.flags(res)
	if req.Options.Explain {
		res.Steps = append(slices.Clone(a.Steps), c.steps(res)...)
	}
	return res, nil
}

// evaluate classifies on one income basis.
func (c *classifier) evaluate(basis Basis) *Result {
	r := &Result{Date: c.req.Date, Size: int(c.n), Standard: c.std, Line: c.line, Basis: basis}
	countable := c.a.Countable
	if basis == VerifiedOnly {
		countable = c.a.CountableVerified
	}
	if c.rigidOn {
		r.Rigid = c.rigid
		before := countable
		countable = countable.Sub(c.rigid)
		if countable.Sign() < 0 {
			countable = income.Amount{}
		}
		r.addReason("rigid.deducted", "", standards.CitationOf(c.rigidV.Provenance),
			Figure{"countable", before.String()}, Figure{"rigid_monthly", c.rigid.String()}, Figure{"tested", countable.String()})
	}
	r.Countable = countable

	// 特困 first: it takes precedence over 低保.
	allTekun := true
	for i := range c.h.Members {
		mr := MemberResult{ID: c.h.Members[i].ID, Countable: c.memberCountable(i, basis)}
		if c.tekun(r, i, mr.Countable) {
			mr.Status = MemberTekun
			mr.Care = careLevel(c.h.Members[i].Dependency)
		} else {
			allTekun = false
		}
		r.Members = append(r.Members, mr)
	}

	below := countable.CmpDecimal(c.line) < 0
	pDibao := c.property("dibao", c.limits.V.Dibao, c.limits.V.HasDibao, c.n, "")
	r.Property = append(r.Property, pDibao)
	figs := []Figure{{"countable", countable.String()}, {"standard", c.std.V.String()}, {"members", strconv.FormatInt(c.n, 10)}, {"line", c.line.String()}}
	if below {
		r.addReason("dibao.below_line", "", cite.MeansTest(), figs...)
	} else {
		r.addReason("dibao.not_below_line", "", cite.MeansTest(), figs...)
	}
	if !pDibao.Within {
		r.addReason("dibao.property_exceeds", "", standards.CitationOf(c.limits.Provenance), propertyFigures(pDibao)...)
	}
	dibao := below && pDibao.Within

	// Edge bands (R2).
	edgeBelow := false
	var narrowest *standards.Band
	for _, b := range c.bands.V {
		if b.Area != standards.AreaAny && b.Area != c.h.Area {
			continue
		}
		t := b.Multiple.Mul(c.line)
		bt := BandTest{Code: b.Code, Multiple: b.Multiple, Threshold: t, Below: countable.CmpDecimal(t) < 0}
		r.Bands = append(r.Bands, bt)
		if bt.Below {
			edgeBelow = true
			if narrowest == nil || b.Multiple.Cmp(narrowest.Multiple) < 0 {
				bb := b
				narrowest = &bb
			}
		}
	}
	pEdge := c.property("edge", c.limits.V.Edge, c.limits.V.HasEdge, c.n, "")
	r.Property = append(r.Property, pEdge)
	edge := edgeBelow && pEdge.Within
	if !dibao {
		for _, bt := range r.Bands {
			code := "edge.not_below_band"
			if bt.Below {
				code = "edge.below_band"
			}
			r.addReason(code, "", standards.CitationOf(c.bands.Provenance), Figure{"band", bt.Code},
				Figure{"countable", countable.String()}, Figure{"multiple", bt.Multiple.String()}, Figure{"threshold", bt.Threshold.String()})
		}
		if edgeBelow && !pEdge.Within {
			r.addReason("edge.property_exceeds", "", standards.CitationOf(c.limits.Provenance), propertyFigures(pEdge)...)
		}
	}

	cur := c.req.Current
	switch {
	case allTekun:
		r.Status = Tekun
	case dibao:
		r.Status = Dibao
	case cur.Status == GradualExit && !c.req.Date.After(cur.GradualExitEnd) && edge:
		r.Status, r.GradualExitEnd = GradualExit, cur.GradualExitEnd
		r.addReason("gradual_exit.continue", "", cite.HLJ("四（一）"), Figure{"end", cur.GradualExitEnd.String()})
	case cur.Status == GradualExit && c.req.Date.After(cur.GradualExitEnd):
		r.Status = NotEligible
		if edge {
			r.Status = Edge
		}
		r.addReason("gradual_exit.ended", "", cite.HLJ("四（一）"), Figure{"end", cur.GradualExitEnd.String()})
	case (cur.Status == Dibao || cur.Status == Tekun) && edge:
		if c.exitErr != nil {
			// Without a maximum the gradual exit cannot be dated.
			r.addReason("gradual_exit.no_maximum", "", cite.HLJ("四（一）"))
			r.Status = Edge
			break
		}
		r.Status = GradualExit
		r.GradualExitEnd = c.req.Date.FirstOfMonth().AddMonths(c.exitV.V + 1).AddDays(-1)
		r.addReason("gradual_exit.start", "", cite.HLJ("四（一）"), Figure{"max_months", strconv.Itoa(c.exitV.V)},
			Figure{"end", r.GradualExitEnd.String()})
	case edge:
		r.Status = Edge
	default:
		r.Status = NotEligible
	}
	ended := cur.Status == GradualExit && c.req.Date.After(cur.GradualExitEnd)
	if cur.Status.Recipient() && r.Status == NotEligible && !ended {
		// Not even an edge household: the benefit ends at once (once
		// verified, see R11 in Classify).
		r.addReason("exit.immediate", "", cite.MeansTest(), Figure{"previous", cur.Status.String()})
	}

	if (r.Status == Edge || r.Status == GradualExit) && narrowest != nil {
		r.EdgeBand = narrowest.Code
	}

	// 单人户: members of an edge household in the R3 categories, and adult,
	// unemployed, severely disabled members of any household not in 低保.
	if r.Status != Dibao && r.Status != Tekun {
		for i := range c.h.Members {
			c.singlePerson(r, i, edge)
		}
	}
	return r
}

func (r *Result) addReason(code, member string, cite standards.Citation, figs ...Figure) {
	r.Reasons = append(r.Reasons, Reason{Code: code, Member: member, Cite: cite, Figures: figs})
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
func (c *classifier) memberCountable(i int, basis Basis) income.Amount {
	v := c.a.Members[i].Countable
	if basis == VerifiedOnly {
		v = c.a.Members[i].CountableVerified
	}
	if v.Sign() < 0 {
		return income.Amount{}
	}
	return v
}

// severe reports 重度残疾: grade 1–2, or grade 3 of a category the Set lists.
func (c *classifier) severe(m *income.Member) bool { return SevereDisability(m, c.grade3) }

// SevereDisability reports a 重度残疾人: disability grade 1 or 2, or grade 3
// of a category in grade3 (the Set's severe_grade3_categories).
func SevereDisability(m *income.Member, grade3 []string) bool {
	d := m.Disability
	return d.Severe() || d.Category != income.DisabilityNone && d.Grade == 3 && slices.Contains(grade3, d.Category.String())
}

func (c *classifier) singlePerson(r *Result, i int, edge bool) {
	m := &c.h.Members[i]
	var category string
	switch {
	case m.SeriousIllness:
		category = "serious_illness"
	case c.severe(m):
		category = "severe_disability"
	case m.ServiceDisabilityGrade >= 1 && m.ServiceDisabilityGrade <= 6:
		category = "disabled_serviceman_1_6"
	case m.SpecialCare:
		category = "special_care"
	}
	code, rule := "", standards.Citation{}
	switch {
	case edge && category != "":
		code, rule = "single_person.r3", cite.HLJ("四（一）")
	case c.severe(m) && m.AgeOn(c.req.Date) >= 18 && !hasEarnings(m):
		code, rule, category = "single_person.disabled_adult", cite.DisabledAdult(), "severe_disability_adult_unemployed"
	default:
		return
	}
	own := r.Members[i].Countable
	p := c.property("dibao", c.limits.V.Dibao, c.limits.V.HasDibao, 1, m.ID)
	figs := []Figure{{"category", category}, {"countable", own.String()}, {"standard", c.std.V.String()}}
	if own.CmpDecimal(c.std.V) >= 0 {
		r.addReason("single_person.income_not_below", m.ID, rule, figs...)
		return
	}
	if !p.Within {
		r.addReason("single_person.property_exceeds", m.ID, rule, propertyFigures(p)...)
		return
	}
	r.Members[i].Status = MemberSinglePerson
	r.addReason(code, m.ID, rule, figs...)
}

func hasEarnings(m *income.Member) bool {
	for _, in := range m.Incomes {
		if in.Kind == standards.IncomeWage || in.Kind == standards.IncomeBusinessNet {
			return true
		}
	}
	return false
}

// tekun tests one member for 特困 (社会救助暂行办法 第十四条): no labour
// capacity, no source of living, no able legal supporter.
func (c *classifier) tekun(r *Result, i int, own income.Amount) bool {
	m := &c.h.Members[i]
	age := m.AgeOn(c.req.Date)
	d := m.Disability
	noLabour := age >= 60 || age < 16 || m.Labour == income.LabourNone ||
		(d.Category == income.DisabilityIntellectual || d.Category == income.DisabilityPsychiatric) && d.Grade >= 1 && d.Grade <= 3 ||
		d.Category == income.DisabilityPhysical && (d.Grade == 1 || d.Grade == 2) ||
		d.Category == income.DisabilityVisual && d.Grade == 1
	if !noLabour {
		return false // the common case: no reason recorded for able members
	}
	noSupporter := c.h.Supporter == income.SupporterNone || c.h.Supporter == income.SupporterUnable
	lowIncome := own.CmpDecimal(c.std.V) < 0
	p := c.property("tekun", c.limits.V.Tekun, c.limits.V.HasTekun, 1, m.ID)
	figs := []Figure{{"age", strconv.Itoa(age)}, {"countable", own.String()}, {"standard", c.std.V.String()},
		{"supporter", supporterName(c.h.Supporter)}}
	switch {
	case !noSupporter:
		r.addReason("tekun.supporter", m.ID, cite.Interim("第十四条"), figs...)
	case !lowIncome:
		r.addReason("tekun.income_not_below", m.ID, cite.Interim("第十四条"), figs...)
	case !p.Within:
		r.addReason("tekun.property_exceeds", m.ID, cite.Interim("第十四条"), propertyFigures(p)...)
	default:
		r.addReason("tekun.qualifies", m.ID, cite.Interim("第十四条"), figs...)
		return true
	}
	return false
}

func supporterName(s income.Supporter) string {
	if s == income.SupporterUnknown {
		return "unknown"
	}
	return s.String()
}

// property tests a scheme's limits for the household (member == "") or one member.
func (c *classifier) property(scheme string, l standards.PropertyLimit, has bool, n int64, member string) PropertyTest {
	t := PropertyTest{Scheme: scheme, Tested: c.hasLimits && has, Within: true}
	var assets income.Amount
	for _, p := range c.h.Property {
		if member != "" && p.Member != member || p.Exempt {
			continue
		}
		count := max(p.Count, 1)
		switch {
		case p.Kind.Financial():
			a, _ := income.FromDecimal(p.Value)
			assets = assets.Add(a)
		case p.Kind == income.PropertyDwelling:
			t.Dwellings += count
		case p.Kind == income.PropertyVehicle:
			t.Vehicles += count
		}
	}
	t.FinancialAssets, _ = assets.Decimal()
	if !t.Tested {
		return t
	}
	t.AssetLimit = l.FinancialAssetsMonths.Mul(c.std.V).Mul(decimal.NewFromInt(n))
	t.MaxDwellings, t.VehiclesAllowed = l.MaxDwellings, l.VehiclesAllowed
	t.Within = assets.CmpDecimal(t.AssetLimit) <= 0 && t.Dwellings <= t.MaxDwellings && (t.Vehicles == 0 || t.VehiclesAllowed)
	return t
}

func propertyFigures(p PropertyTest) []Figure {
	return []Figure{{"scheme", p.Scheme}, {"financial_assets", p.FinancialAssets.String()}, {"limit", p.AssetLimit.String()},
		{"dwellings", strconv.Itoa(p.Dwellings)}, {"max_dwellings", strconv.Itoa(p.MaxDwellings)},
		{"vehicles", strconv.Itoa(p.Vehicles)}, {"vehicles_allowed", strconv.FormatBool(p.VehiclesAllowed)}}
}

// flags computes the monitoring flags (R8, R9) on the decision's figures.
func (c *classifier) flags(r *Result) {
	add := func(code, member string, figs ...Figure) {
		rule := cite.HLJ("四（三）") // dynamic monitoring (R8)
		switch {
		case code == "monitor.rigid_expenditure":
			rule = cite.RigidFamily()
		case len(code) > 9 && code[:9] == "referral.":
			rule = cite.HLJ("四（五）") // special assistance (R9)
		}
		r.Flags = append(r.Flags, Flag{Code: code, Member: member, Cite: rule, Figures: figs})
	}
	mon := c.monitor.V
	if c.hasMon && mon.HasNearThreshold {
		upper := mon.NearThreshold.Mul(c.line)
		if r.Countable.CmpDecimal(c.line) >= 0 && r.Countable.CmpDecimal(upper) < 0 {
			add("monitor.near_threshold", "", Figure{"countable", r.Countable.String()}, Figure{"line", c.line.String()}, Figure{"upper", upper.String()})
		}
	} else {
		r.Unevaluated = append(r.Unevaluated, "monitor.near_threshold")
	}
	if c.req.Previous != nil {
		if c.hasMon && mon.HasSharpDrop {
			floor := c.req.Previous.Countable.Mul(dOne.Sub(mon.SharpDrop))
			if c.req.Previous.Countable.Sign() > 0 && r.Countable.CmpDecimal(floor) <= 0 {
				add("monitor.sharp_drop", "", Figure{"previous", c.req.Previous.Countable.String()}, Figure{"countable", r.Countable.String()},
					Figure{"share", mon.SharpDrop.String()})
			}
		} else {
			r.Unevaluated = append(r.Unevaluated, "monitor.sharp_drop")
		}
	}
	rigid12, medical, education, disaster := c.spent.all, c.spent.medical, c.spent.education, c.spent.disaster
	if c.hasMon && mon.HasRigidShare {
		// rigid12 > share × countable × 12, compared exactly.
		lhs := rigid12.Rat()
		rhs := new(big.Rat).Mul(c.a.Countable.Rat(), new(big.Rat).SetInt64(12))
		rhs.Mul(rhs, mon.RigidShare.Rat())
		if rigid12.Sign() > 0 && lhs.Cmp(rhs) > 0 {
			add("monitor.rigid_expenditure", "", Figure{"rigid_12_months", rigid12.String()},
				Figure{"income_12_months", c.a.Countable.MulInt(12).String()}, Figure{"share", mon.RigidShare.String()})
		}
	} else {
		r.Unevaluated = append(r.Unevaluated, "monitor.rigid_expenditure")
	}
	for i := range c.h.Members {
		m := &c.h.Members[i]
		if c.req.Previous != nil {
			if m.SeriousIllness && !slices.Contains(c.req.Previous.SeriouslyIll, m.ID) {
				add("monitor.newly_ill", m.ID)
			}
			if c.severe(m) && !slices.Contains(c.req.Previous.SeverelyDisabled, m.ID) {
				add("monitor.newly_disabled", m.ID)
			}
		}
		age := m.AgeOn(c.req.Date)
		if m.Labour.CanWork() && age >= 16 && age < 60 && !hasEarnings(m) && !m.Student {
			add("referral.employment", m.ID)
		}
		if m.Student {
			add("referral.education", m.ID)
		}
	}
	if medical.Sign() > 0 || slices.ContainsFunc(c.h.Members, func(m income.Member) bool { return m.SeriousIllness }) {
		add("referral.medical", "", Figure{"medical_12_months", medical.String()})
	}
	if education.Sign() > 0 && !slices.ContainsFunc(r.Flags, func(f Flag) bool { return f.Code == "referral.education" }) {
		add("referral.education", "", Figure{"education_12_months", education.String()})
	}
	if disaster.Sign() > 0 {
		add("referral.housing", "", Figure{"disaster_accident_12_months", disaster.String()})
	}
}

var dOne = decimal.NewFromInt(1)

// spent sums a household's rigid expenditure over the last 12 months, in
// all and by the kinds the referrals look at.
type spent struct{ all, medical, education, disaster income.Amount }

func spending(h *income.Household) spent {
	var s spent
	for _, ex := range h.Expenditures {
		a, _ := income.FromDecimal(ex.Amount) // validated by income.Assess
		s.all = s.all.Add(a)
		switch ex.Kind {
		case income.ExpenditureMedical, income.ExpenditureRehabilitation:
			s.medical = s.medical.Add(a)
		case income.ExpenditureEducation:
			s.education = s.education.Add(a)
		case income.ExpenditureDisaster, income.ExpenditureAccident:
			s.disaster = s.disaster.Add(a)
		}
	}
	return s
}
