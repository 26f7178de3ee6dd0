package standards

import (
	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/internal/jsonw"
)

// ---- minimum wage

func decodeMinimumWage(p *problems, v any, path string) (any, bool) {
	o, ok := jsonw.AsObject(p, v, path)
	if !ok {
		return nil, false
	}
	var m MinimumWage
	ok = o.Each("tiers", true, func(_ int, to *object) {
		var w WageRate
		w.Tier, _ = to.Int("tier", true)
		w.Monthly, _ = to.Decimal("monthly", true)
		w.Hourly, _ = to.Decimal("hourly", false)
		m.Tiers = append(m.Tiers, w)
	})
	o.Close()
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
	tp := jsonw.Join(path, "tiers")
	c.hard(len(m.Tiers) > 0, tp, CodeRequired, "at least one tier is required")
	for i, w := range m.Tiers {
		ip := jsonw.Index(tp, i)
		c.hard(w.Tier == i+1, jsonw.Join(ip, "tier"), CodeUnordered, "tier %d listed at position %d: tiers must be numbered 1, 2, … in order", w.Tier, i+1)
		c.amount(w.Monthly, jsonw.Join(ip, "monthly"), true)
		c.amount(w.Hourly, jsonw.Join(ip, "hourly"), false)
		if i > 0 && w.Monthly.Cmp(m.Tiers[i-1].Monthly) >= 0 {
			c.p.Add(jsonw.Join(ip, "monthly"), CodeUnordered, "tier %d's %s is not below tier %d's %s", w.Tier, w.Monthly, m.Tiers[i-1].Tier, m.Tiers[i-1].Monthly)
		}
	}
}

// ---- price linkage

func decodePriceLinkage(p *problems, v any, path string) (any, bool) {
	o, ok := jsonw.AsObject(p, v, path)
	if !ok {
		return nil, false
	}
	var pl PriceLinkage
	var a, b bool
	pl.CPITrigger, a = o.Decimal("cpi_trigger", true)
	pl.FoodCPITrigger, b = o.Decimal("food_cpi_trigger", true)
	ok = a && b
	if cv, cp, present := o.Get("covered"); present {
		l, okc := jsonw.Codes(p, cv, cp, Group.Valid, "group")
		pl.Covered = l
		ok = ok && okc
	} else {
		p.Add(cp, CodeRequired, "required")
		ok = false
	}
	if fv, fp, present := o.Get("floor"); present {
		f, okf := jsonw.Decimal(p, fv, fp)
		pl.Floor, pl.HasFloor = f, true
		ok = ok && okf
	}
	o.Close()
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
	c.ratio(pl.CPITrigger, jsonw.Join(path, "cpi_trigger"), hard, rng{lo: dZero, hi: dec("0.035"), loOpen: true}, 6)
	c.ratio(pl.FoodCPITrigger, jsonw.Join(path, "food_cpi_trigger"), hard, rng{lo: dZero, hi: dec("0.06"), loOpen: true}, 6)
	c.hard(len(pl.Covered) > 0, jsonw.Join(path, "covered"), CodeRequired, "at least one covered group is required")
	for i, g := range pl.Covered {
		c.hard(g.Valid(), jsonw.Index(jsonw.Join(path, "covered"), i), CodeBadCode, "unknown group %q", g)
	}
	if pl.HasFloor {
		c.amount(pl.Floor, jsonw.Join(path, "floor"), false)
	}
}

// ---- 特困 support

func decodeTekun(p *problems, v any, path string) (any, bool) {
	o, ok := jsonw.AsObject(p, v, path)
	if !ok {
		return nil, false
	}
	var t TekunSupport
	var a, b, c, d bool
	t.Basic, a = o.Decimal("basic", true)
	t.SelfCare, b = o.Decimal("self_care", true)
	t.PartialCare, c = o.Decimal("partial_care", true)
	t.FullCare, d = o.Decimal("full_care", true)
	o.Close()
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
	c.amount(t.Basic, jsonw.Join(path, "basic"), true)
	c.amount(t.SelfCare, jsonw.Join(path, "self_care"), false)
	c.amount(t.PartialCare, jsonw.Join(path, "partial_care"), false)
	c.amount(t.FullCare, jsonw.Join(path, "full_care"), false)
	if t.PartialCare.Cmp(t.SelfCare) < 0 || t.FullCare.Cmp(t.PartialCare) < 0 {
		c.p.Add(path, CodeUnordered, "care amounts must not fall as care needs rise (self %s, partial %s, full %s)", t.SelfCare, t.PartialCare, t.FullCare)
	}
}

// ---- temporary-assistance caps

func decodeCaps(p *problems, v any, path string) (any, bool) {
	var out []AssistanceCap
	before := p.Len()
	ok := jsonw.Each(p, v, path, func(_ int, o *object) {
		var cp AssistanceCap
		cp.Hardship = o.Str("hardship", true)
		cp.Multiple, _ = o.Decimal("multiple", true)
		cp.PerMember = o.Bool("per_member")
		out = append(out, cp)
	})
	return out, ok && p.Len() == before
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
	o, ok := jsonw.AsObject(p, v, path)
	if !ok {
		return nil, false
	}
	var pl PropertyLimits
	for _, name := range schemes {
		sv, sp, present := o.Get(name)
		if !present {
			continue
		}
		so, ok2 := jsonw.AsObject(p, sv, sp)
		if !ok2 {
			ok = false
			continue
		}
		var l PropertyLimit
		var a, b bool
		l.FinancialAssetsMonths, a = so.Decimal("financial_assets_months", true)
		l.MaxDwellings, b = so.Int("max_dwellings", true)
		l.VehiclesAllowed = so.Bool("vehicles_allowed")
		so.Close()
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
	o.Close()
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
		sp := jsonw.Join(path, name)
		hard := rng{lo: dZero, hi: decimal.NewFromInt(1200)}
		c.ratio(l.FinancialAssetsMonths, jsonw.Join(sp, "financial_assets_months"), hard, hard, 2)
		c.intRange(l.MaxDwellings, jsonw.Join(sp, "max_dwellings"), 0, 100, 0, 100)
	}
	check(pl.HasDibao, pl.Dibao, "dibao")
	check(pl.HasEdge, pl.Edge, "edge")
	check(pl.HasTekun, pl.Tekun, "tekun")
}

// ---- monitoring thresholds

func decodeMonitoring(p *problems, v any, path string) (any, bool) {
	o, ok := jsonw.AsObject(p, v, path)
	if !ok {
		return nil, false
	}
	before := p.Len()
	var m Monitoring
	m.NearThreshold, m.HasNearThreshold = o.Decimal("near_threshold", false)
	m.SharpDrop, m.HasSharpDrop = o.Decimal("sharp_drop", false)
	m.RigidShare, m.HasRigidShare = o.Decimal("rigid_share", false)
	o.Close()
	return m, p.Len() == before
}

func encodeMonitoring(v any) any {
	m := v.(Monitoring)
	out := map[string]any{}
	if m.HasNearThreshold {
		out["near_threshold"] = m.NearThreshold.String()
	}
	if m.HasSharpDrop {
		out["sharp_drop"] = m.SharpDrop.String()
	}
	if m.HasRigidShare {
		out["rigid_share"] = m.RigidShare.String()
	}
	return out
}

func checkMonitoring(c *checker, v any, path string) {
	m, ok := typed[Monitoring](c, v, path)
	if !ok {
		return
	}
	c.hard(m.HasNearThreshold || m.HasSharpDrop || m.HasRigidShare, path, CodeRequired, "at least one threshold is required")
	if m.HasNearThreshold {
		r := rng{lo: dOne, hi: dec("3"), loOpen: true}
		c.ratio(m.NearThreshold, jsonw.Join(path, "near_threshold"), r, r, 4)
	}
	share := rng{lo: dZero, hi: dOne, loOpen: true}
	if m.HasSharpDrop {
		c.ratio(m.SharpDrop, jsonw.Join(path, "sharp_drop"), share, share, 4)
	}
	if m.HasRigidShare {
		c.ratio(m.RigidShare, jsonw.Join(path, "rigid_share"), share, share, 4)
	}
}
