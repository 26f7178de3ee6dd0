package heilongjiang_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// The expected figures below are those of the policy notes (§3, "Figures
// for the embedded Heilongjiang data"), each with the reliability the notes
// give its source.

func set(t testing.TB) *standards.Set {
	t.Helper()
	s, err := heilongjiang.Set()
	require.NoError(t, err)
	return s
}

func d(s string) standards.Date   { return standards.MustParseDate(s) }
func r(s string) standards.Region { return standards.MustRegion(s) }
func amt(s string) money.Amount   { return money.MustParse(s) }

func q(region string, area standards.Area, date string) standards.Query {
	return standards.Query{Region: r(region), Area: area, Date: d(date)}
}

// 市区 and 县(市) of Harbin as the policy notes list them: 市区 = 道里 道外 南岗
// 香坊 平房 松北 呼兰 阿城 双城 (230102–230113); 县(市) = 230123–230129, 230183, 230184.
var (
	shiqu = []string{"230102", "230103", "230104", "230108", "230109", "230110", "230111", "230112", "230113"}
	xian  = []string{"230123", "230124", "230125", "230126", "230127", "230128", "230129", "230183", "230184"}
)

const (
	doc2021 = "哈尔滨市2021年城乡低保标准公告"
	doc2022 = "哈尔滨市2022年城乡低保标准调整方案"
	doc2023 = "哈民政规〔2023〕6号"
)

// Harbin 低保 standards, yuan per person per month (§3):
//
//	effective   市区 urban  市区 rural       县(市) urban  县(市) rural  source
//	2021-01-01  732        367 (4404/year)  —             —             press (announcement of 2021-01-06)
//	2022-01-01  835        625              669           441           secondary
//	2023-01-01  850        640              689           483           official 哈民政规〔2023〕6号 (issued 2023-11-03)
//
// 4404 / 12 = 367 exactly.
func TestHarbinDibaoStandards(t *testing.T) {
	s := set(t)
	type row struct {
		date         string
		urban, rural string // "" = not covered
		doc          string
		rel          standards.Reliability
		from         string
	}
	groups := []struct {
		name    string
		regions []string
		rows    []row
	}{
		{"市区", shiqu, []row{
			{"2020-12-31", "", "", "", 0, ""}, // the day before the first value
			{"2021-01-01", "732", "367", doc2021, standards.ReliabilityPress, "2021-01-01"},
			{"2021-12-31", "732", "367", doc2021, standards.ReliabilityPress, "2021-01-01"},
			{"2022-01-01", "835", "625", doc2022, standards.ReliabilitySecondary, "2022-01-01"},
			{"2022-01-02", "835", "625", doc2022, standards.ReliabilitySecondary, "2022-01-01"},
			{"2022-12-31", "835", "625", doc2022, standards.ReliabilitySecondary, "2022-01-01"},
			{"2023-01-01", "850", "640", doc2023, standards.ReliabilityOfficial, "2023-01-01"},
			{"2023-01-02", "850", "640", doc2023, standards.ReliabilityOfficial, "2023-01-01"},
			{"2023-12-31", "850", "640", doc2023, standards.ReliabilityOfficial, "2023-01-01"},
		}},
		{"县(市)", xian, []row{
			{"2021-06-01", "", "", "", 0, ""}, // the 2021 announcement gives 市区 figures only
			{"2021-12-31", "", "", "", 0, ""},
			{"2022-01-01", "669", "441", doc2022, standards.ReliabilitySecondary, "2022-01-01"},
			{"2022-12-31", "669", "441", doc2022, standards.ReliabilitySecondary, "2022-01-01"},
			{"2023-01-01", "689", "483", doc2023, standards.ReliabilityOfficial, "2023-01-01"},
			{"2023-01-02", "689", "483", doc2023, standards.ReliabilityOfficial, "2023-01-01"},
		}},
	}
	for _, g := range groups {
		for _, region := range g.regions {
			for _, tc := range g.rows {
				for _, a := range []struct {
					area standards.Area
					want string
				}{{standards.AreaUrban, tc.urban}, {standards.AreaRural, tc.rural}} {
					what := g.name + " " + region + " " + a.area.String() + " " + tc.date
					v, err := standards.Lookup(s, standards.ParamDibaoStandard, q(region, a.area, tc.date))
					if a.want == "" {
						assert.ErrorIs(t, err, standards.ErrNotCovered, what)
						continue
					}
					require.NoError(t, err, what)
					assert.Equal(t, amt(a.want), v.V, what)
					assert.Equal(t, tc.doc, v.Source.Document, what)
					assert.Equal(t, tc.rel, v.Source.Reliability, what)
					assert.Equal(t, tc.from, v.From.String(), what)
					assert.Equal(t, region, v.Region.String(), what)
					assert.Equal(t, a.area, v.Area, what)
					assert.False(t, v.Stale, what)
				}
			}
		}
	}
	// 4404 yuan a year is 367 a month.
	year, ok := amt("367").MulInt(12)
	require.True(t, ok)
	assert.Equal(t, amt("4404"), year)
}

// Publication dates (§3): the 2021 figures were announced on 2021-01-06;
// the 2022 figures were adopted on 2022-10-20, effective 2022-01-01; the
// 2023 figures were issued on 2023-11-03 (哈民政规〔2023〕6号), retroactive to
// 2023-01-01. A month computed before publication used the earlier figures.
func TestHarbinAsOf(t *testing.T) {
	s := set(t)
	for _, tc := range []struct {
		region, date, knownOn string
		urban, rural          string // "" = not covered
	}{
		// 2023 figures, 市区 (双城区) and 县(市) (五常市).
		{"230113", "2023-06-01", "2023-11-02", "835", "625"},
		{"230113", "2023-06-01", "2023-11-03", "850", "640"},
		{"230113", "2023-06-01", "2023-11-04", "850", "640"},
		{"230113", "2023-06-01", "", "850", "640"},
		{"230184", "2023-06-01", "2023-11-02", "669", "441"},
		{"230184", "2023-06-01", "2023-11-03", "689", "483"},
		// 2022 figures: before their adoption the 2021 ones were in use in 市区,
		// and 县(市) had none.
		{"230102", "2022-06-01", "2022-10-19", "732", "367"},
		{"230102", "2022-06-01", "2022-10-20", "835", "625"},
		{"230102", "2022-06-01", "2022-10-21", "835", "625"},
		{"230123", "2022-06-01", "2022-10-19", "", ""},
		{"230123", "2022-06-01", "2022-10-20", "669", "441"},
		// 2021 figures: announced 2021-01-06.
		{"230102", "2021-01-02", "2021-01-05", "", ""},
		{"230102", "2021-01-02", "2021-01-06", "732", "367"},
		{"230102", "2021-01-02", "2021-01-07", "732", "367"},
	} {
		for _, a := range []struct {
			area standards.Area
			want string
		}{{standards.AreaUrban, tc.urban}, {standards.AreaRural, tc.rural}} {
			qq := q(tc.region, a.area, tc.date)
			if tc.knownOn != "" {
				qq.KnownOn = d(tc.knownOn)
			}
			what := tc.region + " " + a.area.String() + " " + tc.date + " known on " + tc.knownOn
			v, err := standards.Lookup(s, standards.ParamDibaoStandard, qq)
			if a.want == "" {
				assert.ErrorIs(t, err, standards.ErrNotCovered, what)
				continue
			}
			if assert.NoError(t, err, what) {
				assert.Equal(t, amt(a.want), v.V, what)
			}
		}
	}
	// Back-pay for June 2023: 850 − 835 = 15 yuan per person (市区 urban),
	// 640 − 625 = 15 (市区 rural), 689 − 669 = 20 (县(市) urban), 483 − 441 = 42 (县(市) rural).
	for _, tc := range []struct {
		region string
		area   standards.Area
		want   string
	}{
		{"230102", standards.AreaUrban, "15"}, {"230102", standards.AreaRural, "15"},
		{"230123", standards.AreaUrban, "20"}, {"230123", standards.AreaRural, "42"},
	} {
		then := q(tc.region, tc.area, "2023-06-01")
		then.KnownOn = d("2023-11-02")
		now := then
		now.KnownOn = d("2023-11-03")
		a, err := standards.Lookup(s, standards.ParamDibaoStandard, then)
		require.NoError(t, err)
		b, err := standards.Lookup(s, standards.ParamDibaoStandard, now)
		require.NoError(t, err)
		diff, ok := b.V.Sub(a.V)
		require.True(t, ok)
		assert.Equal(t, amt(tc.want), diff, "%s %s", tc.region, tc.area)
		assert.Equal(t, "2023-11-03", b.Published.String())
		assert.True(t, b.PublishedGiven)
	}
}

// The notes record a 2021 step above the 2021-01-01 figures (市区 783 / 401,
// 县(市) 637 / 401) whose date is not known; without a date it is not a value
// but must be left as a note.
func TestHarbin2021StepNoted(t *testing.T) {
	s := set(t)
	var notes []string
	for _, src := range s.Sources() {
		notes = append(notes, src.Note)
	}
	for _, region := range []string{"230102", "230123"} {
		for _, a := range []standards.Area{standards.AreaUrban, standards.AreaRural} {
			for _, date := range []string{"2021-06-01", "2022-06-01"} {
				if v, err := standards.Lookup(s, standards.ParamDibaoStandard, q(region, a, date)); err == nil {
					notes = append(notes, v.Note)
				}
			}
		}
	}
	assert.Contains(t, strings.Join(notes, "\n"), "783", "the undated 2021 step (783 市区 urban) is noted")
}

// Harbin 特困 2023 (official, 哈民政规〔2023〕6号), yuan per month, basic + care
// 全自理/半护理/全护理:
//
//	市区 urban 1105 + 1066/1116/1166; 市区 rural 832 + 390/440/490;
//	县(市) urban 957 + 729/779/829; 县(市) rural 628 + 390/440/490.
//
// Each basic amount is at least 1.3 × that year's 低保 standard:
// 1.3 × 850 = 1105, 1.3 × 640 = 832, 1.3 × 689 = 895.7 ≤ 957, 1.3 × 483 = 627.9 ≤ 628.
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
			what := region + " " + tc.area.String()
			for _, date := range []string{"2023-01-01", "2023-01-02", "2023-12-31"} {
				v, err := standards.Lookup(s, standards.ParamTekunSupport, q(region, tc.area, date))
				require.NoError(t, err, what)
				assert.Equal(t, standards.TekunSupport{Basic: amt(tc.basic), SelfCare: amt(tc.self), PartialCare: amt(tc.partial),
					FullCare: amt(tc.full)}, v.V, what)
				assert.Equal(t, doc2023, v.Source.Document, what)
				assert.Equal(t, standards.ReliabilityOfficial, v.Source.Reliability, what)
				assert.Equal(t, "2023-11-03", v.Published.String(), what)
			}
			_, err := standards.Lookup(s, standards.ParamTekunSupport, q(region, tc.area, "2022-12-31"))
			assert.ErrorIs(t, err, standards.ErrNotCovered, what)

			std, err := standards.Lookup(s, standards.ParamDibaoStandard, q(region, tc.area, "2023-06-01"))
			require.NoError(t, err)
			factor, err := standards.Lookup(s, standards.ParamTekunBasicFactor, q(region, standards.AreaAny, "2023-06-01"))
			require.NoError(t, err)
			assert.GreaterOrEqual(t, amt(tc.basic).CmpProduct(std.V, factor.V), 0, "%s: basic ≥ 1.3 × standard", what)
		}
	}
}

// The rule values of 黑民规〔2021〕11号 (official) and the national rules the
// province applies, as seen from a county outside Harbin.
func TestRuleValuesOfTheProvincialPlan(t *testing.T) {
	s := set(t)
	for _, region := range []string{"230202", "230102", "232761"} {
		for _, date := range []string{"2021-01-01", "2023-06-01"} {
			qq := q(region, standards.AreaAny, date)
			what := region + " " + date
			rate, err := standards.Lookup(s, standards.ParamSupplementRate, qq)
			require.NoError(t, err, what)
			assert.Equal(t, money.MustRate("0.15"), rate.V, "R7: 15 %% of the standard; %s", what)
			assert.Equal(t, "四（二）", rate.Clause)
			assert.Equal(t, "黑民规〔2021〕11号", rate.Source.Document)
			assert.Equal(t, standards.ReliabilityOfficial, rate.Source.Reliability)

			cats, err := standards.Lookup(s, standards.ParamSupplementCategories, qq)
			require.NoError(t, err, what)
			assert.Equal(t, []standards.Category{standards.CategorySevereDisability, standards.CategorySeriousIllness,
				standards.CategoryElderly, standards.CategoryMinor, standards.CategoryMartyrFamily, standards.CategoryReturnedVeteran}, cats.V, what)
			assert.Equal(t, "四（二）", cats.Clause)

			months, err := standards.Lookup(s, standards.ParamGradualExitMaxMonths, qq)
			require.NoError(t, err, what)
			assert.Equal(t, 12, months.V, "R4: generally at most a year")
			assert.Equal(t, "四（一）", months.Clause)
			assert.Equal(t, standards.ReliabilityOfficial, months.Source.Reliability)

			ded, err := standards.Lookup(s, standards.ParamEmploymentDeductionMonths, qq)
			require.NoError(t, err, what)
			assert.Equal(t, 2, ded.V, "R13: two months of minimum wage a year")
			assert.Equal(t, "四（八）", ded.Clause)
			assert.Equal(t, standards.ReliabilityOfficial, ded.Source.Reliability)

			inst, err := standards.Lookup(s, standards.ParamTemporaryAssistanceMaxInstalments, qq)
			require.NoError(t, err, what)
			assert.Equal(t, 6, inst.V, "民发〔2018〕23号: at most 6 months")
			assert.Equal(t, standards.ReliabilityOfficial, inst.Source.Reliability)

			tf, err := standards.Lookup(s, standards.ParamTekunBasicFactor, qq)
			require.NoError(t, err, what)
			assert.Equal(t, money.MustRate("1.3"), tf.V)
			assert.Equal(t, standards.ReliabilityPress, tf.Source.Reliability)
		}
	}
	_, err := standards.Lookup(s, standards.ParamSupplementRate, q("230202", standards.AreaAny, "2020-12-31"))
	assert.ErrorIs(t, err, standards.ErrNotCovered, "the plan's rules are taken as in force from 2021-01-01")
	inst, err := standards.Lookup(s, standards.ParamTemporaryAssistanceMaxInstalments, q("230202", standards.AreaAny, "2018-01-01"))
	require.NoError(t, err)
	assert.Equal(t, 6, inst.V)
}

// 无劳动能力 for 特困 (press: 特困人员认定办法): aged 60 and over, or under 16.
func TestNoLabourAges(t *testing.T) {
	s := set(t)
	for _, tc := range []struct {
		key  standards.Key[int]
		want int
	}{
		{standards.ParamNoLabourAgeFrom, 60},
		{standards.ParamNoLabourAgeUnder, 16},
	} {
		for _, region := range []string{"230102", "230202"} {
			v, err := standards.Lookup(s, tc.key, q(region, standards.AreaAny, "2023-06-01"))
			require.NoError(t, err, tc.key.Name())
			assert.Equal(t, tc.want, v.V, tc.key.Name())
			assert.Equal(t, standards.ReliabilityPress, v.Source.Reliability, tc.key.Name())
			assert.Equal(t, "230000", v.Region.String())
		}
	}
}

// Edge bands: the province's 1.5× (official, 四（一）); Harbin's 1.2× for
// 城市低保边缘困难家庭 and 1.5× for 城乡低保边缘家庭 (secondary).
func TestEdgeBands(t *testing.T) {
	s := set(t)
	for _, date := range []string{"2021-01-01", "2023-06-01"} {
		edge, err := standards.Lookup(s, standards.ParamEdgeBands, q("230202", standards.AreaAny, date))
		require.NoError(t, err)
		require.Len(t, edge.V, 1)
		assert.Equal(t, "edge", edge.V[0].Code)
		assert.Equal(t, "dibao-edge household", edge.V[0].NameEN)
		assert.Equal(t, money.MustRate("1.5"), edge.V[0].Multiple)
		assert.Equal(t, standards.AreaAny, edge.V[0].Area)
		assert.Equal(t, "四（一）", edge.Clause)
		assert.Equal(t, "230000", edge.Region.String())
		assert.Equal(t, standards.ReliabilityOfficial, edge.Source.Reliability)

		for _, region := range append(slices.Clone(shiqu), xian...) {
			hb, err := standards.Lookup(s, standards.ParamEdgeBands, q(region, standards.AreaAny, date))
			require.NoError(t, err)
			require.Len(t, hb.V, 2, region)
			assert.Equal(t, money.MustRate("1.2"), hb.V[0].Multiple, region)
			assert.Equal(t, standards.AreaUrban, hb.V[0].Area, region)
			assert.Equal(t, "城市低保边缘困难家庭", hb.V[0].Name, region)
			for _, b := range hb.V {
				assert.NotEmpty(t, b.NameEN, "%s: every named band has an English name", b.Name)
			}
			assert.Equal(t, money.MustRate("1.5"), hb.V[1].Multiple, region)
			assert.Equal(t, standards.AreaAny, hb.V[1].Area, region)
			assert.Equal(t, "230100", hb.Region.String(), region)
			assert.Equal(t, standards.ReliabilitySecondary, hb.Source.Reliability, region)
		}
	}
	_, err := standards.Lookup(s, standards.ParamEdgeBands, q("230102", standards.AreaAny, "2020-12-31"))
	assert.ErrorIs(t, err, standards.ErrNotCovered)
}

// Heilongjiang minimum wage (§3), monthly (hourly):
//
//	effective   一档        二档         三档         source
//	2017-10-01  1680 (16)  1450 (13)   1270 (12)    press (Xinhua reprint)
//	2024-05-01  2080 (19)  1850 (17)   1750 (16.5)  secondary, 黑政规〔2024〕1号
//	2025-12-01  2270 (21)  2010 (18.8) 1910 (18.2)  secondary, notice of 2025-11-27
func TestMinimumWageTable(t *testing.T) {
	s := set(t)
	w2017 := [3][2]string{{"1680", "16"}, {"1450", "13"}, {"1270", "12"}}
	w2024 := [3][2]string{{"2080", "19"}, {"1850", "17"}, {"1750", "16.5"}}
	w2025 := [3][2]string{{"2270", "21"}, {"2010", "18.8"}, {"1910", "18.2"}}
	for _, tc := range []struct {
		date string
		want [3][2]string
		rel  standards.Reliability
		from string
	}{
		{"2017-10-01", w2017, standards.ReliabilityPress, "2017-10-01"},
		{"2017-10-02", w2017, standards.ReliabilityPress, "2017-10-01"},
		{"2024-04-30", w2017, standards.ReliabilityPress, "2017-10-01"},
		{"2024-05-01", w2024, standards.ReliabilitySecondary, "2024-05-01"},
		{"2024-05-02", w2024, standards.ReliabilitySecondary, "2024-05-01"},
		{"2025-11-30", w2024, standards.ReliabilitySecondary, "2024-05-01"},
		{"2025-12-01", w2025, standards.ReliabilitySecondary, "2025-12-01"},
		{"2025-12-02", w2025, standards.ReliabilitySecondary, "2025-12-01"},
	} {
		v, err := standards.Lookup(s, standards.ParamMinimumWage, q("230000", standards.AreaAny, tc.date))
		require.NoError(t, err, tc.date)
		require.Len(t, v.V.Tiers, 3)
		for i := 0; i < 3; i++ {
			rate, ok := v.V.Tier(i + 1)
			require.True(t, ok)
			assert.Equal(t, amt(tc.want[i][0]), rate.Monthly, "%s tier %d", tc.date, i+1)
			assert.Equal(t, amt(tc.want[i][1]), rate.Hourly, "%s tier %d", tc.date, i+1)
		}
		assert.Equal(t, tc.rel, v.Source.Reliability, tc.date)
		assert.Equal(t, tc.from, v.From.String(), tc.date)
	}
	v, err := standards.Lookup(s, standards.ParamMinimumWage, q("230000", standards.AreaAny, "2025-12-01"))
	require.NoError(t, err)
	assert.Equal(t, "2025-11-27", v.Published.String(), "the notice of 2025-11-27")
	// As known on 2025-11-26 the 2024 wages were still expected on 2025-12-01.
	asOf := q("230000", standards.AreaAny, "2025-12-01")
	asOf.KnownOn = d("2025-11-26")
	v, err = standards.Lookup(s, standards.ParamMinimumWage, asOf)
	require.NoError(t, err)
	assert.Equal(t, "2024-05-01", v.From.String())
	_, err = standards.Lookup(s, standards.ParamMinimumWage, q("230000", standards.AreaAny, "2017-09-30"))
	assert.ErrorIs(t, err, standards.ErrNotCovered)
}

// Tier membership (§3), the same groups from 2017-10-01 and from 2024-05-01:
// 一档 哈尔滨市区 but 呼兰、阿城、双城, and 大庆市区; 二档 呼兰区、阿城区 and the 市区
// of 齐齐哈尔, 牡丹江 (with 绥芬河市), 佳木斯 (with 抚远市), 鸡西, 双鸭山, 七台河, 鹤岗,
// 绥化; 三档 双城区, 伊春市区, 黑河市区, 大兴安岭地区 and every other 县(市). From
// 2025-12-01 双城区 and every unit of 大兴安岭地区 are in 二档.
var (
	tier1 = []string{
		"230102", "230103", "230104", "230108", "230109", "230110", // 哈尔滨: 道里 南岗 道外 平房 松北 香坊
		"230602", "230603", "230604", "230605", "230606", // 大庆: 萨尔图 龙凤 让胡路 红岗 大同
	}
	tier2 = []string{
		"230111", "230112", // 呼兰区, 阿城区
		"230202", "230203", "230204", "230205", "230206", "230207", "230208", // 齐齐哈尔市区
		"231002", "231003", "231004", "231005", "231081", // 牡丹江市区, 绥芬河市
		"230803", "230804", "230805", "230811", "230883", // 佳木斯市区, 抚远市
		"230302", "230303", "230304", "230305", "230306", "230307", // 鸡西市区
		"230502", "230503", "230505", "230506", // 双鸭山市区
		"230902", "230903", "230904", // 七台河市区
		"230402", "230403", "230404", "230405", "230406", "230407", // 鹤岗市区
		"231202", // 绥化市区 (北林区)
	}
	// Moving to 二档 on 2025-12-01: 双城区 and 大兴安岭地区.
	movers = []string{"230113", "232701", "232721", "232722", "232761", "232762", "232763", "232764"}
	// 大庆高新技术产业开发区 is not named by the source; the data places it
	// with 大庆市区 and says so in its note.
	unnamed = "230671"
)

// tierOn returns the tier the policy notes give a county on a date from 2017-10-01.
func tierOn(code string, date standards.Date) int {
	switch {
	case slices.Contains(tier1, code):
		return 1
	case slices.Contains(tier2, code):
		return 2
	case slices.Contains(movers, code) && !date.Before(d("2025-12-01")):
		return 2
	}
	return 3
}

// wageOn returns the monthly minimum wage of a tier on a date (table above).
func wageOn(tier int, date standards.Date) money.Amount {
	table := [][3]string{{"1680", "1450", "1270"}, {"2080", "1850", "1750"}, {"2270", "2010", "1910"}}
	i := 0
	if !date.Before(d("2024-05-01")) {
		i = 1
	}
	if !date.Before(d("2025-12-01")) {
		i = 2
	}
	return amt(table[i][tier-1])
}

// minimumWage looks up the tier of a place of work and its monthly wage.
func minimumWage(s *standards.Set, place string, date standards.Date) (int, money.Amount, error) {
	qq := standards.Query{Region: r(place), Date: date}
	tier, err := standards.Lookup(s, standards.ParamMinimumWageTier, qq)
	if err != nil {
		return 0, money.Amount{}, err
	}
	table, err := standards.Lookup(s, standards.ParamMinimumWage, qq)
	if err != nil {
		return 0, money.Amount{}, err
	}
	rate, ok := table.V.Tier(tier.V)
	if !ok {
		return tier.V, money.Amount{}, errors.New("no rate for the tier")
	}
	return tier.V, rate.Monthly, nil
}

// Every county of the register, on the day before, of and after each change
// of the tier map and of the wages from 2024.
func TestMinimumWageTierMapFrom2024(t *testing.T) {
	checkTierMap(t, []string{"2024-05-01", "2024-05-02", "2025-11-30", "2025-12-01", "2025-12-02"})
}

// The 2017 membership (press) makes the deduction of R13 computable for
// 2021–2023.
func TestMinimumWageTierMapFrom2017(t *testing.T) {
	checkTierMap(t, []string{"2017-10-01", "2021-06-01", "2023-06-01", "2024-04-30"})
}

func checkTierMap(t *testing.T, dates []string) {
	s := set(t)
	for _, date := range dates {
		var wrong []string
		for _, dv := range s.Divisions().All() {
			if dv.Level != standards.LevelCounty || dv.Region.String() == unnamed {
				continue
			}
			code := dv.Region.String()
			tier, wage, err := minimumWage(s, code, d(date))
			want := tierOn(code, d(date))
			if err != nil || tier != want || wage != wageOn(want, d(date)) {
				wrong = append(wrong, dv.Name+" "+code)
			}
		}
		assert.Empty(t, wrong, "counties with the wrong tier or wage on %s", date)
	}
}

// The examples of the notes, one by one.
func TestMinimumWageOfPlaces(t *testing.T) {
	s := set(t)
	for _, tc := range []struct {
		place, name string
		date        string
		tier        int
		monthly     string
	}{
		{"230113", "双城区", "2024-05-01", 3, "1750"},
		{"230113", "双城区", "2025-11-30", 3, "1750"}, // the day before the move
		{"230113", "双城区", "2025-12-01", 2, "2010"}, // the day of the move
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
		tier, wage, err := minimumWage(s, tc.place, d(tc.date))
		require.NoError(t, err, "%s %s", tc.name, tc.date)
		assert.Equal(t, tc.tier, tier, "%s %s", tc.name, tc.date)
		assert.Equal(t, amt(tc.monthly), wage, "%s %s", tc.name, tc.date)
	}
	// The unnamed development zone: in 一档 with 大庆市区, a choice the data explains.
	tier, err := standards.Lookup(s, standards.ParamMinimumWageTier, q(unnamed, standards.AreaAny, "2024-05-01"))
	require.NoError(t, err)
	assert.Equal(t, 1, tier.V)
	assert.Contains(t, tier.Note, unnamed)
	// The moves were published on 2025-11-27.
	mv, err := standards.Lookup(s, standards.ParamMinimumWageTier, q("230113", standards.AreaAny, "2025-12-01"))
	require.NoError(t, err)
	assert.Equal(t, "2025-11-27", mv.Published.String())
	assert.Equal(t, standards.ReliabilitySecondary, mv.Source.Reliability)
}

func TestPriceLinkageDates(t *testing.T) {
	s := set(t)
	for _, tc := range []struct {
		date, cpi string
		rel       standards.Reliability
	}{
		{"2021-01-01", "0.035", standards.ReliabilityPress},
		{"2022-08-31", "0.035", standards.ReliabilityPress},
		{"2022-09-01", "0.03", standards.ReliabilitySecondary}, // temporary national trigger, Sept 2022 – Mar 2023
		{"2022-09-02", "0.03", standards.ReliabilitySecondary},
		{"2023-03-31", "0.03", standards.ReliabilitySecondary},
		{"2023-04-01", "0.035", standards.ReliabilityPress},
		{"2023-04-02", "0.035", standards.ReliabilityPress},
	} {
		v, err := standards.Lookup(s, standards.ParamPriceLinkage, q("230102", standards.AreaAny, tc.date))
		require.NoError(t, err, tc.date)
		assert.Equal(t, money.MustRate(tc.cpi), v.V.CPITrigger, tc.date)
		assert.Equal(t, money.MustRate("0.06"), v.V.FoodCPITrigger, tc.date)
		assert.False(t, v.V.HasFloor, "no Heilongjiang floor was found")
		assert.Equal(t, tc.rel, v.Source.Reliability, tc.date)
		for _, g := range []standards.Group{standards.GroupDibao, standards.GroupTekun, standards.GroupUnemploymentInsurance,
			standards.GroupSpecialCare, standards.GroupOrphan, standards.GroupDeFactoOrphan, standards.GroupHIVAffectedChild} {
			assert.Contains(t, v.V.Covered, g, tc.date)
		}
	}
	// The subsidy is rounded to whole yuan, 四舍五入.
	rule, err := standards.Lookup(s, standards.RoundPriceSubsidy, q("230102", standards.AreaAny, "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, standards.RoundingRule{Unit: money.UnitYuan, Mode: money.ModeHalfUp}, rule.V)
	// 850 × 3.5 % = 29.75 → 30.
	sub, ok := amt("850").MulRateRound(money.MustRate("0.035"), rule.V)
	require.True(t, ok)
	assert.Equal(t, amt("30"), sub)
}

// The central basic pension of 城乡居民基本养老保险 is excluded during the
// 14th Five-Year Plan (2021–2025) only.
func TestExcludedIncomeKindsByFiveYearPlan(t *testing.T) {
	s := set(t)
	base := []standards.IncomeKind{standards.IncomeSpecialCarePension, standards.IncomeFamilyPlanning, standards.IncomeScholarship,
		standards.IncomeHeroismAward, standards.IncomeSocialAssistance}
	for _, tc := range []struct {
		date string
		want []standards.IncomeKind
	}{
		{"2021-01-01", append(slices.Clone(base), standards.IncomeResidentPensionBasic)},
		{"2025-12-31", append(slices.Clone(base), standards.IncomeResidentPensionBasic)},
		{"2026-01-01", base},
		{"2026-01-02", base},
	} {
		v, err := standards.Lookup(s, standards.ParamExcludedIncomeKinds, q("230102", standards.AreaAny, tc.date))
		require.NoError(t, err, tc.date)
		assert.ElementsMatch(t, tc.want, v.V, tc.date)
	}
}

// Regions other than Harbin have no 低保 standard: the lookup is an error
// that says what is covered, never another city's figures.
func TestNoStandardOutsideHarbin(t *testing.T) {
	s := set(t)
	outside := 0
	for _, dv := range s.Divisions().All() {
		if dv.Level != standards.LevelCounty || r("230100").Contains(dv.Region) {
			continue
		}
		outside++
		for _, a := range []standards.Area{standards.AreaUrban, standards.AreaRural} {
			_, err := standards.Lookup(s, standards.ParamDibaoStandard, standards.Query{Region: dv.Region, Area: a, Date: d("2023-06-01")})
			var le *standards.LookupError
			if assert.ErrorAs(t, err, &le, dv.Name) {
				assert.ErrorIs(t, err, standards.ErrNotCovered)
				assert.Equal(t, dv.Region, le.Region)
				assert.Equal(t, dv.Name, le.RegionName)
				assert.Regexp(t, `哈尔滨市 \(230100\)|道里区 \(230102\)`, le.Covered[1], "says what is covered: Harbin")
			}
		}
	}
	assert.Equal(t, 126-18, outside, "126 counties, 18 of them Harbin's")

	_, err := standards.Lookup(s, standards.ParamDibaoStandard, q("230202", standards.AreaUrban, "2023-06-01"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "230202")
	assert.Contains(t, err.Error(), "2023-06-01")
	// Nor does Harbin itself, or the province, answer: only counties have series.
	for _, region := range []string{"230100", "230000"} {
		_, err = standards.Lookup(s, standards.ParamDibaoStandard, q(region, standards.AreaUrban, "2023-06-01"))
		assert.ErrorIs(t, err, standards.ErrNotCovered, region)
	}
	_, err = standards.Lookup(s, standards.ParamDibaoStandard, q("230199", standards.AreaUrban, "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
}

// Values no source settles (§4) are absent, or present as assumed values
// whose note says why; the law's 60 for 老年人 is the sourced default.
func TestUnsettledValues(t *testing.T) {
	s := set(t)
	qq := q("230102", standards.AreaAny, "2023-06-01")
	for _, k := range []standards.AnyKey{
		standards.ParamCaregiverIncomeFactor, standards.ParamSupplementStacking, standards.ParamTierTable,
		standards.ParamPropertyLimits, standards.ParamTemporaryAssistanceCaps,
		standards.RoundPaymentTotal, standards.RoundPerCapitaDisplay, standards.RoundCountableIncome, standards.RoundSupplement,
		standards.RoundTekunBasic, standards.RoundTemporaryAssistance, standards.RoundInstalment,
	} {
		_, pr, err := standards.LookupAny(s, k, qq)
		if err != nil {
			assert.ErrorIs(t, err, standards.ErrNotCovered, k.Name())
			continue
		}
		assert.True(t, pr.Assumed(), "%s: a value no source settles must be marked assumed", k.Name())
		assert.NotEmpty(t, pr.Note, "%s: an assumed value says why", k.Name())
	}
	if v, err := standards.Lookup(s, standards.ParamElderlyAge, qq); err == nil {
		assert.Equal(t, 60, v.V, "老年人权益保障法 第二条: 60 and over")
		assert.True(t, v.Source.Reliability.Sourced() || v.Assumed(), "elderly age reliability %s", v.Source.Reliability)
	} else {
		assert.ErrorIs(t, err, standards.ErrNotCovered)
	}
}

// Every value carries a declared source with a reliability the notes use;
// an assumed one says why.
func TestEveryValueIsSourced(t *testing.T) {
	s := set(t)
	for _, src := range s.Sources() {
		assert.NotEmpty(t, src.Document, src.ID)
		assert.Contains(t, []standards.Reliability{standards.ReliabilityOfficial, standards.ReliabilityPress,
			standards.ReliabilitySecondary, standards.ReliabilityAssumed}, src.Reliability, src.ID)
	}
	dates := []string{"2017-10-01", "2021-01-01", "2022-06-01", "2023-06-01", "2024-05-01", "2025-12-01", "2026-01-01"}
	for _, k := range s.Params() {
		for _, region := range []string{"230102", "230123", "230202", "232761", "230671"} {
			for _, date := range dates {
				for _, a := range []standards.Area{standards.AreaAny, standards.AreaUrban, standards.AreaRural} {
					_, pr, err := standards.LookupAny(s, k, standards.Query{Region: r(region), Area: a, Date: d(date)})
					if err != nil {
						continue
					}
					what := k.Name() + " " + region + " " + date
					assert.NotEmpty(t, pr.Source.ID, what)
					assert.NotEmpty(t, pr.Source.Document, what)
					if pr.Assumed() {
						assert.True(t, pr.Note != "" || pr.Source.Note != "", "%s: assumed without a reason", what)
					}
				}
			}
		}
	}
}

func TestStaleBeyondCompleteThrough(t *testing.T) {
	s := set(t)
	assert.Equal(t, "2023-12-31", s.CompleteThrough().String())
	v, err := standards.Lookup(s, standards.ParamDibaoStandard, q("230102", standards.AreaUrban, "2023-12-31"))
	require.NoError(t, err)
	assert.False(t, v.Stale)
	assert.Equal(t, "2023-12-31", v.ValidThrough.String())
	v, err = standards.Lookup(s, standards.ParamDibaoStandard, q("230102", standards.AreaUrban, "2024-01-01"))
	require.NoError(t, err)
	assert.True(t, v.Stale, "Harbin's standards are known only through 2023")
	assert.Equal(t, amt("850"), v.V, "a stale lookup still answers")
	assert.True(t, v.ValidThrough.IsZero())

	// The minimum wage and its map are known through 2025-12-01.
	for _, tc := range []struct {
		date  string
		stale bool
	}{{"2025-11-30", false}, {"2025-12-01", false}, {"2025-12-02", true}} {
		for _, k := range []standards.AnyKey{standards.ParamMinimumWage, standards.ParamMinimumWageTier} {
			_, pr, err := standards.LookupAny(s, k, q("230113", standards.AreaAny, tc.date))
			require.NoError(t, err)
			assert.Equal(t, tc.stale, pr.Stale, "%s %s", k.Name(), tc.date)
			assert.Equal(t, "2025-12-01", pr.CompleteThrough.String())
		}
	}
}

// The register: the province, its 13 prefecture-level and 126 county-level
// divisions.
func TestDivisions(t *testing.T) {
	divs, err := heilongjiang.Divisions()
	require.NoError(t, err)
	count := map[standards.Level]int{}
	for _, dv := range divs.All() {
		count[dv.Level]++
		assert.True(t, r("230000").Contains(dv.Region), dv.Region.String())
	}
	assert.Equal(t, 1, count[standards.LevelProvince])
	assert.Equal(t, 13, count[standards.LevelPrefecture])
	assert.Equal(t, 126, count[standards.LevelCounty])
	assert.Equal(t, 140, divs.Len())
	for code, want := range map[string]string{
		"230113": "黑龙江省哈尔滨市双城区",
		"232761": "黑龙江省大兴安岭地区加格达奇区",
		"230100": "黑龙江省哈尔滨市",
	} {
		name, err := divs.FullName(r(code))
		require.NoError(t, err)
		assert.Equal(t, want, name)
	}
	// The CSV form reads to the same register.
	fromCSV, err := standards.ParseDivisionsCSV(bytes.NewReader(heilongjiang.DivisionsCSV()))
	require.NoError(t, err)
	assert.Equal(t, divs.All(), fromCSV.All())
	// Copies: changing them changes nothing embedded.
	b := heilongjiang.DivisionsCSV()
	b[0] = 'X'
	assert.Equal(t, byte('c'), heilongjiang.DivisionsCSV()[0])
	j := heilongjiang.JSON()
	j[0] = 'X'
	assert.Equal(t, byte('{'), heilongjiang.JSON()[0])
}

func TestSetIsShared(t *testing.T) {
	a := set(t)
	b := set(t)
	assert.Same(t, a, b, "loaded once")
	assert.Equal(t, "230000", a.Jurisdiction().String())
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, a.Identity())
	assert.NotEmpty(t, a.Name())
}

func TestEmbeddedDataRoundTrip(t *testing.T) {
	s := set(t)
	full, err := s.Save(standards.SaveOptions{})
	require.NoError(t, err)
	s2, err := standards.Load(full, standards.LoadOptions{})
	require.NoError(t, err)
	full2, err := s2.Save(standards.SaveOptions{})
	require.NoError(t, err)
	assert.Equal(t, string(full), string(full2), "Save → Load → Save is byte-identical")
	assert.Equal(t, s.Identity(), s2.Identity())

	slim, err := s.Save(standards.SaveOptions{OmitDivisions: true})
	require.NoError(t, err)
	divs, err := standards.ParseDivisionsCSV(bytes.NewReader(heilongjiang.DivisionsCSV()))
	require.NoError(t, err)
	s3, err := standards.Load(slim, standards.LoadOptions{Divisions: divs})
	require.NoError(t, err)
	tier, wage, err := minimumWage(s3, "230113", d("2025-12-01"))
	require.NoError(t, err)
	assert.Equal(t, 2, tier)
	assert.Equal(t, amt("2010"), wage)

	// The embedded file itself loads with the embedded register, into the same Set.
	s4, err := standards.Load(heilongjiang.JSON(), standards.LoadOptions{Divisions: divs})
	require.NoError(t, err)
	assert.Equal(t, s.Params(), s4.Params())
	assert.Equal(t, s.Identity(), s4.Identity())
	// And not without it.
	_, err = standards.Load(heilongjiang.JSON(), standards.LoadOptions{})
	assert.ErrorIs(t, err, standards.ErrInvalidStandards)
}
