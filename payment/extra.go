package payment

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

// priceSubsidy adds the month's price subsidy (R5): for each covered person,
// the monthly standard × the triggering rise (the higher if both trigger),
// rounded as the Set declares (whole yuan, 四舍五入), at least the floor.
func (p *payer) priceSubsidy() error {
	pr := p.req.Prices
	if pr.CPI.Sign() < 0 && pr.FoodCPI.Sign() < 0 {
		return nil
	}
	q := p.q
	if !pr.Month.IsZero() {
		q.Date = pr.Month
	}
	link, err := p.set.PriceLinkage(q)
	if err != nil {
		return &income.FieldError{Path: "prices", Err: err}
	}
	var rise decimal.Decimal
	var index string
	if pr.CPI.Cmp(link.V.CPITrigger) >= 0 {
		rise, index = pr.CPI, "cpi"
	}
	if pr.FoodCPI.Cmp(link.V.FoodCPITrigger) >= 0 && pr.FoodCPI.Cmp(rise) > 0 {
		rise, index = pr.FoodCPI, "food_cpi"
	}
	if index == "" {
		return nil // no trigger this month: nothing is paid
	}
	covered := p.coveredPersons(link.V.Covered)
	if covered == 0 {
		return nil
	}
	rule, err := p.set.Rounding(standards.RoundPriceSubsidy, q)
	if err != nil {
		return &income.FieldError{Path: "prices", Err: fmt.Errorf("%w at %s: %w", ErrRoundingRequired, standards.RoundPriceSubsidy, err)}
	}
	std := p.cls.Standard
	if !q.Date.Equal(p.req.Date) { // the standard of the subsidy's month
		if std, err = p.set.DibaoStandard(q); err != nil {
			return &income.FieldError{Path: "prices.month", Err: err}
		}
	}
	per := rule.V.Apply(std.V.Mul(rise))
	if link.V.HasFloor && per.Cmp(link.V.Floor) < 0 {
		per = link.V.Floor
	}
	total := per.Mul(decimal.NewFromInt(int64(covered)))
	p.d.Lines = append(p.d.Lines, Line{Code: "price_subsidy", Exact: amountOf(total), Amount: total, Rounding: &rule,
		Cite: standards.CitationOf(link.Provenance),
		Figures: []eligibility.Figure{{Name: "index", Value: index}, {Name: "rise", Value: rise.String()},
			{Name: "standard", Value: std.V.String()}, {Name: "per_person", Value: per.String()},
			{Name: "persons", Value: strconv.Itoa(covered)}}})
	return nil
}

// coveredPersons counts the household members in the covered groups: every
// member of a 低保 or gradual-exit household, 特困 members, single-person
// members, and edge-household members when edge households are covered.
func (p *payer) coveredPersons(groups []standards.Group) int {
	cls := p.cls
	has := func(g standards.Group) bool { return slices.Contains(groups, g) }
	switch {
	case cls.Status == eligibility.Tekun && has(standards.GroupTekun):
		return cls.Size
	case (cls.Status == eligibility.Dibao || cls.Status == eligibility.GradualExit) && has(standards.GroupDibao):
		return cls.Size
	case cls.Status == eligibility.Edge && has(standards.GroupEdgeHousehold):
		return cls.Size
	}
	n := 0
	for _, m := range cls.Members {
		if m.Status == eligibility.MemberSinglePerson && has(standards.GroupDibao) {
			n++
		}
	}
	return n
}

// temporary computes a temporary-assistance schedule (R10): the cap is the
// Set's multiple for the hardship × the monthly standard of the place of the
// emergency (× members where the Set says so); the approved amount is the
// request, within the cap; it is paid in equal instalments (rounded as the
// Set declares), the last taking the remainder, over at most the Set's
// maximum number of months.
func (p *payer) temporary() error {
	t := p.req.Temporary
	area := t.Area
	if area == standards.AreaAny {
		area = p.req.Household.Area
	}
	q := standards.Query{Region: t.Place, Area: area, Date: p.req.Date, KnownOn: p.req.Options.KnownOn}
	caps, err := p.set.TemporaryAssistanceCaps(q)
	if err != nil {
		return &income.FieldError{Path: "temporary.place", Err: err}
	}
	i := slices.IndexFunc(caps.V, func(c standards.AssistanceCap) bool { return c.Hardship == t.Hardship })
	if i < 0 {
		return fmt.Errorf("%w: temporary.hardship %q is not among the Set's hardship types", ErrInvalidRequest, t.Hardship)
	}
	c := caps.V[i]
	std, err := p.set.DibaoStandard(q)
	if err != nil {
		return &income.FieldError{Path: "temporary.place", Err: err}
	}
	limit := c.Multiple.Mul(std.V)
	if c.PerMember {
		limit = limit.Mul(decimal.NewFromInt(int64(len(p.req.Household.Members))))
	}
	maxN, err := p.set.TemporaryAssistanceMaxInstalments(q)
	if err != nil {
		return &income.FieldError{Path: "temporary.place", Err: err}
	}
	if t.Instalments < 1 || t.Instalments > maxN.V {
		return fmt.Errorf("%w: temporary.instalments %d is outside 1–%d", ErrInvalidRequest, t.Instalments, maxN.V)
	}
	approved := limit
	if t.HasRequested {
		if t.Requested.Sign() < 0 || !t.Requested.Equal(t.Requested.Truncate(2)) {
			return fmt.Errorf("%w: temporary.requested %s must be a non-negative amount in fen", ErrInvalidRequest, t.Requested)
		}
		approved = decimal.Min(t.Requested, limit)
	}
	rule, rerr := p.set.Rounding(standards.RoundTemporaryAssistance, q)
	switch {
	case rerr == nil:
		approved = rule.V.Apply(approved)
		if approved.Cmp(limit) > 0 { // rounding never lifts it over the cap
			approved = standards.RoundingRule{Unit: rule.V.Unit, Mode: standards.ModeDown}.Apply(limit)
		}
	case !approved.Equal(approved.Truncate(2)):
		return &income.FieldError{Path: "temporary", Err: fmt.Errorf("%w at %s: %w", ErrRoundingRequired, standards.RoundTemporaryAssistance, rerr)}
	}
	s := &Schedule{Hardship: t.Hardship, Place: t.Place, Cap: limit, Approved: approved, PaidFirst: t.PaidFirst}
	n := int64(t.Instalments)
	each := approved
	if n > 1 {
		// Equal shares, rounded down to the unit of the Set's instalment rule
		// (the fen without one); the last instalment takes the remainder.
		unit := standards.UnitFen
		inst, err := p.set.Rounding(standards.RoundInstalment, q)
		switch {
		case err == nil:
			unit = inst.V.Unit
		case !errors.Is(err, standards.ErrNotCovered):
			return &income.FieldError{Path: "temporary", Err: err}
		}
		total, err := income.FromDecimal(approved)
		if err != nil {
			return err
		}
		each = total.DivRound(n, standards.RoundingRule{Unit: unit, Mode: standards.ModeDown})
	}
	paid := decimal.Zero
	for k := int64(1); k <= n; k++ {
		amt := each
		if k == n {
			amt = approved.Sub(paid)
		}
		paid = paid.Add(amt)
		s.Instalments = append(s.Instalments, Instalment{Number: int(k), Amount: amt})
	}
	p.d.Temporary = s
	return nil
}
