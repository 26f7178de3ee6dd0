package heilongjiang_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func set(t testing.TB) *standards.Set {
	t.Helper()
	s, err := heilongjiang.Set()
	require.NoError(t, err)
	return s
}

func d(s string) standards.Date   { return standards.MustParseDate(s) }
func r(s string) standards.Region { return standards.MustRegion(s) }

// 市区 and 县(市) as the policy notes list them (§3).
var (
	shiqu = []string{"230102", "230103", "230104", "230108", "230109", "230110", "230111", "230112", "230113"}
	xian  = []string{"230123", "230124", "230125", "230126", "230127", "230128", "230129", "230183", "230184"}
)

// Harbin 低保 standards, yuan per person per month, from the policy notes §3:
//
//	effective   市区 urban  市区 rural  县(市) urban  县(市) rural  source
//	2021-01-01  732        367         —             —             press (announcement of 2021-01-06)
//	2022-01-01  835        625         669           441           secondary
//	2023-01-01  850        640         689           483           official 哈民政规〔2023〕6号 (issued 2023-11-03)
func TestHarbinDibaoStandards(t *testing.T) {
	s := set(t)
	type row struct {
		date         string
		urban, rural string // "" = not covered
		doc          string
		rel          standards.Reliability
	}
	groups := []struct {
		name    string
		regions []string
		rows    []row
	}{
		{"市区", shiqu, []row{
			{"2020-12-31", "", "", "", 0},
			{"2021-01-01", "732", "367", "哈尔滨市2021年城乡低保标准公告", standards.ReliabilityPress},
			{"2021-12-31", "732", "367", "哈尔滨市2021年城乡低保标准公告", standards.ReliabilityPress},
			{"2022-01-01", "835", "625", "哈尔滨市2022年城乡低保标准调整方案", standards.ReliabilitySecondary},
			{"2022-12-31", "835", "625", "哈尔滨市2022年城乡低保标准调整方案", standards.ReliabilitySecondary},
			{"2023-01-01", "850", "640", "哈民政规〔2023〕6号", standards.ReliabilityOfficial},
			{"2023-01-02", "850", "640", "哈民政规〔2023〕6号", standards.ReliabilityOfficial},
		}},
		{"县(市)", xian, []row{
			{"2021-06-01", "", "", "", 0}, // the 2021 announcement gives 市区 figures only
			{"2021-12-31", "", "", "", 0},
			{"2022-01-01", "669", "441", "哈尔滨市2022年城乡低保标准调整方案", standards.ReliabilitySecondary},
			{"2022-12-31", "669", "441", "哈尔滨市2022年城乡低保标准调整方案", standards.ReliabilitySecondary},
			{"2023-01-01", "689", "483", "哈民政规〔2023〕6号", standards.ReliabilityOfficial},
			{"2023-01-02", "689", "483", "哈民政规〔2023〕6号", standards.ReliabilityOfficial},
		}},
	}
	for _, g := range groups {
		for _, region := range g.regions {
			for _, tc := range g.rows {
				for _, a := range []struct {
					area standards.Area
					want string
				}{{standards.AreaUrban, tc.urban}, {standards.AreaRural, tc.rural}} {
					v, err := s.DibaoStandard(standards.Query{Region: r(region), Area: a.area, Date: d(tc.date)})
					if a.want == "" {
						assert.ErrorIs(t, err, standards.ErrNotCovered, "%s %s %s %s", g.name, region, a.area, tc.date)
						continue
					}
					require.NoError(t, err, "%s %s %s %s", g.name, region, a.area, tc.date)
					assert.Equal(t, a.want, v.V.String(), "%s %s %s %s", g.name, region, a.area, tc.date)
					assert.Equal(t, tc.doc, v.Source.Document)
					assert.Equal(t, tc.rel, v.Source.Reliability)
					assert.Equal(t, region, v.Region.String())
				}
			}
		}
	}
}

// 哈民政规〔2023〕6号 was issued on 2023-11-03 and applies from 2023-01-01: a
// month of 2023 computed before the issue date used the 2022 figures.
func TestHarbin2023AsOf(t *testing.T) {
	s := set(t)
	for _, tc := range []struct {
		knownOn      string
		urban, rural string
	}{
		{"2023-11-02", "835", "625"},
		{"2023-11-03", "850", "640"},
		{"2023-11-04", "850", "640"},
		{"", "850", "640"},
	} {
		qq := standards.Query{Region: r("230113"), Date: d("2023-06-01")}
		if tc.knownOn != "" {
			qq.KnownOn = d(tc.knownOn)
		}
		qq.Area = standards.AreaUrban
		u, err := s.DibaoStandard(qq)
		require.NoError(t, err)
		qq.Area = standards.AreaRural
		ru, err := s.DibaoStandard(qq)
		require.NoError(t, err)
		assert.Equal(t, tc.urban, u.V.String(), "known on %q", tc.knownOn)
		assert.Equal(t, tc.rural, ru.V.String(), "known on %q", tc.knownOn)
	}
	// Back-pay for June 2023: 850 − 835 = 15 yuan per person (urban), 640 − 625 = 15 (rural).
	// The 2021 figures were announced on 2021-01-06: on 2021-01-05 nothing was known yet.
	_, err := s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban,
		Date: d("2021-01-02"), KnownOn: d("2021-01-05")})
	assert.ErrorIs(t, err, standards.ErrNotCovered)
	v, err := s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban,
		Date: d("2021-01-02"), KnownOn: d("2021-01-06")})
	require.NoError(t, err)
	assert.Equal(t, "732", v.V.String())
}

// Harbin 特困 2023 (official, 哈民政规〔2023〕6号), basic + care 全自理/半护理/全护理.
func TestHarbinTekun2023(t *testing.T) {
	s := set(t)
	for _, tc := range []struct {
		regions                    []string
		area                       standards.Area
		basic, self, partial, full string
	}{
		{shiqu, standards.AreaUrban, "1105", "1066", "1116", "1166"},
		{shiqu, standards.AreaRural, "832", "390", "440", "490"},
		{xian, standards.AreaUrban, "957", "729", "779", "829"},
		{xian, standards.AreaRural, "628", "390", "440", "490"},
	} {
		for _, region := range tc.regions {
			v, err := s.TekunSupport(standards.Query{Region: r(region), Area: tc.area, Date: d("2023-01-01")})
			require.NoError(t, err)
			assert.Equal(t, []string{tc.basic, tc.self, tc.partial, tc.full},
				[]string{v.V.Basic.String(), v.V.SelfCare.String(), v.V.PartialCare.String(), v.V.FullCare.String()}, region)
			assert.Equal(t, "哈民政规〔2023〕6号", v.Source.Document)
			assert.Equal(t, standards.ReliabilityOfficial, v.Source.Reliability)
			assert.Equal(t, "2023-11-03", v.Published.String())
			_, err = s.TekunSupport(standards.Query{Region: r(region), Area: tc.area, Date: d("2022-12-31")})
			assert.ErrorIs(t, err, standards.ErrNotCovered)
		}
	}
}

// Heilongjiang minimum wage (policy notes §3), monthly (hourly):
//
//	2017-10-01  1680 (16)  1450 (13)  1270 (12)    press
//	2024-05-01  2080 (19)  1850 (17)  1750 (16.5)  secondary, 黑政规〔2024〕1号
//	2025-12-01  2270 (21)  2010 (18.8) 1910 (18.2) secondary, notice of 2025-11-27
func TestMinimumWageTable(t *testing.T) {
	s := set(t)
	for _, tc := range []struct {
		date    string
		monthly [3]string
		hourly  [3]string
		rel     standards.Reliability
	}{
		{"2017-10-01", [3]string{"1680", "1450", "1270"}, [3]string{"16", "13", "12"}, standards.ReliabilityPress},
		{"2024-04-30", [3]string{"1680", "1450", "1270"}, [3]string{"16", "13", "12"}, standards.ReliabilityPress},
		{"2024-05-01", [3]string{"2080", "1850", "1750"}, [3]string{"19", "17", "16.5"}, standards.ReliabilitySecondary},
		{"2025-11-30", [3]string{"2080", "1850", "1750"}, [3]string{"19", "17", "16.5"}, standards.ReliabilitySecondary},
		{"2025-12-01", [3]string{"2270", "2010", "1910"}, [3]string{"21", "18.8", "18.2"}, standards.ReliabilitySecondary},
	} {
		v, err := s.MinimumWageTable(standards.Query{Region: r("230000"), Date: d(tc.date)})
		require.NoError(t, err, tc.date)
		require.Len(t, v.V.Tiers, 3)
		for i := 0; i < 3; i++ {
			assert.Equal(t, i+1, v.V.Tiers[i].Tier)
			assert.Equal(t, tc.monthly[i], v.V.Tiers[i].Monthly.String(), "%s tier %d", tc.date, i+1)
			assert.Equal(t, tc.hourly[i], v.V.Tiers[i].Hourly.String(), "%s tier %d", tc.date, i+1)
		}
		assert.Equal(t, tc.rel, v.Source.Reliability, tc.date)
	}
	_, err := s.MinimumWageTable(standards.Query{Region: r("230000"), Date: d("2017-09-30")})
	assert.ErrorIs(t, err, standards.ErrNotCovered)
}

// The minimum wage of a place of work: its tier from the dated map, then the
// tier's wage. Tier membership from 2024-05-01 and the 2025-12-01 moves come
// from the policy notes §3.
func TestMinimumWageOfPlaces(t *testing.T) {
	s := set(t)
	for _, tc := range []struct {
		place, name string
		date        string
		tier        int
		monthly     string
	}{
		{"230113", "双城区", "2024-04-30", 0, ""}, // the 2017 tier map is not in the data
		{"230113", "双城区", "2024-05-01", 3, "1750"},
		{"230113", "双城区", "2025-11-30", 3, "1750"},
		{"230113", "双城区", "2025-12-01", 2, "2010"},
		{"230113", "双城区", "2025-12-02", 2, "2010"},
		{"232761", "加格达奇区 (大兴安岭)", "2025-11-30", 3, "1750"},
		{"232761", "加格达奇区 (大兴安岭)", "2025-12-01", 2, "2010"},
		{"232701", "漠河市 (大兴安岭)", "2025-12-01", 2, "2010"},
		{"230102", "道里区", "2025-11-30", 1, "2080"},
		{"230102", "道里区", "2025-12-01", 1, "2270"},
		{"230110", "香坊区", "2024-05-01", 1, "2080"},
		{"230111", "呼兰区", "2024-05-01", 2, "1850"},
		{"230112", "阿城区", "2025-12-01", 2, "2010"},
		{"230602", "萨尔图区 (大庆)", "2024-05-01", 1, "2080"},
		{"230202", "龙沙区 (齐齐哈尔)", "2024-05-01", 2, "1850"},
		{"231081", "绥芬河市", "2024-05-01", 2, "1850"},
		{"230883", "抚远市", "2024-05-01", 2, "1850"},
		{"231202", "北林区 (绥化)", "2024-05-01", 2, "1850"},
		{"230717", "伊美区 (伊春)", "2025-12-01", 3, "1910"},
		{"231102", "爱辉区 (黑河)", "2025-12-01", 3, "1910"},
		{"230184", "五常市", "2025-11-30", 3, "1750"},
		{"230184", "五常市", "2025-12-01", 3, "1910"},
		{"230281", "讷河市", "2024-05-01", 3, "1750"},
	} {
		w, err := s.MinimumWage(standards.Query{Region: r(tc.place), Date: d(tc.date)})
		if tc.tier == 0 {
			assert.ErrorIs(t, err, standards.ErrNotCovered, "%s %s", tc.name, tc.date)
			continue
		}
		require.NoError(t, err, "%s %s", tc.name, tc.date)
		assert.Equal(t, tc.tier, w.Tier.V, "%s %s", tc.name, tc.date)
		assert.Equal(t, tc.monthly, w.Rate.V.Monthly.String(), "%s %s", tc.name, tc.date)
	}
	_, err := s.MinimumWage(standards.Query{Region: r("230100"), Date: d("2025-12-01")})
	assert.ErrorIs(t, err, standards.ErrPlaceTooCoarse)
}

func TestRuleValuesOfTheProvincialPlan(t *testing.T) {
	s := set(t)
	qq := standards.Query{Region: r("230202"), Date: d("2023-06-01")} // 龙沙区, outside Harbin: the province's rules
	edge, err := s.EdgeBands(qq)
	require.NoError(t, err)
	require.Len(t, edge.V, 1)
	assert.Equal(t, "1.5", edge.V[0].Multiple.String())
	assert.Equal(t, "四（一）", edge.Clause)
	assert.Equal(t, "230000", edge.Region.String())
	assert.Equal(t, standards.ReliabilityOfficial, edge.Source.Reliability)

	rate, err := s.SupplementRate(qq)
	require.NoError(t, err)
	assert.Equal(t, "0.15", rate.V.String())
	assert.Equal(t, "四（二）", rate.Clause)
	cats, err := s.SupplementCategories(qq)
	require.NoError(t, err)
	assert.Equal(t, []standards.Category{standards.CategorySevereDisability, standards.CategorySeriousIllness,
		standards.CategoryElderly, standards.CategoryMinor, standards.CategoryMartyrFamily, standards.CategoryReturnedVeteran}, cats.V)
	months, err := s.GradualExitMaxMonths(qq)
	require.NoError(t, err)
	assert.Equal(t, 12, months.V)
	assert.Equal(t, "四（一）", months.Clause)
	ded, err := s.EmploymentDeductionMonths(qq)
	require.NoError(t, err)
	assert.Equal(t, 2, ded.V)
	assert.Equal(t, "四（八）", ded.Clause)
	inst, err := s.TemporaryAssistanceMaxInstalments(qq)
	require.NoError(t, err)
	assert.Equal(t, 6, inst.V)
	assert.Equal(t, standards.ReliabilityOfficial, inst.Source.Reliability)
	tf, err := s.TekunBasicFactor(qq)
	require.NoError(t, err)
	assert.Equal(t, "1.3", tf.V.String())

	// Harbin's own bands (secondary): 1.2× urban, 1.5×.
	hb, err := s.EdgeBands(standards.Query{Region: r("230103"), Date: d("2023-06-01")})
	require.NoError(t, err)
	require.Len(t, hb.V, 2)
	assert.Equal(t, "1.2", hb.V[0].Multiple.String())
	assert.Equal(t, standards.AreaUrban, hb.V[0].Area)
	assert.Equal(t, "1.5", hb.V[1].Multiple.String())
	assert.Equal(t, "230100", hb.Region.String())
	assert.Equal(t, standards.ReliabilitySecondary, hb.Source.Reliability)
}

func TestPriceLinkageDates(t *testing.T) {
	s := set(t)
	for _, tc := range []struct{ date, cpi string }{
		{"2022-08-31", "0.035"},
		{"2022-09-01", "0.03"}, // temporary national trigger, Sept 2022 – Mar 2023
		{"2023-03-31", "0.03"},
		{"2023-04-01", "0.035"},
	} {
		v, err := s.PriceLinkage(standards.Query{Region: r("230102"), Date: d(tc.date)})
		require.NoError(t, err)
		assert.Equal(t, tc.cpi, v.V.CPITrigger.String(), tc.date)
		assert.Equal(t, "0.06", v.V.FoodCPITrigger.String(), tc.date)
		assert.False(t, v.V.HasFloor)
	}
	rule, err := s.Rounding(standards.RoundPriceSubsidy, standards.Query{Region: r("230102"), Date: d("2023-06-01")})
	require.NoError(t, err)
	assert.Equal(t, standards.RoundingRule{Unit: standards.UnitYuan, Mode: standards.ModeHalfUp}, rule.V)
}

func TestExcludedIncomeKindsByFiveYearPlan(t *testing.T) {
	s := set(t)
	last, err := s.ExcludedIncomeKinds(standards.Query{Region: r("230102"), Date: d("2025-12-31")})
	require.NoError(t, err)
	assert.Contains(t, last.V, standards.IncomeResidentPensionBasic)
	assert.Len(t, last.V, 6)
	next, err := s.ExcludedIncomeKinds(standards.Query{Region: r("230102"), Date: d("2026-01-01")})
	require.NoError(t, err)
	assert.NotContains(t, next.V, standards.IncomeResidentPensionBasic)
	assert.Len(t, next.V, 5)
}

func TestUncoveredRegionIsAnErrorNotAnotherCitysFigures(t *testing.T) {
	s := set(t)
	_, err := s.DibaoStandard(standards.Query{Region: r("230202"), Area: standards.AreaUrban, Date: d("2023-06-01")})
	require.ErrorIs(t, err, standards.ErrNotCovered)
	msg := err.Error()
	assert.Contains(t, msg, "230202")
	assert.Contains(t, msg, "2023-06-01")
	assert.Contains(t, msg, "only for regions 230102", "says what is covered")
	assert.Contains(t, msg, "standards.Load", "says how to supply one's own data")

	_, err = s.DibaoStandard(standards.Query{Region: r("230199"), Area: standards.AreaUrban, Date: d("2023-06-01")})
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
}

// Values no source settles are absent, never defaulted (policy notes §4).
func TestUnsettledValuesAreAbsent(t *testing.T) {
	s := set(t)
	qq := standards.Query{Region: r("230102"), Date: d("2023-06-01")}
	for _, p := range []standards.Param{
		standards.ParamCaregiverIncomeFactor, standards.ParamSupplementStacking, standards.ParamElderlyAge,
		standards.ParamTierTable, standards.ParamPropertyLimits, standards.ParamTemporaryAssistanceCaps,
		standards.RoundPaymentTotal.Param(), standards.RoundPerCapitaDisplay.Param(), standards.RoundTekunBasic.Param(),
	} {
		_, err := s.Lookup(p, qq)
		assert.ErrorIs(t, err, standards.ErrNotCovered, string(p))
	}
}

func TestStaleBeyondCompleteThrough(t *testing.T) {
	s := set(t)
	v, err := s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d("2023-12-31")})
	require.NoError(t, err)
	assert.False(t, v.Stale)
	v, err = s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d("2024-01-01")})
	require.NoError(t, err)
	assert.True(t, v.Stale, "Harbin's standards are known only through 2023")
	assert.Equal(t, "850", v.V.String(), "a stale lookup still answers")
	w, err := s.MinimumWage(standards.Query{Region: r("230113"), Date: d("2025-12-01")})
	require.NoError(t, err)
	assert.False(t, w.Rate.Stale, "the minimum wage is known through 2025-12-01")
	assert.False(t, w.Tier.Stale)
	w, err = s.MinimumWage(standards.Query{Region: r("230113"), Date: d("2025-12-02")})
	require.NoError(t, err)
	assert.True(t, w.Rate.Stale)
}

func TestDivisions(t *testing.T) {
	divs, err := heilongjiang.Divisions()
	require.NoError(t, err)
	count := map[standards.Level]int{}
	for _, dv := range divs.All() {
		count[dv.Level]++
	}
	assert.Equal(t, 1, count[standards.LevelProvince])
	assert.Equal(t, 13, count[standards.LevelPrefecture])
	assert.Equal(t, 126, count[standards.LevelCounty])
	name, err := divs.FullName(r("230113"))
	require.NoError(t, err)
	assert.Equal(t, "黑龙江省哈尔滨市双城区", name)
}

func TestEmbeddedDataRoundTrip(t *testing.T) {
	s := set(t)
	full, err := s.Save(standards.SaveOptions{})
	require.NoError(t, err)
	s2, err := standards.Load(full, standards.LoadOptions{})
	require.NoError(t, err)
	full2, err := s2.Save(standards.SaveOptions{})
	require.NoError(t, err)
	assert.Equal(t, string(full), string(full2))

	slim, err := s.Save(standards.SaveOptions{OmitDivisions: true})
	require.NoError(t, err)
	divs, err := standards.ParseDivisionsCSV(bytes.NewReader(heilongjiang.DivisionsCSV()))
	require.NoError(t, err)
	s3, err := standards.Load(slim, standards.LoadOptions{Divisions: divs})
	require.NoError(t, err)
	w, err := s3.MinimumWage(standards.Query{Region: r("230113"), Date: d("2025-12-01")})
	require.NoError(t, err)
	assert.Equal(t, "2010", w.Rate.V.Monthly.String())

	// The embedded file itself loads with the embedded register.
	s4, err := standards.Load(heilongjiang.JSON(), standards.LoadOptions{Divisions: divs})
	require.NoError(t, err)
	assert.Equal(t, s.Params(), s4.Params())
}
