package standards_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/standards"
)

func TestReformReplacesFromItsDate(t *testing.T) {
	s := loadExample(t)
	reformed, err := s.Apply(standards.Reform{
		Name: "edge 2×",
		From: d("2024-01-01"),
		Changes: []standards.Change{{
			Param: standards.ParamEdgeBands,
			Value: []standards.Band{{Code: "edge", Multiple: decimal.RequireFromString("2")}},
		}},
	})
	require.NoError(t, err)

	for _, tc := range []struct {
		set  *standards.Set
		date string
		want string
	}{
		{s, "2023-12-31", "1.5"},
		{s, "2024-01-01", "1.5"}, // the original is unchanged
		{reformed, "2023-12-31", "1.5"},
		{reformed, "2024-01-01", "2"},
		{reformed, "2024-01-02", "2"},
	} {
		v, err := tc.set.EdgeBands(q("230102", tc.date))
		require.NoError(t, err)
		assert.Equal(t, tc.want, v.V[0].Multiple.String(), "%s on %s", tc.set.Name(), tc.date)
	}
	v, err := reformed.EdgeBands(q("230102", "2024-06-01"))
	require.NoError(t, err)
	assert.Equal(t, standards.ReliabilitySimulation, v.Source.Reliability)
	assert.Equal(t, "edge 2×", v.Source.Document)
	before, err := reformed.EdgeBands(q("230102", "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "2023-12-31", before.Until.String(), "the old value now ends the day before the reform")
	assert.Equal(t, standards.ReliabilityOfficial, before.Source.Reliability)
}

func TestReformForOneRegionLeavesTheOthers(t *testing.T) {
	s := loadExample(t)
	reformed, err := s.Apply(standards.Reform{
		Name: "higher urban standard",
		From: d("2024-01-01"),
		Changes: []standards.Change{{
			Param: standards.ParamDibaoStandard, Regions: []standards.Region{r("230102")},
			Area: standards.AreaUrban, Value: decimal.RequireFromString("900"),
		}},
	})
	require.NoError(t, err)
	urban := standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d("2024-01-01")}
	v, err := reformed.DibaoStandard(urban)
	require.NoError(t, err)
	assert.Equal(t, "900", v.V.String())
	urban.Date = d("2023-12-31")
	v, err = reformed.DibaoStandard(urban)
	require.NoError(t, err)
	assert.Equal(t, "850", v.V.String())
	// The history before the reform keeps its publication dates for as-of lookups.
	urban.Date, urban.KnownOn = d("2023-06-01"), d("2023-10-01")
	v, err = reformed.DibaoStandard(urban)
	require.NoError(t, err)
	assert.Equal(t, "835", v.V.String())

	// The reformed set saves and loads like any other (with its out-of-range allowance, none here).
	out, err := reformed.Save(standards.SaveOptions{})
	require.NoError(t, err)
	again, err := standards.Load(out, standards.LoadOptions{})
	require.NoError(t, err)
	v, err = again.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d("2024-02-01")})
	require.NoError(t, err)
	assert.Equal(t, "900", v.V.String())
}

func TestReformIsValidated(t *testing.T) {
	s := loadExample(t)
	bands := []standards.Band{{Code: "edge", Multiple: decimal.RequireFromString("2.5")}}
	change := standards.Change{Param: standards.ParamEdgeBands, Value: bands}

	_, err := s.Apply(standards.Reform{Name: "edge 2.5×", From: d("2024-01-01"), Changes: []standards.Change{change}})
	le, ok := standards.IsLoadError(err)
	require.True(t, ok, "%v", err)
	assert.True(t, le.Has("changes[0].value[0].multiple", standards.CodeOutOfRange), "%v", err)

	reformed, err := s.Apply(standards.Reform{Name: "edge 2.5×", From: d("2024-01-01"),
		Changes: []standards.Change{change}, AllowOutOfRange: true})
	require.NoError(t, err)
	v, err := reformed.EdgeBands(q("230102", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "2.5", v.V[0].Multiple.String())

	for name, tc := range map[string]struct {
		reform standards.Reform
		path   string
		code   standards.ProblemCode
	}{
		"no name":    {standards.Reform{From: d("2024-01-01"), Changes: []standards.Change{change}}, "name", standards.CodeRequired},
		"no date":    {standards.Reform{Name: "x", Changes: []standards.Change{change}}, "from", standards.CodeRequired},
		"no changes": {standards.Reform{Name: "x", From: d("2024-01-01")}, "changes", standards.CodeRequired},
		"wrong type": {standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			{Param: standards.ParamEdgeBands, Value: "1.5"}}}, "changes[0].value", standards.CodeType},
		"unknown param": {standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			{Param: "magic", Value: 1}}}, "changes[0].param", standards.CodeBadCode},
		"unknown region": {standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			{Param: standards.ParamElderlyAge, Regions: []standards.Region{r("230199")}, Value: 65}}}, "changes[0].regions", standards.CodeUnknownRegion},
		"area missing": {standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			{Param: standards.ParamDibaoStandard, Value: decimal.NewFromInt(900)}}}, "changes[0].area", standards.CodeAreaRequired},
		"no value": {standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			{Param: standards.ParamElderlyAge}}}, "changes[0].value", standards.CodeRequired},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := s.Apply(tc.reform)
			le, ok := standards.IsLoadError(err)
			require.True(t, ok, "%v", err)
			assert.True(t, le.Has(tc.path, tc.code), "want %s at %s, got %v", tc.code, tc.path, err)
		})
	}
}

func TestReformAddsAParameterTheSetLacked(t *testing.T) {
	b := mutate(t, func(m map[string]any) { delete(obj(m, "parameters"), "caregiver_income_factor") })
	s, err := standards.Load(b, standards.LoadOptions{})
	require.NoError(t, err)
	_, err = s.CaregiverIncomeFactor(q("230102", "2024-01-01"))
	require.ErrorIs(t, err, standards.ErrNotCovered)
	reformed, err := s.Apply(standards.Reform{Name: "caregiver half", From: d("2024-01-01"),
		Changes: []standards.Change{{Param: standards.ParamCaregiverIncomeFactor, Value: decimal.RequireFromString("0.5")}}})
	require.NoError(t, err)
	v, err := reformed.CaregiverIncomeFactor(q("230102", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "0.5", v.V.String())
	_, err = reformed.CaregiverIncomeFactor(q("230102", "2023-12-31"))
	assert.ErrorIs(t, err, standards.ErrNotCovered)
}

func TestReformForARegionWithoutItsOwnSeries(t *testing.T) {
	s := loadExample(t)
	reformed, err := s.Apply(standards.Reform{Name: "elderly at 65 in 道里区", From: d("2024-01-01"),
		Changes: []standards.Change{{Param: standards.ParamElderlyAge, Regions: []standards.Region{r("230102")}, Value: 65}}})
	require.NoError(t, err)
	before, err := reformed.ElderlyAge(q("230102", "2023-12-31"))
	require.NoError(t, err)
	assert.Equal(t, 60, before.V)
	assert.Equal(t, "230000", before.Region.String(), "before the reform the province's value still serves")
	after, err := reformed.ElderlyAge(q("230102", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, 65, after.V)
	assert.Equal(t, "230102", after.Region.String())
	other, err := reformed.ElderlyAge(q("230100", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, 60, other.V)
}

func TestReformCopiesTheCallersValue(t *testing.T) {
	s := loadExample(t)
	bands := []standards.Band{{Code: "edge", Multiple: decimal.RequireFromString("1.8")}}
	reformed, err := s.Apply(standards.Reform{Name: "edge 1.8×", From: d("2024-01-01"),
		Changes: []standards.Change{{Param: standards.ParamEdgeBands, Value: bands}}})
	require.NoError(t, err)
	bands[0].Multiple = decimal.RequireFromString("9")
	v, err := reformed.EdgeBands(q("230102", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "1.8", v.V[0].Multiple.String())
}
