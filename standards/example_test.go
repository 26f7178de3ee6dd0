package standards_test

import (
	"errors"
	"fmt"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
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
	v, err := standards.Lookup(set, standards.ParamDibaoStandard, standards.Query{
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

// Load reports every problem at once, each with its path and code.
func ExampleLoad_problems() {
	_, err := standards.Load([]byte(`{"format": "dibao-standards/1", "name": "x", "jurisdiction": "230000",
	  "complete_through": "2023-02-30", "sources": {}, "parameters": {}, "colour": "red"}`), standards.LoadOptions{})
	if pe, ok := problem.As(err); ok {
		for _, p := range pe.Problems {
			fmt.Println(p.Path, p.Code)
		}
	}
	// Output:
	// complete_through bad_date
	// colour unknown_field
	// divisions required
}

// An as-of lookup recomputes a past month as it was known at the time.
// Harbin's 2023 standard was issued on 2023-11-03, retroactive to 2023-01-01.
func ExampleLookup() {
	set, err := heilongjiang.Set()
	if err != nil {
		fmt.Println(err)
		return
	}
	q := standards.Query{
		Region: standards.MustRegion("230102"), // 道里区, 哈尔滨市
		Area:   standards.AreaUrban,
		Date:   standards.MustParseDate("2023-06-01"),
	}
	q.KnownOn = standards.MustParseDate("2023-10-31")
	then, _ := standards.Lookup(set, standards.ParamDibaoStandard, q)
	q.KnownOn = standards.MustParseDate("2023-11-03")
	now, _ := standards.Lookup(set, standards.ParamDibaoStandard, q)
	backPay, _ := now.V.Sub(then.V)
	fmt.Println("as computed in October:", then.V)
	fmt.Println("after the notice:", now.V, "published", now.Published)
	fmt.Println("back-pay per person:", backPay)
	// Output:
	// as computed in October: 835
	// after the notice: 850 published 2023-11-03
	// back-pay per person: 15
}

// The minimum wage of a place of work follows the dated region → tier map:
// 双城区 moved from 三档 to 二档 on 2025-12-01, when the wages rose too.
func ExampleLookup_minimumWage() {
	set, _ := heilongjiang.Set()
	for _, day := range []string{"2025-11-30", "2025-12-01"} {
		q := standards.Query{Region: standards.MustRegion("230113"), Date: standards.MustParseDate(day)}
		tier, err := standards.Lookup(set, standards.ParamMinimumWageTier, q)
		if err != nil {
			fmt.Println(err)
			continue
		}
		table, err := standards.Lookup(set, standards.ParamMinimumWage, q)
		if err != nil {
			fmt.Println(err)
			continue
		}
		rate, _ := table.V.Tier(tier.V)
		fmt.Println(day, "tier", tier.V, rate.Monthly)
	}
	// Output:
	// 2025-11-30 tier 3 1750
	// 2025-12-01 tier 2 2010
}

// A value the data does not hold is an error that says what it does hold,
// never another region's figure.
func ExampleLookup_notCovered() {
	set, _ := heilongjiang.Set()
	_, err := standards.Lookup(set, standards.ParamDibaoStandard, standards.Query{
		Region: standards.MustRegion("230202"), // 龙沙区, 齐齐哈尔市
		Area:   standards.AreaUrban,
		Date:   standards.MustParseDate("2023-06-01"),
	})
	var le *standards.LookupError
	fmt.Println(errors.Is(err, standards.ErrNotCovered), errors.As(err, &le) && le.RegionName == "龙沙区")
	// Output: true true
}

// ValidThrough lets a caller reuse an answer for a range of dates.
func ExampleLookup_validThrough() {
	set, _ := heilongjiang.Set()
	v, _ := standards.Lookup(set, standards.ParamDibaoStandard, standards.Query{
		Region: standards.MustRegion("230102"),
		Area:   standards.AreaUrban,
		Date:   standards.MustParseDate("2022-03-01"),
	})
	fmt.Println(v.V, "from", v.From, "through", v.ValidThrough)
	// Output: 835 from 2022-01-01 through 2022-12-31
}

// A reform raises Harbin's urban standard from 2024; ScopeUnder makes it
// replace the series of every county under Harbin.
func ExampleSet_Apply() {
	set, _ := heilongjiang.Set()
	reform, err := set.Apply(standards.Reform{
		Name: "Harbin urban standard 900",
		From: standards.MustParseDate("2024-01-01"),
		Changes: []standards.Change{
			standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("900")).
				In(standards.MustRegion("230100")).For(standards.AreaUrban).Under(),
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, day := range []string{"2023-12-31", "2024-06-01"} {
		v, _ := standards.Lookup(reform, standards.ParamDibaoStandard, standards.Query{
			Region: standards.MustRegion("230102"), Area: standards.AreaUrban, Date: standards.MustParseDate(day)})
		fmt.Println(day, v.V, v.Source.Reliability)
	}
	// Output:
	// 2023-12-31 850 official
	// 2024-06-01 900 simulation
}

// Save writes a Set in the standards format; loading the file gives the
// same Set, with the same identity.
func ExampleSet_Save() {
	set, _ := heilongjiang.Set()
	file, err := set.Save(standards.SaveOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	again, err := standards.Load(file, standards.LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(again.Identity() == set.Identity(), again.Divisions().Len())
	// Output: true 140
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
