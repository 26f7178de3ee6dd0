package standards_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// Worst-case files for the linear-time promise of Load: each grows one
// dimension the validator walks, at 1×, 4× and 16× a base size. The 16×
// files stay under MaxFileSize.

// fileHead starts a file for the province 230000 with a register of
// prefectures × counties codes (230100 … , each with counties 01 …), a source
// "s", and opens "parameters".
func fileHead(b *strings.Builder, prefectures, counties int) {
	b.WriteString(`{"format": "dibao-standards/1", "name": "worst case", "jurisdiction": "230000", "complete_through": "2100-12-31",
"divisions": [{"code": "230000", "name": "省"}`)
	for p := 1; p <= prefectures; p++ {
		pc := 230000 + p*100
		fmt.Fprintf(b, `, {"code": "%d", "name": "地%d", "parent": "230000"}`, pc, p)
		for c := 1; c <= counties; c++ {
			fmt.Fprintf(b, `, {"code": "%d", "name": "县%d", "parent": "%d"}`, pc+c, c, pc)
		}
	}
	b.WriteString(`],
"sources": {"s": {"document": "doc", "reliability": "official"}},
"parameters": {`)
}

// day returns the date n days after 1990-01-01.
func day(n int) string { return standards.MustParseDate("1990-01-01").AddDays(n).String() }

// tierTableFile: one series of tier tables, 600 × scale values, each with
// five tiers and a placement for every category.
func tierTableFile(scale int) []byte {
	var b strings.Builder
	fileHead(&b, 1, 1)
	b.WriteString(`"tier_table": [{"regions": ["230000"], "values": [`)
	n := 600 * scale
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		// Amounts fall by 100 a tier from 600 + i % 50: strictly falling.
		top := 600 + i%50
		fmt.Fprintf(&b, `{"from": "%s", "source": "s", "value": {"tiers": [
 {"from": "0", "from_inclusive": true, "to": "100", "to_inclusive": true, "amount": "%d"},
 {"from": "100", "to": "200", "to_inclusive": true, "amount": "%d"},
 {"from": "200", "to": "300", "to_inclusive": true, "amount": "%d"},
 {"from": "300", "to": "400", "to_inclusive": true, "amount": "%d"},
 {"from": "400", "to": "1000", "amount": "%d"}],
 "placements": [{"category": "severe_disability", "tier": 1}, {"category": "serious_illness", "tier": 1}, {"category": "elderly", "tier": 2},
  {"category": "minor", "tier": 2}, {"category": "martyr_family", "tier": 3}, {"category": "returned_veteran", "tier": 3}]}}`,
			day(i), top, top-100, top-200, top-300, top-400)
	}
	b.WriteString("]}]}}")
	return []byte(b.String())
}

// tierMapFile: a register of 10 prefectures × 99 counties (990 counties),
// a minimum-wage table with 4 × scale dated values, and for every county a
// tier series with 4 × scale dated values (tiers 1, 2, 3 in turn), the
// province's series under them all.
func tierMapFile(scale int) []byte {
	var b strings.Builder
	fileHead(&b, 10, 99)
	n := 4 * scale
	b.WriteString(`"minimum_wage": [{"regions": ["230000"], "values": [`)
	for j := 0; j < n; j++ {
		if j > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"from": "%s", "source": "s", "value": {"tiers": [{"tier": 1, "monthly": "%d"}, {"tier": 2, "monthly": "%d"}, {"tier": 3, "monthly": "%d"}]}}`,
			day(j*7), 2000+j, 1800+j, 1600+j)
	}
	b.WriteString(`]}], "minimum_wage_tier": [{"regions": ["230000"], "values": [{"from": "1990-01-01", "source": "s", "value": 3}]}`)
	for p := 1; p <= 10; p++ {
		for c := 1; c <= 99; c++ {
			fmt.Fprintf(&b, `,
{"regions": ["%d"], "values": [`, 230000+p*100+c)
			for j := 0; j < n; j++ {
				if j > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, `{"from": "%s", "source": "s", "value": %d}`, day(j*7), 1+(j+c)%3)
			}
			b.WriteString("]}")
		}
	}
	b.WriteString("]}}")
	return []byte(b.String())
}

// edgeBandsFile: one series of 400 × scale values, each with the most bands
// a value may hold (MaxBands, 20).
func edgeBandsFile(scale int) []byte {
	var b strings.Builder
	fileHead(&b, 1, 1)
	b.WriteString(`"edge_bands": [{"regions": ["230000"], "values": [`)
	n := 400 * scale
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"from": "%s", "source": "s", "value": [`, day(i))
		for k := 0; k < standards.MaxBands; k++ {
			if k > 0 {
				b.WriteString(", ")
			}
			// Multiples 1.05 … 2.00 by 0.05: inside (1, 2].
			h := (21 + k) * 5 // hundredths
			fmt.Fprintf(&b, `{"code": "b%d", "multiple": "%d.%02d", "area": "%s"}`, k, h/100, h%100, []string{"urban", "rural"}[k%2])
		}
		b.WriteString("]}")
	}
	b.WriteString("]}]}}")
	return []byte(b.String())
}

var worstCases = []struct {
	name  string
	build func(scale int) []byte
}{
	{"tier_table_values", tierTableFile},
	{"minimum_wage_tier_map", tierMapFile},
	{"edge_bands_values", edgeBandsFile},
}

// BenchmarkLoadWorstCase loads each worst case at 1×, 4× and 16× its base
// size: time per byte stays about the same when loading is linear (or
// n log n). Run it once: go test -run ^$ -bench LoadWorstCase -benchtime 1x.
func BenchmarkLoadWorstCase(b *testing.B) {
	for _, wc := range worstCases {
		for _, scale := range []int{1, 4, 16} {
			b.Run(wc.name+"/"+strconv.Itoa(scale)+"x", func(b *testing.B) {
				data := wc.build(scale)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := standards.Load(data, standards.LoadOptions{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// The 16× worst cases are valid files within the size limit: they load, and
// answer as built.
func TestWorstCaseFilesLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and loads files of several megabytes")
	}
	for _, wc := range worstCases {
		t.Run(wc.name, func(t *testing.T) {
			data := wc.build(16)
			require.LessOrEqual(t, len(data), standards.MaxFileSize)
			s, err := standards.Load(data, standards.LoadOptions{})
			require.NoError(t, err)
			switch wc.name {
			case "tier_table_values":
				// Value 9599 (600 × 16 − 1) starts on day 9599: its first tier pays 600 + 9599 % 50 = 649.
				v, err := standards.Lookup(s, standards.ParamTierTable, q("230101", day(9599)))
				require.NoError(t, err)
				assert.Equal(t, money.MustParse("649"), v.V.Tiers[0].Amount)
			case "minimum_wage_tier_map":
				// County 230512 (c = 12), value j = 63 (4 × 16 − 1) from day 441: tier 1 + (63 + 12) % 3 = 1;
				// the wage table's value 63 pays tier 1 2000 + 63 = 2063.
				tier, err := standards.Lookup(s, standards.ParamMinimumWageTier, q("230512", day(63*7)))
				require.NoError(t, err)
				assert.Equal(t, 1, tier.V)
				table, err := standards.Lookup(s, standards.ParamMinimumWage, q("230512", day(63*7)))
				require.NoError(t, err)
				rate, ok := table.V.Tier(tier.V)
				require.True(t, ok)
				assert.Equal(t, money.MustParse("2063"), rate.Monthly)
			case "edge_bands_values":
				v, err := standards.Lookup(s, standards.ParamEdgeBands, q("230101", day(6399)))
				require.NoError(t, err)
				require.Len(t, v.V, standards.MaxBands)
				assert.Equal(t, money.MustRate("2"), v.V[19].Multiple, "0.05 × 40")
			}
		})
	}
}

func BenchmarkLoadHeilongjiang(b *testing.B) {
	divs, err := standards.ParseDivisionsCSV(bytes.NewReader(heilongjiang.DivisionsCSV()))
	if err != nil {
		b.Fatal(err)
	}
	data := heilongjiang.JSON()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := standards.Load(data, standards.LoadOptions{Divisions: divs}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookupDibaoStandard(b *testing.B) {
	s, _ := heilongjiang.Set()
	qq := standards.Query{Region: r("230113"), Area: standards.AreaUrban, Date: d("2023-06-01")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := standards.Lookup(s, standards.ParamDibaoStandard, qq); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookupDibaoStandardAsOf(b *testing.B) {
	s, _ := heilongjiang.Set()
	qq := standards.Query{Region: r("230113"), Area: standards.AreaUrban, Date: d("2023-06-01"), KnownOn: d("2023-10-01")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := standards.Lookup(s, standards.ParamDibaoStandard, qq); err != nil {
			b.Fatal(err)
		}
	}
}

// The minimum wage of a place of work: the tier, then the table.
func BenchmarkLookupMinimumWage(b *testing.B) {
	s, _ := heilongjiang.Set()
	qq := standards.Query{Region: r("232761"), Date: d("2025-12-01")}
	b.ReportAllocs()
	for b.Loop() {
		tier, err := standards.Lookup(s, standards.ParamMinimumWageTier, qq)
		if err != nil {
			b.Fatal(err)
		}
		table, err := standards.Lookup(s, standards.ParamMinimumWage, qq)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := table.V.Tier(tier.V); !ok {
			b.Fatal("no rate")
		}
	}
}

func BenchmarkLookupEdgeBands(b *testing.B) {
	s, _ := heilongjiang.Set()
	qq := standards.Query{Region: r("230113"), Date: d("2023-06-01")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := standards.Lookup(s, standards.ParamEdgeBands, qq); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSaveHeilongjiang(b *testing.B) {
	s, _ := heilongjiang.Set()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Save(standards.SaveOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
