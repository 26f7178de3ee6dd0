package standards_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/standards"
)

// Every parameter, area, reliability, category, group and income kind has a
// label in both languages, and the two differ.
func TestCatalogCoversEveryLabel(t *testing.T) {
	zh := standards.NewPrinter(language.SimplifiedChinese)
	en := standards.NewPrinter(language.English)
	check := func(what, z, e string) {
		t.Helper()
		assert.NotEmpty(t, z, what)
		assert.NotEmpty(t, e, what)
		assert.NotEqual(t, z, e, "%s has no Chinese text", what)
		assert.NotContains(t, z, "param.", what)
		assert.NotContains(t, e, "param.", what)
	}
	for _, p := range standards.AllParams() {
		check(string(p), p.Label(zh), p.Label(en))
	}
	for _, a := range []standards.Area{standards.AreaUrban, standards.AreaRural} {
		check(a.String(), a.Label(zh), a.Label(en))
	}
	for _, r := range []standards.Reliability{standards.ReliabilityOfficial, standards.ReliabilityPress,
		standards.ReliabilitySecondary, standards.ReliabilitySimulation} {
		check(r.String(), r.Label(zh), r.Label(en))
	}
	for _, k := range standards.IncomeKinds() {
		check(string(k), standards.FormatValue(zh, standards.ParamExcludedIncomeKinds, []standards.IncomeKind{k}),
			standards.FormatValue(en, standards.ParamExcludedIncomeKinds, []standards.IncomeKind{k}))
	}
	assert.Len(t, standards.Languages(), 2)
	// Another language falls back to English.
	fr := standards.NewPrinter(language.French)
	assert.Equal(t, standards.ParamDibaoStandard.Label(en), standards.ParamDibaoStandard.Label(fr))
}

func TestFormatEveryValueOfTheExample(t *testing.T) {
	s := loadExample(t)
	zh := standards.NewPrinter(language.SimplifiedChinese)
	en := standards.NewPrinter(language.English)
	for _, p := range s.Params() {
		qq := q("230102", "2024-06-01")
		if p.AreaSplit() {
			qq.Area = standards.AreaUrban
		}
		v, err := s.Lookup(p, qq)
		if !assert.NoError(t, err, string(p)) {
			continue
		}
		z, e := standards.FormatValue(zh, p, v.V), standards.FormatValue(en, p, v.V)
		assert.NotEmpty(t, z, string(p))
		assert.NotContains(t, z, "fmt.", string(p))
		assert.NotContains(t, e, "fmt.", string(p))
		assert.NotContains(t, standards.FormatProvenance(zh, v.Provenance), "fmt.")
	}
	tt, err := s.TierTable(q("230102", "2024-06-01"))
	assert.NoError(t, err)
	assert.Equal(t, "[0, 77] → 640.00 yuan; (77, 200] → 507.00 yuan; (200, 312.5] → 384.00 yuan; (312.5, 412] → 272.00 yuan; (412, 640) → 174.00 yuan; severely disabled → tier 1",
		standards.FormatValue(en, standards.ParamTierTable, tt.V))
}

func TestPrinterLanguageMatching(t *testing.T) {
	for tag, want := range map[string]string{"zh": "低保标准", "zh-Hans": "低保标准", "zh-CN": "低保标准",
		"en": "dibao standard", "en-GB": "dibao standard", "fr": "dibao standard", "und": "dibao standard"} {
		assert.Equal(t, want, standards.ParamDibaoStandard.Label(standards.NewPrinter(language.MustParse(tag))), tag)
	}
}
