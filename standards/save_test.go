package standards_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// sameLookups checks that two Sets answer every key alike for a spread of
// regions, areas, dates and as-of dates.
func sameLookups(t *testing.T, a, b *standards.Set) {
	t.Helper()
	regions := []string{}
	for _, dv := range a.Divisions().All() {
		regions = append(regions, dv.Region.String())
	}
	dates := []string{"2017-10-01", "2021-01-01", "2022-06-01", "2023-06-01", "2024-05-01", "2025-12-01", "2026-01-01"}
	for _, k := range standards.Keys() {
		for _, region := range regions {
			for _, area := range []standards.Area{standards.AreaAny, standards.AreaUrban, standards.AreaRural} {
				for _, date := range dates {
					for _, knownOn := range []string{"", "2023-10-01"} {
						qq := standards.Query{Region: r(region), Area: area, Date: d(date)}
						if knownOn != "" {
							qq.KnownOn = d(knownOn)
						}
						v1, p1, err1 := standards.LookupAny(a, k, qq)
						v2, p2, err2 := standards.LookupAny(b, k, qq)
						if !assert.Equal(t, err1 == nil, err2 == nil, "%s %v", k.Name(), qq) || err1 != nil {
							continue
						}
						assert.Equal(t, v1, v2, "%s %v", k.Name(), qq)
						assert.Equal(t, p1, p2, "%s %v", k.Name(), qq)
					}
				}
			}
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	s := loadFixture(t)
	out, err := s.Save(standards.SaveOptions{})
	require.NoError(t, err)
	s2, err := standards.Load(out, standards.LoadOptions{})
	require.NoError(t, err)
	out2, err := s2.Save(standards.SaveOptions{})
	require.NoError(t, err)
	assert.Equal(t, string(out), string(out2), "a second Save gives the same bytes")
	assert.Equal(t, s.Identity(), s2.Identity())
	assert.Equal(t, s.Name(), s2.Name())
	assert.Equal(t, s.DataVersion(), s2.DataVersion())
	assert.Equal(t, s.CompleteThrough(), s2.CompleteThrough())
	assert.Equal(t, s.Sources(), s2.Sources())
	assert.Equal(t, s.Params(), s2.Params())
	sameLookups(t, s, s2)
}

// The saved form is canonical: the same data written in another layout or
// field order saves to the same bytes.
func TestSaveIsCanonical(t *testing.T) {
	s := loadFixture(t)
	out, err := s.Save(standards.SaveOptions{})
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(out, []byte("{\n  \"format\": \"dibao-standards/1\",\n  \"name\": \"示例省\",")), "%.80s", out)
	assert.True(t, bytes.HasSuffix(out, []byte("}\n")), "one newline at the end")
	assert.NotContains(t, string(out), "\t")

	// The same data with other whitespace and every field order reversed.
	reordered := replaceOnce(t, `"tekun_support": [{"regions": ["230102"], "area": "urban", "values": [{"from": "2023-01-01", "published": "2023-11-03", "source": "harbin-2023",
      "value": {"basic": "1105", "self_care": "1066", "partial_care": "1116", "full_care": "1166"}}]}],`,
		`"tekun_support": [ { "values": [ { "value": { "full_care": "1166", "partial_care": "1116", "self_care": "1066", "basic": "1105" },
      "source": "harbin-2023", "published": "2023-11-03", "from": "2023-01-01" } ], "area": "urban", "regions": [ "230102" ] } ],`)
	s2, err := standards.Load(reordered, standards.LoadOptions{})
	require.NoError(t, err)
	out2, err := s2.Save(standards.SaveOptions{})
	require.NoError(t, err)
	assert.Equal(t, string(out), string(out2))

	// Parameters are written in the order of Keys, rounding points inside
	// "rounding"; fields in their documented order; optional fields left out
	// when empty.
	last := -1
	for _, k := range s.Params() {
		name := `"` + k.Name() + `": [`
		if p, ok := k.(standards.Key[standards.RoundingRule]); ok {
			name = `"` + p.Point() + `": [`
		}
		i := bytes.Index(out, []byte(name))
		require.GreaterOrEqual(t, i, 0, k.Name())
		assert.Greater(t, i, last, "%s out of order", k.Name())
		last = i
	}
	assert.Contains(t, string(out), `"rounding": {`)
	assert.Contains(t, string(out), `"from": "2023-01-01",
            "published": "2023-11-03",
            "source": "harbin-2023",
            "clause": "一",
            "note": "retroactive",
            "value": "850"`)
	assert.NotContains(t, string(out), `"until": ""`)
	assert.NotContains(t, string(out), `"placements": []`)
}

func TestSaveOmitDivisions(t *testing.T) {
	s := loadFixture(t)
	slim, err := s.Save(standards.SaveOptions{OmitDivisions: true})
	require.NoError(t, err)
	assert.NotContains(t, string(slim), `"divisions"`)
	_, err = standards.Load(slim, standards.LoadOptions{})
	assertProblem(t, err, "divisions", problem.Required)
	s2, err := standards.Load(slim, standards.LoadOptions{Divisions: s.Divisions()})
	require.NoError(t, err)
	assert.Equal(t, s.Identity(), s2.Identity(), "the identity covers the register however it was given")
	sameLookups(t, s, s2)
}

func TestSaveHeilongjiangRoundTrip(t *testing.T) {
	s, err := heilongjiang.Set()
	require.NoError(t, err)
	full, err := s.Save(standards.SaveOptions{})
	require.NoError(t, err)
	s2, err := standards.Load(full, standards.LoadOptions{})
	require.NoError(t, err)
	full2, err := s2.Save(standards.SaveOptions{})
	require.NoError(t, err)
	assert.Equal(t, string(full), string(full2))
	assert.Equal(t, s.Identity(), s2.Identity())

	slim, err := s.Save(standards.SaveOptions{OmitDivisions: true})
	require.NoError(t, err)
	divs, err := standards.ParseDivisionsCSV(bytes.NewReader(heilongjiang.DivisionsCSV()))
	require.NoError(t, err)
	s3, err := standards.Load(slim, standards.LoadOptions{Divisions: divs})
	require.NoError(t, err)
	assert.Equal(t, s.Identity(), s3.Identity())
	sameLookups(t, s, s3)
}

// valueSamples gives, for every key, a query at which the fixture or the
// embedded data holds a value.
func valueSamples(t *testing.T) map[string]any {
	t.Helper()
	out := map[string]any{}
	hlj, err := heilongjiang.Set()
	require.NoError(t, err)
	for _, s := range []*standards.Set{hlj, loadFixture(t)} {
		for _, k := range s.Params() {
			if _, done := out[k.Name()]; done {
				continue
			}
			for _, region := range []string{"230102", "230000"} {
				for _, date := range []string{"2023-06-01", "2024-06-01", "2025-12-01"} {
					qq := q(region, date)
					if k.AreaSplit() {
						qq.Area = standards.AreaUrban
					}
					if v, _, err := standards.LookupAny(s, k, qq); err == nil {
						out[k.Name()] = v
					}
				}
			}
			require.Contains(t, out, k.Name(), "no sample of %s", k.Name())
		}
	}
	return out
}

// EncodeValue and DecodeValue round-trip a value of every key the embedded
// data and the fixture hold.
func TestEncodeDecodeValue(t *testing.T) {
	samples := valueSamples(t)
	hlj, err := heilongjiang.Set()
	require.NoError(t, err)
	for _, k := range hlj.Params() {
		assert.Contains(t, samples, k.Name(), "every key type of the embedded data is sampled")
	}
	for name, v := range samples {
		k, ok := standards.KeyByName(name)
		require.True(t, ok)
		b, err := standards.EncodeValue(k, v)
		require.NoError(t, err, name)
		back, err := standards.DecodeValue(k, b)
		require.NoError(t, err, "%s: %s", name, b)
		assert.Equal(t, v, back, "%s: %s", name, b)
		again, err := standards.EncodeValue(k, back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again), name)
	}
}

func TestEncodeValueForms(t *testing.T) {
	for _, tc := range []struct {
		key  standards.AnyKey
		v    any
		want string
	}{
		{standards.ParamDibaoStandard, money.MustParse("850"), `"850"`},
		{standards.ParamDibaoStandard, money.MustParse("127.5"), `"127.5"`},
		{standards.ParamSupplementRate, money.MustRate("0.15"), `"0.15"`},
		{standards.ParamElderlyAge, 60, `60`},
		{standards.ParamRigidExpenditureDeduction, true, `true`},
		{standards.ParamSupplementStacking, standards.StackingHighest, `"highest"`},
		{standards.ParamExcludedIncomeKinds, []standards.IncomeKind{standards.IncomeScholarship}, `["scholarship"]`},
		{standards.ParamEdgeBands, []standards.Band{{Code: "edge", Multiple: money.MustRate("1.5")}}, `[{"code":"edge","multiple":"1.5"}]`},
		{standards.RoundPriceSubsidy, standards.RoundingRule{Unit: money.UnitYuan, Mode: money.ModeHalfUp}, `{"unit":"yuan","mode":"half_up"}`},
	} {
		b, err := standards.EncodeValue(tc.key, tc.v)
		require.NoError(t, err, tc.key.Name())
		assert.Equal(t, tc.want, string(b), tc.key.Name())
	}
	_, err := standards.EncodeValue(standards.ParamDibaoStandard, 850)
	assert.Error(t, err, "an int is not an amount")
	_, err = standards.EncodeValue(standards.ParamEdgeBands, standards.Band{})
	assert.Error(t, err, "a band is not a list of bands")
}

// DecodeValue checks a value's form (it reads values back from records),
// not the policy's ranges, which are Load's and Apply's to check.
func TestDecodeValueProblems(t *testing.T) {
	for _, tc := range []struct {
		name string
		key  standards.AnyKey
		in   string
		path string
		code problem.Code
	}{
		{"wrong type", standards.ParamDibaoStandard, `850`, "value", problem.Type},
		{"too precise", standards.ParamDibaoStandard, `"850.001"`, "value", problem.TooPrecise},
		{"not a plain decimal", standards.ParamDibaoStandard, `"8.5e2"`, "value", problem.BadNumber},
		{"not JSON", standards.ParamDibaoStandard, `"850`, "", problem.Syntax},
		{"nothing", standards.ParamDibaoStandard, ``, "", problem.Syntax},
		{"trailing", standards.ParamDibaoStandard, `"850" "851"`, "", problem.Syntax},
		{"invalid UTF-8", standards.ParamSupplementStacking, "\"high\xffest\"", "", problem.InvalidUTF8},
		{"duplicate key", standards.ParamTekunSupport, `{"basic": "1", "basic": "2", "self_care": "0", "partial_care": "0", "full_care": "0"}`,
			"value.basic", problem.Duplicate},
		{"missing field", standards.ParamTekunSupport, `{"basic": "1", "self_care": "0", "partial_care": "0"}`, "value.full_care", problem.Required},
		{"unknown field", standards.ParamTekunSupport, `{"basic": "1", "self_care": "0", "partial_care": "0", "full_care": "0", "x": 1}`, "value.x", problem.UnknownField},
		{"unknown enum", standards.ParamPaymentMethod, `"flat"`, "value", problem.BadCode},
		{"unknown enum in a list", standards.ParamExcludedIncomeKinds, `["scholarship", "lottery"]`, "value[1]", problem.BadCode},
		{"more than 20 bands", standards.ParamEdgeBands, "[" + strings.Repeat(`{"code": "x", "multiple": "1.5"}, `, 20) + `{"code": "y", "multiple": "1.5"}]`,
			"value", problem.TooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.DecodeValue(tc.key, []byte(tc.in))
			assertProblem(t, err, tc.path, tc.code)
		})
	}
	// A value outside the policy's range reads back as it was written.
	v, err := standards.DecodeValue(standards.ParamEdgeBands, []byte(`[{"code": "edge", "multiple": "2.5"}]`))
	require.NoError(t, err)
	assert.Equal(t, []standards.Band{{Code: "edge", Multiple: money.MustRate("2.5")}}, v)
}
