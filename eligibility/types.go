package eligibility

import (
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/enum"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// Status is a household's classification.
type Status uint8

// Statuses, in the order of the benefit they carry. The zero value is NotEligible.
const (
	NotEligible Status = iota // none of the below
	Edge                      // 低保边缘家庭 (R2)
	GradualExit               // 低保渐退期 (R4)
	Dibao                     // 最低生活保障
	Tekun                     // 特困人员救助供养; takes precedence over 低保
)

var statusNames = enum.New[Status]("status", "not_eligible", "edge", "gradual_exit", "dibao", "tekun")

// String returns the status's code.
func (s Status) String() string { return statusNames.String(s) }

// MarshalText returns the code.
func (s Status) MarshalText() ([]byte, error) { return statusNames.Marshal(s) }

// UnmarshalText reads a code.
func (s *Status) UnmarshalText(b []byte) error { return statusNames.Unmarshal(b, s) }

// ParseStatus reads a status's name, e.g. "dibao", without allocating.
func ParseStatus(b []byte) (Status, bool) { return statusNames.ParseBytes(b) }

// Statuses lists the statuses' names, for messages.
func Statuses() string { return statusNames.List() }

// Valid reports a defined status.
func (s Status) Valid() bool { return statusNames.Valid(s) }

// Label returns the code of the status's words in the explanation table.
func (s Status) Label() explain.Code { return statusLabels[min(int(s), len(statusLabels)-1)] }

var statusLabels = [...]explain.Code{"status.not_eligible", "status.edge", "status.gradual_exit", "status.dibao", "status.tekun", "status.not_eligible"}

// Recipient reports a status that carries a monthly benefit.
func (s Status) Recipient() bool { return s == Dibao || s == GradualExit || s == Tekun }

// MemberStatus is a member's own classification.
type MemberStatus uint8

// Member statuses.
const (
	MemberNone         MemberStatus = iota // no status of their own
	MemberSinglePerson                     // brought into 低保 as a 单人户 (R3, 黑民规〔2023〕1号)
	MemberTekun                            // supported alone as 特困
	MemberGradualExit                      // a 单人户 in a gradual exit (R4)
)

var memberStatusNames = enum.New[MemberStatus]("member status", "none", "single_person", "tekun", "gradual_exit")

// String returns the status's code.
func (s MemberStatus) String() string { return memberStatusNames.String(s) }

// MarshalText returns the code.
func (s MemberStatus) MarshalText() ([]byte, error) { return memberStatusNames.Marshal(s) }

// UnmarshalText reads a code.
func (s *MemberStatus) UnmarshalText(b []byte) error { return memberStatusNames.Unmarshal(b, s) }

// Valid reports a defined member status.
func (s MemberStatus) Valid() bool { return memberStatusNames.Valid(s) }

// rank orders member statuses by the benefit they carry.
func (s MemberStatus) rank() int {
	switch s {
	case MemberGradualExit:
		return 1
	case MemberSinglePerson:
		return 2
	case MemberTekun:
		return 3
	}
	return 0
}

// Current is a household's standing before this assessment. The zero value
// is a new application.
type Current struct {
	Status Status         // NotEligible for a new application
	Since  standards.Date // when the current status began
	// MonthlyAmount is the last monthly payment (continued during a gradual exit).
	MonthlyAmount money.Amount
	// GradualExitEnd is the last day of the current gradual exit, required
	// when Status is GradualExit.
	GradualExitEnd standards.Date
	// Members are the members' own standings: 单人户 recipients, 单人户 in
	// a gradual exit, and 特困 members supported alone in a household of
	// others. A member has one only while the household itself is not a
	// 低保 recipient (NotEligible or Edge), except 特困 members, who may
	// live in a 低保 household.
	Members []MemberCurrent
}

// MemberCurrent is a member's own standing before this assessment.
type MemberCurrent struct {
	ID     string
	Status MemberStatus   // MemberSinglePerson, MemberGradualExit or MemberTekun
	Since  standards.Date // when it began
	// MonthlyAmount is the member's last monthly payment, continued during a
	// gradual exit (required then).
	MonthlyAmount money.Amount
	// GradualExitEnd is the last day of the member's gradual exit, required
	// when Status is MemberGradualExit.
	GradualExitEnd standards.Date
}

// Member returns the current standing of the member with the ID, or the
// zero MemberCurrent (no status of their own).
func (c *Current) Member(id string) MemberCurrent {
	for _, m := range c.Members {
		if m.ID == id {
			return m
		}
	}
	return MemberCurrent{}
}

// recipient reports a standing that carries a benefit: the household's or
// a member's.
func (c *Current) recipient() bool { return c.Status.Recipient() || len(c.Members) > 0 }

// Previous is what the previous assessment found, for the monitoring flags.
type Previous struct {
	Date      standards.Date
	Countable money.Amount // countable monthly income then
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

// IncomeBasis says which income figure a decision rests on.
type IncomeBasis uint8

// Income bases.
const (
	AllItems     IncomeBasis = iota // every item, verified or suspected
	VerifiedOnly                    // verified items only (R11)
)

var basisNames = enum.New[IncomeBasis]("income basis", "all_items", "verified_only")

// String returns "all_items" or "verified_only".
func (b IncomeBasis) String() string { return basisNames.String(b) }

// MarshalText returns the name.
func (b IncomeBasis) MarshalText() ([]byte, error) { return basisNames.Marshal(b) }

// UnmarshalText reads a name.
func (b *IncomeBasis) UnmarshalText(t []byte) error { return basisNames.Unmarshal(t, b) }

// Scheme names a scheme's property limits.
type Scheme uint8

// Schemes.
const (
	SchemeDibao Scheme = iota
	SchemeEdge
	SchemeTekun
)

var schemeNames = enum.New[Scheme]("scheme", "dibao", "edge", "tekun")

// String returns "dibao", "edge" or "tekun".
func (s Scheme) String() string { return schemeNames.String(s) }

// MarshalText returns the name.
func (s Scheme) MarshalText() ([]byte, error) { return schemeNames.Marshal(s) }

// UnmarshalText reads a name.
func (s *Scheme) UnmarshalText(b []byte) error { return schemeNames.Unmarshal(b, s) }

// BandTest is the edge-band test of one band.
type BandTest struct {
	Code      string
	Name      string
	NameEN    string // the English name, when the standards give one
	Multiple  money.Rate
	Threshold money.Amount // multiple × standard × members
	Below     bool         // countable income below the threshold
}

// PropertyTest is the property test of one scheme.
type PropertyTest struct {
	Scheme          Scheme
	Tested          bool // false when the Set declares no limits for the scheme
	Within          bool // within the limits (true when not tested)
	FinancialAssets money.Amount
	AssetLimit      money.Amount // months × standard × members
	Dwellings       int
	MaxDwellings    int
	Vehicles        int
	VehiclesAllowed bool
	// LimitInRange is false when months × standard × members lies beyond
	// money's range: no household's assets can reach it.
	LimitInRange bool
	// Shared is the financial assets the household holds jointly that count
	// in the share SharedPart/SharedOf, for a test of a member alone or of
	// the members beside those supported alone (the Set's shared-property
	// rule, SharedRule): the assets tested are FinancialAssets + Shared ×
	// SharedPart ÷ SharedOf, compared exactly. When the share is whole,
	// Shared is in FinancialAssets and is 0 here.
	Shared               money.Amount
	SharedPart, SharedOf int
	SharedRule           *standards.Value[standards.SharedProperty]
}

// MemberResult is a member's own classification.
type MemberResult struct {
	ID     string
	Age    int // on the decision's date
	Status MemberStatus
	// Care is the 特困 care level, for MemberTekun.
	Care standards.CareLevel
	// Countable is the member's own countable income, for 单人户 and 特困 tests.
	Countable money.Amount
	// GradualExitEnd is the last day of the member's gradual exit, for
	// MemberGradualExit.
	GradualExitEnd standards.Date
}

// ItemRef points at an income item.
type ItemRef struct {
	Member string
	Item   int
}

// Result is a classification.
type Result struct {
	Status Status
	Date   standards.Date
	Size   int

	Standard standards.Value[money.Amount] // the 低保 standard used
	// Tested is the number of members in the household's 低保 test: Size,
	// less the 特困 members supported alone in a mixed household.
	Tested    int
	Line      money.Amount // standard × tested members
	Basis     IncomeBasis  // which income the decision rests on
	Countable money.Amount // the tested members' countable income (after any rigid-expenditure deduction)
	Rigid     money.Amount // monthly rigid expenditure deducted (0 unless the Set deducts it)

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

	// Reasons explain the classification: stable codes with their typed
	// figures, the clause, and the standards used.
	Reasons []explain.Step
	// Flags are the monitoring flags and referrals (R8, R9).
	Flags []explain.Step
	// Unevaluated lists monitoring flags the Set declares no threshold for.
	Unevaluated []explain.Code

	Income *income.Assessment
	// Steps is the whole explanation: the income steps, the reasons, the
	// decision and the flags, kept when the request's Options.Explain is
	// set (Reasons and Flags are kept always).
	Steps []explain.Step
}

// Explain renders the whole explanation in the language matched to tag.
func (r *Result) Explain(tag language.Tag) string { return explain.Render(r.Steps, tag) }
