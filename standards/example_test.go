package standards_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func ExampleLoad() {
	file := []byte(`{
	  "format": "dibao-standards/1",
	  "name": "example",
	  "jurisdiction": "230000",
	  "complete_through": "2023-12-31",
	  "divisions": [
	    {"code": "230000", "name": "黑龙江省"},
	    {"code": "230100", "name": "哈尔滨市", "parent": "230000"},
	    {"code": "230102", "name": "道里区", "parent": "230100"}
	  ],
	  "sources": {"harbin-2023": {"document": "哈民政规〔2023〕6号", "reliability": "official"}},
	  "parameters": {
	    "dibao_standard": [{"regions": ["230102"], "area": "urban", "values": [
	      {"from": "2023-01-01", "published": "2023-11-03", "source": "harbin-2023", "value": "850"}]}]
	  }
	}`)
	set, err := standards.Load(file, standards.LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := set.DibaoStandard(standards.Query{
		Region: standards.MustRegion("230102"),
		Area:   standards.AreaUrban,
		Date:   standards.MustParseDate("2023-06-01"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.V, v.From, v.Source.Document, v.Source.Reliability)
	// Output: 850 2023-01-01 哈民政规〔2023〕6号 official
}

func ExampleLoad_problems() {
	_, err := standards.Load([]byte(`{"format": "dibao-standards/1", "name": "x", "jurisdiction": "230000",
	  "complete_through": "2023-02-30", "sources": {}, "parameters": {}, "colour": "red"}`), standards.LoadOptions{})
	var le *standards.LoadError
	if errors.As(err, &le) {
		for _, p := range le.Problems {
			fmt.Println(p.Path, p.Code)
		}
	}
	// Output:
	// complete_through bad_date
	// divisions required
	// colour unknown_field
}

// An as-of lookup recomputes a past month as it was known at the time.
// Harbin's 2023 standard was issued on 2023-11-03, retroactive to 2023-01-01.
func ExampleSet_DibaoStandard_asOf() {
	set, _ := heilongjiang.Set()
	q := standards.Query{
		Region: standards.MustRegion("230102"),
		Area:   standards.AreaUrban,
		Date:   standards.MustParseDate("2023-06-01"),
	}
	q.KnownOn = standards.MustParseDate("2023-10-31")
	then, _ := set.DibaoStandard(q)
	q.KnownOn = standards.MustParseDate("2023-11-03")
	now, _ := set.DibaoStandard(q)
	fmt.Println("as computed in October:", then.V)
	fmt.Println("after the notice:", now.V, "published", now.Published)
	fmt.Println("back-pay per person:", now.V.Sub(then.V))
	// Output:
	// as computed in October: 835
	// after the notice: 850 published 2023-11-03
	// back-pay per person: 15
}

// The minimum wage of a place of work follows the dated region → tier map:
// 双城区 moved from 三档 to 二档 on 2025-12-01.
func ExampleSet_MinimumWage() {
	set, _ := heilongjiang.Set()
	for _, day := range []string{"2025-11-30", "2025-12-01"} {
		w, err := set.MinimumWage(standards.Query{Region: standards.MustRegion("230113"), Date: standards.MustParseDate(day)})
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(day, "tier", w.Tier.V, w.Rate.V.Monthly)
	}
	// Output:
	// 2025-11-30 tier 3 1750
	// 2025-12-01 tier 2 2010
}

func ExampleSet_Apply() {
	set, _ := heilongjiang.Set()
	reform, err := set.Apply(standards.Reform{
		Name: "edge band at 2×",
		From: standards.MustParseDate("2024-01-01"),
		Changes: []standards.Change{{
			Param:   standards.ParamEdgeBands,
			Regions: []standards.Region{standards.MustRegion("230100")},
			Value:   []standards.Band{{Code: "edge", Multiple: decimal.NewFromInt(2)}},
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	q := standards.Query{Region: standards.MustRegion("230102"), Date: standards.MustParseDate("2024-03-01")}
	before, _ := set.EdgeBands(q)
	after, _ := reform.EdgeBands(q)
	fmt.Println(before.V)
	fmt.Println(after.V, after.Source.Reliability)
	// Output:
	// [urban_edge_hardship 1.2× (urban) edge 1.5×]
	// [edge 2×] simulation
}

func ExampleSet_Lookup_notCovered() {
	set, _ := heilongjiang.Set()
	_, err := set.DibaoStandard(standards.Query{
		Region: standards.MustRegion("230202"), // 龙沙区, 齐齐哈尔
		Area:   standards.AreaUrban,
		Date:   standards.MustParseDate("2023-06-01"),
	})
	fmt.Println(errors.Is(err, standards.ErrNotCovered))
	// Output: true
}

func ExampleRoundingRule_Apply() {
	// A price subsidy: monthly standard × the CPI rise, to the yuan, 四舍五入.
	rule := standards.RoundingRule{Unit: standards.UnitYuan, Mode: standards.ModeHalfUp}
	fmt.Println(rule.Apply(decimal.RequireFromString("850").Mul(decimal.RequireFromString("0.035")))) // 29.75
	fmt.Println(rule.Apply(decimal.RequireFromString("22.5")))
	banker := standards.RoundingRule{Unit: standards.UnitYuan, Mode: standards.ModeHalfEven}
	fmt.Println(banker.Apply(decimal.RequireFromString("22.5")))
	// Output:
	// 30
	// 23
	// 22
}

func ExampleParseRegion() {
	r, err := standards.ParseRegion("230113")
	if err != nil {
		fmt.Println(err)
		return
	}
	chain, n := r.Chain()
	for _, c := range chain[:n] {
		fmt.Println(c, c.Level())
	}
	_, err = standards.ParseRegion("23011")
	fmt.Println(err)
	// Output:
	// 230113 county
	// 230100 prefecture
	// 230000 province
	// standards: invalid region code: "23011" is not six digits
}

func ExampleFormatValue() {
	set, _ := heilongjiang.Set()
	q := standards.Query{Region: standards.MustRegion("230102"), Area: standards.AreaRural, Date: standards.MustParseDate("2023-06-01")}
	v, _ := set.Lookup(standards.ParamDibaoStandard, q)
	for _, tag := range []language.Tag{language.SimplifiedChinese, language.English} {
		p := standards.NewPrinter(tag)
		fmt.Printf("%s: %s\n", standards.ParamDibaoStandard.Label(p), standards.FormatValue(p, v.Param, v.V))
	}
	// Output:
	// 低保标准: 640.00 元/人·月
	// dibao standard: 640.00 yuan per person per month
}
