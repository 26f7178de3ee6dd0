package standards

import "github.com/dibao-go/dibao/internal/enum"

// The vocabulary the standards and the rules share. Every type follows one
// pattern: a small integer with a name table; String never panics; the text
// form (JSON) is the name; decoding refuses unknown names.

// Area is the area class a value applies to: urban (城市) or rural (农村).
type Area uint8

// Area classes. AreaAny marks a value that is not split by area.
const (
	AreaAny Area = iota
	AreaUrban
	AreaRural
)

var areaNames = enum.New[Area]("area", "", "urban", "rural")

// String returns "urban", "rural" or "" for AreaAny.
func (a Area) String() string { return areaNames.String(a) }

// MarshalText returns the name; AreaAny and unknown values are errors.
func (a Area) MarshalText() ([]byte, error) { return areaNames.Marshal(a) }

// UnmarshalText reads "urban" or "rural".
func (a *Area) UnmarshalText(b []byte) error { return areaNames.Unmarshal(b, a) }

// Valid reports urban or rural.
func (a Area) Valid() bool { return areaNames.Valid(a) }

// ParseArea parses "urban", "rural", or "" (AreaAny).
func ParseArea(s string) (Area, error) {
	if s == "" {
		return AreaAny, nil
	}
	var a Area
	err := a.UnmarshalText([]byte(s))
	return a, err
}

// Category is a group of people the rules single out for the supplement
// (R7) or a payment tier.
type Category uint8

// Categories. The zero value is no category.
const (
	CategoryNone             Category = iota
	CategorySevereDisability          // 重度残疾人 (incl. 1–4级伤残军人 for R7)
	CategorySeriousIllness            // 重病患者
	CategoryElderly                   // 老年人
	CategoryMinor                     // 未成年人
	CategoryMartyrFamily              // 军烈属
	CategoryReturnedVeteran           // 在乡老复员军人
)

var categoryNames = enum.New[Category]("category", "", "severe_disability", "serious_illness", "elderly", "minor", "martyr_family", "returned_veteran")

// String returns the category's code, e.g. "severe_disability".
func (c Category) String() string { return categoryNames.String(c) }

// MarshalText returns the code.
func (c Category) MarshalText() ([]byte, error) { return categoryNames.Marshal(c) }

// UnmarshalText reads a code.
func (c *Category) UnmarshalText(b []byte) error { return categoryNames.Unmarshal(b, c) }

// Valid reports a defined category.
func (c Category) Valid() bool { return categoryNames.Valid(c) }

// Categories returns every category.
func Categories() []Category { return categoryNames.Values() }

// Group is a group the price subsidy covers (R5).
type Group uint8

// Covered groups.
const (
	GroupNone                  Group = iota
	GroupDibao                       // 城乡低保对象
	GroupTekun                       // 特困人员
	GroupUnemploymentInsurance       // 领取失业保险金人员
	GroupSpecialCare                 // 定期抚恤补助优抚对象
	GroupOrphan                      // 孤儿
	GroupDeFactoOrphan               // 事实无人抚养儿童
	GroupHIVAffectedChild            // 艾滋病病毒感染儿童
	GroupEdgeHousehold               // 低保边缘家庭成员
)

var groupNames = enum.New[Group]("group", "", "dibao", "tekun", "unemployment_insurance", "special_care", "orphan",
	"de_facto_orphan", "hiv_affected_child", "edge_household")

// String returns the group's code.
func (g Group) String() string { return groupNames.String(g) }

// MarshalText returns the code.
func (g Group) MarshalText() ([]byte, error) { return groupNames.Marshal(g) }

// UnmarshalText reads a code.
func (g *Group) UnmarshalText(b []byte) error { return groupNames.Unmarshal(b, g) }

// Valid reports a defined group.
func (g Group) Valid() bool { return groupNames.Valid(g) }

// Groups returns every group.
func Groups() []Group { return groupNames.Values() }

// IncomeKind is a kind of income item.
type IncomeKind uint8

// Income kinds. The zero value is no kind.
const (
	IncomeNone                  IncomeKind = iota
	IncomeWage                             // 工资性收入
	IncomeBusinessNet                      // 经营净收入
	IncomePropertyNet                      // 财产净收入
	IncomePension                          // 养老金 (转移性收入)
	IncomeUnemploymentInsurance            // 失业保险金
	IncomeCompensation                     // 赔偿金
	IncomeSupportReceived                  // 赡养/抚养/扶养费 received
	IncomeSupportPaid                      // 赡养/抚养/扶养费 paid (deducted)
	IncomeSpecialCarePension               // 优待抚恤金
	IncomeFamilyPlanning                   // 计划生育奖励与扶助金
	IncomeScholarship                      // 奖学金
	IncomeHeroismAward                     // 见义勇为奖励
	IncomeSocialAssistance                 // 社会救助金
	IncomeResidentPensionBasic             // 城乡居民基本养老保险中央基础养老金
	IncomeOther                            // 其他收入
	numIncomeKinds
)

var incomeKindNames = enum.New[IncomeKind]("income kind", "", "wage", "business_net", "property_net", "pension",
	"unemployment_insurance", "compensation", "support_received", "support_paid", "special_care_pension",
	"family_planning_award", "scholarship", "heroism_award", "social_assistance", "resident_pension_basic", "other")

// NumIncomeKinds is one more than the largest income kind, for arrays indexed by kind.
const NumIncomeKinds = int(numIncomeKinds)

// String returns the kind's code.
func (k IncomeKind) String() string { return incomeKindNames.String(k) }

// MarshalText returns the code.
func (k IncomeKind) MarshalText() ([]byte, error) { return incomeKindNames.Marshal(k) }

// UnmarshalText reads a code.
func (k *IncomeKind) UnmarshalText(b []byte) error { return incomeKindNames.Unmarshal(b, k) }

// Valid reports a defined kind.
func (k IncomeKind) Valid() bool { return incomeKindNames.Valid(k) }

// IncomeKinds returns every income kind.
func IncomeKinds() []IncomeKind { return incomeKindNames.Values() }

// ParseIncomeKind reads a code from bytes without allocating.
func ParseIncomeKind(b []byte) (IncomeKind, bool) { return incomeKindNames.ParseBytes(b) }

// Labour reports the kinds that are earnings from labour: wages and
// business income (R14 counts them at the caregiver factor).
func (k IncomeKind) Labour() bool { return k == IncomeWage || k == IncomeBusinessNet }

// MayBeNegative reports the kinds whose amount may be negative (net incomes).
func (k IncomeKind) MayBeNegative() bool { return k == IncomeBusinessNet || k == IncomePropertyNet }

// DisabilityCategory is a category of registered disability.
type DisabilityCategory uint8

// Disability categories. The zero value is no disability.
const (
	DisabilityNone DisabilityCategory = iota
	DisabilityVisual
	DisabilityHearing
	DisabilitySpeech
	DisabilityPhysical
	DisabilityIntellectual
	DisabilityPsychiatric
	DisabilityMultiple
)

var disabilityNames = enum.New[DisabilityCategory]("disability category", "", "visual", "hearing", "speech", "physical",
	"intellectual", "psychiatric", "multiple")

// String returns the category's code.
func (c DisabilityCategory) String() string { return disabilityNames.String(c) }

// MarshalText returns the code.
func (c DisabilityCategory) MarshalText() ([]byte, error) { return disabilityNames.Marshal(c) }

// UnmarshalText reads a code.
func (c *DisabilityCategory) UnmarshalText(b []byte) error { return disabilityNames.Unmarshal(b, c) }

// Valid reports a defined category.
func (c DisabilityCategory) Valid() bool { return disabilityNames.Valid(c) }

// DisabilityCategories returns every category.
func DisabilityCategories() []DisabilityCategory { return disabilityNames.Values() }

// CareLevel is a 特困 care level.
type CareLevel uint8

// Care levels. The zero value is no level.
const (
	CareNone    CareLevel = iota
	CareSelf              // 全自理
	CarePartial           // 半护理
	CareFull              // 全护理
)

var careNames = enum.New[CareLevel]("care level", "", "self", "partial", "full")

// String returns "self", "partial", "full" or "".
func (l CareLevel) String() string { return careNames.String(l) }

// MarshalText returns the code.
func (l CareLevel) MarshalText() ([]byte, error) { return careNames.Marshal(l) }

// UnmarshalText reads a code.
func (l *CareLevel) UnmarshalText(b []byte) error { return careNames.Unmarshal(b, l) }

// Stacking says how supplements combine for a person in several categories.
type Stacking uint8

// Stacking rules. The zero value is unset.
const (
	StackingUnset   Stacking = iota
	StackingHighest          // one supplement, paid once
	StackingSum              // one supplement per category
)

var stackingNames = enum.New[Stacking]("stacking", "", "highest", "sum")

// String returns "highest", "sum" or "".
func (s Stacking) String() string { return stackingNames.String(s) }

// MarshalText returns the name.
func (s Stacking) MarshalText() ([]byte, error) { return stackingNames.Marshal(s) }

// UnmarshalText reads a name.
func (s *Stacking) UnmarshalText(b []byte) error { return stackingNames.Unmarshal(b, s) }

// Method is how the monthly 低保 payment is computed (R6).
type Method uint8

// Methods. The zero value is unset.
const (
	MethodUnset  Method = iota
	MethodGap           // standard × members − countable income
	MethodTiered        // a tier table's per-person amount for each member
)

var methodNames = enum.New[Method]("method", "", "gap", "tiered")

// String returns "gap", "tiered" or "".
func (m Method) String() string { return methodNames.String(m) }

// MarshalText returns the name.
func (m Method) MarshalText() ([]byte, error) { return methodNames.Marshal(m) }

// UnmarshalText reads a name.
func (m *Method) UnmarshalText(b []byte) error { return methodNames.Unmarshal(b, m) }

// Valid reports gap or tiered.
func (m Method) Valid() bool { return methodNames.Valid(m) }

// Reliability grades a source the way the policy notes do.
type Reliability uint8

// Reliability grades. The zero value is unknown, which no source may have.
const (
	ReliabilityUnknown    Reliability = iota
	ReliabilityOfficial               // a government site or its mirror
	ReliabilityPress                  // an official media reprint
	ReliabilitySecondary              // an aggregator: a lead, not proof
	ReliabilityAssumed                // no source settles it; a decision cannot do without it (said wherever used)
	ReliabilityLocal                  // an agency's own settings
	ReliabilitySimulation             // a value introduced by a reform
)

var reliabilityNames = enum.New[Reliability]("reliability", "", "official", "press", "secondary", "assumed", "local", "simulation")

// String returns the grade's name.
func (r Reliability) String() string { return reliabilityNames.String(r) }

// MarshalText returns the name.
func (r Reliability) MarshalText() ([]byte, error) { return reliabilityNames.Marshal(r) }

// UnmarshalText reads a name.
func (r *Reliability) UnmarshalText(b []byte) error { return reliabilityNames.Unmarshal(b, r) }

// Valid reports a defined grade.
func (r Reliability) Valid() bool { return reliabilityNames.Valid(r) }

// Sourced reports official, press and secondary: values a document settles.
func (r Reliability) Sourced() bool {
	return r == ReliabilityOfficial || r == ReliabilityPress || r == ReliabilitySecondary
}

// ParseReliability parses a grade's name.
func ParseReliability(s string) (Reliability, error) {
	var r Reliability
	err := r.UnmarshalText([]byte(s))
	return r, err
}

// SharedProperty says how property the household holds jointly (with no
// owner among the members) counts for a member assessed alone — a 单人户
// member or a 特困 member. No source found settles it.
type SharedProperty uint8

// Shared-property rules. The zero value is unset.
const (
	SharedUnset       SharedProperty = iota
	SharedEqualShares                // financial assets in equal shares; each member counts shared dwellings and vehicles
	SharedWhole                      // the member carries all of it
)

var sharedNames = enum.New[SharedProperty]("shared property", "", "equal_shares", "whole")

// String returns "equal_shares", "whole" or "".
func (s SharedProperty) String() string { return sharedNames.String(s) }

// MarshalText returns the name.
func (s SharedProperty) MarshalText() ([]byte, error) { return sharedNames.Marshal(s) }

// UnmarshalText reads a name.
func (s *SharedProperty) UnmarshalText(b []byte) error { return sharedNames.Unmarshal(b, s) }

// MixedTekun says how a household with both 特困 members and other members
// is tested. No source found settles it.
type MixedTekun uint8

// Mixed-household rules. The zero value is unset.
const (
	MixedUnset    MixedTekun = iota
	MixedSeparate            // 特困 members supported alone; the others tested for 低保 without them
	MixedWhole               // no member is 特困 unless all are; the household is tested as a whole
)

var mixedNames = enum.New[MixedTekun]("mixed household", "", "separate", "whole")

// String returns "separate", "whole" or "".
func (m MixedTekun) String() string { return mixedNames.String(m) }

// MarshalText returns the name.
func (m MixedTekun) MarshalText() ([]byte, error) { return mixedNames.Marshal(m) }

// UnmarshalText reads a name.
func (m *MixedTekun) UnmarshalText(b []byte) error { return mixedNames.Unmarshal(b, m) }
