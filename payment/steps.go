package payment

import (
	"slices"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/money"
)

// steps builds the whole explanation: the classification's, then one step
// per payment line, what was not paid and why (a price index below its
// trigger), the total, and the temporary assistance, appended to out[:0]
// (the Decider's buffer, grown when too small).
func (p *payer) steps(out []explain.Step) []explain.Step {
	cls := p.cls.Steps
	need := len(cls) + len(p.d.Lines) + len(p.formula) + len(p.notes) + 2
	if t := p.d.Temporary; t != nil {
		need += len(t.Instalments)
	}
	out = append(slices.Grow(out[:0], need), cls...)
	f := 0
	for i, l := range p.d.Lines {
		code := l.Code
		if l.Step != "" {
			code = l.Step
		}
		out = append(out, explain.Step{Code: code, Member: l.Member, Args: l.Args, Params: l.Params, Cite: l.Cite})
		for f < len(p.formula) && p.formula[f].line == i {
			out = append(out, p.formula[f].step)
			f++
		}
	}
	out = append(out, p.notes...)
	out = append(out, totalStep(p.d.Total))
	if t := p.d.Temporary; t != nil {
		code := explain.StepTemporary
		if t.PaidFirst {
			code = explain.StepPaidFirst
		}
		set := p.pl.Eligibility.Income.Set
		out = append(out, explain.Step{Code: code, Args: []explain.Arg{explain.Text("hardship", t.Hardship),
			explain.Region("place", t.Place, set.Divisions().Name(t.Place)), explain.Money("cap", t.Cap),
			explain.Money("approved", t.Approved), explain.Count("instalments", len(t.Instalments))},
			Params: []explain.Param{explain.ParamOf(p.tempCap)}})
		for _, in := range t.Instalments {
			out = append(out, explain.Step{Code: explain.StepInstalment, Args: []explain.Arg{explain.Count("number", in.Number), explain.Money("amount", in.Amount)}})
		}
	}
	return out
}

// totalStep is the explanation's step of the monthly total.
func totalStep(total money.Amount) explain.Step {
	return explain.Step{Code: explain.StepPaymentTotal, Args: []explain.Arg{explain.Money("total", total)}}
}
