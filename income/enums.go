package income

// enum is the shared machinery of the package's enumerations: each has a
// zero value meaning "not given" and a list of JSON names.
type enum interface {
	~uint8
}

func enumString[E enum](e E, names []string) string {
	if int(e) < len(names) {
		return names[e]
	}
	return ""
}

func enumParse[E enum](s string, names []string) (E, bool) {
	for i, n := range names {
		if n != "" && n == s {
			return E(i), true
		}
	}
	return 0, false
}

func enumValid[E enum](e E, names []string, zeroOK bool) bool {
	if e == 0 {
		return zeroOK
	}
	return int(e) < len(names)
}

// Basis is where a household applies.
type Basis uint8

// Bases. The zero value is BasisHukou.
const (
	BasisHukou     Basis = iota // at the 户籍
	BasisResidence              // where it lives, with residence permits (R16)
)

var basisNames = []string{"hukou", "residence"}

func (b Basis) String() string { return enumString(b, basisNames) }

// Relation is a member's relation to the applicant.
type Relation uint8

// Relations. The zero value is RelationUnset, which does not validate.
const (
	RelationUnset Relation = iota
	RelationApplicant
	RelationSpouse
	RelationChild
	RelationParent
	RelationGrandparent
	RelationGrandchild
	RelationSibling
	RelationOther
)

var relationNames = []string{"", "applicant", "spouse", "child", "parent", "grandparent", "grandchild", "sibling", "other"}

func (r Relation) String() string { return enumString(r, relationNames) }

// Labour is labour capacity.
type Labour uint8

// Labour capacities. The zero value is LabourUnset, which does not validate.
const (
	LabourUnset   Labour = iota
	LabourFull           // 有劳动能力
	LabourPartial        // 部分丧失劳动能力
	LabourNone           // 完全丧失劳动能力
)

var labourNames = []string{"", "full", "partial", "none"}

func (l Labour) String() string { return enumString(l, labourNames) }

// CanWork reports full or partial labour capacity.
func (l Labour) CanWork() bool { return l == LabourFull || l == LabourPartial }

// DisabilityCategory is a category of disability.
type DisabilityCategory uint8

// Disability categories. The zero value is DisabilityNone.
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

var disabilityNames = []string{"", "visual", "hearing", "speech", "physical", "intellectual", "psychiatric", "multiple"}

func (c DisabilityCategory) String() string { return enumString(c, disabilityNames) }

// Dependency is care dependency.
type Dependency uint8

// Dependencies. The zero value is DependencyNone.
const (
	DependencyNone Dependency = iota
	DependencySemi            // 半失能
	DependencyFull            // 失能
)

var dependencyNames = []string{"none", "semi", "full"}

func (d Dependency) String() string { return enumString(d, dependencyNames) }

// PeriodUnit is the unit of an income Period.
type PeriodUnit uint8

// Period units. The zero value is PeriodUnset, which does not validate.
const (
	PeriodUnset PeriodUnit = iota
	PerMonth               // the amount is monthly
	PerYear                // the amount is for a year (÷ 12)
	PerMonths              // the amount is a total over Period.Months months (÷ Months)
)

var periodNames = []string{"", "monthly", "annual", "months"}

func (u PeriodUnit) String() string { return enumString(u, periodNames) }

// Verification is the standing of an income figure.
type Verification uint8

// Verifications. The zero value is Verified.
const (
	Verified  Verification = iota // checked by investigation
	Suspected                     // a suspicion from data matching (疑点), not yet verified
)

var verificationNames = []string{"verified", "suspected"}

func (v Verification) String() string { return enumString(v, verificationNames) }

// SupportBasis is the basis of a support payment (R12).
type SupportBasis uint8

// Support bases. The zero value is SupportBasisUnset.
const (
	SupportBasisUnset    SupportBasis = iota
	SupportByCourtOrder               // ordered by a court
	SupportByAgreement                // agreed between the parties
	SupportAssessedByLaw              // assessed by the caseworker by law and the facts
)

var supportBasisNames = []string{"", "court_order", "agreement", "assessed"}

func (b SupportBasis) String() string { return enumString(b, supportBasisNames) }

// PropertyKind is a kind of property.
type PropertyKind uint8

// Property kinds. The zero value is PropertyUnset, which does not validate.
const (
	PropertyUnset PropertyKind = iota
	PropertyDeposit
	PropertySecurities
	PropertyInsurance // cash value of commercial insurance
	PropertyClaim     // claims (债权)
	PropertyVehicle
	PropertyDwelling
	PropertyBusiness
)

var propertyNames = []string{"", "deposit", "securities", "insurance", "claim", "vehicle", "dwelling", "business"}

func (k PropertyKind) String() string { return enumString(k, propertyNames) }

// Financial reports the kinds counted as financial assets.
func (k PropertyKind) Financial() bool {
	return k == PropertyDeposit || k == PropertySecurities || k == PropertyInsurance || k == PropertyClaim
}

// ExpenditureKind is a kind of rigid expenditure.
type ExpenditureKind uint8

// Expenditure kinds. The zero value is ExpenditureUnset, which does not validate.
const (
	ExpenditureUnset ExpenditureKind = iota
	ExpenditureMedical
	ExpenditureEducation
	ExpenditureRehabilitation
	ExpenditureDisaster
	ExpenditureAccident
)

var expenditureNames = []string{"", "medical", "education", "rehabilitation", "disaster", "accident"}

func (k ExpenditureKind) String() string { return enumString(k, expenditureNames) }

// Supporter is the standing of a household's legal supporters.
type Supporter uint8

// Supporter standings. The zero value is SupporterUnknown.
const (
	SupporterUnknown Supporter = iota // not recorded
	SupporterNone                     // no legal supporter
	SupporterUnable                   // a legal supporter unable to support
	SupporterAble                     // a legal supporter able to support
)

var supporterNames = []string{"", "none", "unable", "able"}

func (s Supporter) String() string { return enumString(s, supporterNames) }
