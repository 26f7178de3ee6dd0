package standards

import (
	"github.com/dibao-go/dibao/internal/enum"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/money"
)

// Band is a named income multiple of the 低保 standard (R2): a household is
// in the band when its countable income is below Multiple × standard ×
// members.
type Band struct {
	Code     string     // stable code, e.g. "edge"
	Multiple money.Rate // e.g. 1.5
	Area     Area       // AreaAny, or the only area class the band applies to
	Name     string     // the local name, e.g. 城乡低保边缘家庭
	NameEN   string     // its English name, for English explanations (a translation: sources name bands in Chinese)
}

var bandFields = jsonx.NewFields(
	stringField("code", true, func(b *Band) *string { return &b.Code }),
	rateField("multiple", true, 4, func(b *Band) *money.Rate { return &b.Multiple }),
	enumField("area", false, areaNames, func(b *Band) *Area { return &b.Area }),
	stringField("name", false, func(b *Band) *string { return &b.Name }),
	stringField("name_en", false, func(b *Band) *string { return &b.NameEN }),
)

// Tier is one band of a tier table: a per-capita income from From to To
// (each edge inclusive or not) is paid Amount per person per month.
type Tier struct {
	From          money.Amount
	FromInclusive bool
	To            money.Amount
	ToInclusive   bool
	Amount        money.Amount
}

var tierFields = jsonx.NewFields(
	amountField("from", true, func(t *Tier) *money.Amount { return &t.From }),
	boolField("from_inclusive", func(t *Tier) *bool { return &t.FromInclusive }),
	amountField("to", true, func(t *Tier) *money.Amount { return &t.To }),
	boolField("to_inclusive", func(t *Tier) *bool { return &t.ToInclusive }),
	amountField("amount", true, func(t *Tier) *money.Amount { return &t.Amount }),
)

// Placement puts everyone of a category in a given tier (1-based), e.g.
// severely disabled people in tier 1, whatever the household's income.
type Placement struct {
	Category Category
	Tier     int
}

var placementFields = jsonx.NewFields(
	enumField("category", true, categoryNames, func(p *Placement) *Category { return &p.Category }),
	intField("tier", true, 1, 100, func(p *Placement) *int { return &p.Tier }),
)

// TierTable is a tiered-payment table (R6): at least five contiguous tiers
// from a per-capita income of 0 upward, with strictly falling amounts.
type TierTable struct {
	Tiers      []Tier
	Placements []Placement
}

// MaxTiers bounds the tiers and placements of a table.
const MaxTiers = 100

var (
	readTiers, writeTiers           = listOf(tierFields, MaxTiers)
	readPlacements, writePlacements = listOf(placementFields, MaxTiers)
	tierTableFields                 = jsonx.NewFields(
		jsonx.Field[TierTable]{Name: "tiers", Required: true,
			Read:  func(d *jsonx.Decoder, t *TierTable) { t.Tiers, _ = readTiers(d) },
			Write: func(w *jsonx.Writer, t *TierTable) { writeTiers(w, t.Tiers) }},
		jsonx.Field[TierTable]{Name: "placements",
			Read:  func(d *jsonx.Decoder, t *TierTable) { t.Placements, _ = readPlacements(d) },
			Write: func(w *jsonx.Writer, t *TierTable) { writePlacements(w, t.Placements) },
			Omit:  func(t *TierTable) bool { return len(t.Placements) == 0 }},
	)
)

// Contains reports whether per-capita income x falls in the tier.
func (t Tier) Contains(x money.Amount) bool {
	c := x.Cmp(t.From)
	if c < 0 || c == 0 && !t.FromInclusive {
		return false
	}
	c = x.Cmp(t.To)
	return c < 0 || c == 0 && t.ToInclusive
}

// WageRate is one tier's minimum wage.
type WageRate struct {
	Tier    int          // 1 = 一档
	Monthly money.Amount // yuan per month
	Hourly  money.Amount // yuan per hour (part-time); zero when not given
}

var wageRateFields = jsonx.NewFields(
	intField("tier", true, 1, 20, func(r *WageRate) *int { return &r.Tier }),
	amountField("monthly", true, func(r *WageRate) *money.Amount { return &r.Monthly }),
	jsonx.Field[WageRate]{Name: "hourly",
		Read:  func(d *jsonx.Decoder, r *WageRate) { r.Hourly, _ = d.Amount() },
		Write: func(w *jsonx.Writer, r *WageRate) { w.Amount(r.Hourly) },
		Omit:  func(r *WageRate) bool { return r.Hourly.IsZero() }},
)

// MinimumWage is the table of minimum wages by tier, tier 1 highest.
type MinimumWage struct {
	Tiers []WageRate
}

var (
	readWageRates, writeWageRates = listOf(wageRateFields, 20)
	minimumWageFields             = jsonx.NewFields(
		jsonx.Field[MinimumWage]{Name: "tiers", Required: true,
			Read:  func(d *jsonx.Decoder, m *MinimumWage) { m.Tiers, _ = readWageRates(d) },
			Write: func(w *jsonx.Writer, m *MinimumWage) { writeWageRates(w, m.Tiers) }},
	)
)

// Tier returns the rate of tier n.
func (m MinimumWage) Tier(n int) (WageRate, bool) {
	if n >= 1 && n <= len(m.Tiers) && m.Tiers[n-1].Tier == n {
		return m.Tiers[n-1], true
	}
	return WageRate{}, false
}

// PriceLinkage holds the price-linkage mechanism's parameters (R5).
type PriceLinkage struct {
	CPITrigger     money.Rate   // year-on-year CPI rise that triggers, e.g. 0.035
	FoodCPITrigger money.Rate   // year-on-year food-CPI rise that triggers, e.g. 0.06
	Covered        []Group      // who receives the subsidy
	Floor          money.Amount // least monthly subsidy per person, when HasFloor
	HasFloor       bool
	// Formula is how a person's subsidy is worked out once triggered: the
	// standard × the rise (R5's, the default), a fixed Amount, or the
	// standard × the Share of the band the rise falls in (Bands).
	Formula PriceFormula
	Amount  money.Amount // PriceFixed: per person a month
	Bands   []PriceBand  // PriceBanded: by rise, ascending
	// Multiplier, when HasMultiplier, multiplies the figure the formula
	// gives (a temporary increase for a period: a value with an until).
	Multiplier    money.Rate
	HasMultiplier bool
}

// PriceFormula is how a price subsidy is worked out.
type PriceFormula uint8

// Price-subsidy formulas.
const (
	PriceStandardRise PriceFormula = iota // the standard × the rise (R5)
	PriceFixed                            // a fixed amount a person
	PriceBanded                           // the standard × the share of the rise's band
)

var priceFormulaNames = enum.New[PriceFormula]("price formula", "standard_rise", "fixed", "banded")

// String returns the formula's code, e.g. "banded".
func (f PriceFormula) String() string { return priceFormulaNames.String(f) }

// PriceBand is a band of the rise: from From (inclusive) up to the next
// band's From, the subsidy is Share × the standard.
type PriceBand struct {
	From  money.Rate
	Share money.Rate
}

var priceBandFields = jsonx.NewFields(
	rateField("from", true, 4, func(b *PriceBand) *money.Rate { return &b.From }),
	rateField("share", true, 4, func(b *PriceBand) *money.Rate { return &b.Share }),
)

var (
	readGroups, writeGroups = readEnumList(groupNames, 16), writeEnumList(groupNames)
	priceLinkageFields      = jsonx.NewFields(
		rateField("cpi_trigger", true, 4, func(p *PriceLinkage) *money.Rate { return &p.CPITrigger }),
		rateField("food_cpi_trigger", true, 4, func(p *PriceLinkage) *money.Rate { return &p.FoodCPITrigger }),
		jsonx.Field[PriceLinkage]{Name: "covered", Required: true,
			Read:  func(d *jsonx.Decoder, p *PriceLinkage) { p.Covered, _ = readGroups(d) },
			Write: func(w *jsonx.Writer, p *PriceLinkage) { writeGroups(w, p.Covered) }},
		jsonx.Field[PriceLinkage]{Name: "floor",
			Read: func(d *jsonx.Decoder, p *PriceLinkage) {
				p.Floor, _ = d.Amount()
				p.HasFloor = true
			},
			Write: func(w *jsonx.Writer, p *PriceLinkage) { w.Amount(p.Floor) },
			Omit:  func(p *PriceLinkage) bool { return !p.HasFloor }},
		jsonx.Field[PriceLinkage]{Name: "formula",
			Read:  func(d *jsonx.Decoder, p *PriceLinkage) { p.Formula, _ = readEnum(priceFormulaNames)(d) },
			Write: func(w *jsonx.Writer, p *PriceLinkage) { w.String(p.Formula.String()) },
			Omit:  func(p *PriceLinkage) bool { return p.Formula == PriceStandardRise }},
		jsonx.Field[PriceLinkage]{Name: "amount",
			Read:  func(d *jsonx.Decoder, p *PriceLinkage) { p.Amount, _ = d.Amount() },
			Write: func(w *jsonx.Writer, p *PriceLinkage) { w.Amount(p.Amount) },
			Omit:  func(p *PriceLinkage) bool { return p.Formula != PriceFixed }},
		jsonx.Field[PriceLinkage]{Name: "bands",
			Read:  func(d *jsonx.Decoder, p *PriceLinkage) { p.Bands, _ = readPriceBands(d) },
			Write: func(w *jsonx.Writer, p *PriceLinkage) { writePriceBands(w, p.Bands) },
			Omit:  func(p *PriceLinkage) bool { return len(p.Bands) == 0 }},
		jsonx.Field[PriceLinkage]{Name: "multiplier",
			Read: func(d *jsonx.Decoder, p *PriceLinkage) {
				p.Multiplier, _ = d.Rate(4)
				p.HasMultiplier = true
			},
			Write: func(w *jsonx.Writer, p *PriceLinkage) { w.Rate(p.Multiplier) },
			Omit:  func(p *PriceLinkage) bool { return !p.HasMultiplier }},
	)
	readPriceBands, writePriceBands = listOf(priceBandFields, 20)
)

// CategoryRate is a supplement rate of its own for one category (R7 sets
// the least; localities pay some categories more).
type CategoryRate struct {
	Category Category
	Rate     money.Rate
}

var categoryRateFields = jsonx.NewFields(
	enumField("category", true, categoryNames, func(c *CategoryRate) *Category { return &c.Category }),
	rateField("rate", true, 4, func(c *CategoryRate) *money.Rate { return &c.Rate }),
)

// AgeGroup is a supplement category of a locality's own: people from
// MinAge up to MaxAge (both inclusive; MaxAge 0 for no upper bound) — and,
// when Of lists categories, only those in one of them — receive Rate × the
// standard. Name is shown in explanations as it is, NameEN in English ones
// when it is given.
type AgeGroup struct {
	Name   string
	NameEN string // its English name, for English explanations; optional
	MinAge int
	MaxAge int
	Of     []Category
	Rate   money.Rate
}

var ageGroupFields = jsonx.NewFields(
	stringField("name", true, func(g *AgeGroup) *string { return &g.Name }),
	stringField("name_en", false, func(g *AgeGroup) *string { return &g.NameEN }),
	intField("min_age", false, 0, 130, func(g *AgeGroup) *int { return &g.MinAge }),
	intField("max_age", false, 0, 130, func(g *AgeGroup) *int { return &g.MaxAge }),
	jsonx.Field[AgeGroup]{Name: "of",
		Read:  func(d *jsonx.Decoder, g *AgeGroup) { g.Of, _ = readEnumList(categoryNames, 16)(d) },
		Write: func(w *jsonx.Writer, g *AgeGroup) { writeEnumList(categoryNames)(w, g.Of) },
		Omit:  func(g *AgeGroup) bool { return len(g.Of) == 0 }},
	rateField("rate", true, 4, func(g *AgeGroup) *money.Rate { return &g.Rate }),
)

// TekunSupport is the 特困 support standard: the basic living amount plus
// the care amount of each level, yuan per person per month.
type TekunSupport struct {
	Basic       money.Amount
	SelfCare    money.Amount // 全自理
	PartialCare money.Amount // 半护理
	FullCare    money.Amount // 全护理
}

var tekunFields = jsonx.NewFields(
	amountField("basic", true, func(t *TekunSupport) *money.Amount { return &t.Basic }),
	amountField("self_care", true, func(t *TekunSupport) *money.Amount { return &t.SelfCare }),
	amountField("partial_care", true, func(t *TekunSupport) *money.Amount { return &t.PartialCare }),
	amountField("full_care", true, func(t *TekunSupport) *money.Amount { return &t.FullCare }),
)

// Care returns the care amount of a level.
func (t TekunSupport) Care(l CareLevel) (money.Amount, bool) {
	switch l {
	case CareSelf:
		return t.SelfCare, true
	case CarePartial:
		return t.PartialCare, true
	case CareFull:
		return t.FullCare, true
	}
	return money.Amount{}, false
}

// TekunGuidance is the provincial guidance for 特困 support, a floor for
// local amounts: the basic living amount at least BasicFactor × the local
// 低保 standard, and each care amount at least the local monthly minimum
// wage ÷ its divisor (2024: 1/10 全自理, 1/6 半护理, 1/4 全护理).
type TekunGuidance struct {
	BasicFactor        money.Rate
	SelfCareDivisor    int
	PartialCareDivisor int
	FullCareDivisor    int
}

var tekunGuidanceFields = jsonx.NewFields(
	rateField("basic_factor", true, 4, func(t *TekunGuidance) *money.Rate { return &t.BasicFactor }),
	intField("self_care_divisor", true, 1, 100, func(t *TekunGuidance) *int { return &t.SelfCareDivisor }),
	intField("partial_care_divisor", true, 1, 100, func(t *TekunGuidance) *int { return &t.PartialCareDivisor }),
	intField("full_care_divisor", true, 1, 100, func(t *TekunGuidance) *int { return &t.FullCareDivisor }),
)

// Divisor returns the care divisor of a level.
func (t TekunGuidance) Divisor(l CareLevel) int {
	switch l {
	case CareSelf:
		return t.SelfCareDivisor
	case CarePartial:
		return t.PartialCareDivisor
	case CareFull:
		return t.FullCareDivisor
	}
	return 0
}

// AssistanceCap caps temporary assistance for one hardship type, as a
// multiple of the monthly 低保 standard of the place of the emergency.
type AssistanceCap struct {
	Hardship  string     // local code, e.g. "illness", "disaster"
	Multiple  money.Rate // e.g. 10
	PerMember bool       // the cap is per household member
}

var capFields = jsonx.NewFields(
	stringField("hardship", true, func(c *AssistanceCap) *string { return &c.Hardship }),
	rateField("multiple", true, 4, func(c *AssistanceCap) *money.Rate { return &c.Multiple }),
	boolField("per_member", func(c *AssistanceCap) *bool { return &c.PerMember }),
)

// PropertyLimit is one scheme's property limits.
type PropertyLimit struct {
	// FinancialAssetsMonths: financial assets per person may not exceed this
	// many months of the monthly 低保 standard.
	FinancialAssetsMonths money.Rate
	// MaxDwellings is the largest number of dwellings allowed.
	MaxDwellings int
	// VehiclesAllowed tells whether owning a (non-exempt) vehicle is allowed.
	VehiclesAllowed bool
}

var propertyLimitFields = jsonx.NewFields(
	rateField("financial_assets_months", true, 2, func(l *PropertyLimit) *money.Rate { return &l.FinancialAssetsMonths }),
	intField("max_dwellings", true, 0, 100, func(l *PropertyLimit) *int { return &l.MaxDwellings }),
	boolField("vehicles_allowed", func(l *PropertyLimit) *bool { return &l.VehiclesAllowed }),
)

// PropertyLimits holds the limits per scheme; a scheme whose Has… flag is
// false declares no limit.
type PropertyLimits struct {
	Dibao, Edge, Tekun          PropertyLimit
	HasDibao, HasEdge, HasTekun bool
}

func limitField(name string, get func(*PropertyLimits) (*PropertyLimit, *bool)) jsonx.Field[PropertyLimits] {
	return jsonx.Field[PropertyLimits]{Name: name,
		Read: func(d *jsonx.Decoder, p *PropertyLimits) {
			l, has := get(p)
			*has = propertyLimitFields.Decode(d, l)
		},
		Write: func(w *jsonx.Writer, p *PropertyLimits) {
			l, _ := get(p)
			propertyLimitFields.Encode(w, l)
		},
		Omit: func(p *PropertyLimits) bool { _, has := get(p); return !*has }}
}

var propertyLimitsFields = jsonx.NewFields(
	limitField("dibao", func(p *PropertyLimits) (*PropertyLimit, *bool) { return &p.Dibao, &p.HasDibao }),
	limitField("edge", func(p *PropertyLimits) (*PropertyLimit, *bool) { return &p.Edge, &p.HasEdge }),
	limitField("tekun", func(p *PropertyLimits) (*PropertyLimit, *bool) { return &p.Tekun, &p.HasTekun }),
)

// Monitoring holds the thresholds of the dynamic-monitoring flags (R8, R9).
// A threshold whose Has… flag is false is not declared, and its flag is not
// evaluated.
type Monitoring struct {
	// NearThreshold: countable income at or above the 低保 line but below
	// NearThreshold × line is flagged as near the line.
	NearThreshold    money.Rate
	HasNearThreshold bool
	// SharpDrop: countable income that fell by at least this share since the
	// previous assessment is flagged.
	SharpDrop    money.Rate
	HasSharpDrop bool
	// RigidShare: rigid expenditure over 12 months above this share of the
	// household's income over 12 months is flagged (民发〔2024〕57号).
	RigidShare    money.Rate
	HasRigidShare bool
}

func optionalRate(name string, get func(*Monitoring) (*money.Rate, *bool)) jsonx.Field[Monitoring] {
	return jsonx.Field[Monitoring]{Name: name,
		Read: func(d *jsonx.Decoder, m *Monitoring) {
			r, has := get(m)
			*r, *has = d.Rate(4)
		},
		Write: func(w *jsonx.Writer, m *Monitoring) { r, _ := get(m); w.Rate(*r) },
		Omit:  func(m *Monitoring) bool { _, has := get(m); return !*has }}
}

var monitoringFields = jsonx.NewFields(
	optionalRate("near_threshold", func(m *Monitoring) (*money.Rate, *bool) { return &m.NearThreshold, &m.HasNearThreshold }),
	optionalRate("sharp_drop", func(m *Monitoring) (*money.Rate, *bool) { return &m.SharpDrop, &m.HasSharpDrop }),
	optionalRate("rigid_share", func(m *Monitoring) (*money.Rate, *bool) { return &m.RigidShare, &m.HasRigidShare }),
)

var roundingFields = jsonx.NewFields(
	textField("unit", "fen, jiao or yuan", func(r *RoundingRule) textValue { return &r.Unit }),
	textField("mode", "half_up, up, down or half_even", func(r *RoundingRule) textValue { return &r.Mode }),
)
