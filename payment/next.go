package payment

import (
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// NextCurrent returns the standing a decision leaves the household in, for
// its next assessment (a month later, or at a review): the status decided,
// the household's monthly payment (every line but those of members with a
// standing of their own — gap or tiers, supplements, price subsidy: what a
// gradual exit continues, R4), the last day of a gradual exit, and the
// members' own standings (单人户, a 单人户's gradual exit, 特困 beside
// others) with their payments. Since is kept while a status continues and is the
// decision's date when it changes.
//
// A month-by-month run decides each month on the standing the month before
// left: NextCurrent of one decision is the Current of the next request.
func NextCurrent(d *Decision) eligibility.Current {
	c := d.Classification
	var prev *eligibility.Current
	if d.Request != nil {
		prev = &d.Request.Current
	}
	next := eligibility.Current{Status: c.Status, Since: c.Date, GradualExitEnd: c.GradualExitEnd}
	if prev != nil && prev.Status == c.Status && !prev.Since.IsZero() {
		next.Since = prev.Since
	}
	if c.Status == eligibility.NotEligible || c.Status == eligibility.Edge {
		next.Since = standards.Date{} // a standing without a payment has no start to keep
	}
	alone := func(id string) bool {
		for _, m := range c.Members {
			if m.ID == id {
				return m.Status != eligibility.MemberNone
			}
		}
		return false
	}
	var own money.Amount
	for i := range d.Lines {
		if l := &d.Lines[i]; l.Member == "" || !alone(l.Member) {
			own, _ = own.Add(l.Amount) // parts of the total, in range
		}
	}
	if c.Status.Recipient() {
		next.MonthlyAmount = own
	}
	for _, m := range c.Members {
		if m.Status == eligibility.MemberNone {
			continue
		}
		mc := eligibility.MemberCurrent{ID: m.ID, Status: m.Status, Since: c.Date, GradualExitEnd: m.GradualExitEnd}
		if prev != nil {
			if pm := prev.Member(m.ID); pm.Status == m.Status && !pm.Since.IsZero() {
				mc.Since = pm.Since
			}
		}
		for i := range d.Lines {
			if d.Lines[i].Member == m.ID {
				mc.MonthlyAmount, _ = mc.MonthlyAmount.Add(d.Lines[i].Amount)
			}
		}
		next.Members = append(next.Members, mc)
	}
	return next
}
