package income_test

import (
	"encoding"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

type enumValue interface {
	fmt.Stringer
	encoding.TextMarshaler
}

// Every enum's String never panics — out-of-range values included — and
// MarshalText refuses values without a name; named values round-trip.
func TestEnumsOutOfRange(t *testing.T) {
	for _, tc := range []struct {
		v    enumValue
		want string
	}{
		{income.Labour(9), "labour(9)"},
		{income.Registration(9), "registration(9)"},
		{income.Relation(200), "relation(200)"},
		{income.Dependency(3), "dependency(3)"},
		{income.PeriodUnit(4), "period(4)"},
		{income.Verification(2), "verification(2)"},
		{income.SupportBasis(255), "support basis(255)"},
		{income.PropertyKind(8), "property kind(8)"},
		{income.ExpenditureKind(6), "expenditure kind(6)"},
		{income.Supporter(4), "supporter(4)"},
		{income.Treatment(5), "treatment(5)"},
	} {
		var s string
		require.NotPanics(t, func() { s = tc.v.String() })
		assert.Equal(t, tc.want, s)
		_, err := tc.v.MarshalText()
		assert.Error(t, err, "%s", tc.want)
	}
	// The unset values have no name either.
	for _, v := range []enumValue{income.LabourUnset, income.RelationUnset, income.PeriodUnset, income.SupportBasisUnset,
		income.PropertyUnset, income.ExpenditureUnset} {
		assert.Equal(t, "", v.String())
		_, err := v.MarshalText()
		assert.Error(t, err, "%T", v)
	}
}

func TestEnumNames(t *testing.T) {
	type named struct {
		v    enumValue
		back encoding.TextUnmarshaler
		name string
	}
	for _, tc := range []named{
		{income.RegistrationHukou, new(income.Registration), "hukou"},
		{income.RegistrationResidence, new(income.Registration), "residence"},
		{income.RelationApplicant, new(income.Relation), "applicant"},
		{income.RelationGrandchild, new(income.Relation), "grandchild"},
		{income.RelationOther, new(income.Relation), "other"},
		{income.LabourFull, new(income.Labour), "full"},
		{income.LabourPartial, new(income.Labour), "partial"},
		{income.LabourNone, new(income.Labour), "none"},
		{income.DependencyNone, new(income.Dependency), "none"},
		{income.DependencySemi, new(income.Dependency), "semi"},
		{income.DependencyFull, new(income.Dependency), "full"},
		{income.PerMonth, new(income.PeriodUnit), "monthly"},
		{income.PerYear, new(income.PeriodUnit), "annual"},
		{income.PerTotal, new(income.PeriodUnit), "total"},
		{income.Verified, new(income.Verification), "verified"},
		{income.Suspected, new(income.Verification), "suspected"},
		{income.SupportByCourtOrder, new(income.SupportBasis), "court_order"},
		{income.SupportByAgreement, new(income.SupportBasis), "agreement"},
		{income.SupportAssessedByLaw, new(income.SupportBasis), "assessed"},
		{income.PropertyDeposit, new(income.PropertyKind), "deposit"},
		{income.PropertyBusiness, new(income.PropertyKind), "business"},
		{income.ExpenditureMedical, new(income.ExpenditureKind), "medical"},
		{income.ExpenditureAccident, new(income.ExpenditureKind), "accident"},
		{income.SupporterUnknown, new(income.Supporter), "unknown"},
		{income.SupporterAble, new(income.Supporter), "able"},
		{income.Counted, new(income.Treatment), "counted"},
		{income.CaregiverReduction, new(income.Treatment), "caregiver_reduction"},
	} {
		assert.Equal(t, tc.name, tc.v.String())
		b, err := tc.v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tc.name, string(b))
		require.NoError(t, tc.back.UnmarshalText(b))
		assert.Equal(t, tc.v, deref(tc.back), tc.name)
	}
	var l income.Labour
	err := l.UnmarshalText([]byte("some"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "full, partial or none", "the error names the accepted values")
	assert.Error(t, l.UnmarshalText(nil), "the empty name of the unset value is not accepted")
}

func deref(v encoding.TextUnmarshaler) any {
	switch x := v.(type) {
	case *income.Registration:
		return *x
	case *income.Relation:
		return *x
	case *income.Labour:
		return *x
	case *income.Dependency:
		return *x
	case *income.PeriodUnit:
		return *x
	case *income.Verification:
		return *x
	case *income.SupportBasis:
		return *x
	case *income.PropertyKind:
		return *x
	case *income.ExpenditureKind:
		return *x
	case *income.Supporter:
		return *x
	case *income.Treatment:
		return *x
	}
	return nil
}

func TestAgeOn(t *testing.T) {
	for _, tc := range []struct {
		birth, on string
		age       int
	}{
		{"2000-06-15", "2018-06-14", 17}, // the day before the 18th birthday
		{"2000-06-15", "2018-06-15", 18}, // the birthday
		{"2000-06-15", "2018-07-01", 18},
		{"2000-02-29", "2018-02-28", 17}, // born on 29 February: a year older on 1 March
		{"2000-02-29", "2018-03-01", 18},
		{"2000-02-29", "2020-02-29", 20},
		{"1950-01-01", "2025-12-31", 75},
		{"2025-12-31", "2025-12-31", 0},
	} {
		assert.Equal(t, tc.age, income.AgeOn(d(tc.birth), d(tc.on)), "%s on %s", tc.birth, tc.on)
		m := income.Member{BirthDate: d(tc.birth)}
		assert.Equal(t, tc.age, m.AgeOn(d(tc.on)))
		assert.Equal(t, tc.age < 18, m.MinorOn(d(tc.on)))
	}
}

func TestMemberFacts(t *testing.T) {
	// 重度残疾 is grade 1 or 2 of a registered category.
	for _, tc := range []struct {
		dis    income.Disability
		severe bool
	}{
		{income.Disability{}, false},
		{income.Disability{Category: standards.DisabilityPhysical, Grade: 1}, true},
		{income.Disability{Category: standards.DisabilityPhysical, Grade: 2}, true},
		{income.Disability{Category: standards.DisabilityPhysical, Grade: 3}, false},
		{income.Disability{Category: standards.DisabilityPhysical, Grade: 4}, false},
		{income.Disability{Grade: 1}, false}, // a grade without a category
	} {
		assert.Equal(t, tc.severe, tc.dis.Severe(), "%+v", tc.dis)
	}
	assert.True(t, income.LabourFull.CanWork())
	assert.True(t, income.LabourPartial.CanWork())
	assert.False(t, income.LabourNone.CanWork())
	assert.False(t, income.LabourUnset.CanWork())
	for k, fin := range map[income.PropertyKind]bool{
		income.PropertyDeposit: true, income.PropertySecurities: true, income.PropertyInsurance: true, income.PropertyClaim: true,
		income.PropertyVehicle: false, income.PropertyDwelling: false, income.PropertyBusiness: false, income.PropertyUnset: false,
	} {
		assert.Equal(t, fin, k.Financial(), k.String())
	}
}

func TestPeriods(t *testing.T) {
	assert.Equal(t, income.Period{Unit: income.PerMonth}, income.Monthly)
	assert.Equal(t, income.Period{Unit: income.PerYear}, income.Annual)
	assert.Equal(t, income.Period{Unit: income.PerTotal}, income.Total)
	assert.Equal(t, income.Period{Unit: income.PerTotal, Months: 7}, income.TotalOver(7))
}

// CompactOf converts a household into the compact form the rules run on:
// members by index, their incomes in one slice in member order, references
// by index, facts as flags.
func TestCompactOf(t *testing.T) {
	h := validHousehold()
	h.Members[0].SeriousIllness = true
	h.Members[2].MartyrFamily = true
	h.Members[1].ServiceDisabilityGrade = 3
	var c income.Compact
	ids, err := income.CompactOf(h, &c, d("2024-06-01"))
	require.NoError(t, err)
	assert.Equal(t, income.IDs{"a", "b", "c"}, ids)
	assert.Equal(t, 2, ids.Find("c"))
	assert.Equal(t, -1, ids.Find("z"))
	assert.Equal(t, 3, c.N)
	assert.Equal(t, r("230102"), c.Region)
	assert.Equal(t, income.SupporterAble, c.Supporter)
	require.Len(t, c.Items, 3)
	assert.Len(t, c.Incomes(0), 2)
	assert.Len(t, c.Incomes(1), 1)
	assert.Empty(t, c.Incomes(2))
	assert.Equal(t, standards.IncomePension, c.Incomes(1)[0].Kind)
	assert.Equal(t, int32(6), c.Incomes(1)[0].Months)
	assert.Equal(t, income.Suspected, c.Incomes(1)[0].Verification)
	assert.Equal(t, uint64(1)<<2, c.Member(0).CaresFor, "a cares for member 2 (c)")
	assert.True(t, c.Member(0).Has(income.SeriouslyIll))
	assert.False(t, c.Member(0).Has(income.SeriouslyIll|income.Student))
	assert.True(t, c.Member(2).Has(income.Student|income.MartyrFamily))
	assert.True(t, c.Member(1).Severe())
	assert.Equal(t, int32(3), c.Member(1).ServiceGrade)
	assert.Equal(t, 73, c.Member(1).AgeOn(d("2024-06-01"))) // born 1950-07-01: 74 on 2024-07-01
	require.Len(t, c.Property, 1)
	assert.Equal(t, int32(0), c.Property[0].Member)
	require.Len(t, c.Expenditures, 1)
	assert.Equal(t, int32(1), c.Expenditures[0].Member)

	// A household's own property refers to no member (−1).
	h.Property[0].Member = ""
	h.Expenditures[0].Member = ""
	_, err = income.CompactOf(h, &c, d("2024-06-01"))
	require.NoError(t, err)
	assert.Equal(t, int32(-1), c.Property[0].Member)
	assert.Equal(t, int32(-1), c.Expenditures[0].Member)

	// Reset keeps nothing of the last household.
	c.Reset()
	assert.Zero(t, c.N)
	assert.Empty(t, c.Items)
	assert.Empty(t, c.Property)
	assert.Empty(t, c.Expenditures)
	assert.Empty(t, c.Members)

	// A household that does not validate is refused with every problem.
	h.Members[0].Incomes[0].Amount = yuan("-1")
	_, err = income.CompactOf(h, &c, d("2024-06-01"))
	requireProblem(t, err, "members[0].incomes[0].amount", "negative")
}

// 特困人员认定办法 第六条: the disabilities that take labour capacity, each
// category at its last grade that does and the first that does not, and
// the categories no grade of which does.
func TestDisabledFromWork(t *testing.T) {
	for _, tc := range []struct {
		cat   standards.DisabilityCategory
		grade int32
		want  bool
	}{
		{standards.DisabilityIntellectual, 1, true},
		{standards.DisabilityIntellectual, 3, true},
		{standards.DisabilityIntellectual, 4, false},
		{standards.DisabilityPsychiatric, 3, true},
		{standards.DisabilityPsychiatric, 4, false},
		{standards.DisabilityPhysical, 2, true},
		{standards.DisabilityPhysical, 3, false},
		{standards.DisabilityVisual, 1, true},
		{standards.DisabilityVisual, 2, false},
		{standards.DisabilityHearing, 1, false},
		{standards.DisabilitySpeech, 1, false},
		{standards.DisabilityMultiple, 1, false},
		{standards.DisabilityNone, 1, false},
		{standards.DisabilityIntellectual, 0, false}, // no grade given
	} {
		m := income.CompactMember{Disability: tc.cat, DisabilityGrade: tc.grade}
		assert.Equal(t, tc.want, m.DisabledFromWork(), "%s grade %d", tc.cat, tc.grade)
	}
}

// MemberIDs gives the members' IDs as given, in order, even those a check
// would refuse (empty, repeated, longer than MaxIDLength).
func TestMemberIDs(t *testing.T) {
	long := strings.Repeat("x", income.MaxIDLength+1)
	h := &income.Household{Members: []income.Member{{ID: "b"}, {ID: ""}, {ID: "b"}, {ID: long}}}
	assert.Equal(t, income.IDs{"b", "", "b", long}, h.MemberIDs())
	assert.Equal(t, income.IDs{}, (&income.Household{}).MemberIDs())
}
