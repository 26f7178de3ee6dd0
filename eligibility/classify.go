package eligibility

import (
	"math/bits"
	"slices"

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
	// A Classifier of its own, dropped afterwards: the result shares its
	// buffers with nothing else, and needs no copy.
	var c Classifier
	return c.Classify(req, set)
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
	all      []explain.Step // the result's whole explanation
	p        report.List
	ages     []int
}

// Classify validates the request and classifies it (compiling a plan).
func (c *Classifier) Classify(req Request, set *standards.Set) (*Result, error) {
	c.p.Reset()
	if set == nil {
		c.p.Add("standards", report.MsgRequired)
	}
	if req.Date.IsZero() {
		c.p.Add("date", report.MsgRequired)
	}
	if req.Household == nil {
		c.p.Add("household", report.MsgRequired)
		return nil, c.p.Err(problem.SubjectRequest)
	}
	// Every problem at once: the household's (a zero date skips only the
	// checks that need one) and the current standing's.
	ids, err := income.CompactOf(req.Household, &c.hh, req.Date)
	if c.p.AddFrom(err) {
		ids = req.Household.MemberIDs()
	}
	c.p.AddFrom(CheckCurrent(&req.Current, ids, req.Date))
	if err := c.p.Err(problem.SubjectRequest); err != nil {
		return nil, err
	}
	pl, err := NewPlan(set, c.hh.Region, c.hh.Area, req.Date, req.Options.KnownOn, income.WagesOn(set, req.Date, req.Options.KnownOn, standards.Region{}))
	if err != nil {
		return nil, income.NotCovered("region", err)
	}
	res, err := c.ClassifyCompact(pl, &c.hh, ids, req.Date, req.Current, req.Previous, true)
	if err == nil && !req.Options.Explain {
		res.Steps, res.Income.Steps = nil, nil
	}
	return res, err
}

// CheckCurrent checks a current standing for a decision on date: the
// household's, and its members' own (ids are the household's member IDs).
// A member has a 单人户 standing only while the household is not itself a
// 低保 recipient: a person is never paid twice for the same month.
func CheckCurrent(cur *Current, ids income.IDs, date standards.Date) error {
	var p report.List
	if !cur.Status.Valid() {
		p.Add("current.status", report.MsgBadEnum, report.Str("value", cur.Status.String()), report.Choices("allowed", statusNames.List()))
	}
	if cur.Status == GradualExit && cur.GradualExitEnd.IsZero() {
		p.Add("current.gradual_exit_end", report.MsgExitEndRequired)
	}
	if !cur.Since.IsZero() && !date.IsZero() && cur.Since.After(date) {
		p.Add("current.since", report.MsgFutureSince, dateArg("since", cur.Since), dateArg("date", date))
	}
	if len(cur.Members) > income.MaxMembers {
		p.Add("current.members", report.MsgTooManyItems, report.Int("n", int64(len(cur.Members))), report.Int("max", income.MaxMembers))
		return p.Err(problem.SubjectRequest)
	}
	for i, m := range cur.Members {
		path := problem.Index("current.members", i)
		switch j := ids.Find(m.ID); {
		case m.ID == "":
			p.Add(problem.Join(path, "id"), report.MsgRequired)
		case j < 0:
			p.Add(problem.Join(path, "id"), report.MsgUnknownMember, report.Str("id", m.ID))
		default:
			for _, o := range cur.Members[:i] {
				if o.ID == m.ID {
					p.Add(problem.Join(path, "id"), report.MsgDuplicateValue, report.Str("value", m.ID))
					break
				}
			}
		}
		switch {
		case m.Status == MemberNone || !m.Status.Valid():
			p.Add(problem.Join(path, "status"), report.MsgMemberStatus, report.Str("status", m.Status.String()))
		case m.Status != MemberTekun && (cur.Status == Dibao || cur.Status == GradualExit || cur.Status == Tekun):
			p.Add(problem.Join(path, "status"), report.MsgMemberInHousehold, report.Words("status", explain.Words(cur.Status.Label(), true),
				explain.Words(cur.Status.Label(), false)))
		case m.Status == MemberGradualExit && m.GradualExitEnd.IsZero():
			p.Add(problem.Join(path, "gradual_exit_end"), report.MsgExitEndRequired)
		}
		if !m.Since.IsZero() && !date.IsZero() && m.Since.After(date) {
			p.Add(problem.Join(path, "since"), report.MsgFutureSince, dateArg("since", m.Since), dateArg("date", date))
		}
	}
	return p.Err(problem.SubjectRequest)
}

// ClassifyCompact classifies a validated compact household on a plan
// compiled for its region, area and date (cur as CheckCurrent accepts it).
// With explainIt set it records the reasons, flags and the whole
// explanation; without, only the figures and statuses (the batch path),
// allocating nothing once warm. A form that did not pass validation and
// cannot be read is refused with income.CheckCompact's problems.
func (c *Classifier) ClassifyCompact(pl *Plan, hh *income.Compact, ids income.IDs, date standards.Date, cur Current, prev *Previous, explainIt bool) (*Result, error) {
	c.p.Reset()
	if pl.standardErr != nil || pl.bandsErr != nil || pl.ageErr != nil {
		// A form that cannot be read is bad input before the standards
		// are found wanting (AssessCompact checks it on every other path).
		if err := income.CheckCompact(hh); err != nil {
			return nil, err
		}
	}
	if pl.standardErr != nil {
		return nil, income.NotCovered("region", pl.standardErr)
	}
	if pl.bandsErr != nil {
		return nil, income.NotCovered("region", pl.bandsErr)
	}
	if pl.ageErr != nil {
		return nil, income.NotCovered("region", pl.ageErr)
	}
	if pl.exitErr == nil {
		// An exit found in the latest possible month ends at most this day.
		latest := date.FirstOfMonth().AddMonths(pl.Exit.V + 1).AddDays(-1)
		beyond := func(path string, end standards.Date) {
			if end.After(latest) {
				c.p.Add(path, report.MsgExitEndBeyond, dateArg("end", end), report.Int("months", int64(pl.Exit.V)), dateArg("max", latest))
			}
		}
		if cur.Status == GradualExit {
			beyond("current.gradual_exit_end", cur.GradualExitEnd)
		}
		for i, m := range cur.Members {
			if m.Status == MemberGradualExit {
				beyond(problem.Join(problem.Index("current.members", i), "gradual_exit_end"), m.GradualExitEnd)
			}
		}
		if c.p.Len() > 0 {
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
	c.ages = c.ages[:0]
	y, m, d := date.YMD()
	for i := 0; i < hh.N; i++ {
		c.ages = append(c.ages, income.AgeOnYMD(hh.Members[i].BirthDate, y, m, d))
	}
	k := &classifier{pl: pl, hh: hh, ids: ids, date: date, cur: cur, prev: prev, a: a, ages: c.ages}
	k.spent = spending(hh, 0)
	var recs [2]*explain.Recorder
	if explainIt {
		recs = [2]*explain.Recorder{&c.recs[0], &c.recs[1]}
		recs[0].Reset()
		recs[1].Reset()
	}
	all := &c.res[0]
	k.evaluate(all, AllItems, recs[0])
	res := all
	if a.Suspected && k.err == nil {
		ver := &c.res[1]
		k.evaluate(ver, VerifiedOnly, recs[1])
		if worse(all, ver) {
			if cur.recipient() {
				// R11: a recipient — the household or a member — loses
				// nothing on suspicions alone.
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
					explain.Label("status_verified", ver.Status.Label()), explain.Bool("kept", cur.recipient()))
			}
		}
	}
	if k.err != nil {
		return nil, income.NotCovered("region", k.err)
	}
	res.Income = a
	if explainIt {
		// The monitoring flags and referrals are part of the explanation;
		// the batch path, which records none, skips them.
		c.flags.Reset()
		k.r1(res, recOf(res, recs), &c.flags, explainIt)
		k.flags(res, explainIt, &c.flags)
	} else {
		res.Unevaluated = res.Unevaluated[:0]
	}
	if explainIt {
		res.Reasons = recOf(res, recs).Steps()
		res.Flags = c.flags.Steps()
		switch res.Status {
		case Edge:
			c.steps.Add(decisionCode(res.Status), "", bandArg("band", res.EdgeBand, pl))
		case GradualExit:
			c.steps.Add(decisionCode(res.Status), "", explain.Date("end", res.GradualExitEnd))
		default:
			c.steps.Add(decisionCode(res.Status), "")
		}
		for _, m := range res.Members {
			switch {
			case m.Status == MemberSinglePerson:
				c.steps.Add(explain.DecisionSinglePerson, m.ID)
			case m.Status == MemberGradualExit:
				c.steps.Add(explain.DecisionMemberExit, m.ID, explain.Date("end", m.GradualExitEnd))
			case m.Status == MemberTekun && res.Status != Tekun:
				if st := c.steps.Add(explain.DecisionMemberTekun, m.ID); st != nil {
					st.Params = c.steps.Params(explain.ParamOf(pl.Mixed))
				}
			}
		}
		// The explanation: income steps, reasons, the decision, flags.
		steps := c.steps.Steps()
		nIncome := len(a.Steps)
		out := append(slices.Grow(c.all[:0], len(steps)+len(res.Reasons)+len(res.Flags)), steps[:nIncome]...)
		out = append(out, res.Reasons...)
		out = append(out, steps[nIncome:]...)
		out = append(out, res.Flags...)
		res.Steps, c.all = out, out
	}
	return res, nil
}

// worse reports that deciding on every item (all) would leave the household
// or a member worse off than deciding on verified items only (ver).
func worse(all, ver *Result) bool {
	if ver.Status > all.Status || ver.Status == all.Status && all.Countable.Cmp(ver.Countable) > 0 {
		return true
	}
	for i := range all.Members {
		if i < len(ver.Members) && ver.Members[i].Status.rank() > all.Members[i].Status.rank() {
			return true
		}
	}
	return false
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
			return explain.Names(name, b.Name, b.NameEN)
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
	spent spent // rigid expenditure over the last 12 months
	err   error // a standard the Set lacks, found while evaluating
	ages  []int // each member's age on the date, computed once
}

// age returns member i's age on the decision's date.
func (k *classifier) age(i int) int { return k.ages[i] }

// fail records the first standards error met while evaluating.
func (k *classifier) fail(err error) {
	if k.err == nil {
		k.err = err
	}
}

// evaluate classifies on one income basis into r (reused).
//
// Order: each member's 特困 test; the household's 低保 test over the members
// not supported alone as 特困 (all of them, unless the Set's mixed-household
// rule separates them); the edge bands; the household's status with the
// gradual exit (R4: only for a 低保 household whose income now fails); then,
// for a household that is not itself a 低保 recipient, the 单人户 members
// and their gradual exits.
func (k *classifier) evaluate(r *Result, basis IncomeBasis, rec *explain.Recorder) {
	pl, hh := k.pl, k.hh
	bands, props, members, pending, unev := r.Bands[:0], r.Property[:0], r.Members[:0], r.Pending[:0], r.Unevaluated[:0]
	*r = Result{Date: k.date, Size: hh.N, Standard: pl.Standard, Basis: basis,
		Bands: bands, Property: props, Members: members, Pending: pending, Unevaluated: unev}
	std := pl.Standard.V

	// 特困, member by member (社会救助暂行办法 第十四条).
	var tekun uint64
	for i := 0; i < hh.N; i++ {
		mr := MemberResult{ID: idOf(k.ids, i), Age: k.age(i), Countable: k.memberCountable(i, basis)}
		r.Members = append(r.Members, mr)
	}
	// An adult member of working age who can work owes support to the
	// others (民发〔2021〕57号: the household is the people with legal support
	// duties living together).
	able := k.ableSupporter()
	for i := 0; i < hh.N; i++ {
		if k.tekun(i, r.Members[i].Countable, able, rec) {
			tekun |= 1 << uint(i)
		}
	}
	full := uint64(1)<<uint(hh.N) - 1
	if tekun != 0 && tekun != full {
		if pl.mixedErr != nil {
			k.fail(pl.mixedErr)
			return
		}
		if pl.Mixed.V == standards.MixedWhole {
			for i := 0; i < hh.N; i++ {
				if tekun&(1<<uint(i)) != 0 {
					if st := rec.Add(explain.ReasonTekunMixedWhole, idOf(k.ids, i)); st != nil {
						st.Cite = explain.CitationOf(pl.Mixed.Provenance)
						st.Params = rec.Params(explain.ParamOf(pl.Mixed))
					}
				}
			}
			tekun = 0
		}
	}
	for i := 0; i < hh.N; i++ {
		if tekun&(1<<uint(i)) != 0 {
			r.Members[i].Status = MemberTekun
			r.Members[i].Care = careLevel(hh.Members[i].Dependency)
		}
	}
	allTekun := tekun == full
	if allTekun {
		// Every member is 特困: the household is, and its 低保 test, run
		// over all of them, is shown beside.
		tekun = 0
	}
	tested := hh.N - bits.OnesCount64(tekun)
	r.Tested = tested
	r.Line, _ = std.MulInt(int64(tested)) // a standard below a million yuan × at most 50

	// The tested members' income, less rigid expenditure where the Set says so.
	countable := k.countable(basis, tekun)
	if pl.rigidOn {
		sp := k.spent
		if tekun != 0 {
			sp = spending(hh, tekun)
		}
		r.Rigid, _ = sp.all.QuoInt(12) // whole fen ÷ 12: exact
		before := countable
		countable, _ = countable.Sub(r.Rigid) // both within the household's bounds
		countable = money.Max(countable, money.Zero)
		if st := rec.Add(explain.ReasonRigidDeducted, "", explain.Money("countable", before), explain.Money("rigid", r.Rigid),
			explain.Money("tested", countable)); st != nil {
			st.Cite = explain.CitationOf(pl.Rigid.Provenance)
			st.Params = rec.Params(explain.ParamOf(pl.Rigid))
		}
	}
	r.Countable = countable

	below := countable.Cmp(r.Line) < 0
	pDibao := k.property(SchemeDibao, pl.Limits.V.Dibao, pl.Limits.V.HasDibao, -1, tekun)
	r.Property = append(r.Property, pDibao)
	code := explain.ReasonNotBelowLine
	if below {
		code = explain.ReasonBelowLine
	}
	if rec != nil {
		st := rec.Add(code, "", explain.Money("countable", countable), explain.Money("standard", std),
			explain.Count("members", tested), explain.Money("line", r.Line))
		st.Params = rec.Params(explain.ParamOf(pl.Standard))
	}
	if !pDibao.Within {
		k.propertyReason(rec, explain.ReasonDibaoProperty, "", pDibao)
	}
	dibao := below && pDibao.Within

	// Edge bands (R2).
	edgeBelow := false
	narrowest := -1
	for bi, b := range pl.Bands.V {
		if b.Area != standards.AreaAny && b.Area != hh.Area {
			continue
		}
		// The threshold per person (rounded where the Set says so) × the
		// members tested: without a rule, multiple × the line.
		t, _ := pl.BandPerPerson(b).MulInt(int64(tested))
		bt := BandTest{Code: b.Code, Name: b.Name, NameEN: b.NameEN, Multiple: b.Multiple, Threshold: t, Below: countable.Cmp(t) < 0}
		r.Bands = append(r.Bands, bt)
		if bt.Below {
			edgeBelow = true
			if narrowest < 0 || b.Multiple.Cmp(pl.Bands.V[narrowest].Multiple) < 0 {
				narrowest = bi
			}
		}
	}
	pEdge := k.property(SchemeEdge, pl.Limits.V.Edge, pl.Limits.V.HasEdge, -1, tekun)
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
			if pl.hasBandRule {
				st.Params = rec.Params(explain.ParamOf(pl.Standard), explain.ParamOf(pl.Bands), explain.ParamOf(pl.BandRule))
			} else {
				st.Params = rec.Params(explain.ParamOf(pl.Standard), explain.ParamOf(pl.Bands))
			}
		}
		if edgeBelow && !pEdge.Within {
			k.propertyReason(rec, explain.ReasonEdgeProperty, "", pEdge)
		}
	}

	// The household's status. R4: a 低保 household whose income is no longer
	// below the line but which meets the edge conditions gets a gradual
	// exit — not one that fails on property, and not a 特困 household
	// (unless the Set says so): those are classified afresh.
	if allTekun {
		r.Status = Tekun
		return
	}
	cur := k.cur
	ended := cur.Status == GradualExit && k.date.After(cur.GradualExitEnd)
	exitFrom := cur.Status == Dibao || cur.Status == Tekun && pl.tekunExitOn
	switch {
	case dibao:
		r.Status = Dibao
	case cur.Status == GradualExit && !ended && edge:
		r.Status, r.GradualExitEnd = GradualExit, cur.GradualExitEnd
		rec.Add(explain.ReasonExitContinue, "", explain.Date("end", cur.GradualExitEnd))
	case ended:
		r.Status = NotEligible
		if edge {
			r.Status = Edge
		}
		rec.Add(explain.ReasonExitEnded, "", explain.Date("end", cur.GradualExitEnd))
	case exitFrom && !below && edge:
		if pl.exitErr != nil {
			// Without a maximum the gradual exit cannot be dated.
			rec.Add(explain.ReasonExitNoMaximum, "")
			r.Status = Edge
			break
		}
		r.Status = GradualExit
		r.GradualExitEnd = k.date.FirstOfMonth().AddMonths(pl.Exit.V + 1).AddDays(-1)
		if st := rec.Add(explain.ReasonExitStart, "", explain.Count("months", pl.Exit.V), explain.Date("end", r.GradualExitEnd)); st != nil {
			if cur.Status == Tekun {
				st.Params = rec.Params(explain.ParamOf(pl.Exit), explain.ParamOf(pl.TekunExit))
			} else {
				st.Params = rec.Params(explain.ParamOf(pl.Exit))
			}
		}
	case edge:
		r.Status = Edge
	default:
		r.Status = NotEligible
	}
	if cur.Status == Tekun && !exitFrom {
		rec.Add(explain.ReasonTekunNoExit, "")
	}
	if cur.Status.Recipient() && r.Status == NotEligible && !ended {
		// Not even an edge household: the benefit ends at once (once
		// verified, see R11 in ClassifyCompact).
		rec.Add(explain.ReasonExitImmediate, "", explain.Label("previous", cur.Status.Label()))
	}
	if (r.Status == Edge || r.Status == GradualExit) && narrowest >= 0 {
		r.EdgeBand = pl.Bands.V[narrowest].Code
	}

	// 单人户 (R3, 黑民规〔2023〕1号), only beside a household that is not itself
	// paid: the members of a 低保 household or one in a gradual exit are
	// paid within it, never again alone.
	for i := 0; i < hh.N; i++ {
		if tekun&(1<<uint(i)) != 0 {
			continue
		}
		if r.Status == Dibao || r.Status == GradualExit {
			if code, _, own := k.singleRoute(r, i, edge, nil); code != "" && own.Cmp(std) < 0 || k.cur.Member(idOf(k.ids, i)).Status != MemberNone {
				rec.Add(explain.ReasonSingleInHousehold, idOf(k.ids, i), explain.Label("status", r.Status.Label()))
			}
			continue
		}
		k.singlePerson(r, i, edge, rec)
		if r.Members[i].Status == MemberNone {
			k.memberExit(r, i, edge, rec)
		}
	}
}

// countable is the countable income on the basis of the household's
// members less those in the mask: the household's figure when the mask is
// empty, else the sum of the others' own figures, never below 0.
func (k *classifier) countable(basis IncomeBasis, excluded uint64) money.Amount {
	if excluded == 0 {
		if basis == VerifiedOnly {
			return k.a.CountableVerified
		}
		return k.a.Countable
	}
	var sum money.Sum
	for i := 0; i < k.hh.N; i++ {
		if excluded&(1<<uint(i)) != 0 {
			continue
		}
		m := &k.a.Members[i]
		if basis == VerifiedOnly {
			sum.Add(m.CountableVerified)
		} else {
			sum.Add(m.Countable)
		}
	}
	v, _ := sum.Amount() // parts of the household's bounded figures
	return money.Max(v, money.Zero)
}

// ableSupporter returns a member who can support the others — an adult
// under the age without labour capacity, able to work, neither severely
// disabled nor seriously ill — or −1.
func (k *classifier) ableSupporter() int {
	for i := 0; i < k.hh.N; i++ {
		m := &k.hh.Members[i]
		if k.age(i) >= 18 && !k.noLabour(i) && m.Labour.CanWork() && !k.pl.SevereDisability(m) && !m.Has(income.SeriouslyIll) {
			return i
		}
	}
	return -1
}

// noLabour reports a member without labour capacity for 特困 (特困人员认定办法
// 第六条): aged from the Set's age, or under its age; found unable to work;
// disabled from work (income.CompactMember.DisabledFromWork).
func (k *classifier) noLabour(i int) bool {
	m := &k.hh.Members[i]
	age := k.age(i)
	return age >= k.pl.AgeFrom.V || age < k.pl.AgeUnder.V || m.Labour == income.LabourNone || m.DisabledFromWork()
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

// exempted is a member's support that a case-level exemption may leave out
// (黑民规〔2023〕1号), on the basis.
func (k *classifier) exempted(i int, basis IncomeBasis) money.Amount {
	if basis == VerifiedOnly {
		return k.a.Members[i].ExemptedVerified
	}
	return k.a.Members[i].Exempted
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

// singleRoute finds the way member i may be brought in alone: R3 (a member
// of an edge household in an R3 category) when the own income is below the
// standard, else 黑民规〔2023〕1号 (an adult, unemployed, severely disabled
// member, assessed alone, with any case-level exemption of support). It
// returns the reason code ("" for none), the category and the own income
// tested; with rec set it records the exemption used.
func (k *classifier) singleRoute(r *Result, i int, edge bool, rec *explain.Recorder) (explain.Code, explain.Code, money.Amount) {
	m := &k.hh.Members[i]
	own := r.Members[i].Countable
	category := k.singleCategory(m)
	r3 := edge && category != ""
	disabledAdult := k.pl.SevereDisability(m) && k.age(i) >= 18 && !hasEarnings(k.hh, i)
	switch {
	case r3 && (own.Cmp(k.pl.Standard.V) < 0 || !disabledAdult):
		return explain.ReasonSingleR3, category, own
	case disabledAdult:
		if ex := k.exempted(i, r.Basis); ex.Sign() > 0 {
			own, _ = own.Sub(ex) // the exempted support is part of the own income
			own = money.Max(own, money.Zero)
			rec.Add(explain.StepSupportExempted, idOf(k.ids, i), explain.Money("monthly", ex))
		}
		return explain.ReasonSingleDisabledAdult, "category.severe_disability_adult_unemployed", own
	}
	return "", category, own
}

func (k *classifier) singlePerson(r *Result, i int, edge bool, rec *explain.Recorder) {
	id := idOf(k.ids, i)
	code, category, own := k.singleRoute(r, i, edge, rec)
	if code != explain.ReasonSingleDisabledAdult && k.exempted(i, r.Basis).Sign() > 0 {
		rec.Add(explain.ReasonExemptNotApplied, id)
	}
	if code == "" {
		return
	}
	std := k.pl.Standard.V
	if own.Cmp(std) >= 0 {
		if rec == nil {
			return
		}
		if st := rec.Add(explain.ReasonSingleIncome, id, explain.Label("category", category), explain.Money("countable", own),
			explain.Money("standard", std)); st != nil {
			st.Cite = explain.Info(code).Cite
			st.Params = rec.Params(explain.ParamOf(k.pl.Standard))
		}
		return
	}
	p := k.property(SchemeDibao, k.pl.Limits.V.Dibao, k.pl.Limits.V.HasDibao, i, 0)
	if !p.Within {
		k.propertyReason(rec, explain.ReasonSingleProperty, id, p)
		return
	}
	r.Members[i].Status = MemberSinglePerson
	r.Members[i].Countable = own
	if rec != nil {
		st := rec.Add(code, id, explain.Label("category", category), explain.Money("countable", own), explain.Money("standard", std))
		st.Params = rec.Params(explain.ParamOf(k.pl.Standard))
	}
}

// memberExit applies R4 to a member who was a 单人户 recipient and no longer
// is one: a gradual exit when the member's own income is now not below the
// standard (and nothing else failed) but the member, taken alone, meets the
// edge conditions; the exit continues while they hold, to its last day.
func (k *classifier) memberExit(r *Result, i int, edge bool, rec *explain.Recorder) {
	id := idOf(k.ids, i)
	mc := k.cur.Member(id)
	switch mc.Status {
	case MemberGradualExit:
		if k.date.After(mc.GradualExitEnd) {
			rec.Add(explain.ReasonSingleExitEnded, id, explain.Date("end", mc.GradualExitEnd))
			return
		}
		if k.edgeAlone(i, r.Members[i].Countable) {
			r.Members[i].Status, r.Members[i].GradualExitEnd = MemberGradualExit, mc.GradualExitEnd
			rec.Add(explain.ReasonSingleExitContinue, id, explain.Date("end", mc.GradualExitEnd))
			return
		}
	case MemberSinglePerson:
		code, _, own := k.singleRoute(r, i, edge, nil)
		incomeFails := code != "" && own.Cmp(k.pl.Standard.V) >= 0 &&
			k.property(SchemeDibao, k.pl.Limits.V.Dibao, k.pl.Limits.V.HasDibao, i, 0).Within
		if incomeFails && k.edgeAlone(i, own) {
			if k.pl.exitErr != nil {
				rec.Add(explain.ReasonExitNoMaximum, id)
				break
			}
			end := k.date.FirstOfMonth().AddMonths(k.pl.Exit.V + 1).AddDays(-1)
			r.Members[i].Status, r.Members[i].GradualExitEnd, r.Members[i].Countable = MemberGradualExit, end, own
			if st := rec.Add(explain.ReasonSingleExitStart, id, explain.Count("months", k.pl.Exit.V), explain.Date("end", end)); st != nil {
				st.Params = rec.Params(explain.ParamOf(k.pl.Exit))
			}
			return
		}
	default:
		return
	}
	if rec != nil {
		rec.Add(explain.ReasonSingleExitImmediate, id, explain.Label("previous", explain.Code("member."+mc.Status.String())))
	}
}

// edgeAlone reports whether member i, taken alone with own income own,
// meets the edge conditions: below a band's multiple of the standard, and
// the member's property within the edge limits.
func (k *classifier) edgeAlone(i int, own money.Amount) bool {
	below := false
	for _, b := range k.pl.Bands.V {
		if (b.Area == standards.AreaAny || b.Area == k.hh.Area) && own.Cmp(k.pl.BandPerPerson(b)) < 0 {
			below = true
			break
		}
	}
	return below && k.property(SchemeEdge, k.pl.Limits.V.Edge, k.pl.Limits.V.HasEdge, i, 0).Within
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
// no labour capacity, no able legal supporter — in the household (able, a
// member index, or −1) or outside it —, no source of living.
func (k *classifier) tekun(i int, own money.Amount, able int, rec *explain.Recorder) bool {
	age := k.age(i)
	if !k.noLabour(i) {
		return false // the common case: no reason recorded for able members
	}
	if able >= 0 {
		rec.Add(explain.ReasonTekunInHousehold, idOf(k.ids, i), explain.Count("age", age), explain.Text("supporter", idOf(k.ids, able)))
		return false
	}
	noSupporter := k.hh.Supporter == income.SupporterNone || k.hh.Supporter == income.SupporterUnable
	lowIncome := own.Cmp(k.pl.Standard.V) < 0
	switch {
	case !noSupporter:
		k.tekunReason(rec, explain.ReasonTekunSupporter, i, age, own)
	case !lowIncome:
		k.tekunReason(rec, explain.ReasonTekunIncome, i, age, own)
	default:
		p := k.property(SchemeTekun, k.pl.Limits.V.Tekun, k.pl.Limits.V.HasTekun, i, 0)
		if !p.Within {
			k.propertyReason(rec, explain.ReasonTekunProperty, idOf(k.ids, i), p)
			return false
		}
		k.tekunReason(rec, explain.ReasonTekunQualifies, i, age, own)
		return true
	}
	return false
}

// tekunReason records a 特困 reason for member i, when recording.
func (k *classifier) tekunReason(rec *explain.Recorder, code explain.Code, i, age int, own money.Amount) {
	if rec == nil {
		return
	}
	st := rec.Add(code, idOf(k.ids, i), explain.Count("age", age), explain.Money("countable", own), explain.Money("standard", k.pl.Standard.V),
		explain.Label("supporter", explain.Code("supporter."+k.hh.Supporter.String())))
	st.Params = rec.Params(explain.ParamOf(k.pl.Standard), explain.ParamOf(k.pl.AgeFrom), explain.ParamOf(k.pl.AgeUnder))
}

// property tests a scheme's limits, for one member assessed alone (member ≥
// 0) or for the household's members but those in excluded (member < 0),
// who are supported alone with their own property. Property the household
// holds jointly counts by the Set's shared-property rule when the test is
// not of the whole household: financial assets in equal shares (compared
// exactly, without dividing) and each member counting shared dwellings and
// vehicles, or all of it.
func (k *classifier) property(scheme Scheme, l standards.PropertyLimit, has bool, member int, excluded uint64) PropertyTest {
	t := PropertyTest{Scheme: scheme, Tested: k.pl.hasLimits && has, Within: true, SharedPart: 1, SharedOf: 1}
	var own, shared money.Sum
	jointly := false
	for _, p := range k.hh.Property {
		if p.Exempt {
			continue
		}
		if p.Member >= 0 {
			if member >= 0 && int(p.Member) != member || member < 0 && excluded&(1<<uint(p.Member)) != 0 {
				continue
			}
		} else {
			jointly = true
		}
		count := max(int(p.Count), 1)
		switch {
		case p.Kind.Financial() && p.Member < 0:
			shared.Add(p.Value)
		case p.Kind.Financial():
			own.Add(p.Value)
		case p.Kind == income.PropertyDwelling:
			t.Dwellings += count
		case p.Kind == income.PropertyVehicle:
			t.Vehicles += count
		}
	}
	// Validation bounds the household's property to MaxYuan in all.
	t.FinancialAssets, _ = own.Amount()
	t.Shared, _ = shared.Amount()
	alone := member >= 0 || excluded != 0
	n := int64(k.hh.N) - int64(bits.OnesCount64(excluded))
	if member >= 0 {
		n = 1
	}
	if !t.Tested {
		t.FinancialAssets, _ = t.FinancialAssets.Add(t.Shared) // shown whole: nothing is tested
		t.Shared = money.Zero
		return t
	}
	if alone && jointly {
		if k.pl.sharedErr != nil {
			k.fail(k.pl.sharedErr)
			return t
		}
		if k.pl.Shared.V == standards.SharedEqualShares {
			t.SharedPart, t.SharedOf = int(n), k.hh.N
		}
		t.SharedRule = &k.pl.Shared
	}
	if t.SharedPart == t.SharedOf {
		t.FinancialAssets, _ = t.FinancialAssets.Add(t.Shared) // within the household's bound
		t.Shared, t.SharedPart, t.SharedOf = money.Zero, 1, 1
	}
	t.MaxDwellings, t.VehiclesAllowed = l.MaxDwellings, l.VehiclesAllowed
	t.AssetLimit, t.LimitInRange = k.assetLimit(l, n)
	// assets + shared × part ÷ of ≤ limit ⇔ (limit − assets) × of ≥ shared × part.
	assetsOK := true
	if t.LimitInRange {
		room, _ := t.AssetLimit.Sub(t.FinancialAssets) // both within range
		assetsOK = room.Sign() >= 0 && money.CmpScaled(room, int64(t.SharedOf), t.Shared, int64(t.SharedPart)) >= 0
	}
	t.Within = assetsOK && t.Dwellings <= t.MaxDwellings && (t.Vehicles == 0 || t.VehiclesAllowed)
	return t
}

// assetLimit is months × standard × members, and whether it lies within
// money's range (beyond it no household's assets can reach it).
func (k *classifier) assetLimit(l standards.PropertyLimit, n int64) (money.Amount, bool) {
	perPerson, ok := k.pl.Standard.V.MulRate(l.FinancialAssetsMonths) // two places × a whole fen: on the grid
	if !ok {
		return money.Zero, false
	}
	limit, ok := perPerson.MulInt(n)
	if !ok {
		return money.Zero, false
	}
	return limit, true
}

func (k *classifier) propertyReason(rec *explain.Recorder, code explain.Code, member string, p PropertyTest) {
	if rec == nil {
		return
	}
	if p.Shared.Sign() > 0 && p.SharedRule != nil {
		if st := rec.Add(explain.ReasonPropertyShared, member, explain.Label("scheme", explain.Code("scheme."+p.Scheme.String())),
			explain.Money("shared", p.Shared), explain.Count("part", p.SharedPart), explain.Count("of", p.SharedOf)); st != nil {
			st.Cite = explain.CitationOf(p.SharedRule.Provenance)
			st.Params = rec.Params(explain.ParamOf(*p.SharedRule))
		}
	}
	st := rec.Add(code, member, explain.Label("scheme", explain.Code("scheme."+p.Scheme.String())), explain.Money("assets", p.FinancialAssets),
		explain.Money("limit", p.AssetLimit), explain.Count("dwellings", p.Dwellings), explain.Count("max_dwellings", p.MaxDwellings),
		explain.Count("vehicles", p.Vehicles), explain.Bool("vehicles_allowed", p.VehiclesAllowed))
	if st != nil {
		st.Cite = explain.CitationOf(k.pl.Limits.Provenance)
		st.Params = rec.Params(explain.ParamOf(k.pl.Limits))
	}
}

// r1 applies R1 (黑民规〔2021〕11号 四（一）) to a household marked as 脱贫人口
// or 监测对象: its members who fully or partly lost labour capacity are
// assessed under the normal 低保 and 特困 rules (which evaluate has done),
// and referred for temporary and special assistance by hardship type.
func (k *classifier) r1(r *Result, rec, flags *explain.Recorder, explainIt bool) {
	if k.hh.Poverty == income.PovertyNone || !explainIt {
		return
	}
	var lost []string
	for i := 0; i < k.hh.N; i++ {
		if l := k.hh.Members[i].Labour; l == income.LabourNone || l == income.LabourPartial {
			lost = append(lost, idOf(k.ids, i))
		}
	}
	who := "—"
	if len(lost) > 0 {
		who = joinIDs(lost)
	}
	rec.Add(explain.ReasonR1, "", explain.Label("poverty", explain.Code("poverty."+k.hh.Poverty.String())), explain.Text("members", who))
	if len(lost) > 0 {
		flags.Add(explain.FlagR1Referral, "", explain.Text("members", who))
	}
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += id
	}
	return s
}

// flags computes the monitoring flags (R8, R9) on the decision's figures.
func (k *classifier) flags(r *Result, explainIt bool, rec *explain.Recorder) {
	if !explainIt {
		rec = nil
	}
	mon, pl := k.pl.Monitor.V, k.pl
	monParam := func(st *explain.Step) {
		if st != nil && pl.hasMon {
			st.Params = rec.Params(explain.ParamOf(pl.Monitor))
		}
	}
	r.Unevaluated = r.Unevaluated[:0]
	if pl.hasMon && mon.HasNearThreshold {
		upper, _ := r.Line.MulRate(mon.NearThreshold)
		if r.Countable.Cmp(r.Line) >= 0 && r.Countable.Cmp(upper) < 0 {
			monParam(rec.Add(explain.FlagNearThreshold, "", explain.Money("countable", r.Countable), explain.Money("line", r.Line),
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
	student := false
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
		age := k.age(i)
		if m.Labour.CanWork() && age >= 16 && age < 60 && !hasEarnings(k.hh, i) && !m.Has(income.Student) {
			rec.Add(explain.FlagEmployment, id)
		}
		if m.Has(income.Student) {
			student = true
			rec.Add(explain.FlagEducation, id)
		}
		if m.Has(income.SeriouslyIll) {
			rec.Add(explain.FlagMedicalIllness, id)
		}
	}
	if sp.medical.Sign() > 0 {
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
// all and by the kinds the referrals look at, leaving out that of the
// members in excluded. Validation bounds the total to MaxYuan.
type spent struct{ all, medical, education, disaster money.Amount }

func spending(hh *income.Compact, excluded uint64) spent {
	var all, med, edu, dis money.Sum
	for _, ex := range hh.Expenditures {
		if ex.Member >= 0 && excluded&(1<<uint(ex.Member)) != 0 {
			continue // a member supported alone
		}
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
