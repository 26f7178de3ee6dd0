package simulation_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/simulation"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func handSource(t *testing.T) batch.Reader {
	hf, mf := handFiles(false)
	src, err := batch.NewSurveyReader(strings.NewReader(hf), strings.NewReader(mf), batch.SurveyOptions{Date: standards.MustParseDate("2024-06-01")})
	require.NoError(t, err)
	return src
}

var byArea = simulation.Margin{Name: "area", Targets: map[string]int64{"urban": 1000, "rural": 500},
	Category: func(h *income.Compact, _ *payment.Figures) string { return h.Area.String() }}

// One margin: every urban household (15 of the 20) weighs 1000 ÷ 15 =
// 66.666666… → 66.666667, every rural one (5) 500 ÷ 5 = 100.
func TestRakeOneMargin(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	base := simulation.Scenario{Name: "baseline", Set: set}
	cal, err := simulation.Rake(handSource(t), base, standards.Date{}, []simulation.Margin{byArea})
	require.NoError(t, err)
	rep, err := simulation.Run(cal.Reader(handSource(t)), []simulation.Scenario{base}, simulation.Options{})
	require.NoError(t, err)
	m := rep.Scenarios[0].Months[0]
	assert.Equal(t, "1000.000005", m.Urban.Households.String()) // 15 × 66.666667
	assert.Equal(t, "500", m.Rural.Households.String())
	assert.Equal(t, "1000.000005", cal.Achieved[0]["urban"].String())
	// h11's 340 and h19's 1280 and h13's 0.01, each × 100: 162001.
	assert.Equal(t, "162001.00", m.Rural.Cost.Display())
}

// Two margins that pull against each other — households by area, and 低保
// households (the caseload) — are met together to within the rounding of
// the weights (half a millionth a household).
func TestRakeTwoMargins(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	base := simulation.Scenario{Name: "baseline", Set: set}
	caseload := simulation.Margin{Name: "caseload", Targets: map[string]int64{"dibao": 400},
		Category: func(_ *income.Compact, f *payment.Figures) string {
			if f.Status == eligibility.Dibao {
				return "dibao"
			}
			return ""
		}}
	cal, err := simulation.Rake(handSource(t), base, standards.Date{}, []simulation.Margin{byArea, caseload})
	require.NoError(t, err)
	rep, err := simulation.Run(cal.Reader(handSource(t)), []simulation.Scenario{base}, simulation.Options{})
	require.NoError(t, err)
	m := rep.Scenarios[0].Months[0]
	near := func(got interface{ Rat() *big.Rat }, want int64) {
		d := new(big.Rat).Sub(got.Rat(), big.NewRat(want, 1))
		assert.True(t, d.Abs(d).Cmp(big.NewRat(20, 1_000_000)) <= 0, "%s against %d", got.Rat().FloatString(6), want)
	}
	near(m.Urban.Households, 1000)
	near(m.Rural.Households, 500)
	near(m.Households[eligibility.Dibao], 400)
	assert.Greater(t, cal.Iterations, 1)
}

func TestRakeRefusesAnUnreachableTarget(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	m := simulation.Margin{Name: "region", Targets: map[string]int64{"230103": 10},
		Category: func(h *income.Compact, _ *payment.Figures) string { return h.Region.String() }}
	_, err = simulation.Rake(handSource(t), simulation.Scenario{Name: "b", Set: set}, standards.Date{}, []simulation.Margin{m})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "230103")
}

// Margins that contradict each other (15 urban and 5 rural households
// raked to 1000 urban and 500 rural, and all 20 to 100 in a second margin)
// are an error, not a silent half-way answer.
func TestRakeRefusesContradictoryMargins(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	all := simulation.Margin{Name: "all", Targets: map[string]int64{"all": 100},
		Category: func(*income.Compact, *payment.Figures) string { return "all" }}
	_, err = simulation.Rake(handSource(t), simulation.Scenario{Name: "b", Set: set}, standards.Date{}, []simulation.Margin{byArea, all})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "did not meet the margins")
}
