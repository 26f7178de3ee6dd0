package eligibility

import (
	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

// Status is a household's classification.
type Status uint8

// Statuses. The zero value is NotEligible.
const (
	NotEligible Status = iota // none of the below
	Edge                      // 低保边缘家庭 (R2)
	GradualExit               // 低保渐退期 (R4)
	Dibao                     // 最低生活保障
	Tekun                     // 特困人员救助供养; takes precedence over 低保
)

var statusNames = []string{"not_eligible", "edge", "gradual_exit", "dibao", "tekun"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return ""
}

// rank orders statuses by the benefit they carry, for R11.
func (s Status) rank() int { return int(s) }

// Recipient reports a status that carries a monthly benefit.
func (s Status) Recipient() bool { return s == Dibao || s == GradualExit || s == Tekun }

// MemberStatus is a member's own classification.
type MemberStatus uint8

// Member statuses.
const (
	MemberNone         MemberStatus = iota // no status of their own
	MemberSinglePerson                     // brought into 低保 as a 单人户 (R3, 黑民规〔2023〕1号)
	MemberTekun                            // qualifies as 特困
)

var memberStatusNames = []string{"none", "single_person", "tekun"}

func (s MemberStatus) String() string {
	if int(s) < len(memberStatusNames) {
		return memberStatusNames[s]
	}
	return ""
}

// Current is a household's standing before this assessment. The zero value
// is a new application.
type Current struct {
	Status Status         // NotEligible for a new application
	Since  standards.Date // when the current status began
	// MonthlyAmount is the last monthly payment (continued during a gradual exit).
	MonthlyAmount decimal.Decimal
	// GradualExitEnd is the last day of the current gradual exit, required
	// when Status is GradualExit.
	GradualExitEnd standards.Date
}

// Previous is what the previous assessment found, for the monitoring flags.
type Previous struct {
	Date      standards.Date
	Countable decimal.Decimal // countable monthly income then
	// Members seriously ill or severely disabled then, by ID.
	SeriouslyIll     []string
	SeverelyDisabled []string
}

// Request is one classification.
type Request struct {
	Household *income.Household
	Date      standards.Date
	Current   Current
	Previous  *Previous // optional
	// Options pass to the income assessment (explanation, as-of lookups).
	Options income.Options
}

// Figure is a named figure behind a reason or flag, written as a string
// (amounts exactly, e.g. "850", "2500/3").
type Figure struct {
	Name  string
	Value string
}

// Reason explains one part of the decision with a stable code, the clause it
// rests on and the figures compared.
type Reason struct {
	Code    string
	Member  string // member ID, or "" for the household
	Cite    standards.Citation
	Figures []Figure
}

// Flag is a monitoring flag (R8, R9) with a stable code and its figures.
type Flag struct {
	Code    string
	Member  string
	Cite    standards.Citation
	Figures []Figure
}

// BandTest is the edge-band test of one band.
type BandTest struct {
	Code      string
	Multiple  decimal.Decimal
	Threshold decimal.Decimal // multiple × standard × members
	Below     bool            // countable income below the threshold
}

// PropertyTest is the property test of one scheme.
type PropertyTest struct {
	Scheme          string // dibao, edge, tekun
	Tested          bool   // false when the Set declares no limits for the scheme
	Within          bool   // within the limits (true when not tested)
	FinancialAssets decimal.Decimal
	AssetLimit      decimal.Decimal // months × standard × members
	Dwellings       int
	MaxDwellings    int
	Vehicles        int
	VehiclesAllowed bool
}

// MemberResult is a member's own classification.
type MemberResult struct {
	ID     string
	Status MemberStatus
	// Care is the 特困 care level, for MemberTekun.
	Care standards.CareLevel
	// Countable is the member's own countable income, for 单人户 tests.
	Countable income.Amount
}

// ItemRef points at an income item.
type ItemRef struct {
	Member string
	Item   int
}

// Basis says which income figure a decision rests on.
type Basis uint8

// Bases.
const (
	AllItems     Basis = iota // every item, verified or suspected
	VerifiedOnly              // verified items only (R11)
)

func (b Basis) String() string { return [...]string{"all_items", "verified_only"}[b] }

// Result is a classification.
type Result struct {
	Status Status
	Date   standards.Date
	Size   int

	Standard  standards.Value[decimal.Decimal] // the 低保 standard used
	Line      decimal.Decimal                  // standard × members
	Basis     Basis                            // which income the decision rests on
	Countable income.Amount                    // the countable income tested (after any rigid-expenditure deduction)
	Rigid     income.Amount                    // monthly rigid expenditure deducted (0 unless the Set deducts it)

	Bands    []BandTest
	EdgeBand string // the narrowest band the household is below, for Edge and GradualExit
	Property []PropertyTest

	Members        []MemberResult
	GradualExitEnd standards.Date // for GradualExit

	// VerificationRequired: unverified suspicions (疑点) would change the
	// decision; they are listed in Pending, and the decision does not rest
	// on them (R11).
	VerificationRequired bool
	Pending              []ItemRef

	Reasons []Reason
	Flags   []Flag
	// Unevaluated lists monitoring flags the Set declares no threshold for.
	Unevaluated []string

	Income *income.Assessment
	Steps  []income.Step
}
