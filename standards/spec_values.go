package standards

import (
	"github.com/shopspring/decimal"
)

// ---- minimum wage

func decodeMinimumWage(p *problems, v any, path string) (any, bool) {
	o, ok := asObject(p, v, path)
	if !ok {
		return nil, false
	}
	var m MinimumWage
	tv, tp, present := o.get("tiers")
	if !present {
		p.add(tp, CodeRequired, "required")
		ok = false
	} else if arr, isArr := asArray(p, tv, tp); isArr {
		for i, x := range arr {
			to, ok2 := asObject(p, x, index(tp, i))
			if !ok2 {
				ok = false
				continue
			}
			var w WageRate
			var a, b bool
			w.Tier, a = to.integer("tier", true)
			w.Monthly, b = to.decimal("monthly", true)
			if h, hp, has := to.get("hourly"); has {
				var okh bool
				if w.Hourly, okh = decodeDecimal(p, h, hp); !okh {
					ok = false
				}
			}
			to.close()
			ok = ok && a && b
			m.Tiers = append(m.Tiers, w)
		}
	} else {
		ok = false
	}
	o.close()
	return m, ok
}

func encodeMinimumWage(v any) any {
	m := v.(MinimumWage)
	tiers := make([]any, len(m.Tiers))
	for i, w := range m.Tiers {
		x := map[string]any{"tier": w.Tier, "monthly": w.Monthly.String()}
		if !w.Hourly.IsZero() {
			x["hourly"] = w.Hourly.String()
		}
		tiers[i] = x
	}
	return map[string]any{"tiers": tiers}
}

func checkMinimumWage(c *checker, v any, path string) {
	m, ok := typed[MinimumWage](c, v, path)
	if !ok {
		return
	}
	tp := join(path, "tiers")
	c.hard(len(m.Tiers) > 0, tp, CodeRequired, "at least one tier is required")
	for i, w := range m.Tiers {
		ip := index(tp, i)
		c.hard(w.Tier == i+1, join(ip, "tier"), CodeUnordered, "tier %d listed at position %d: tiers must be numbered 1, 2, … in order", w.Tier, i+1)
		c.amount(w.Monthly, join(ip, "monthly"), true)
		c.amount(w.Hourly, join(ip, "hourly"), false)
		if i > 0 && w.Monthly.Cmp(m.Tiers[i-1].Monthly) >= 0 {
			c.p.add(join(ip, "monthly"), CodeUnordered, "tier %d's %s is not below tier %d's %s", w.Tier, w.Monthly, m.Tiers[i-1].Tier, m.Tiers[i-1].Monthly)
		}
	}
}

// ---- price linkage

func decodePriceLinkage(p *problems, v any, path string) (any, bool) {
	o, ok := asObject(p, v, path)
	if !ok {
		return nil, false
	}
	var pl PriceLinkage
	var a, b bool
	pl.CPITrigger, a = o.decimal("cpi_trigger", true)
	pl.FoodCPITrigger, b = o.decimal("food_cpi_trigger", true)
	ok = a && b
	if cv, cp, present := o.get("covered"); present {
		l, okc := decodeCodes(p, cv, cp, Group.Valid, "group")
		pl.Covered = l
		ok = ok && okc
	} else {
		p.add(cp, CodeRequired, "required")
		ok = false
	}
	if fv, fp, present := o.get("floor"); present {
		f, okf := decodeDecimal(p, fv, fp)
		pl.Floor, pl.HasFloor = f, true
		ok = ok && okf
	}
	o.close()
	return pl, ok
}

func encodePriceLinkage(v any) any {
	pl := v.(PriceLinkage)
	cov := make([]any, len(pl.Covered))
	for i, g := range pl.Covered {
		cov[i] = string(g)
	}
	m := map[string]any{"cpi_trigger": pl.CPITrigger.String(), "food_cpi_trigger": pl.FoodCPITrigger.String(), "covered": cov}
	if pl.HasFloor {
		m["floor"] = pl.Floor.String()
	}
	return m
}

func checkPriceLinkage(c *checker, v any, path string) {
	pl, ok := typed[PriceLinkage](c, v, path)
	if !ok {
		return
	}
	hard := rng{lo: dZero, hi: dOne, loOpen: true}
	c.ratio(pl.CPITrigger, join(path, "cpi_trigger"), hard, rng{lo: dZero, hi: dec("0.035"), loOpen: true}, 6)
	c.ratio(pl.FoodCPITrigger, join(path, "food_cpi_trigger"), hard, rng{lo: dZero, hi: dec("0.06"), loOpen: true}, 6)
	c.hard(len(pl.Covered) > 0, join(path, "covered"), CodeRequired, "at least one covered group is required")
	for i, g := range pl.Covered {
		c.hard(g.Valid(), index(join(path, "covered"), i), CodeBadCode, "unknown group %q", g)
	}
	if pl.HasFloor {
		c.amount(pl.Floor, join(path, "floor"), false)
	}
}

// ---- 特困 support

func decodeTekun(p *problems, v any, path string) (any, bool) {
	o, ok := asObject(p, v, path)
	if !ok {
		return nil, false
	}
	var t TekunSupport
	var a, b, c, d bool
	t.Basic, a = o.decimal("basic", true)
	t.SelfCare, b = o.decimal("self_care", true)
	t.PartialCare, c = o.decimal("partial_care", true)
	t.FullCare, d = o.decimal("full_care", true)
	o.close()
	return t, a && b && c && d
}

func encodeTekun(v any) any {
	t := v.(TekunSupport)
	return map[string]any{"basic": t.Basic.String(), "self_care": t.SelfCare.String(),
		"partial_care": t.PartialCare.String(), "full_care": t.FullCare.String()}
}

func checkTekun(c *checker, v any, path string) {
	t, ok := typed[TekunSupport](c, v, path)
	if !ok {
		return
	}
	c.amount(t.Basic, join(path, "basic"), true)
	c.amount(t.SelfCare, join(path, "self_care"), false)
	c.amount(t.PartialCare, join(path, "partial_care"), false)
	c.amount(t.FullCare, join(path, "full_care"), false)
	if t.PartialCare.Cmp(t.SelfCare) < 0 || t.FullCare.Cmp(t.PartialCare) < 0 {
		c.p.add(path, CodeUnordered, "care amounts must not fall as care needs rise (self %s, partial %s, full %s)", t.SelfCare, t.PartialCare, t.FullCare)
	}
}

// ---- temporary-assistance caps

func decodeCaps(p *problems, v any, path string) (any, bool) {
	arr, ok := asArray(p, v, path)
	if !ok {
		return nil, false
	}
	out := make([]AssistanceCap, 0, len(arr))
	for i, x := range arr {
		o, ok2 := asObject(p, x, index(path, i))
		if !ok2 {
			ok = false
			continue
		}
		var cp AssistanceCap
		var okm bool
		cp.Hardship = o.str("hardship", true)
		cp.Multiple, okm = o.decimal("multiple", true)
		cp.PerMember = o.boolean("per_member")
		o.close()
		ok = ok && okm && cp.Hardship != ""
		out = append(out, cp)
	}
	return out, ok
}

func encodeCaps(v any) any {
	l := v.([]AssistanceCap)
	out := make([]any, len(l))
	for i, x := range l {
		out[i] = map[string]any{"hardship": x.Hardship, "multiple": x.Multiple.String(), "per_member": x.PerMember}
	}
	return out
}

func checkCaps(c *checker, v any, path string) {
	if l, ok := typed[[]AssistanceCap](c, v, path); ok {
		r := rng{lo: dZero, hi: dec("1000"), loOpen: true}
		checkCodedMultiples(c, path, l, "cap", "hardship",
			func(x AssistanceCap) (string, decimal.Decimal) { return x.Hardship, x.Multiple }, r, r)
	}
}

// ---- property limits

var schemes = [...]string{"dibao", "edge", "tekun"}

func decodeProperty(p *problems, v any, path string) (any, bool) {
	o, ok := asObject(p, v, path)
	if !ok {
		return nil, false
	}
	var pl PropertyLimits
	for _, name := range schemes {
		sv, sp, present := o.get(name)
		if !present {
			continue
		}
		so, ok2 := asObject(p, sv, sp)
		if !ok2 {
			ok = false
			continue
		}
		var l PropertyLimit
		var a, b bool
		l.FinancialAssetsMonths, a = so.decimal("financial_assets_months", true)
		l.MaxDwellings, b = so.integer("max_dwellings", true)
		l.VehiclesAllowed = so.boolean("vehicles_allowed")
		so.close()
		ok = ok && a && b
		switch name {
		case "dibao":
			pl.Dibao, pl.HasDibao = l, true
		case "edge":
			pl.Edge, pl.HasEdge = l, true
		case "tekun":
			pl.Tekun, pl.HasTekun = l, true
		}
	}
	o.close()
	return pl, ok
}

func encodeProperty(v any) any {
	pl := v.(PropertyLimits)
	m := map[string]any{}
	enc := func(l PropertyLimit) any {
		return map[string]any{"financial_assets_months": l.FinancialAssetsMonths.String(),
			"max_dwellings": l.MaxDwellings, "vehicles_allowed": l.VehiclesAllowed}
	}
	if pl.HasDibao {
		m["dibao"] = enc(pl.Dibao)
	}
	if pl.HasEdge {
		m["edge"] = enc(pl.Edge)
	}
	if pl.HasTekun {
		m["tekun"] = enc(pl.Tekun)
	}
	return m
}

func checkProperty(c *checker, v any, path string) {
	pl, ok := typed[PropertyLimits](c, v, path)
	if !ok {
		return
	}
	c.hard(pl.HasDibao || pl.HasEdge || pl.HasTekun, path, CodeRequired, "at least one of dibao, edge, tekun is required")
	check := func(has bool, l PropertyLimit, name string) {
		if !has {
			return
		}
		sp := join(path, name)
		hard := rng{lo: dZero, hi: decimal.NewFromInt(1200)}
		c.ratio(l.FinancialAssetsMonths, join(sp, "financial_assets_months"), hard, hard, 2)
		c.intRange(l.MaxDwellings, join(sp, "max_dwellings"), 0, 100, 0, 100)
	}
	check(pl.HasDibao, pl.Dibao, "dibao")
	check(pl.HasEdge, pl.Edge, "edge")
	check(pl.HasTekun, pl.Tekun, "tekun")
}
