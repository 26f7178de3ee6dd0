package standards_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// The parameters of a locality's own rules are checked as every value is:
// each fault at its path.
func TestLocalRuleChecks(t *testing.T) {
	s := loadFixture(t)
	link, err := standards.Lookup(s, standards.ParamPriceLinkage, standards.Query{Region: standards.MustRegion("230102"), Date: d("2023-06-01")})
	require.NoError(t, err)
	price := func(f func(p *standards.PriceLinkage)) standards.Change {
		p := link.V
		f(&p)
		return standards.ChangeTo(standards.ParamPriceLinkage, p)
	}
	r := money.MustRate
	for _, tc := range []struct {
		name   string
		change standards.Change
		path   string
		code   problem.Code
	}{
		{"fixed without an amount", price(func(p *standards.PriceLinkage) { p.Formula = standards.PriceFixed }), "changes[0].value.amount", problem.OutOfRange},
		{"banded without bands", price(func(p *standards.PriceLinkage) { p.Formula = standards.PriceBanded }), "changes[0].value.bands", problem.Required},
		{"bands out of order", price(func(p *standards.PriceLinkage) {
			p.Formula, p.Bands = standards.PriceBanded, []standards.PriceBand{{From: r("0.05"), Share: r("0.05")}, {From: r("0.04"), Share: r("0.03")}}
		}), "changes[0].value.bands[1].from", problem.Unordered},
		{"bands for another formula", price(func(p *standards.PriceLinkage) {
			p.Bands = []standards.PriceBand{{From: r("0.04"), Share: r("0.03")}}
		}), "changes[0].value.formula", problem.Inconsistent},
		{"a multiplier of 0", price(func(p *standards.PriceLinkage) { p.Multiplier, p.HasMultiplier = r("0"), true }), "changes[0].value.multiplier", problem.Insane},
		{"a category rated twice", standards.ChangeTo(standards.ParamSupplementRates, []standards.CategoryRate{
			{Category: standards.CategoryMinor, Rate: r("0.2")}, {Category: standards.CategoryMinor, Rate: r("0.3")}}), "changes[0].value[1].category", problem.Duplicate},
		{"a rate below R7's least", standards.ChangeTo(standards.ParamSupplementRates, []standards.CategoryRate{
			{Category: standards.CategoryMinor, Rate: r("0.1")}}), "changes[0].value[0].rate", problem.OutOfRange},
		{"an age group upside down", standards.ChangeTo(standards.ParamSupplementAgeGroups, []standards.AgeGroup{
			{Name: "x", MinAge: 80, MaxAge: 70, Rate: r("0.05")}}), "changes[0].value[0].max_age", problem.Inconsistent},
		{"an age group without a name", standards.ChangeTo(standards.ParamSupplementAgeGroups, []standards.AgeGroup{
			{MinAge: 80, Rate: r("0.05")}}), "changes[0].value[0].name", problem.Required},
		{"a least gap above the line", standards.ChangeTo(standards.ParamMinimumGapShare, r("1.5")), "changes[0].value", problem.Insane},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Apply(standards.Reform{Name: "local", From: d("2023-01-01"), Changes: []standards.Change{tc.change}})
			pe := problemsOf(t, err)
			var got []string
			for _, q := range pe.Problems {
				got = append(got, q.Path+" "+string(q.Code))
				// Every placeholder filled: no "?" for a missing argument.
				assert.NotContains(t, q.Message.ZH+q.Message.EN, "?", q.Path)
			}
			assert.Contains(t, got, tc.path+" "+string(tc.code))
		})
	}
}
