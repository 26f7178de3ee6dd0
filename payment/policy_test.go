package payment_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// One test per correction of the rule-by-rule audit, each from hand
// arithmetic on the embedded Harbin 2023 figures (道里区 urban 850; bands
// 1.2× urban and 1.5×; supplements 15 % = 127.50).

// stepCodes lists the explanation's codes as "code@member".
func stepCodes(dcs *payment.Decision) []string {
	var out []string
	for _, s := range dcs.Steps {
		out = append(out, string(s.Code)+suffix(s.Member))
	}
	return out
}

// edgeWithIll is a household of three: a's pension 2900, c seriously ill
// with 100 of her own. Household 3000 < 1.5 × 2550 = 3825 and ≥ 2550: an
// edge household; c alone: 100 < 850, so a 单人户: 850 − 100 = 750, plus
// 127.50 (重病患者) = 877.50.
func edgeWithIll(cItems ...income.Income) *income.Household {
	h := family("2900")
	h.Members[2].SeriousIllness = true
	h.Members[2].Incomes = append([]income.Income{pension("100")}, cItems...)
	return h
}

// Item 1: a 单人户 recipient keeps the benefit on a suspicion alone (R11).
// A suspected 800 a month for c: with it, c's own income is 900 ≥ 850 (and
// the household 3800 < 3825 stays an edge household), so c would lose the
// 单人户 status; verified items only, 100: kept until verified.
func TestSinglePersonRecipientR11(t *testing.T) {
	set := testSet(t)
	suspect := pension("800")
	suspect.Verification = income.Suspected
	r := req(edgeWithIll(suspect), "2023-06-01")
	r.Current = eligibility.Current{Members: []eligibility.MemberCurrent{{ID: "c", Status: eligibility.MemberSinglePerson, Since: d("2022-01-01")}}}
	dcs := decide(t, set, r)
	cls := dcs.Classification
	assert.Equal(t, eligibility.Edge, cls.Status)
	assert.True(t, cls.VerificationRequired)
	assert.Equal(t, eligibility.VerifiedOnly, cls.Basis)
	assert.Equal(t, eligibility.MemberSinglePerson, cls.Members[2].Status)
	assert.Equal(t, map[string]string{"single_person@c": "750.00", "supplement@c": "127.50"}, lines(dcs))
	assert.Equal(t, "877.50", dcs.Total.Display())
	assert.Equal(t, "true", arg(t, step(t, dcs.Steps, explain.ReasonVerificationRequired, ""), "kept"))

	// A new applicant is not protected: decided on every item, c is not
	// brought in (900 ≥ 850), verification is flagged.
	r.Current = eligibility.Current{}
	dcs = decide(t, set, r)
	assert.Equal(t, eligibility.AllItems, dcs.Classification.Basis)
	assert.True(t, dcs.Classification.VerificationRequired)
	assert.Equal(t, eligibility.MemberNone, dcs.Classification.Members[2].Status)
	assert.Equal(t, "0.00", dcs.Total.Display())
}

// Items 1 and 3: a person is never paid twice for a month. A household
// recipient in its gradual exit pays its last amount, 1000.00, and c, who
// would qualify alone (100 < 850), is covered by it — not paid 877.50 on top.
func TestNoDoublePaymentInAGradualExit(t *testing.T) {
	set := testSet(t)
	r := req(edgeWithIll(), "2023-06-15")
	r.Current = eligibility.Current{Status: eligibility.Dibao, Since: d("2022-01-01"), MonthlyAmount: amt("1000")}
	dcs := decide(t, set, r)
	assert.Equal(t, eligibility.GradualExit, dcs.Classification.Status)
	assert.Equal(t, "2024-06-30", dcs.Classification.GradualExitEnd.String())
	assert.Equal(t, map[string]string{"gradual_exit": "1000.00"}, lines(dcs))
	assert.Contains(t, stepCodes(dcs), "single_person.in_household_payment@c")

	// The workaround of old — the household a recipient and the member a
	// 单人户 at once — is refused: the member's standing needs a household
	// that is not itself paid.
	r.Current.Members = []eligibility.MemberCurrent{{ID: "c", Status: eligibility.MemberSinglePerson}}
	_, err := payment.Decide(r, set)
	requireProblem(t, err, problem.ErrInvalid, "current.members[0].status", problem.Inconsistent)
}

// Item 1 (R4 for a 单人户): c, a 单人户 recipient whose own income rose to
// 900 (verified), no longer qualifies (900 ≥ 850) but taken alone meets the
// edge conditions (900 < 1.2 × 850 = 1020): a gradual exit paying c's last
// amount, 877.50, until 2024-06-30 (12 months after June 2023). At 1275 (=
// 1.5 × 850) c is not below any band: the benefit ends at once.
func TestSinglePersonGradualExit(t *testing.T) {
	set := testSet(t)
	start := func(own string) *payment.Decision {
		h := family("2100") // the household: 2100 + own ≥ 2550 and < 3825 for own 450…1724
		h.Members[2].SeriousIllness = true
		h.Members[2].Incomes = []income.Income{pension(own)}
		r := req(h, "2023-06-15")
		r.Current = eligibility.Current{Members: []eligibility.MemberCurrent{{ID: "c", Status: eligibility.MemberSinglePerson, MonthlyAmount: amt("877.5")}}}
		return decide(t, set, r)
	}
	dcs := start("900")
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	m := dcs.Classification.Members[2]
	assert.Equal(t, eligibility.MemberGradualExit, m.Status)
	assert.Equal(t, "2024-06-30", m.GradualExitEnd.String())
	assert.Equal(t, map[string]string{"gradual_exit@c": "877.50"}, lines(dcs))
	assert.Contains(t, stepCodes(dcs), "single_person.exit_start@c")

	// 1 fen below 1.5 × 850 = 1275: still an exit; at 1275: exit at once.
	assert.Equal(t, eligibility.MemberGradualExit, start("1274.99").Classification.Members[2].Status)
	dcs = start("1275")
	assert.Equal(t, eligibility.MemberNone, dcs.Classification.Members[2].Status)
	assert.Contains(t, stepCodes(dcs), "single_person.exit_immediate@c")
	assert.Equal(t, "0.00", dcs.Total.Display())

	// The exit continues to its last day and ends the day after.
	cont := func(date string) *payment.Decision {
		h := family("2100")
		h.Members[2].SeriousIllness = true
		h.Members[2].Incomes = []income.Income{pension("900")}
		r := req(h, date)
		r.Current = eligibility.Current{Members: []eligibility.MemberCurrent{{ID: "c", Status: eligibility.MemberGradualExit,
			MonthlyAmount: amt("877.5"), GradualExitEnd: d("2024-06-30")}}}
		return decide(t, set, r)
	}
	assert.Equal(t, map[string]string{"gradual_exit@c": "877.50"}, lines(cont("2024-06-30")))
	dcs = cont("2024-07-01")
	assert.Empty(t, lines(dcs))
	assert.Contains(t, stepCodes(dcs), "single_person.exit_ended@c")

	// A member's gradual exit needs the last amount.
	h := family("2100")
	r := req(h, "2023-06-15")
	r.Current = eligibility.Current{Members: []eligibility.MemberCurrent{{ID: "c", Status: eligibility.MemberGradualExit, GradualExitEnd: d("2024-06-30")}}}
	_, err := payment.Decide(r, set)
	requireProblem(t, err, problem.ErrInvalid, "current.members[0].monthly_amount", problem.Required)
}

// Item 7: 特困 in a mixed household. An elder of 70 without labour capacity
// and no income, with a grandchild of 17 (labour capacity, no income, under
// 18: no supporter), no supporter outside. The elder is supported alone
// (Harbin 市区 urban 2023: 1105 + 1066 全自理); the grandchild is tested for
// 低保 alone: 850 × 1 − 0 = 850, plus 127.50 as a minor. Label and payment
// agree. With an able adult (40) instead, the elder is not 特困 and the
// household of two is 低保: 850 × 2 = 1700, plus 127.50 for the elder.
func TestTekunInMixedHouseholds(t *testing.T) {
	set := testSet(t)
	elder := person("e", "1953-01-01", income.RelationApplicant)
	elder.Labour = income.LabourNone
	h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone,
		Members: []income.Member{elder, person("g", "2006-01-01", income.RelationGrandchild)}}
	dcs := decide(t, set, req(h, "2023-06-01"))
	cls := dcs.Classification
	assert.Equal(t, eligibility.Dibao, cls.Status)
	assert.Equal(t, 1, cls.Tested)
	assert.Equal(t, eligibility.MemberTekun, cls.Members[0].Status)
	assert.Equal(t, map[string]string{"gap": "850.00", "supplement@g": "127.50", "tekun_basic@e": "1105.00", "tekun_care@e": "1066.00"}, lines(dcs))
	assert.Equal(t, "3148.50", dcs.Total.Display())
	assert.Contains(t, stepCodes(dcs), "decision.member_tekun@e")
	assert.Contains(t, dcs.Warnings, payment.Warning{Code: payment.WarnAssumed, Param: "tekun_mixed_household"})

	h.Members[1] = person("s", "1983-01-01", income.RelationChild)
	dcs = decide(t, set, req(h, "2023-06-01"))
	assert.Equal(t, eligibility.Dibao, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"gap": "1700.00", "supplement@e": "127.50"}, lines(dcs))
	assert.Contains(t, stepCodes(dcs), "tekun.supporter_in_household@e")

	// Under the other rule ("whole"), the mixed household is tested as a
	// whole: nobody is 特困; 850 × 2 = 1700 plus two supplements (elderly,
	// minor) = 1955.
	h.Members[1] = person("g", "2006-01-01", income.RelationGrandchild)
	whole := testSet(t, standards.ChangeTo(standards.ParamTekunMixedHousehold, standards.MixedWhole))
	dcs = decide(t, whole, req(h, "2023-06-01"))
	assert.Equal(t, map[string]string{"gap": "1700.00", "supplement@e": "127.50", "supplement@g": "127.50"}, lines(dcs))
	assert.Contains(t, stepCodes(dcs), "tekun.mixed_whole@e")
}

// Item 8: a tier table placing 老年人 is honoured. 70, countable 300: by
// income, tier 2 (595); placed, tier 1 (765).
func TestElderlyPlacement(t *testing.T) {
	table := standards.TierTable{Tiers: []standards.Tier{
		{From: amt("0"), FromInclusive: true, To: amt("100"), ToInclusive: true, Amount: amt("765")},
		{From: amt("100"), To: amt("300"), ToInclusive: true, Amount: amt("595")},
		{From: amt("300"), To: amt("500"), ToInclusive: true, Amount: amt("425")},
		{From: amt("500"), To: amt("700"), ToInclusive: true, Amount: amt("255")},
		{From: amt("700"), To: amt("850"), Amount: amt("85")},
	}, Placements: []standards.Placement{{Category: standards.CategoryElderly, Tier: 1}}}
	set := testSet(t, standards.ChangeTo(standards.ParamTierTable, table), standards.ChangeTo(standards.ParamPaymentMethod, standards.MethodTiered))
	old := person("o", "1953-01-01", income.RelationApplicant, pension("300"))
	h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Members: []income.Member{old}}
	dcs := decide(t, set, req(h, "2023-06-01"))
	l := line(t, dcs, explain.LineTier, "o")
	assert.Equal(t, "765.00", l.Amount.Display())
	assert.Equal(t, explain.LineTierPlaced, l.Step)
	// At 59 the same person is tier 2: 595.
	h.Members[0].BirthDate = d("1964-01-01")
	assert.Equal(t, "595.00", line(t, decide(t, set, req(h, "2023-06-01")), explain.LineTier, "o").Amount.Display())
}

// Item 17: a tier table that stops below the standard refuses the decision
// (not covered) instead of paying 0.00 as 低保; at the standard it decides.
func TestTierTableMustReachTheStandard(t *testing.T) {
	short := standards.TierTable{Tiers: []standards.Tier{
		{From: amt("0"), FromInclusive: true, To: amt("100"), ToInclusive: true, Amount: amt("600")},
		{From: amt("100"), To: amt("200"), ToInclusive: true, Amount: amt("500")},
		{From: amt("200"), To: amt("400"), ToInclusive: true, Amount: amt("400")},
		{From: amt("400"), To: amt("600"), ToInclusive: true, Amount: amt("300")},
		{From: amt("600"), To: amt("640"), ToInclusive: true, Amount: amt("100")},
	}}
	set := testSet(t, standards.ChangeTo(standards.ParamTierTable, short))
	h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Members: []income.Member{person("a", "1980-01-01", income.RelationApplicant, pension("700"))}}
	r := req(h, "2023-06-01")
	r.Method = standards.MethodTiered
	_, err := payment.Decide(r, set)
	requireProblem(t, err, problem.ErrNotCovered, "household.region", problem.Uncovered)
	pe, _ := problem.As(err)
	assert.Contains(t, pe.Problems[0].Message.ZH, "道里区 (230102) 城市 的低保标准为 850.00 元")
	assert.Contains(t, pe.Problems[0].Message.EN, "the dibao standard of 道里区 (230102) urban from 1 June 2023 is 850.00 yuan")
	// 640 per person is still in the table: tier 5, 100.
	h.Members[0].Incomes = []income.Income{pension("640")}
	assert.Equal(t, "100.00", decide(t, set, r).Total.Display())
}

// Item 10: no gradual exit for 特困. A 特困 elder whose pension rose to 900
// (≥ 850) is no longer 特困 and, as a household of one, is an edge household
// (900 < 1020): classified afresh, paying 0 — not a gradual exit. With the
// Set's switch on, the exit is given.
func TestNoGradualExitForTekun(t *testing.T) {
	elder := person("e", "1953-01-01", income.RelationApplicant, pension("900"))
	elder.Labour = income.LabourNone
	h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone, Members: []income.Member{elder}}
	r := req(h, "2023-06-15")
	r.Current = eligibility.Current{Status: eligibility.Tekun, MonthlyAmount: amt("2171")}
	dcs := decide(t, testSet(t), r)
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	assert.Contains(t, stepCodes(dcs), "tekun.no_gradual_exit")
	assert.Equal(t, "0.00", dcs.Total.Display())

	dcs = decide(t, testSet(t, standards.ChangeTo(standards.ParamTekunGradualExit, true)), r)
	assert.Equal(t, eligibility.GradualExit, dcs.Classification.Status)
	assert.Equal(t, "2171.00", dcs.Total.Display())
}

// Item 11: a member can carry a price-subsidy group. A household well above
// the line (pension 5000, 3 members: 5000 ≥ 3825) has a member receiving
// unemployment insurance and one special-care recipient (定期抚恤): each is
// paid 850 × 0.036 = 30.6 → 31, the third member nothing.
func TestPriceSubsidyMemberGroups(t *testing.T) {
	h := family("5000")
	h.Members[1].Groups = []standards.Group{standards.GroupUnemploymentInsurance}
	h.Members[2].SpecialCare = true
	r := req(h, "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.036"), HasCPI: true}
	dcs := decide(t, testSet(t), r)
	assert.Equal(t, eligibility.NotEligible, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"price_subsidy@b": "31.00", "price_subsidy@c": "31.00"}, lines(dcs))
	assert.Equal(t, "group.unemployment_insurance", arg(t, step(t, dcs.Steps, explain.LinePriceSubsidy, "b"), "group"))
	assert.Equal(t, "group.special_care", arg(t, step(t, dcs.Steps, explain.LinePriceSubsidy, "c"), "group"))

	// A group the Set does not cover pays nothing; a person in a 低保
	// household and a group of their own is paid once.
	covered := testSet(t, standards.ChangeTo(standards.ParamPriceLinkage, standards.PriceLinkage{CPITrigger: rate("0.035"),
		FoodCPITrigger: rate("0.06"), Covered: []standards.Group{standards.GroupDibao, standards.GroupOrphan}}))
	assert.Empty(t, lines(decide(t, covered, r)))
	h = family("0")
	h.Members[2].Groups = []standards.Group{standards.GroupOrphan}
	r = req(h, "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.036"), HasCPI: true}
	got, n := priceSubsidy(decide(t, covered, r))
	assert.Equal(t, 3, n)
	assert.Equal(t, "93.00", got)
}

// Item 12: R1. A 脱贫 household with a member who partly lost labour
// capacity is assessed under the normal rules (2000 for 3 < 2550: 低保, gap
// 550) and referred for temporary and special assistance.
func TestR1(t *testing.T) {
	h := family("2000")
	h.Poverty = income.PovertyExited
	h.Members[1].Labour = income.LabourPartial
	dcs := decide(t, testSet(t), req(h, "2023-06-01"))
	assert.Equal(t, eligibility.Dibao, dcs.Classification.Status)
	assert.Equal(t, "550.00", dcs.Total.Display())
	s := step(t, dcs.Steps, explain.ReasonR1, "")
	assert.Equal(t, "b", arg(t, s, "members"))
	assert.Equal(t, "poverty.exited", arg(t, s, "poverty"))
	assert.Contains(t, stepCodes(dcs), "referral.r1")
	assert.Contains(t, dcs.Explain(zh), "脱贫户")

	// Unmarked: neither.
	h.Poverty = income.PovertyNone
	dcs = decide(t, testSet(t), req(h, "2023-06-01"))
	assert.NotContains(t, stepCodes(dcs), "r1.normal_rules")
	assert.NotContains(t, stepCodes(dcs), "referral.r1")
}

// Item 13: 黑民规〔2023〕1号. d, 30, severely disabled (physical grade 1),
// unemployed, receives 900 a month of support from a sibling; the household
// (a 3000 pension, 4 members: 3900 ≥ 3400, < 5100) is an edge household but
// d is no R3 case on her own income: 900 ≥ 850. Exempted case by case, her
// own income is 900 − 900 = 0: a 单人户, 850 + 127.50 = 977.50.
func TestSupportExemption(t *testing.T) {
	disabled := func(exempt income.Giver) *income.Household {
		h := family("3000")
		support := income.Income{Kind: standards.IncomeSupportReceived, Amount: amt("900"), Period: income.Monthly,
			Basis: income.SupportByAgreement, ExemptFrom: exempt}
		m := person("d", "1993-01-01", income.RelationChild, support)
		m.Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 1}
		h.Members = append(h.Members, m)
		return h
	}
	dcs := decide(t, testSet(t), req(disabled(income.GiverSibling), "2023-06-01"))
	assert.Equal(t, eligibility.MemberSinglePerson, dcs.Classification.Members[3].Status)
	assert.Equal(t, map[string]string{"single_person@d": "850.00", "supplement@d": "127.50"}, lines(dcs))
	assert.Equal(t, "900", arg(t, step(t, dcs.Steps, explain.StepSupportExempted, "d"), "monthly"))

	// Without the case-level switch: 900 ≥ 850, nothing.
	dcs = decide(t, testSet(t), req(disabled(income.GiverNone), "2023-06-01"))
	assert.Equal(t, eligibility.MemberNone, dcs.Classification.Members[3].Status)
	assert.Empty(t, lines(dcs))

	// The switch is for support received only.
	h := family("3000")
	h.Members[0].Incomes[0].ExemptFrom = income.GiverSibling
	_, err := payment.Decide(req(h, "2023-06-01"), testSet(t))
	requireProblem(t, err, problem.ErrInvalid, "household.members[0].incomes[0].exempt_from", problem.BadReference)
}

// property limits from months of the standard: 低保 24 (850 × 24 = 20,400 a
// person), edge 36 (30,600), 特困 24 with no vehicle.
func propertyLimits(t testing.TB, extra ...standards.Change) *standards.Set {
	return testSet(t, append([]standards.Change{standards.ChangeTo(standards.ParamPropertyLimits, standards.PropertyLimits{
		Dibao: standards.PropertyLimit{FinancialAssetsMonths: rate("24"), MaxDwellings: 1}, HasDibao: true,
		Edge: standards.PropertyLimit{FinancialAssetsMonths: rate("36"), MaxDwellings: 1, VehiclesAllowed: true}, HasEdge: true,
		Tekun: standards.PropertyLimit{FinancialAssetsMonths: rate("24"), MaxDwellings: 1}, HasTekun: true,
	})}, extra...)...)
}

// Item 15: a gradual exit only when income fails. A 低保 recipient alone,
// income 0 (below 850), deposit 30,000: above the 低保 limit 20,400, within
// the edge limit 30,600: an edge household paying 0 — no exit. With 30,600.01
// not even that: the benefit ends.
func TestNoGradualExitOnAPropertyFailure(t *testing.T) {
	set := propertyLimits(t)
	alone := func(deposit string) payment.Request {
		h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Members: []income.Member{person("a", "1980-01-01", income.RelationApplicant)},
			Property: []income.Property{{Kind: income.PropertyDeposit, Value: amt(deposit)}}}
		r := req(h, "2023-06-15")
		r.Current = eligibility.Current{Status: eligibility.Dibao, MonthlyAmount: amt("850")}
		return r
	}
	dcs := decide(t, set, alone("30000"))
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	assert.NotContains(t, stepCodes(dcs), "gradual_exit.start")
	assert.Equal(t, "0.00", dcs.Total.Display())
	dcs = decide(t, set, alone("30600.01"))
	assert.Equal(t, eligibility.NotEligible, dcs.Classification.Status)
	assert.Contains(t, stepCodes(dcs), "exit.immediate")
	// At the 低保 limit, 20,400: 低保 still, 850.
	assert.Equal(t, "850.00", decide(t, set, alone("20400")).Total.Display())
}

// Item 16: household property counts for a member assessed alone (the
// embedded assumed rule: jointly held financial assets in equal shares;
// jointly held vehicles count for each member).
func TestJointPropertyForMembersAlone(t *testing.T) {
	set := propertyLimits(t)

	// A severely disabled adult (unemployed) among three, household deposit
	// 1,000,000 held jointly: her share, 1,000,000 ÷ 3 = 333,333.33…, is far
	// above 20,400; not a 单人户. (The household itself is above every
	// limit: not even an edge household.)
	h := family("3000")
	h.Members[2].Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 1}
	h.Property = []income.Property{{Kind: income.PropertyDeposit, Value: amt("1000000")}}
	dcs := decide(t, set, req(h, "2023-06-01"))
	assert.Equal(t, eligibility.MemberNone, dcs.Classification.Members[2].Status)
	assert.Contains(t, stepCodes(dcs), "single_person.property_exceeds@c")
	assert.Contains(t, stepCodes(dcs), "property.shared@c")

	// The boundary, exactly: 3 × 20,400 = 61,200 jointly held is 20,400
	// each — within; 61,200.01 is not. The household of three (3000 < 3825,
	// edge limit 3 × 30,600 = 91,800) stays an edge household.
	h.Property[0].Value = amt("61200")
	assert.Equal(t, eligibility.MemberSinglePerson, decide(t, set, req(h, "2023-06-01")).Classification.Members[2].Status)
	h.Property[0].Value = amt("61200.01")
	assert.Equal(t, eligibility.MemberNone, decide(t, set, req(h, "2023-06-01")).Classification.Members[2].Status)

	// A 特困-eligible elder alone with a household vehicle, where the 特困
	// limits allow none: not 特困.
	elder := person("e", "1953-01-01", income.RelationApplicant)
	elder.Labour = income.LabourNone
	t1 := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone, Members: []income.Member{elder},
		Property: []income.Property{{Kind: income.PropertyVehicle, Value: amt("20000")}}}
	dcs = decide(t, set, req(t1, "2023-06-01"))
	assert.NotEqual(t, eligibility.Tekun, dcs.Classification.Status)
	assert.Contains(t, stepCodes(dcs), "tekun.property_exceeds@e")

	// Two 特困-eligible elders with a joint deposit of 1,000,000: 500,000
	// each, above 20,400: neither is 特困.
	e2 := elder
	e2.ID, e2.Relation = "f", income.RelationSpouse
	t2 := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone, Members: []income.Member{elder, e2},
		Property: []income.Property{{Kind: income.PropertyDeposit, Value: amt("1000000")}}}
	dcs = decide(t, set, req(t2, "2023-06-01"))
	for _, m := range dcs.Classification.Members {
		assert.Equal(t, eligibility.MemberNone, m.Status, m.ID)
	}
	// At 2 × 20,400 = 40,800 both are: 2 × (1105 + 1066) = 4342.
	t2.Property[0].Value = amt("40800")
	assert.Equal(t, "4342.00", decide(t, set, req(t2, "2023-06-01")).Total.Display())
}

// Item 14: a decision warns when a standard it uses is below the provincial
// guidance in force on its date. 依兰县 rural, 2024-07-01: the derived
// county standard (517) meets the guidance (517), but 特困 basic support,
// still 2023's 628, is below 1.3 × 517 = 672.1.
func TestBelowGuidanceWarning(t *testing.T) {
	elder := person("e", "1950-01-01", income.RelationApplicant)
	elder.Labour = income.LabourNone
	h := &income.Household{Region: region("230123"), Area: standards.AreaRural, Supporter: income.SupporterNone, Members: []income.Member{elder}}
	dcs := decide(t, testSet(t), req(h, "2024-07-01"))
	require.Equal(t, eligibility.Tekun, dcs.Classification.Status)
	assert.Contains(t, dcs.Warnings, payment.Warning{Code: payment.WarnBelowGuidance, Param: "tekun_support"})
	assert.NotContains(t, dcs.Warnings, payment.Warning{Code: payment.WarnBelowGuidance, Param: "dibao_standard"})
	assert.Equal(t, "517", dcs.Classification.Standard.V.String())
	// The day before the guidance: no warning (483 and 628 in force).
	dcs = decide(t, testSet(t), req(h, "2024-06-30"))
	assert.NotContains(t, dcs.Warnings, payment.Warning{Code: payment.WarnBelowGuidance, Param: "tekun_support"})
}

// Item 4: a wage earner on the embedded data in 2023: 200 a month in 南岗区
// (tier 1, 1680 from 2017): the deduction is min(2 × 1680 ÷ 12, 200) = 200 a
// month (2400 a year), countable 0, paid 850.
func TestWageEarner2023(t *testing.T) {
	w := person("w", "1980-01-01", income.RelationApplicant, income.Income{Kind: standards.IncomeWage, Amount: amt("200"), Period: income.Monthly})
	w.Workplace = region("230103")
	h := &income.Household{Region: region("230103"), Area: standards.AreaUrban, Members: []income.Member{w}}
	dcs := decide(t, testSet(t), req(h, "2023-06-01"))
	assert.Equal(t, "0", dcs.Classification.Countable.String())
	assert.Equal(t, "850.00", dcs.Total.Display())
	s := step(t, dcs.Steps, explain.StepEmploymentDeduction, "w")
	assert.Equal(t, "1680", arg(t, s, "wage"))
	assert.Equal(t, "280", arg(t, s, "full"))
	assert.Equal(t, "200", arg(t, s, "deducted"))
}

// The non-monotone step the package documentation describes: two members in
// 道里区 (850), b seriously ill with no income, a's pension 1699.99: 低保,
// 1700 − 1699.99 = 0.01 plus b's supplement 127.50 = 127.51. At 1700.00 the
// household is not below the line (1700) but below 1.2 × 1700 = 2040: an
// edge household, and b a 单人户: 850 + 127.50 = 977.50.
func TestNotMonotoneAtTheBoundary(t *testing.T) {
	two := func(p string) *income.Household {
		b := person("b", "1972-01-01", income.RelationSpouse)
		b.SeriousIllness = true
		return &income.Household{Region: region("230102"), Area: standards.AreaUrban,
			Members: []income.Member{person("a", "1970-01-01", income.RelationApplicant, pension(p)), b}}
	}
	dcs := decide(t, testSet(t), req(two("1699.99"), "2023-06-01"))
	assert.Equal(t, eligibility.Dibao, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"gap": "0.01", "supplement@b": "127.50"}, lines(dcs))
	assert.Equal(t, "127.51", dcs.Total.Display())
	dcs = decide(t, testSet(t), req(two("1700"), "2023-06-01"))
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"single_person@b": "850.00", "supplement@b": "127.50"}, lines(dcs))
	assert.Equal(t, "977.50", dcs.Total.Display())
}
