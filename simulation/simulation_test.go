package simulation_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/simulation"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// The hand-checked population: twenty households of 道里区 (230102)
// assessed on 2024-06-01, every member an adult of 44 (born 1980-01-01)
// able to work, the income a pension counted in full (no deduction, no
// supplement category, no 特困 or 单人户 candidate). The standards
// (哈民政规〔2023〕6号): urban 850, rural 640 a person a month; the edge
// line 1.5 × the standard (城乡低保边缘家庭, 1275 urban, 960 rural; Harbin's
// 1.2× urban band is narrower and gives the same status). The reform ×1.1
// makes them 935 and 704, the edge lines 1402.5 and 1056.
//
// Each row: members, area, monthly pension, weight, and by hand the
// baseline status and payment, the reform's status and payment.
var handPopulation = []struct {
	key       string
	n         int
	rural     bool
	pension   string
	weight    string
	current   string // the household's standing: "" new, "dibao:300" a recipient paid 300
	base      eligibility.Status
	basePay   string
	reform    eligibility.Status
	reformPay string
}{
	{"h01", 1, false, "600", "1.5", "", eligibility.Dibao, "250", eligibility.Dibao, "335"},             // 850−600; 935−600
	{"h02", 2, false, "1000", "2", "", eligibility.Dibao, "700", eligibility.Dibao, "870"},              // 1700−1000; 1870−1000
	{"h03", 3, false, "2550", "1", "", eligibility.Edge, "0", eligibility.Dibao, "255"},                 // at the line 2550; 2805−2550
	{"h04", 1, false, "849.99", "3", "", eligibility.Dibao, "0.01", eligibility.Dibao, "85.01"},         // 1 fen below; 935−849.99
	{"h05", 1, false, "850", "1", "", eligibility.Edge, "0", eligibility.Dibao, "85"},                   // at the line
	{"h06", 1, false, "1274.99", "1", "", eligibility.Edge, "0", eligibility.Edge, "0"},                 // 1 fen below 1275
	{"h07", 1, false, "1275", "1", "", eligibility.NotEligible, "0", eligibility.Edge, "0"},             // at 1275; below 1402.5
	{"h08", 1, false, "1275.01", "2.25", "", eligibility.NotEligible, "0", eligibility.Edge, "0"},       // 1 fen above
	{"h09", 4, false, "0", "0.5", "", eligibility.Dibao, "3400", eligibility.Dibao, "3740"},             // 4 × 850; 4 × 935
	{"h10", 2, false, "2000", "1", "", eligibility.Edge, "0", eligibility.Edge, "0"},                    // 1700 ≤ 2000 < 2550; 1870 ≤ 2000 < 2805
	{"h11", 1, true, "300", "4", "", eligibility.Dibao, "340", eligibility.Dibao, "404"},                // 640−300; 704−300
	{"h12", 2, true, "1500", "1", "", eligibility.Edge, "0", eligibility.Edge, "0"},                     // 1280 ≤ 1500 < 1920; 1408 ≤ 1500 < 2112
	{"h13", 3, true, "1919.99", "1", "", eligibility.Dibao, "0.01", eligibility.Dibao, "192.01"},        // 1920−1919.99; 2112−1919.99
	{"h14", 1, true, "960", "1", "", eligibility.NotEligible, "0", eligibility.Edge, "0"},               // at 960; 704 ≤ 960 < 1056
	{"h15", 2, false, "1699.99", "10", "", eligibility.Dibao, "0.01", eligibility.Dibao, "170.01"},      // 1700−1699.99; 1870−1699.99
	{"h16", 1, false, "0", "1", "", eligibility.Dibao, "850", eligibility.Dibao, "935"},                 //
	{"h17", 5, false, "4000", "1.2", "", eligibility.Dibao, "250", eligibility.Dibao, "675"},            // 4250−4000; 4675−4000
	{"h18", 2, false, "3000", "1", "", eligibility.NotEligible, "0", eligibility.NotEligible, "0"},      // ≥ 2550; ≥ 2805
	{"h19", 2, true, "0", "0.75", "", eligibility.Dibao, "1280", eligibility.Dibao, "1408"},             // 2 × 640; 2 × 704
	{"h20", 1, false, "900", "1", "dibao:300", eligibility.GradualExit, "300", eligibility.Dibao, "35"}, // above 850, below 1275: R4 continues 300; 935−900
}

// handFiles writes the population in the survey layout, with or without
// the weight column.
func handFiles(weighted bool) (households, members string) {
	var h, m strings.Builder
	h.WriteString("id,region,area,status,monthly_amount")
	if weighted {
		h.WriteString(",weight")
	}
	h.WriteString("\n")
	m.WriteString("household,id,birth_date,relation,labour,income:pension\n")
	for _, x := range handPopulation {
		area := "urban"
		if x.rural {
			area = "rural"
		}
		status, amount, _ := strings.Cut(x.current, ":")
		fmt.Fprintf(&h, "%s,230102,%s,%s,%s", x.key, area, status, amount)
		if weighted {
			fmt.Fprintf(&h, ",%s", x.weight)
		}
		h.WriteString("\n")
		for i := range x.n {
			rel, pension := "spouse", ""
			if i == 0 {
				rel, pension = "applicant", x.pension
			}
			fmt.Fprintf(&m, "%s,m%d,1980-01-01,%s,full,%s\n", x.key, i, rel, pension)
		}
	}
	return h.String(), m.String()
}

func plus10(t testing.TB, base *standards.Set) simulation.Scenario {
	r, err := standards.ReadReform([]byte(`{"name": "standard +10 %", "from": "2024-01-01",
	  "changes": [{"param": "dibao_standard", "regions": ["230100"], "scope": "under", "multiply": "1.1"}]}`))
	require.NoError(t, err)
	s, err := simulation.Reformed(base, r)
	require.NoError(t, err)
	return s
}

func handRun(t *testing.T, weighted bool, opts simulation.Options) *simulation.Report {
	t.Helper()
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	hf, mf := handFiles(weighted)
	src, err := batch.NewSurveyReader(strings.NewReader(hf), strings.NewReader(mf), batch.SurveyOptions{Date: standards.MustParseDate("2024-06-01")})
	require.NoError(t, err)
	opts.Chunk = 3 // pieces that cut the population, with two workers
	opts.Workers = 2
	rep, err := simulation.Run(src, []simulation.Scenario{{Name: "baseline", Set: set}, plus10(t, set)}, opts)
	require.NoError(t, err)
	return rep
}

func TestHandPopulationEachHousehold(t *testing.T) {
	var out bytes.Buffer
	rep := handRun(t, true, simulation.Options{Households: &out, HouseholdsOf: 1})
	require.Equal(t, 20, rep.Households)
	require.Equal(t, 0, rep.Failed)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 21)
	assert.Equal(t, strings.Join(simulation.HouseholdHeader(), ","), lines[0])
	for i, x := range handPopulation {
		f := strings.Split(lines[i+1], ",")
		// household, weight, date, status, total, …, baseline_status, baseline_total, change
		assert.Equal(t, x.key, f[0])
		assert.Equal(t, "2024-06-01", f[2])
		assert.Equal(t, x.reform.String(), f[3], x.key)
		assert.Equal(t, money2(x.reformPay), f[4], x.key)
		assert.Equal(t, x.base.String(), f[12], x.key)
		assert.Equal(t, money2(x.basePay), f[13], x.key)
	}
}

// money2 writes a whole or decimal yuan figure with two decimals.
func money2(s string) string {
	whole, frac, _ := strings.Cut(s, ".")
	return whole + "." + (frac + "00")[:2]
}

func TestHandPopulationUnweighted(t *testing.T) {
	rep := handRun(t, false, simulation.Options{})
	base, reform := rep.Scenarios[0], rep.Scenarios[1]
	m := base.Months[0]
	// By hand: 低保 h01 h02 h04 h09 h11 h13 h15 h16 h17 h19 (10); edge h03
	// h05 h06 h10 h12 (5); not eligible h07 h08 h14 h18 (4); gradual exit h20.
	assert.Equal(t, [5]int{4, 5, 1, 10, 0}, m.Count)
	assert.Equal(t, "10", m.Households[eligibility.Dibao].String())
	// 低保 persons: 1+2+1+4+1+3+2+1+5+2 = 22.
	assert.Equal(t, "22", m.Persons[eligibility.Dibao].String())
	// 250+700+0.01+3400+340+0.01+0.01+850+250+1280 = 7070.03, and 300 continued.
	assert.Equal(t, "7370.03", m.Cost.Total.Display())
	assert.Equal(t, "7070.03", m.Cost.Gap.Display())
	assert.Equal(t, "300.00", m.Cost.GradualExit.Display())
	assert.Equal(t, "88440.36", base.Annual.Display()) // 7370.03 × 12
	// Urban: everything but h11 h13 h19 (340 + 0.01 + 1280 = 1620.01 rural).
	assert.Equal(t, "1620.01", m.Rural.Cost.Display())
	assert.Equal(t, "5750.02", m.Urban.Cost.Display())
	require.Len(t, m.Regions, 1)
	assert.Equal(t, "230102", m.Regions[0].Region.String())
	assert.Equal(t, "11", m.Regions[0].Recipients.String()) // 10 低保 and the gradual exit

	// Reform: 7370.03 + gains 2084 − the loss 265 = 9189.03.
	rm := reform.Months[0]
	assert.Equal(t, "9189.03", rm.Cost.Total.Display())
	assert.Equal(t, [5]int{1, 6, 0, 13, 0}, rm.Count) // NE h18; edge h06 h07 h08 h10 h12 h14; 低保 the other 13
	ch := reform.Change
	require.NotNil(t, ch)
	assert.False(t, ch.NoEffect)
	// Winners: h01 h02 h03 h04 h05 h09 h11 h13 h15 h16 h17 h19 (12) gaining
	// 85+170+255+85+85+340+64+192+170+85+425+128 = 2084, a mean of
	// 173.666… → 173.67; the loser h20: 35 − 300 = −265.
	assert.Equal(t, 12, ch.WinnersCount)
	assert.Equal(t, 1, ch.LosersCount)
	assert.Equal(t, "173.67", ch.MeanGain)
	assert.Equal(t, "-265.00", ch.MeanLoss)
	// Changed: the winners, the loser, and h07 h08 h14 (not eligible → edge).
	assert.Equal(t, 16, ch.ChangedCount)
	assert.Equal(t, 0, ch.CliffDownCount)
	assert.Equal(t, 2, ch.CliffUpCount) // h03 and h05: edge → 低保

	// Deciles of two households each, by baseline per-capita income (ties
	// in input order): h09 h16 | h19 h11 | h02 h01 | h13 h12 | h17 h04 |
	// h15 h03 | h05 h20 | h14 h10 | h06 h07 | h08 h18.
	want := []struct{ mean, from, to string }{
		{"212.50", "0.00", "0.00"},     // (340 + 85) ÷ 2
		{"96.00", "0.00", "300.00"},    // (128 + 64) ÷ 2
		{"127.50", "500.00", "600.00"}, // (170 + 85) ÷ 2
		{"96.00", "640.00", "750.00"},  // (192 + 0) ÷ 2; 1919.99 ÷ 3 = 639.996… → 640.00
		{"255.00", "800.00", "849.99"}, // (425 + 85) ÷ 2
		{"212.50", "850.00", "850.00"}, // (170 + 255) ÷ 2; 1699.99 ÷ 2 = 849.995 → 850.00
		{"-90.00", "850.00", "900.00"}, // (85 − 265) ÷ 2
		{"0.00", "960.00", "1000.00"},  //
		{"0.00", "1274.99", "1275.00"}, //
		{"0.00", "1275.01", "1500.00"}, //
	}
	require.Len(t, ch.Deciles, 10)
	for i, d := range ch.Deciles {
		assert.Equal(t, 2, d.Households, "decile %d", i+1)
		assert.Equal(t, want[i].mean, d.Mean, "decile %d", i+1)
		assert.Equal(t, want[i].from, d.From.Display(), "decile %d", i+1)
		assert.Equal(t, want[i].to, d.To.Display(), "decile %d", i+1)
	}
}

func TestHandPopulationWeighted(t *testing.T) {
	rep := handRun(t, true, simulation.Options{})
	base, reform := rep.Scenarios[0], rep.Scenarios[1]
	m := base.Months[0]
	// 低保 weights 1.5+2+3+0.5+4+1+10+1+1.2+0.75 = 24.95; edge 5; not
	// eligible 1+2.25+1+1 = 5.25; gradual exit 1.
	assert.Equal(t, "24.95", m.Households[eligibility.Dibao].String())
	assert.Equal(t, "5", m.Households[eligibility.Edge].String())
	assert.Equal(t, "5.25", m.Households[eligibility.NotEligible].String())
	assert.Equal(t, "1", m.Households[eligibility.GradualExit].String())
	// 低保 persons: 1.5 + 4 + 3 + 2 + 4 + 3 + 20 + 1 + 6 + 1.5 = 46.
	assert.Equal(t, "46", m.Persons[eligibility.Dibao].String())
	// 375 + 1400 + 0.03 + 1700 + 1360 + 0.01 + 0.10 + 850 + 300 + 960 + 300 = 7245.14.
	assert.Equal(t, "7245.14", m.Cost.Total.Display())
	ch := reform.Change
	// Gains × weights: 127.5+340+255+255+85+170+256+192+1700+85+510+96 =
	// 4071.5 over the winners' weight 26.95: 151.0760… → 151.08.
	assert.Equal(t, "151.08", ch.MeanGain)
	assert.Equal(t, "26.95", ch.Winners.String())
	assert.Equal(t, "-265.00", ch.MeanLoss)
	// 7245.14 + 4071.5 − 265 = 11051.64.
	assert.Equal(t, "11051.64", reform.Months[0].Cost.Total.Display())
	assert.Equal(t, "2", ch.CliffUp.String()) // h03 and h05, weight 1 each
}

// Months carry each household's standing: a gradual exit that ends on
// 2025-06-30 pays 300 in May and June and none in July (an edge household
// then: 900 is below 1.5 × 850); a recipient whose pension rose to 900
// (above 850, below 1275) enters R4's gradual exit in May, its last 250
// continued through the months run; a new applicant at 600 is 低保 (250)
// each month; one at 1300 stays not eligible.
func TestMonthsCarryTheStanding(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	hf := "id,region,area,status,monthly_amount,gradual_exit_end\n" +
		"ending,230102,urban,gradual_exit,300,2025-06-30\n" +
		"rising,230102,urban,dibao,250,\n" +
		"new,230102,urban,,,\n" +
		"above,230102,urban,,,\n"
	mf := "household,id,birth_date,relation,labour,income:pension\n" +
		"ending,a,1980-01-01,applicant,full,900\n" +
		"rising,a,1980-01-01,applicant,full,900\n" +
		"new,a,1980-01-01,applicant,full,600\n" +
		"above,a,1980-01-01,applicant,full,1300\n"
	src, err := batch.NewSurveyReader(strings.NewReader(hf), strings.NewReader(mf), batch.SurveyOptions{Date: standards.MustParseDate("2025-05-01")})
	require.NoError(t, err)
	var out bytes.Buffer
	rep, err := simulation.Run(src, []simulation.Scenario{{Name: "baseline", Set: set}},
		simulation.Options{Date: standards.MustParseDate("2025-05-01"), Months: 3, Households: &out})
	require.NoError(t, err)
	require.Len(t, rep.Scenarios[0].Months, 3)
	for m, want := range []struct {
		count [5]int // not eligible, edge, gradual exit, 低保, 特困
		cost  string
	}{
		{[5]int{1, 0, 2, 1, 0}, "800.00"}, // 300 + 250 + 250
		{[5]int{1, 0, 2, 1, 0}, "800.00"},
		{[5]int{1, 1, 1, 1, 0}, "500.00"}, // the exit of 2025-06-30 has ended
	} {
		mr := rep.Scenarios[0].Months[m]
		assert.Equal(t, want.count, mr.Count, "month %d", m+1)
		assert.Equal(t, want.cost, mr.Cost.Total.Display(), "month %d", m+1)
	}
	assert.Equal(t, "2100.00", rep.Scenarios[0].RunCost.Display())
	assert.Contains(t, out.String(), "ending,1,2025-07-01,edge,0.00,")
	assert.Contains(t, out.String(), "rising,1,2025-07-01,gradual_exit,250.00,")
}

// A reform that changes nothing for any household in scope is reported:
// a change for 齐齐哈尔 (230200) does not reach households of 道里区.
func TestReformWithoutEffectIsReported(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	r, err := standards.ReadReform([]byte(`{"name": "Qiqihar only", "from": "2024-01-01",
	  "changes": [{"param": "dibao_standard", "regions": ["230200"], "area": "urban", "value": "800"}]}`))
	require.NoError(t, err)
	qq, err := simulation.Reformed(set, r)
	require.NoError(t, err)
	hf, mf := handFiles(true)
	src, err := batch.NewSurveyReader(strings.NewReader(hf), strings.NewReader(mf), batch.SurveyOptions{Date: standards.MustParseDate("2024-06-01")})
	require.NoError(t, err)
	rep, err := simulation.Run(src, []simulation.Scenario{{Name: "baseline", Set: set}, qq, plus10(t, set)}, simulation.Options{})
	require.NoError(t, err)
	assert.True(t, rep.Scenarios[1].Change.NoEffect)
	assert.Equal(t, 0, rep.Scenarios[1].Change.ChangedCount)
	assert.False(t, rep.Scenarios[2].Change.NoEffect)
	tables := rep.Tables()
	var changes *simulation.Table
	for i := range tables {
		if tables[i].Name == "changes" {
			changes = &tables[i]
		}
	}
	require.NotNil(t, changes)
	assert.Equal(t, "true", changes.Rows[1][4])
}

// A CPI series: June 2024 has no index, July's CPI rise is 4 % (above the
// trigger of 3.5 %, 国家价格临时补贴联动机制): each 低保 person is paid
// 850 × 0.04 = 34 yuan (rounded to the yuan, half up) in July only.
func TestPricesByMonth(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	src, err := batch.NewSurveyReader(strings.NewReader("id,region,area\nh,230102,urban\n"),
		strings.NewReader("household,birth_date,relation,labour,income:pension\nh,1980-01-01,applicant,full,600\nh,1980-01-01,spouse,full,\n"),
		batch.SurveyOptions{Date: standards.MustParseDate("2024-06-01")})
	require.NoError(t, err)
	rep, err := simulation.Run(src, []simulation.Scenario{{Name: "baseline", Set: set}}, simulation.Options{
		Date: standards.MustParseDate("2024-06-01"), Months: 2,
		Prices: []payment.Prices{{Month: standards.MustParseDate("2024-07-01"), CPI: money.MustRate("0.04"), HasCPI: true}}})
	require.NoError(t, err)
	june, july := rep.Scenarios[0].Months[0], rep.Scenarios[0].Months[1]
	assert.Equal(t, "0.00", june.Cost.PriceSubsidy.Display())
	assert.Equal(t, "1100.00", june.Cost.Total.Display())      // 2 × 850 − 600
	assert.Equal(t, "68.00", july.Cost.PriceSubsidy.Display()) // 2 persons × 34
	assert.Equal(t, "1168.00", july.Cost.Total.Display())
}

// Households that cannot be read are listed with their key, line and
// problems, and the run goes on.
func TestFailuresAreListed(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	src, err := batch.NewSurveyReader(strings.NewReader("id,region,area\nok,230102,urban\nbad,230102,urban\n"),
		strings.NewReader("household,birth_date,relation,labour,income:pension\nok,1980-01-01,applicant,full,600\nbad,1980-02-30,applicant,full,600\n"),
		batch.SurveyOptions{Date: standards.MustParseDate("2024-06-01")})
	require.NoError(t, err)
	rep, err := simulation.Run(src, []simulation.Scenario{{Name: "baseline", Set: set}}, simulation.Options{})
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Households)
	assert.Equal(t, 1, rep.Failed)
	require.Len(t, rep.Failures, 1)
	f := rep.Failures[0]
	assert.Equal(t, "bad", f.Household)
	assert.Equal(t, 3, f.Line)
	assert.Equal(t, -1, f.Scenario)
	assert.Contains(t, f.Err.Error(), "members[0].birth_date")
	assert.Equal(t, "250.00", rep.Scenarios[0].Months[0].Cost.Total.Display())
	var b bytes.Buffer
	require.NoError(t, rep.WriteHTML(&b, language.Chinese))
	assert.Contains(t, b.String(), "<td>bad</td><td>3</td>")
}

// A CSV household's failure gives the line of the row at fault (b's member
// row, line 5), and a key that is not valid UTF-8 (a file in another
// encoding) is written with U+FFFD in the report, which stays UTF-8.
func TestFailureLineAndKey(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	in := "household,record,date,region,area,id,birth_date,relation,labour\n" +
		"a\xff,household,2024-06-01,230102,urban,,,,\n" + // lines 2–3
		"a\xff,member,,,,x,1980-01-01,applicant,full\n" +
		"b,household,2024-06-01,230102,urban,,,,\n" + // lines 4–5
		"b,member,,,,x,1980-01-01,boss,full\n"
	src, err := batch.NewCSVReader(strings.NewReader(in))
	require.NoError(t, err)
	rep, err := simulation.Run(src, []simulation.Scenario{{Name: "baseline", Set: set}}, simulation.Options{})
	require.NoError(t, err)
	require.Len(t, rep.Failures, 2)
	assert.Equal(t, "a\uFFFD", rep.Failures[0].Household)
	assert.Equal(t, 2, rep.Failures[0].Line, "the key's problem is the household's: its first line")
	assert.Equal(t, "b", rep.Failures[1].Household)
	assert.Equal(t, 5, rep.Failures[1].Line)
	var b bytes.Buffer
	require.NoError(t, rep.WriteHTML(&b, language.English))
	assert.True(t, utf8.Valid(b.Bytes()))
	assert.Contains(t, b.String(), "<td>b</td><td>5</td>")
}

// Of many failures, the report lists the input's first MaxFailures, in
// input order, whichever worker met them.
func TestFirstFailuresInInputOrder(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	var hf, mf strings.Builder
	hf.WriteString("id,region,area\n")
	mf.WriteString("household,birth_date,relation,labour\n")
	for i := range 25 {
		fmt.Fprintf(&hf, "b%02d,230102,urban\n", i)
		fmt.Fprintf(&mf, "b%02d,1980-02-30,applicant,full\n", i)
	}
	src, err := batch.NewSurveyReader(strings.NewReader(hf.String()), strings.NewReader(mf.String()),
		batch.SurveyOptions{Date: standards.MustParseDate("2024-06-01")})
	require.NoError(t, err)
	rep, err := simulation.Run(src, []simulation.Scenario{{Name: "baseline", Set: set}}, simulation.Options{Workers: 2, Chunk: 3})
	require.NoError(t, err)
	assert.Equal(t, 25, rep.Failed)
	require.Len(t, rep.Failures, simulation.MaxFailures)
	for i, f := range rep.Failures {
		assert.Equal(t, fmt.Sprintf("b%02d", i), f.Household)
	}
}

// Weighted deciles: tenths of the total weight 36.2, a household joining
// decile ⌊10 × (weight before it) ÷ 36.2⌋ + 1. In baseline income order:
// h09 (0.5, before 0), h16 (1, 0.5), h19 (0.75, 1.5), h11 (4, 2.25) → 1;
// h02 (2, 6.25: 1.73) → 2; h01, h13, h12 (before 8.25, 9.75, 10.75) → 3;
// h17, h04 (11.75, 12.95) → 4; h15 (10, before 15.95: 4.41) → 5; none in
// 6 and 7; h03, h05, h20, h14 (25.95 … 28.95: 289.5 < 289.6) → 8; h10,
// h06, h07 → 9; h08, h18 → 10. A decile by count would put two in each.
func TestHandPopulationWeightedDeciles(t *testing.T) {
	rep := handRun(t, true, simulation.Options{})
	want := []struct {
		n            int
		weight, mean string
	}{
		{4, "6.25", "97.12"}, // (340 × 0.5 + 85 + 128 × 0.75 + 64 × 4) ÷ 6.25 = 607 ÷ 6.25
		{1, "2", "170.00"},   //
		{3, "3.5", "91.29"},  // (85 × 1.5 + 192 + 0) ÷ 3.5 = 319.5 ÷ 3.5 = 91.2857…
		{2, "4.2", "182.14"}, // (425 × 1.2 + 85 × 3) ÷ 4.2 = 765 ÷ 4.2 = 182.1428…
		{1, "10", "170.00"},  //
		{0, "0", ""},         //
		{0, "0", ""},         //
		{4, "4", "18.75"},    // (255 + 85 − 265 + 0) ÷ 4
		{3, "3", "0.00"},     //
		{2, "3.25", "0.00"},  //
	}
	d := rep.Scenarios[1].Change.Deciles
	require.Len(t, d, 10)
	for i, w := range want {
		assert.Equal(t, w.n, d[i].Households, "decile %d", i+1)
		assert.Equal(t, w.weight, d[i].Weight.String(), "decile %d", i+1)
		assert.Equal(t, w.mean, d[i].Mean, "decile %d", i+1)
	}
}

// 特困 support is the published amount (tekun_support), not 1.3 × the 低保
// standard worked out again: a reform of the standard alone leaves it, and
// testdata/plus10-tekun.json, which says so, raises it. A 道里区 urban
// 特困 person in 2024 (aged 74, no income, no supporter, self-care): basic
// 1105 + care 1066 = 2171; × 1.1: 1215.5 + 1172.6 = 2388.1.
func TestReformTekunFollowsWhenSaid(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	data, err := os.ReadFile("../testdata/plus10-tekun.json")
	require.NoError(t, err)
	r, err := standards.ReadReform(data)
	require.NoError(t, err)
	both, err := simulation.Reformed(set, r)
	require.NoError(t, err)
	req := []byte(`{"date": "2024-06-01", "household": {"region": "230102", "area": "urban", "supporter": "none",
	  "members": [{"id": "a", "birth_date": "1950-01-01", "relation": "applicant", "labour": "none"}]}}`)
	for _, tc := range []struct {
		name string
		set  *standards.Set
		want string
	}{{"baseline", set, "2171"}, {"standard +10 %", plus10(t, set).Set, "2171"}, {"standard and 特困 support +10 %", both.Set, "2388.1"}} {
		d, err := payment.DecideJSON(req, tc.set)
		require.NoError(t, err, tc.name)
		f := payment.FiguresOf(d)
		assert.Equal(t, eligibility.Tekun, f.Status, tc.name)
		assert.Equal(t, tc.want, f.Tekun.String(), tc.name)
	}
}
