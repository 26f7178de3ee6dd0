package payment

import (
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// priceSubsidy adds the month's price subsidy (R5): for each covered person,
// the month's 低保 standard × the triggering rise (the higher if both
// trigger), rounded as the Set declares (whole yuan, 四舍五入), at least the
// floor.
func (p *payer) priceSubsidy() {
	pr := p.req.Prices
	if !pr.HasCPI && !pr.HasFoodCPI {
		return
	}
	if pr.Month.IsZero() {
		p.invalid.Add("prices.month", report.MsgPricesMonth)
		return
	}
	set := p.pl.Eligibility.Income.Set
	q := standards.Query{Region: p.hh.Region, Area: p.hh.Area, Date: pr.Month, KnownOn: p.req.Options.KnownOn}
	link, err := standards.Lookup(set, standards.ParamPriceLinkage, q)
	if err != nil {
		p.notCovered("prices", err)
		return
	}
	var rise money.Rate
	index := explain.Code("")
	if pr.HasCPI && pr.CPI.Cmp(link.V.CPITrigger) >= 0 {
		rise, index = pr.CPI, "index.cpi"
	}
	if pr.HasFoodCPI && pr.FoodCPI.Cmp(link.V.FoodCPITrigger) >= 0 && (index == "" || pr.FoodCPI.Cmp(rise) > 0) {
		rise, index = pr.FoodCPI, "index.food_cpi"
	}
	if index == "" {
		// No trigger this month: nothing is paid, and the explanation says
		// why for each index given.
		if p.rec != nil {
			for _, x := range [...]struct {
				has           bool
				code          explain.Code
				rise, trigger money.Rate
			}{{pr.HasCPI, "index.cpi", pr.CPI, link.V.CPITrigger}, {pr.HasFoodCPI, "index.food_cpi", pr.FoodCPI, link.V.FoodCPITrigger}} {
				if x.has {
					p.notes = append(p.notes, explain.Step{Code: explain.StepPriceNotTriggered,
						Args:   []explain.Arg{explain.Label("index", x.code), explain.Percent("rise", x.rise), explain.Percent("trigger", x.trigger)},
						Params: []explain.Param{explain.ParamOf(link)}})
				}
			}
		}
		return
	}
	anyone := false
	for i := range p.cls.Members {
		anyone = anyone || p.coveredBy(i, link.V.Covered) != standards.GroupNone
	}
	if !anyone {
		return
	}
	rule, err := standards.Lookup(set, standards.RoundPriceSubsidy, q)
	if err != nil {
		p.probs.Add("prices", report.MsgRoundingRequired, report.Words("what", "价格临时补贴", "the price subsidy"),
			report.Str("value", "—"), report.Str("param", standards.RoundPriceSubsidy.Name()))
		return
	}
	std := p.cls.Standard
	if !pr.Month.Equal(p.req.Date) { // the standard of the subsidy's month
		if std, err = standards.Lookup(set, standards.ParamDibaoStandard, q); err != nil {
			p.notCovered("prices.month", err)
			return
		}
	}
	// Per person, by the Set's formula: the standard × the rise (R5), a
	// fixed amount, or the standard × the share of the rise's band — exact,
	// rounded by the Set's rule (a standard below a million yuan × a rate
	// of at most 100 %), times a temporary multiplier (on the rounded
	// amount, rounded again), at least the floor. Each covered person is
	// paid once, in one line.
	lk := link.V
	step := explain.LinePriceSubsidy
	var exact money.Amount
	var band standards.PriceBand
	switch lk.Formula {
	case standards.PriceFixed:
		exact, step = lk.Amount, explain.LinePriceSubsidyFixed
	case standards.PriceBanded:
		found := false
		for _, b := range lk.Bands {
			if rise.Cmp(b.From) >= 0 {
				band, found = b, true
			}
		}
		if !found {
			return // triggered, but below the first band: nothing is paid
		}
		exact, _ = std.V.MulRate(band.Share)
		step = explain.LinePriceSubsidyBanded
	default:
		exact, _ = std.V.MulRate(rise)
	}
	per, _ := exact.Round(rule.V)
	base := per
	if lk.HasMultiplier {
		// A whole fen × a four-place rate is on the grid; rounded again.
		exact, _ = per.MulRate(lk.Multiplier)
		per, _ = exact.Round(rule.V)
		step = explain.LinePriceSubsidyMultiplied
	}
	floored := lk.HasFloor && per.Cmp(lk.Floor) < 0
	for i, m := range p.cls.Members {
		g := p.coveredBy(i, lk.Covered)
		if g == standards.GroupNone {
			continue
		}
		l := Line{Code: explain.LinePriceSubsidy, Step: step, Member: m.ID, Exact: exact, Amount: per, Rounding: &rule, Cite: explain.CitationOf(link.Provenance)}
		if step == explain.LinePriceSubsidy {
			l.Step = ""
		}
		switch {
		case floored:
			// The floor is paid as it is: an exact amount, not a rounding.
			l.Step, l.Exact, l.Amount, l.Rounding = explain.LinePriceSubsidyFloor, lk.Floor, lk.Floor, nil
		case per == exact:
			l.Rounding = nil // nothing to round
		}
		if p.rec != nil {
			l.Args = []explain.Arg{explain.Label("group", explain.Code("group."+g.String())), explain.Label("index", index),
				explain.Percent("rise", rise), explain.Money("standard", std.V)}
			switch {
			case floored:
				l.Args = append(l.Args, explain.Money("computed", per), explain.Money("floor", lk.Floor))
			case step == explain.LinePriceSubsidyFixed:
				l.Args = append(l.Args, explain.Money("amount", lk.Amount), explain.Money("exact", exact))
			case step == explain.LinePriceSubsidyBanded:
				l.Args = append(l.Args, explain.Percent("from", band.From), explain.Percent("share", band.Share), explain.Money("exact", exact))
			case step == explain.LinePriceSubsidyMultiplied:
				l.Args = append(l.Args, explain.Label("formula", explain.Code("price_formula."+lk.Formula.String())), explain.Money("base", base),
					explain.Multiple("multiplier", lk.Multiplier), explain.Money("exact", exact))
			default:
				l.Args = append(l.Args, explain.Money("exact", exact))
			}
			l.Args = append(l.Args, explain.Money("paid", l.Amount))
			l.Params = []explain.Param{explain.ParamOf(link), explain.ParamOf(std)}
			if l.Rounding != nil || lk.HasMultiplier {
				l.Params = append(l.Params, explain.ParamOf(rule))
			}
		}
		p.d.Lines = append(p.d.Lines, l)
	}
}

// coveredBy returns the group by which member i is covered by the price
// subsidy (R5), or GroupNone: the group of the member's classification (特困
// members, members of a 低保 household or one in a gradual exit, 单人户
// members and those in their gradual exit, edge-household members), else
// a group the member carries on their own — the first the Set covers.
func (p *payer) coveredBy(i int, groups []standards.Group) standards.Group {
	cls := p.cls
	has := func(g standards.Group) bool {
		for _, x := range groups {
			if x == g {
				return true
			}
		}
		return false
	}
	var own standards.Group
	switch m := cls.Members[i]; {
	case m.Status == eligibility.MemberTekun:
		own = standards.GroupTekun
	case m.Status == eligibility.MemberSinglePerson || m.Status == eligibility.MemberGradualExit:
		own = standards.GroupDibao
	case cls.Status == eligibility.Dibao || cls.Status == eligibility.GradualExit:
		own = standards.GroupDibao
	case cls.Status == eligibility.Edge:
		own = standards.GroupEdgeHousehold
	}
	if own != standards.GroupNone && has(own) {
		return own
	}
	m := &p.hh.Members[i]
	for _, g := range groups {
		if income.MemberGroup(g) && m.InGroup(g) {
			return g
		}
	}
	return standards.GroupNone
}

// temporary computes a temporary-assistance schedule (R10): the cap is the
// Set's multiple for the hardship × the monthly standard of the place of the
// emergency (× members where the Set says so); the approved amount is the
// request, within the cap; it is paid in equal instalments rounded down to
// the instalment rule's unit (the fen without one), the last taking the
// remainder, over at most the Set's maximum number of months.
func (p *payer) temporary(s *Schedule) {
	t := p.req.Temporary
	set := p.pl.Eligibility.Income.Set
	area := t.Area
	if area == standards.AreaAny {
		area = p.hh.Area
	}
	q := standards.Query{Region: t.Place, Area: area, Date: p.req.Date, KnownOn: p.req.Options.KnownOn}
	caps, err := standards.Lookup(set, standards.ParamTemporaryAssistanceCaps, q)
	if err != nil {
		p.notCovered("temporary.place", err)
		return
	}
	var c *standards.AssistanceCap
	names := ""
	for i := range caps.V {
		if caps.V[i].Hardship == t.Hardship {
			c = &caps.V[i]
		}
		if i > 0 {
			names += ", "
		}
		names += caps.V[i].Hardship
	}
	if c == nil {
		p.invalid.Add("temporary.hardship", report.MsgHardshipUnknown, report.Str("value", t.Hardship), report.Choices("allowed", names))
		return
	}
	std, err := standards.Lookup(set, standards.ParamDibaoStandard, q)
	if err != nil {
		p.notCovered("temporary.place", err)
		return
	}
	limit, _ := std.V.MulRate(c.Multiple) // a four-place multiple × a whole fen: on the grid
	if c.PerMember {
		limit, _ = limit.MulInt(int64(p.hh.N))
	}
	maxN, err := standards.Lookup(set, standards.ParamTemporaryAssistanceMaxInstalments, q)
	if err != nil {
		p.notCovered("temporary.place", err)
		return
	}
	if t.Instalments < 1 || t.Instalments > maxN.V {
		p.invalid.Add("temporary.instalments", report.MsgInstalments, report.Int("n", int64(t.Instalments)), report.Int("max", int64(maxN.V)))
		return
	}
	if !t.HasRequested {
		// Checked on the request; a compact caller may skip that check. The
		// cap is a maximum, never a default.
		p.invalid.Add("temporary.requested", report.MsgRequestedRequired)
		return
	}
	approved := money.Min(t.Requested, limit)
	rule, rerr := standards.Lookup(set, standards.RoundTemporaryAssistance, q)
	switch {
	case rerr == nil:
		approved, _ = approved.Round(rule.V)
		if approved.Cmp(limit) > 0 { // rounding never lifts it over the cap
			approved, _ = limit.Round(money.Rule{Unit: rule.V.Unit, Mode: money.ModeDown})
		}
	case !approved.IsFen():
		p.probs.Add("temporary", report.MsgRoundingRequired, report.Words("what", "临时救助金", "temporary assistance"),
			report.Str("value", approved.String()), report.Str("param", standards.RoundTemporaryAssistance.Name()))
		return
	}
	s.Hardship, s.Place, s.Cap, s.Approved, s.PaidFirst = t.Hardship, t.Place, limit, approved, t.PaidFirst
	n := int64(t.Instalments)
	each := approved
	if n > 1 {
		// Equal shares, rounded down to the unit of the Set's instalment rule
		// (the fen without one); the last instalment takes the remainder.
		unit := money.UnitFen
		if inst, err := standards.Lookup(set, standards.RoundInstalment, q); err == nil {
			unit = inst.V.Unit
		}
		each, _ = approved.QuoRound(n, money.Rule{Unit: unit, Mode: money.ModeDown})
	}
	paid := money.Zero
	for k := int64(1); k <= n; k++ {
		amt := each
		if k == n {
			amt, _ = approved.Sub(paid)
		}
		paid, _ = paid.Add(amt)
		s.Instalments = append(s.Instalments, Instalment{Number: int(k), Amount: amt})
	}
	p.d.Temporary = s
	p.tempCap = caps
}
