package standards

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/internal/jsonw"
)

// spec describes one parameter: how its JSON value decodes and encodes, how
// it is validated (for Load and Apply alike) and how lookups copy it.
type spec struct {
	param        Param
	areaRequired bool
	goType       string
	decode       func(p *problems, v any, path string) (any, bool)
	encode       func(v any) any
	check        func(c *checker, v any, path string)
	clone        func(v any) any // nil when values hold no slices
}

// checker validates decoded values. Hard limits are always enforced; soft
// limits are the policy's range, enforced unless out-of-range values are
// allowed for a reform simulation.
type checker struct {
	p     *problems
	allow bool
}

func (c *checker) hard(ok bool, path string, code ProblemCode, format string, args ...any) bool {
	if !ok {
		c.p.Add(path, code, format, args...)
	}
	return ok
}

func (c *checker) soft(ok bool, path string, format string, args ...any) {
	if !ok && !c.allow {
		c.p.Add(path, CodeOutOfRange, format+" (refused unless out-of-range values are allowed)", args...)
	}
}

var (
	dZero    = decimal.Zero
	dOne     = decimal.NewFromInt(1)
	dMaxYuan = decimal.NewFromInt(1_000_000)
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// amount checks a money amount: not negative (or positive when asked), at most
// two decimal places, below a million yuan.
func (c *checker) amount(d decimal.Decimal, path string, positive bool) {
	if d.Sign() < 0 {
		c.p.Add(path, CodeNegative, "amount %s is negative", d)
		return
	}
	if positive && d.Sign() == 0 {
		c.p.Add(path, CodeInsane, "amount must be greater than 0")
	}
	if !d.Equal(d.Truncate(2)) {
		c.p.Add(path, CodeTooPrecise, "amount %s has more than 2 decimal places", d)
	}
	if d.Cmp(dMaxYuan) >= 0 {
		c.p.Add(path, CodeInsane, "amount %s is not a plausible monthly figure (limit 1000000)", d)
	}
}

// rng is a closed interval, or half-open at the bottom when loOpen.
type rng struct {
	lo, hi decimal.Decimal
	loOpen bool
}

func (r rng) has(d decimal.Decimal) bool {
	c := d.Cmp(r.lo)
	return (c > 0 || c == 0 && !r.loOpen) && d.Cmp(r.hi) <= 0
}

func (r rng) String() string {
	l := "["
	if r.loOpen {
		l = "("
	}
	return l + r.lo.String() + ", " + r.hi.String() + "]"
}

func (c *checker) ratio(d decimal.Decimal, path string, hard, soft rng, places int32) {
	if !c.hard(hard.has(d), path, CodeInsane, "%s is outside %s", d, hard) {
		return
	}
	c.hard(d.Equal(d.Truncate(places)), path, CodeTooPrecise, "%s has more than %d decimal places", d, places)
	c.soft(soft.has(d), path, "%s is outside the policy's range %s", d, soft)
}

func (c *checker) intRange(n int, path string, hardLo, hardHi, softLo, softHi int) {
	if !c.hard(n >= hardLo && n <= hardHi, path, CodeInsane, "%d is outside [%d, %d]", n, hardLo, hardHi) {
		return
	}
	if softLo == softHi {
		c.soft(n == softLo, path, "%d differs from the policy's %d", n, softLo)
		return
	}
	c.soft(n >= softLo && n <= softHi, path, "%d is outside the policy's range [%d, %d]", n, softLo, softHi)
}

func typed[T any](c *checker, v any, path string) (T, bool) {
	t, ok := v.(T)
	if !ok {
		var zero T
		c.p.Add(path, CodeType, "value has Go type %T, want %T", v, zero)
	}
	return t, ok
}

func decDecimal(p *problems, v any, path string) (any, bool) { return jsonw.Decimal(p, v, path) }
func decInt(p *problems, v any, path string) (any, bool)     { return jsonw.Int(p, v, path) }
func encDecimal(v any) any                                   { return v.(decimal.Decimal).String() }
func encInt(v any) any                                       { return v.(int) }

func intSpec(param Param, hardLo, hardHi, softLo, softHi int) spec {
	return spec{param: param, goType: "int", decode: decInt, encode: encInt,
		check: func(c *checker, v any, path string) {
			if n, ok := typed[int](c, v, path); ok {
				c.intRange(n, path, hardLo, hardHi, softLo, softHi)
			}
		}}
}

func ratioSpec(param Param, hard, soft rng) spec {
	return spec{param: param, goType: "decimal.Decimal", decode: decDecimal, encode: encDecimal,
		check: func(c *checker, v any, path string) {
			if d, ok := typed[decimal.Decimal](c, v, path); ok {
				c.ratio(d, path, hard, soft, 6)
			}
		}}
}

func codesSpec[T ~string](param Param, valid func(T) bool, what string) spec {
	return spec{param: param, goType: "[]" + what,
		decode: func(p *problems, v any, path string) (any, bool) {
			return jsonw.Codes(p, v, path, valid, what)
		},
		encode: func(v any) any {
			l := v.([]T)
			out := make([]any, len(l))
			for i, x := range l {
				out[i] = string(x)
			}
			return out
		},
		check: func(c *checker, v any, path string) {
			l, ok := typed[[]T](c, v, path)
			if !ok {
				return
			}
			for i, x := range l {
				if !valid(x) {
					c.p.Add(jsonw.Index(path, i), CodeBadCode, "unknown %s %q", what, x)
				}
				if slices.Index(l, x) < i {
					c.p.Add(jsonw.Index(path, i), CodeDuplicate, "%s %q listed twice", what, x)
				}
			}
		},
		clone: func(v any) any { return slices.Clone(v.([]T)) },
	}
}

// roundingSpec is the spec of every rounding point.
func roundingSpec(point RoundingPoint) spec {
	return spec{param: point.Param(), goType: "RoundingRule",
		decode: func(p *problems, v any, path string) (any, bool) {
			o, ok := jsonw.AsObject(p, v, path)
			if !ok {
				return nil, false
			}
			var r RoundingRule
			switch u := o.Str("unit", true); u {
			case "fen":
				r.Unit = UnitFen
			case "jiao":
				r.Unit = UnitJiao
			case "yuan":
				r.Unit = UnitYuan
			case "":
			default:
				p.Add(jsonw.Join(path, "unit"), CodeBadCode, "unknown unit %q (want fen, jiao or yuan)", u)
			}
			switch m := o.Str("mode", true); m {
			case "half_up":
				r.Mode = ModeHalfUp
			case "up":
				r.Mode = ModeUp
			case "down":
				r.Mode = ModeDown
			case "half_even":
				r.Mode = ModeHalfEven
			case "":
			default:
				p.Add(jsonw.Join(path, "mode"), CodeBadCode, "unknown mode %q (want half_up, up, down or half_even)", m)
			}
			o.Close()
			return r, r.Unit != UnitUnset && r.Mode != ModeUnset
		},
		encode: func(v any) any {
			r := v.(RoundingRule)
			return map[string]any{"unit": r.Unit.String(), "mode": r.Mode.String()}
		},
		check: func(c *checker, v any, path string) {
			if r, ok := typed[RoundingRule](c, v, path); ok {
				c.hard(r.Unit >= UnitFen && r.Unit <= UnitYuan, jsonw.Join(path, "unit"), CodeBadCode, "unit not set")
				c.hard(r.Mode >= ModeHalfUp && r.Mode <= ModeHalfEven, jsonw.Join(path, "mode"), CodeBadCode, "mode not set")
			}
		},
	}
}

var specList = buildSpecs()

func specs() []spec { return specList }

// specIndex finds a parameter's spec without scanning the list.
var specIndex = func() map[Param]*spec {
	m := make(map[Param]*spec, len(specList))
	for i := range specList {
		m[specList[i].param] = &specList[i]
	}
	return m
}()

func specByParam(p Param) (*spec, bool) {
	sp, ok := specIndex[p]
	return sp, ok
}

func buildSpecs() []spec {
	list := []spec{
		{param: ParamDibaoStandard, areaRequired: true, goType: "decimal.Decimal", decode: decDecimal, encode: encDecimal,
			check: func(c *checker, v any, path string) {
				if d, ok := typed[decimal.Decimal](c, v, path); ok {
					c.amount(d, path, true)
				}
			}},
		{param: ParamEdgeBands, goType: "[]Band", decode: decodeBands, encode: encodeBands, check: checkBands,
			clone: func(v any) any { return slices.Clone(v.([]Band)) }},
		ratioSpec(ParamSupplementRate, rng{lo: dZero, hi: dec("10")}, rng{lo: dec("0.15"), hi: dOne}),
		codesSpec(ParamSupplementCategories, Category.Valid, "category"),
		{param: ParamSupplementStacking, goType: "Stacking",
			decode: func(p *problems, v any, path string) (any, bool) {
				s, ok := jsonw.String(p, v, path)
				switch {
				case !ok:
					return nil, false
				case s == "highest":
					return StackingHighest, true
				case s == "sum":
					return StackingSum, true
				}
				p.Add(path, CodeBadCode, "unknown stacking %q (want highest or sum)", s)
				return nil, false
			},
			encode: func(v any) any { return v.(Stacking).String() },
			check: func(c *checker, v any, path string) {
				if s, ok := typed[Stacking](c, v, path); ok {
					c.hard(s == StackingHighest || s == StackingSum, path, CodeBadCode, "stacking not set")
				}
			}},
		intSpec(ParamElderlyAge, 0, 130, 60, 100),
		{param: ParamTierTable, goType: "TierTable", decode: decodeTierTable, encode: encodeTierTable, check: checkTierTable,
			clone: func(v any) any { return v.(TierTable).clone() }},
		intSpec(ParamGradualExitMaxMonths, 0, 120, 1, 12),
		intSpec(ParamEmploymentDeductionMonths, 0, 12, 2, 2),
		{param: ParamMinimumWage, goType: "MinimumWage", decode: decodeMinimumWage, encode: encodeMinimumWage, check: checkMinimumWage,
			clone: func(v any) any { return MinimumWage{Tiers: slices.Clone(v.(MinimumWage).Tiers)} }},
		intSpec(ParamMinimumWageTier, 1, 20, 1, 20),
		ratioSpec(ParamCaregiverIncomeFactor, rng{lo: dZero, hi: dOne}, rng{lo: dZero, hi: dOne}),
		{param: ParamPriceLinkage, goType: "PriceLinkage", decode: decodePriceLinkage, encode: encodePriceLinkage, check: checkPriceLinkage,
			clone: func(v any) any {
				pl := v.(PriceLinkage)
				pl.Covered = slices.Clone(pl.Covered)
				return pl
			}},
		ratioSpec(ParamTekunBasicFactor, rng{lo: dOne, hi: dec("10")}, rng{lo: dec("1.3"), hi: dec("3")}),
		{param: ParamTekunSupport, areaRequired: true, goType: "TekunSupport", decode: decodeTekun, encode: encodeTekun, check: checkTekun},
		{param: ParamTemporaryAssistanceCaps, goType: "[]AssistanceCap", decode: decodeCaps, encode: encodeCaps, check: checkCaps,
			clone: func(v any) any { return slices.Clone(v.([]AssistanceCap)) }},
		intSpec(ParamTemporaryAssistanceMaxInstalments, 1, 60, 1, 6),
		{param: ParamPropertyLimits, goType: "PropertyLimits", decode: decodeProperty, encode: encodeProperty, check: checkProperty},
		codesSpec(ParamExcludedIncomeKinds, IncomeKind.Valid, "income kind"),
		{param: ParamRigidExpenditureDeduction, goType: "bool",
			decode: func(p *problems, v any, path string) (any, bool) {
				b, ok := v.(bool)
				if !ok {
					p.Add(path, CodeType, "must be true or false, not %s", jsonw.TypeName(v))
				}
				return b, ok
			},
			encode: func(v any) any { return v.(bool) },
			check:  func(c *checker, v any, path string) { typed[bool](c, v, path) }},
		codesSpec(ParamSevereGrade3Categories, validDisabilityCategory, "disability category"),
		{param: ParamMonitoring, goType: "Monitoring", decode: decodeMonitoring, encode: encodeMonitoring, check: checkMonitoring},
	}
	for _, pt := range roundingPoints {
		list = append(list, roundingSpec(pt))
	}
	return list
}

// ---- edge bands

func decodeBands(p *problems, v any, path string) (any, bool) {
	var out []Band
	before := p.Len()
	ok := jsonw.Each(p, v, path, func(_ int, o *object) {
		var b Band
		b.Code = o.Str("code", true)
		b.Name = o.Str("name", false)
		b.Multiple, _ = o.Decimal("multiple", true)
		a, err := ParseArea(o.Str("area", false))
		if err != nil {
			p.Add(jsonw.Join(o.Path(), "area"), CodeBadCode, "%v", err)
		}
		b.Area = a
		out = append(out, b)
	})
	return out, ok && p.Len() == before
}

func encodeBands(v any) any {
	l := v.([]Band)
	out := make([]any, len(l))
	for i, b := range l {
		m := map[string]any{"code": b.Code, "multiple": b.Multiple.String()}
		if b.Name != "" {
			m["name"] = b.Name
		}
		if b.Area != AreaAny {
			m["area"] = b.Area.String()
		}
		out[i] = m
	}
	return out
}

func checkBands(c *checker, v any, path string) {
	if l, ok := typed[[]Band](c, v, path); ok {
		checkCodedMultiples(c, path, l, "band", "code",
			func(b Band) (string, decimal.Decimal) { return b.Code, b.Multiple },
			rng{lo: dOne, hi: dec("10"), loOpen: true}, rng{lo: dOne, hi: dec("2"), loOpen: true})
	}
}

// checkCodedMultiples checks a non-empty list of items, each with a code
// (required, unique, in the field codeField) and a multiple within the hard
// and soft ranges.
func checkCodedMultiples[T any](c *checker, path string, l []T, what, codeField string,
	parts func(T) (string, decimal.Decimal), hard, soft rng) {
	c.hard(len(l) > 0, path, CodeRequired, "at least one %s is required", what)
	codes := make([]string, len(l))
	for i, x := range l {
		ip := jsonw.Index(path, i)
		code, multiple := parts(x)
		codes[i] = code
		c.hard(code != "", jsonw.Join(ip, codeField), CodeRequired, "%s %s required", what, codeField)
		if slices.Index(codes, code) < i {
			c.p.Add(jsonw.Join(ip, codeField), CodeDuplicate, "%s %s %q given twice", what, codeField, code)
		}
		c.ratio(multiple, jsonw.Join(ip, "multiple"), hard, soft, 4)
	}
}

// ---- tier tables

func decodeTierTable(p *problems, v any, path string) (any, bool) {
	o, ok := jsonw.AsObject(p, v, path)
	if !ok {
		return nil, false
	}
	var t TierTable
	okTiers := o.Each("tiers", true, func(_ int, to *object) {
		var tier Tier
		tier.From, _ = to.Decimal("from", true)
		tier.FromInclusive = to.Bool("from_inclusive")
		tier.To, _ = to.Decimal("to", true)
		tier.ToInclusive = to.Bool("to_inclusive")
		tier.Amount, _ = to.Decimal("amount", true)
		t.Tiers = append(t.Tiers, tier)
	})
	okPlacements := o.Each("placements", false, func(_ int, po *object) {
		cat := Category(po.Str("category", true))
		n, _ := po.Int("tier", true)
		t.Placements = append(t.Placements, Placement{Category: cat, Tier: n})
	})
	o.Close()
	return t, okTiers && okPlacements
}

func encodeTierTable(v any) any {
	t := v.(TierTable)
	tiers := make([]any, len(t.Tiers))
	for i, x := range t.Tiers {
		tiers[i] = map[string]any{"from": x.From.String(), "from_inclusive": x.FromInclusive,
			"to": x.To.String(), "to_inclusive": x.ToInclusive, "amount": x.Amount.String()}
	}
	m := map[string]any{"tiers": tiers}
	if len(t.Placements) > 0 {
		pl := make([]any, len(t.Placements))
		for i, x := range t.Placements {
			pl[i] = map[string]any{"category": string(x.Category), "tier": x.Tier}
		}
		m["placements"] = pl
	}
	return m
}

// MinTiers is the fewest tiers a tier table may have (R6: 不少于5个档次).
const MinTiers = 5

func checkTierTable(c *checker, v any, path string) {
	t, ok := typed[TierTable](c, v, path)
	if !ok {
		return
	}
	tp := jsonw.Join(path, "tiers")
	if len(t.Tiers) < MinTiers {
		if len(t.Tiers) == 0 || !c.allow {
			c.p.Add(tp, CodeTooFewTiers, "%d tier(s); 黑民规〔2021〕11号 四（二） requires at least %d", len(t.Tiers), MinTiers)
		}
	}
	for i, x := range t.Tiers {
		ip := jsonw.Index(tp, i)
		c.amount(x.From, jsonw.Join(ip, "from"), false)
		c.amount(x.To, jsonw.Join(ip, "to"), false)
		c.amount(x.Amount, jsonw.Join(ip, "amount"), true)
		if x.To.Cmp(x.From) < 0 || x.To.Equal(x.From) && !(x.FromInclusive && x.ToInclusive) {
			c.p.Add(ip, CodeInconsistent, "empty tier: from %s to %s", x.From, x.To)
		}
		if i == 0 {
			c.hard(x.From.IsZero() && x.FromInclusive, ip, CodeGap, "the first tier must start at 0 inclusive")
		}
	}
	for i := 1; i < len(t.Tiers); i++ {
		prev, x := t.Tiers[i-1], t.Tiers[i]
		ip := jsonw.Index(tp, i)
		cmp := x.From.Cmp(prev.To)
		if cmp > 0 || cmp == 0 && !prev.ToInclusive && !x.FromInclusive {
			c.p.Add(ip, CodeGap, "gap between tier %d (to %s) and tier %d (from %s)", i, prev.To, i+1, x.From)
		} else if cmp < 0 || cmp == 0 && prev.ToInclusive && x.FromInclusive {
			c.p.Add(ip, CodeOverlap, "tier %d (to %s) and tier %d (from %s) overlap", i, prev.To, i+1, x.From)
		}
		if x.Amount.Cmp(prev.Amount) >= 0 {
			c.p.Add(jsonw.Join(ip, "amount"), CodeEqualAmounts, "tier %d pays %s, not less than tier %d's %s: amounts must fall strictly as income rises (R6: not averaged)", i+1, x.Amount, i, prev.Amount)
		}
	}
	pp := jsonw.Join(path, "placements")
	for i, pl := range t.Placements {
		ip := jsonw.Index(pp, i)
		c.hard(pl.Category.Valid(), jsonw.Join(ip, "category"), CodeBadCode, "unknown category %q", pl.Category)
		c.hard(pl.Tier >= 1 && pl.Tier <= len(t.Tiers), jsonw.Join(ip, "tier"), CodeBadCode, "tier %d does not exist", pl.Tier)
		for j := 0; j < i; j++ {
			c.hard(t.Placements[j].Category != pl.Category, jsonw.Join(ip, "category"), CodeDuplicate, "category %q placed twice", pl.Category)
		}
	}
}
