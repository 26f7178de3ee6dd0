package standards

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Param names a parameter of a standards Set. Its string form is the key used
// in the JSON format.
type Param string

// The parameters the policy needs. The comment gives the Go type of Value.V
// and the JSON form of "value".
const (
	// 低保标准: yuan per person per month, by area class (urban / rural).
	// decimal.Decimal; JSON "850".
	ParamDibaoStandard Param = "dibao_standard"
	// 低保边缘家庭 income multiples as named bands (R2).
	// []Band; JSON [{"code": "edge", "multiple": "1.5"}].
	ParamEdgeBands Param = "edge_bands"
	// 加发 rate as a fraction of the 低保 standard (R7), at least 0.15.
	// decimal.Decimal; JSON "0.15".
	ParamSupplementRate Param = "supplement_rate"
	// Categories that receive the supplement (R7). []Category.
	ParamSupplementCategories Param = "supplement_categories"
	// How supplements combine when one person fits several categories. Stacking.
	ParamSupplementStacking Param = "supplement_stacking"
	// Age from which a person counts as 老年人 for the supplement. int.
	ParamElderlyAge Param = "elderly_age"
	// Tier table for tiered payment (R6). TierTable.
	ParamTierTable Param = "tier_table"
	// Longest 渐退期 in months (R4), at most 12. int.
	ParamGradualExitMaxMonths Param = "gradual_exit_max_months"
	// Months of minimum wage deducted per year for employment cost (R13). int.
	ParamEmploymentDeductionMonths Param = "employment_deduction_months"
	// Minimum wage per tier. MinimumWage.
	ParamMinimumWage Param = "minimum_wage"
	// Minimum-wage tier of a region (the dated region → tier map). int.
	ParamMinimumWageTier Param = "minimum_wage_tier"
	// Share of a caregiver's income that is counted (R14), in [0, 1]. decimal.Decimal.
	ParamCaregiverIncomeFactor Param = "caregiver_income_factor"
	// Price-linkage triggers, covered groups and floor (R5). PriceLinkage.
	ParamPriceLinkage Param = "price_linkage"
	// 特困 basic living standard as a multiple of the 低保 standard. decimal.Decimal.
	ParamTekunBasicFactor Param = "tekun_basic_factor"
	// 特困 support amounts (basic + care by level), by area class. TekunSupport.
	ParamTekunSupport Param = "tekun_support"
	// Temporary-assistance caps by hardship type (R10). []AssistanceCap.
	ParamTemporaryAssistanceCaps Param = "temporary_assistance_caps"
	// Most instalments one temporary-assistance approval may be paid in (R10). int.
	ParamTemporaryAssistanceMaxInstalments Param = "temporary_assistance_max_instalments"
	// Property limits for 低保, edge households and 特困. PropertyLimits.
	ParamPropertyLimits Param = "property_limits"
	// Income kinds that are not counted. []IncomeKind.
	ParamExcludedIncomeKinds Param = "excluded_income_kinds"
	// Whether rigid expenditure (illness, disability, schooling, disaster,
	// accident) is deducted from income before the 低保 test — a locally
	// switchable rule (Heilongjiang county guidance). bool; JSON true.
	ParamRigidExpenditureDeduction Param = "rigid_expenditure_deduction"
	// Disability categories whose grade 3 also counts as severe for
	// 单人户 inclusion (R3), e.g. intellectual and psychiatric. []string of
	// visual, hearing, speech, physical, intellectual, psychiatric, multiple.
	ParamSevereGrade3Categories Param = "severe_grade3_categories"
	// Monitoring thresholds (R8, R9). Monitoring.
	ParamMonitoring Param = "monitoring"
)

// DisabilityCategories are the disability category codes the standards use.
var disabilityCategories = []string{"visual", "hearing", "speech", "physical", "intellectual", "psychiatric", "multiple"}

func validDisabilityCategory(s string) bool { return slices.Contains(disabilityCategories, s) }

// Monitoring holds the thresholds of the dynamic-monitoring flags (R8, R9).
// A threshold whose Has… flag is false is not declared, and its flag is not
// evaluated.
type Monitoring struct {
	// NearThreshold: a household whose countable income is at or above the
	// 低保 line but below NearThreshold × line is flagged as near the line.
	NearThreshold    decimal.Decimal
	HasNearThreshold bool
	// SharpDrop: countable income that fell by at least this share since the
	// previous assessment is flagged.
	SharpDrop    decimal.Decimal
	HasSharpDrop bool
	// RigidShare: rigid expenditure over 12 months above this share of the
	// household's income over 12 months is flagged (民发〔2024〕57号 style).
	RigidShare    decimal.Decimal
	HasRigidShare bool
}

func (m Monitoring) String() string {
	var parts []string
	if m.HasNearThreshold {
		parts = append(parts, "near threshold < "+m.NearThreshold.String()+"× line")
	}
	if m.HasSharpDrop {
		parts = append(parts, "sharp drop ≥ "+m.SharpDrop.String())
	}
	if m.HasRigidShare {
		parts = append(parts, "rigid expenditure > "+m.RigidShare.String()+" of income")
	}
	return strings.Join(parts, "; ")
}

// RoundingPoint names a place in the computation where a rounding rule
// applies. Each point is a parameter of its own ("rounding.<point>"), so that
// a Set declares exactly the rounding it knows and no more.
type RoundingPoint string

// Rounding points.
const (
	RoundPaymentTotal        RoundingPoint = "payment_total"        // a household's monthly 低保 payment
	RoundPerCapitaDisplay    RoundingPoint = "per_capita_display"   // per-capita income shown to people (never compared)
	RoundCountableIncome     RoundingPoint = "countable_income"     // the household's monthly countable income, if a locality rounds it
	RoundSupplement          RoundingPoint = "supplement"           // one person's 加发 amount
	RoundPriceSubsidy        RoundingPoint = "price_subsidy"        // one person's monthly price subsidy
	RoundTekunBasic          RoundingPoint = "tekun_basic"          // factor × standard for 特困 basic support
	RoundTemporaryAssistance RoundingPoint = "temporary_assistance" // an approved temporary-assistance amount
	RoundInstalment          RoundingPoint = "instalment"           // one instalment of a schedule
)

// RoundingPoints lists every rounding point in a fixed order.
var roundingPoints = []RoundingPoint{
	RoundPaymentTotal, RoundPerCapitaDisplay, RoundCountableIncome, RoundSupplement,
	RoundPriceSubsidy, RoundTekunBasic, RoundTemporaryAssistance, RoundInstalment,
}

// RoundingPoints returns every rounding point in a fixed order.
func RoundingPoints() []RoundingPoint { return slices.Clone(roundingPoints) }

// roundingParams maps each point to its parameter name, built once so that
// lookups do not concatenate strings.
var roundingParams = func() map[RoundingPoint]Param {
	m := make(map[RoundingPoint]Param, len(roundingPoints))
	for _, pt := range roundingPoints {
		m[pt] = Param("rounding." + string(pt))
	}
	return m
}()

// Param returns the parameter under which the point's rule is stored.
func (p RoundingPoint) Param() Param {
	if param, ok := roundingParams[p]; ok {
		return param
	}
	return Param("rounding." + string(p))
}

// Area is the area class a value applies to.
type Area uint8

// Area classes. AreaAny marks a value that is not split by area.
const (
	AreaAny Area = iota
	AreaUrban
	AreaRural
)

// String returns "", "urban" or "rural".
func (a Area) String() string {
	switch a {
	case AreaUrban:
		return "urban"
	case AreaRural:
		return "rural"
	}
	return ""
}

// ParseArea parses "urban", "rural" or "" (AreaAny).
func ParseArea(s string) (Area, error) {
	switch s {
	case "":
		return AreaAny, nil
	case "urban":
		return AreaUrban, nil
	case "rural":
		return AreaRural, nil
	}
	return AreaAny, fmt.Errorf("standards: unknown area %q (want urban or rural)", s)
}

// Category is a group of people that the rules single out: for the supplement
// (R7), for placement in a payment tier, or for 单人户 inclusion (R3).
type Category string

// Categories.
const (
	CategorySevereDisability Category = "severe_disability" // 重度残疾人 (incl. 1–4级伤残军人 for R7)
	CategorySeriousIllness   Category = "serious_illness"   // 重病患者
	CategoryElderly          Category = "elderly"           // 老年人
	CategoryMinor            Category = "minor"             // 未成年人
	CategoryMartyrFamily     Category = "martyr_family"     // 军烈属
	CategoryReturnedVeteran  Category = "returned_veteran"  // 在乡老复员军人
)

var categories = []Category{CategorySevereDisability, CategorySeriousIllness, CategoryElderly,
	CategoryMinor, CategoryMartyrFamily, CategoryReturnedVeteran}

// Valid reports whether c is one of the defined categories.
func (c Category) Valid() bool { return slices.Contains(categories, c) }

// Group is a group covered by the price-linkage subsidy (R5).
type Group string

// Covered groups.
const (
	GroupDibao                 Group = "dibao"                  // 城乡低保对象
	GroupTekun                 Group = "tekun"                  // 特困人员
	GroupUnemploymentInsurance Group = "unemployment_insurance" // 领取失业保险金人员
	GroupSpecialCare           Group = "special_care"           // 定期抚恤补助优抚对象
	GroupOrphan                Group = "orphan"                 // 孤儿
	GroupDeFactoOrphan         Group = "de_facto_orphan"        // 事实无人抚养儿童
	GroupHIVAffectedChild      Group = "hiv_affected_child"     // 艾滋病病毒感染儿童
	GroupEdgeHousehold         Group = "edge_household"         // 低保边缘家庭成员
)

var groups = []Group{GroupDibao, GroupTekun, GroupUnemploymentInsurance, GroupSpecialCare,
	GroupOrphan, GroupDeFactoOrphan, GroupHIVAffectedChild, GroupEdgeHousehold}

// Valid reports whether g is one of the defined groups.
func (g Group) Valid() bool { return slices.Contains(groups, g) }

// IncomeKind is a kind of income item. The income package uses the same
// codes; a Set lists which kinds are excluded.
type IncomeKind string

// Income kinds.
const (
	IncomeWage                  IncomeKind = "wage"                   // 工资性收入
	IncomeBusinessNet           IncomeKind = "business_net"           // 经营净收入
	IncomePropertyNet           IncomeKind = "property_net"           // 财产净收入
	IncomePension               IncomeKind = "pension"                // pensions (转移性收入)
	IncomeUnemploymentInsurance IncomeKind = "unemployment_insurance" // 失业保险金
	IncomeCompensation          IncomeKind = "compensation"           // compensation received
	IncomeSupportReceived       IncomeKind = "support_received"       // 赡养/抚养/扶养费 received
	IncomeSupportPaid           IncomeKind = "support_paid"           // 赡养/抚养/扶养费 paid (deducted)
	IncomeSpecialCarePension    IncomeKind = "special_care_pension"   // 优待抚恤金
	IncomeFamilyPlanning        IncomeKind = "family_planning_award"  // 计划生育奖励与扶助金
	IncomeScholarship           IncomeKind = "scholarship"            // 奖学金
	IncomeHeroismAward          IncomeKind = "heroism_award"          // 见义勇为 rewards
	IncomeSocialAssistance      IncomeKind = "social_assistance"      // social-assistance money
	IncomeResidentPensionBasic  IncomeKind = "resident_pension_basic" // 城乡居民基本养老保险 central basic pension
	IncomeOther                 IncomeKind = "other"                  // 其他收入
)

var incomeKinds = []IncomeKind{IncomeWage, IncomeBusinessNet, IncomePropertyNet, IncomePension,
	IncomeUnemploymentInsurance, IncomeCompensation, IncomeSupportReceived, IncomeSupportPaid,
	IncomeSpecialCarePension, IncomeFamilyPlanning, IncomeScholarship, IncomeHeroismAward,
	IncomeSocialAssistance, IncomeResidentPensionBasic, IncomeOther}

// IncomeKinds returns every income kind in a fixed order.
func IncomeKinds() []IncomeKind { return slices.Clone(incomeKinds) }

// Valid reports whether k is one of the defined kinds.
func (k IncomeKind) Valid() bool { return slices.Contains(incomeKinds, k) }

// Band is a named income multiple of the 低保 standard (R2): a household is in
// the band when its countable income is below Multiple × standard × members.
type Band struct {
	Code     string          // stable code, e.g. "edge"
	Multiple decimal.Decimal // e.g. 1.5
	Area     Area            // AreaAny, or the only area class the band applies to
	Name     string          // the local name, e.g. 城乡低保边缘家庭
}

func (b Band) String() string {
	s := b.Code + " " + b.Multiple.String() + "×"
	if b.Area != AreaAny {
		s += " (" + b.Area.String() + ")"
	}
	return s
}

// Stacking says how supplements combine for a person in several categories.
type Stacking uint8

// Stacking rules. The zero value is StackingUnset, which Load refuses.
const (
	StackingUnset   Stacking = iota
	StackingHighest          // one supplement, the highest, paid once
	StackingSum              // one supplement per category
)

// String returns "highest", "sum" or "".
func (s Stacking) String() string {
	switch s {
	case StackingHighest:
		return "highest"
	case StackingSum:
		return "sum"
	}
	return ""
}

// Tier is one band of a tier table: per-capita income from From to To (each
// edge inclusive or not) is paid Amount per person per month.
type Tier struct {
	From          decimal.Decimal
	FromInclusive bool
	To            decimal.Decimal
	ToInclusive   bool
	Amount        decimal.Decimal
}

// Contains reports whether per-capita income x falls in the tier.
func (t Tier) Contains(x decimal.Decimal) bool {
	c := x.Cmp(t.From)
	if c < 0 || c == 0 && !t.FromInclusive {
		return false
	}
	c = x.Cmp(t.To)
	return c < 0 || c == 0 && t.ToInclusive
}

func (t Tier) String() string { return t.interval() + " → " + t.Amount.StringFixed(2) }

// Placement puts everyone of a category in a given tier (1-based), e.g.
// severely disabled people in tier 1, whatever the household's income.
type Placement struct {
	Category Category
	Tier     int
}

// TierTable is a tiered-payment table (R6): at least five contiguous tiers
// from a per-capita income of 0 upward, with strictly decreasing amounts.
type TierTable struct {
	Tiers      []Tier
	Placements []Placement
}

func (t TierTable) String() string {
	parts := make([]string, 0, len(t.Tiers)+len(t.Placements))
	for _, x := range t.Tiers {
		parts = append(parts, x.String())
	}
	for _, p := range t.Placements {
		parts = append(parts, fmt.Sprintf("%s → tier %d", p.Category, p.Tier))
	}
	return strings.Join(parts, "; ")
}

func (t TierTable) clone() TierTable {
	return TierTable{Tiers: slices.Clone(t.Tiers), Placements: slices.Clone(t.Placements)}
}

// WageRate is one tier's minimum wage.
type WageRate struct {
	Tier    int             // 1 = 一档
	Monthly decimal.Decimal // yuan per month
	Hourly  decimal.Decimal // yuan per hour (part-time); zero when not given
}

func (w WageRate) String() string {
	s := fmt.Sprintf("tier %d: %s/month", w.Tier, w.Monthly.String())
	if !w.Hourly.IsZero() {
		s += " (" + w.Hourly.String() + "/hour)"
	}
	return s
}

// MinimumWage is the table of minimum wages by tier, tier 1 highest.
type MinimumWage struct {
	Tiers []WageRate
}

// Tier returns the rate of tier n.
func (m MinimumWage) Tier(n int) (WageRate, bool) {
	for _, t := range m.Tiers {
		if t.Tier == n {
			return t, true
		}
	}
	return WageRate{}, false
}

func (m MinimumWage) String() string {
	parts := make([]string, len(m.Tiers))
	for i, t := range m.Tiers {
		parts[i] = t.String()
	}
	return strings.Join(parts, "; ")
}

// PriceLinkage holds the price-linkage mechanism's parameters (R5).
type PriceLinkage struct {
	CPITrigger     decimal.Decimal // year-on-year CPI rise that triggers, e.g. 0.035
	FoodCPITrigger decimal.Decimal // year-on-year food-CPI rise that triggers, e.g. 0.06
	Covered        []Group         // who receives the subsidy
	Floor          decimal.Decimal // least monthly subsidy per person; meaningful only when HasFloor
	HasFloor       bool
}

func (p PriceLinkage) String() string {
	s := fmt.Sprintf("CPI ≥ %s, food CPI ≥ %s; covered: %v", p.CPITrigger, p.FoodCPITrigger, p.Covered)
	if p.HasFloor {
		s += "; floor " + p.Floor.StringFixed(2)
	}
	return s
}

// CareLevel is a 特困 care level.
type CareLevel uint8

// Care levels.
const (
	CareSelf    CareLevel = iota + 1 // 全自理
	CarePartial                      // 半护理
	CareFull                         // 全护理
)

// TekunSupport is the 特困 support standard: basic living amount plus the care
// amount for each level, yuan per person per month.
type TekunSupport struct {
	Basic       decimal.Decimal
	SelfCare    decimal.Decimal // 全自理
	PartialCare decimal.Decimal // 半护理
	FullCare    decimal.Decimal // 全护理
}

// Care returns the care amount for a level.
func (t TekunSupport) Care(l CareLevel) (decimal.Decimal, bool) {
	switch l {
	case CareSelf:
		return t.SelfCare, true
	case CarePartial:
		return t.PartialCare, true
	case CareFull:
		return t.FullCare, true
	}
	return decimal.Decimal{}, false
}

func (t TekunSupport) String() string {
	return fmt.Sprintf("basic %s + care %s/%s/%s", t.Basic.StringFixed(2), t.SelfCare.StringFixed(2),
		t.PartialCare.StringFixed(2), t.FullCare.StringFixed(2))
}

// AssistanceCap caps temporary assistance for one hardship type, as a
// multiple of the monthly 低保 standard of the place of the emergency.
type AssistanceCap struct {
	Hardship  string          // local code, e.g. "illness", "disaster"
	Multiple  decimal.Decimal // e.g. 10
	PerMember bool            // the cap is per household member
}

func (a AssistanceCap) String() string {
	s := a.Hardship + " ≤ " + a.Multiple.String() + "× standard"
	if a.PerMember {
		s += " × members"
	}
	return s
}

// PropertyLimit is one scheme's property limits.
type PropertyLimit struct {
	// FinancialAssetsMonths: financial assets per person may not exceed this
	// many months of the monthly 低保 standard.
	FinancialAssetsMonths decimal.Decimal
	// MaxDwellings is the largest number of dwellings allowed.
	MaxDwellings int
	// VehiclesAllowed tells whether owning a (non-exempt) vehicle is allowed.
	VehiclesAllowed bool
}

// PropertyLimits holds the limits per scheme; a scheme whose Has… flag is
// false has no limit declared.
type PropertyLimits struct {
	Dibao, Edge, Tekun          PropertyLimit
	HasDibao, HasEdge, HasTekun bool
}

func (p PropertyLimit) String() string {
	return fmt.Sprintf("assets ≤ %s months/person, dwellings ≤ %d, vehicles %t", p.FinancialAssetsMonths, p.MaxDwellings, p.VehiclesAllowed)
}

func (p PropertyLimits) String() string {
	var parts []string
	if p.HasDibao {
		parts = append(parts, "dibao: "+p.Dibao.String())
	}
	if p.HasEdge {
		parts = append(parts, "edge: "+p.Edge.String())
	}
	if p.HasTekun {
		parts = append(parts, "tekun: "+p.Tekun.String())
	}
	return strings.Join(parts, "; ")
}

// RoundingUnit is the unit a rounding rule rounds to.
type RoundingUnit uint8

// Rounding units. The zero value is UnitUnset, which Load refuses.
const (
	UnitUnset RoundingUnit = iota
	UnitFen                // 0.01 yuan
	UnitJiao               // 0.1 yuan
	UnitYuan               // 1 yuan
)

// Places returns the decimal places of the unit (2, 1, 0).
func (u RoundingUnit) Places() int32 {
	switch u {
	case UnitFen:
		return 2
	case UnitJiao:
		return 1
	}
	return 0
}

// String returns "fen", "jiao", "yuan" or "".
func (u RoundingUnit) String() string {
	return [...]string{"", "fen", "jiao", "yuan"}[min(int(u), 3)]
}

// RoundingMode is how a rule rounds.
type RoundingMode uint8

// Rounding modes. The zero value is ModeUnset, which Load refuses.
const (
	ModeUnset    RoundingMode = iota
	ModeHalfUp                // 四舍五入: half away from zero
	ModeUp                    // away from zero (进位)
	ModeDown                  // toward zero (舍去)
	ModeHalfEven              // banker's rounding
)

// String returns "half_up", "up", "down", "half_even" or "".
func (m RoundingMode) String() string {
	return [...]string{"", "half_up", "up", "down", "half_even"}[min(int(m), 4)]
}

// RoundingRule rounds amounts to a unit in a mode.
type RoundingRule struct {
	Unit RoundingUnit
	Mode RoundingMode
}

// Apply rounds d by the rule. A rule with an unset unit or mode returns d
// unchanged; Sets never hold such rules.
func (r RoundingRule) Apply(d decimal.Decimal) decimal.Decimal {
	if r.Unit == UnitUnset {
		return d
	}
	p := r.Unit.Places()
	switch r.Mode {
	case ModeHalfUp:
		return d.Round(p)
	case ModeUp:
		return d.RoundUp(p)
	case ModeDown:
		return d.RoundDown(p)
	case ModeHalfEven:
		return d.RoundBank(p)
	}
	return d
}

func (r RoundingRule) String() string { return r.Unit.String() + " " + r.Mode.String() }

// interval writes the tier's income range, e.g. "(77, 200]".
func (t Tier) interval() string {
	l, r := "(", ")"
	if t.FromInclusive {
		l = "["
	}
	if t.ToInclusive {
		r = "]"
	}
	return l + t.From.String() + ", " + t.To.String() + r
}
