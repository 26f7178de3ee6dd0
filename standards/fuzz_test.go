package standards_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// checkProblems fails unless err is a *problem.Error about invalid input
// with at least one problem, each with a code and a message in both
// languages.
func checkProblems(t *testing.T, err error) {
	t.Helper()
	pe, ok := problem.As(err)
	if !ok {
		t.Fatalf("error %T is not a *problem.Error: %v", err, err)
	}
	if !errors.Is(err, standards.ErrInvalidStandards) {
		t.Fatalf("error is not ErrInvalidStandards: %v", err)
	}
	if len(pe.Problems) == 0 {
		t.Fatalf("an error without problems")
	}
	for _, p := range pe.Problems {
		if p.Code == "" || p.Message.ZH == "" || p.Message.EN == "" {
			t.Fatalf("incomplete problem %#v", p)
		}
	}
}

// checkReloads fails unless s saves to a file that loads again into a Set
// with the same identity and the same saved bytes.
func checkReloads(t *testing.T, s *standards.Set) {
	t.Helper()
	out, err := s.Save(standards.SaveOptions{})
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	s2, err := standards.Load(out, standards.LoadOptions{AllowOutOfRange: s.AllowsOutOfRange()})
	if err != nil {
		t.Fatalf("the saved Set does not load: %v\n%s", err, out)
	}
	if s2.Identity() != s.Identity() {
		t.Fatalf("identity changed from %s to %s", s.Identity(), s2.Identity())
	}
	out2, err := s2.Save(standards.SaveOptions{})
	if err != nil || !bytes.Equal(out, out2) {
		t.Fatalf("save → load → save differs: %v", err)
	}
}

// FuzzLoad checks that no input makes Load panic, that every failure is a
// *problem.Error, and that whatever loads survives Save → Load unchanged.
func FuzzLoad(f *testing.F) {
	divs, err := standards.ParseDivisionsCSV(bytes.NewReader(heilongjiang.DivisionsCSV()))
	if err != nil {
		f.Fatal(err)
	}
	hlj, err := heilongjiang.Set()
	if err != nil {
		f.Fatal(err)
	}
	saved, err := hlj.Save(standards.SaveOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(heilongjiang.JSON()) // loads with the embedded register
	f.Add(saved)               // self-contained
	f.Add([]byte(fixture))
	f.Add(docExample(f))
	f.Add(mutate(f, func(m map[string]any) { firstValue(m, "dibao_standard")["value"] = "1e999999999" }))
	f.Add(mutate(f, func(m map[string]any) { delete(m, "divisions") }))
	f.Add(mutate(f, func(m map[string]any) { firstValue(m, "edge_bands")["until"] = "2020-01-01" }))
	f.Add(replaceOnce(f, `"source": "harbin-2023", "value": "835"`, `"source": "harbin-2023", "value": null`)) // a required field given as null
	f.Add(replaceOnce(f, `"name": "示例省"`, "\"name\": \"a\xff\""))
	f.Add([]byte("\xef\xbb\xbf" + fixture))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	f.Add([]byte(`{"format":"dibao-standards/1","parameters":{"tier_table":[{"regions":["230000"],"values":[{"value":{"tiers":[{}]}}]}]}}`))
	f.Add([]byte(`{"divisions":[{"code":"230000","name":"x"},{"code":"230000","name":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opts := range []standards.LoadOptions{{}, {Divisions: divs}, {AllowOutOfRange: true}} {
			s, err := standards.Load(data, opts)
			if err != nil {
				checkProblems(t, err)
				continue
			}
			checkReloads(t, s)
		}
	})
}

// reformSamples are changes a fuzzer combines: for each key, a few values,
// some valid and some not.
var reformSamples = []func(v int) standards.Change{
	func(v int) standards.Change {
		if v%8 >= 6 { // 0.01 / 2 = 0.005 and 850 / 3 = 283.33…: finer than a fen
			a, _ := money.MustParse([]string{"0.01", "850"}[v%8-6]).QuoInt(int64(2 + v%8 - 6))
			return standards.ChangeTo(standards.ParamDibaoStandard, a)
		}
		a := []string{"850", "0.01", "999999.99", "0", "-1", "1000000"}[v%8]
		return standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse(a))
	},
	func(v int) standards.Change {
		m := []string{"1.5", "2", "2.5", "1", "50", "1.00001"}[v%6]
		return standards.ChangeTo(standards.ParamEdgeBands, []standards.Band{{Code: "edge", Multiple: money.MustRate(m)}, {Code: "x", Multiple: money.MustRate("1.2"), Area: standards.Area(v % 4)}})
	},
	func(v int) standards.Change {
		return standards.ChangeTo(standards.ParamSupplementRate, money.MustRate([]string{"0.15", "0.2", "0.1", "10", "11"}[v%5]))
	},
	func(v int) standards.Change {
		return standards.ChangeTo(standards.ParamElderlyAge, []int{60, 65, 0, 130, 131, -1}[v%6])
	},
	func(v int) standards.Change {
		return standards.ChangeTo(standards.ParamMinimumWageTier, []int{1, 2, 3, 4, 0, 21}[v%6])
	},
	func(v int) standards.Change {
		tiers := [][]standards.WageRate{
			{{Tier: 1, Monthly: money.MustParse("2270")}, {Tier: 2, Monthly: money.MustParse("2010")}, {Tier: 3, Monthly: money.MustParse("1910")}},
			{{Tier: 1, Monthly: money.MustParse("2270")}, {Tier: 2, Monthly: money.MustParse("2010")}},
			{{Tier: 1, Monthly: money.MustParse("2010")}, {Tier: 2, Monthly: money.MustParse("2270")}},
			nil,
		}[v%4]
		return standards.ChangeTo(standards.ParamMinimumWage, standards.MinimumWage{Tiers: tiers})
	},
	func(v int) standards.Change {
		m := money.MustParse
		tiers := []standards.Tier{
			{From: m("0"), FromInclusive: true, To: m("100"), ToInclusive: true, Amount: m("500")},
			{From: m("100"), To: m("200"), ToInclusive: true, Amount: m("400")},
			{From: m("200"), To: m("300"), ToInclusive: true, Amount: m("300")},
			{From: m("300"), To: m("400"), ToInclusive: true, Amount: m("200")},
			{From: m("400"), To: m("900"), Amount: m("100")},
		}
		n := []int{5, 4, 0, 5}[v%4]
		tt := standards.TierTable{Tiers: tiers[:n]}
		if v%4 == 3 {
			tt.Placements = []standards.Placement{{Category: standards.CategoryElderly, Tier: 9}}
		}
		return standards.ChangeTo(standards.ParamTierTable, tt)
	},
	func(v int) standards.Change {
		r := []standards.RoundingRule{{Unit: money.UnitFen, Mode: money.ModeHalfUp}, {Unit: money.UnitYuan, Mode: money.ModeDown}, {}}[v%3]
		return standards.ChangeTo(standards.RoundPaymentTotal, r)
	},
	func(v int) standards.Change {
		m := money.MustParse
		ts := []standards.TekunSupport{
			{Basic: m("1105"), SelfCare: m("1066"), PartialCare: m("1116"), FullCare: m("1166")},
			{Basic: m("1105"), SelfCare: m("1166"), PartialCare: m("1116"), FullCare: m("1066")},
			{},
		}[v%3]
		return standards.ChangeTo(standards.ParamTekunSupport, ts)
	},
	func(v int) standards.Change {
		c := [][]standards.Category{{standards.CategoryElderly}, {standards.CategoryElderly, standards.CategoryElderly}, {standards.Category(99)}, nil}[v%4]
		return standards.ChangeTo(standards.ParamSupplementCategories, c)
	},
	func(v int) standards.Change {
		return standards.ChangeTo(standards.ParamPaymentMethod, []standards.Method{standards.MethodGap, standards.MethodTiered, standards.MethodUnset, 99}[v%4])
	},
	func(v int) standards.Change {
		return standards.ChangeTo(standards.ParamCaregiverIncomeFactor, money.MustRate([]string{"0.5", "1", "0", "1.5", "0.333"}[v%5]))
	},
	func(v int) standards.Change {
		pl := standards.PriceLinkage{CPITrigger: money.MustRate([]string{"0.03", "0.04", "0"}[v%3]), FoodCPITrigger: money.MustRate("0.06"),
			Covered: []standards.Group{standards.GroupDibao}}
		return standards.ChangeTo(standards.ParamPriceLinkage, pl)
	},
}

// FuzzApply builds reforms from fuzzed choices of key, value, region, area,
// scope and date: Apply never panics, fails only with a *problem.Error,
// leaves the base Set alone, and a derived Set saves to a file Load accepts.
func FuzzApply(f *testing.F) {
	fix := loadFixture(f)
	hlj, err := heilongjiang.Set()
	if err != nil {
		f.Fatal(err)
	}
	regions := []string{"", "230000", "230100", "230102", "230103", "230202", "230199", "220000", "230113", "232761"}
	f.Add(uint8(0), uint8(0), uint8(3), uint8(1), false, uint16(8766), false, false) // dibao 850 in 道里区 urban
	f.Add(uint8(0), uint8(0), uint8(2), uint8(1), false, uint16(8766), false, true)  // in Harbin, ScopeOwn: no effect
	f.Add(uint8(1), uint8(2), uint8(1), uint8(0), true, uint16(8766), true, true)    // edge 2.5× allowed, Under
	f.Add(uint8(4), uint8(3), uint8(3), uint8(0), false, uint16(9000), false, false) // a tier without a wage
	f.Add(uint8(6), uint8(1), uint8(0), uint8(0), false, uint16(100), true, false)   // a four-tier table
	f.Add(uint8(8), uint8(0), uint8(3), uint8(3), false, uint16(8766), false, true)  // area 7
	f.Add(uint8(3), uint8(2), uint8(9), uint8(0), true, uint16(0), false, true)      // 2000-01-01, a county of 大兴安岭
	f.Add(uint8(5), uint8(0), uint8(1), uint8(0), false, uint16(9100), false, true)  // a wage table for the province
	f.Add(uint8(11), uint8(4), uint8(5), uint8(1), true, uint16(9063), false, false) // a caregiver factor of 0.333 (two decimals allowed)
	f.Fuzz(func(t *testing.T, key, value, region, area uint8, under bool, day uint16, allow, useHLJ bool) {
		base := fix
		if useHLJ {
			base = hlj
		}
		identity := base.Identity()
		ch := reformSamples[int(key)%len(reformSamples)](int(value))
		if reg := regions[int(region)%len(regions)]; reg != "" {
			ch = ch.In(r(reg))
		}
		ch = ch.For([]standards.Area{standards.AreaAny, standards.AreaUrban, standards.AreaRural, standards.Area(7)}[area%4])
		if under {
			ch = ch.Under()
		}
		from := d("2000-01-01").AddDays(int(day) % 20000)
		n, err := base.Apply(standards.Reform{Name: "fuzz", From: from, Changes: []standards.Change{ch}, AllowOutOfRange: allow})
		if base.Identity() != identity {
			t.Fatal("Apply changed its base")
		}
		if err != nil {
			checkProblems(t, err)
			return
		}
		checkReloads(t, n)
	})
}

// FuzzDecodeValue checks that DecodeValue never panics on any key and input,
// and that what it accepts encodes and decodes to the same value.
func FuzzDecodeValue(f *testing.F) {
	keys := standards.Keys()
	for i, k := range keys {
		f.Add(uint8(i), []byte(`"850"`))
		_ = k
	}
	f.Add(uint8(1), []byte(`[{"code": "edge", "multiple": "1.5", "area": "urban", "name": "x"}]`))
	f.Add(uint8(2), []byte(`{"tiers": [{"tier": 1, "monthly": "2080", "hourly": "19"}]}`))
	f.Add(uint8(3), []byte(`{"basic": "1", "self_care": "0", "partial_care": "0", "full_care": "0"}`))
	f.Add(uint8(4), []byte(`["scholarship"]`))
	f.Add(uint8(5), []byte(`{"unit": "fen", "mode": "half_up"}`))
	f.Add(uint8(6), []byte(`60`))
	f.Add(uint8(7), []byte(`true`))
	f.Fuzz(func(t *testing.T, i uint8, data []byte) {
		k := keys[int(i)%len(keys)]
		v, err := standards.DecodeValue(k, data)
		if err != nil {
			if _, ok := problem.As(err); !ok {
				t.Fatalf("error %T is not a *problem.Error: %v", err, err)
			}
			return
		}
		b, err := standards.EncodeValue(k, v)
		if err != nil {
			t.Fatalf("EncodeValue of a decoded %s: %v", k.Name(), err)
		}
		v2, err := standards.DecodeValue(k, b)
		if err != nil {
			t.Fatalf("the encoded %s %s does not decode: %v", k.Name(), b, err)
		}
		b2, err := standards.EncodeValue(k, v2)
		if err != nil || !bytes.Equal(b, b2) {
			t.Fatalf("encode → decode → encode of %s differs: %s, %s", k.Name(), b, b2)
		}
	})
}

// FuzzParseDivisionsCSV checks that the register reader never panics, and
// that what it accepts is a consistent register.
func FuzzParseDivisionsCSV(f *testing.F) {
	f.Add(heilongjiang.DivisionsCSV())
	f.Add([]byte(csvHead + "230000,黑龙江省,,province\n230100,哈尔滨市,230000,prefecture\n"))
	f.Add([]byte(csvHead + "230000,\"黑龙\"\"江\",,province\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		divs, err := standards.ParseDivisionsCSV(bytes.NewReader(data))
		if err != nil {
			checkProblems(t, err)
			return
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		_ = w.Write(strings.Split(standards.DivisionsHeader, ","))
		for _, dv := range divs.All() {
			_ = w.Write([]string{dv.Region.String(), dv.Name, dv.Parent.String(), dv.Level.String()})
			if !dv.Region.IsValid() || strings.TrimSpace(dv.Name) == "" || dv.Level != dv.Region.Level() {
				t.Fatalf("an inconsistent division %#v", dv)
			}
			if p, ok := dv.Region.Parent(); ok && (p != dv.Parent || !divs.Has(p)) {
				t.Fatalf("division %s has parent %s", dv.Region, dv.Parent)
			}
		}
		// What was read writes back to a register that reads the same.
		w.Flush()
		again, err := standards.ParseDivisionsCSV(&b)
		if err != nil {
			t.Fatalf("the register written back does not read: %v", err)
		}
		if !reflect.DeepEqual(divs.All(), again.All()) {
			t.Fatalf("the register written back reads differently")
		}
	})
}

// FuzzParseDate and FuzzParseRegion check the text forms: what parses
// prints back as it was written.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-01-01", "2024-02-29", "2023-02-29", "1900-01-01", "2200-12-31", "", "0000-00-00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dt, err := standards.ParseDate(s)
		if err != nil {
			if !errors.Is(err, standards.ErrInvalidDate) || !dt.IsZero() {
				t.Fatalf("%q: %v %v", s, dt, err)
			}
			return
		}
		if dt.String() != s {
			t.Fatalf("%q parses to %s", s, dt)
		}
		// The calendar agrees.
		if tm, err := time.Parse("2006-01-02", s); err != nil || tm.Format("2006-01-02") != s {
			t.Fatalf("%q is not a calendar date: %v", s, err)
		}
		if dt.AddDays(1).AddDays(-1) != dt || !dt.AddDays(1).After(dt) {
			t.Fatalf("%s: day arithmetic", dt)
		}
	})
}

func FuzzParseRegion(f *testing.F) {
	for _, s := range []string{"230000", "230100", "230113", "230001", "", "999999", "110000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		reg, err := standards.ParseRegion(s)
		if err != nil {
			if !errors.Is(err, standards.ErrInvalidRegion) || reg.IsValid() {
				t.Fatalf("%q: %v %v", s, reg, err)
			}
			return
		}
		if reg.String() != s || !reg.IsValid() || reg.Level() == standards.LevelUnknown {
			t.Fatalf("%q parses to %s (%s)", s, reg, reg.Level())
		}
		chain, n := reg.Chain()
		for i := 0; i < n; i++ {
			if !chain[i].Contains(reg) || !chain[i].IsValid() {
				t.Fatalf("%s: chain %v", reg, chain[:n])
			}
		}
	})
}

// FuzzReadReform checks that ReadReform never panics, reports every refusal
// as problems, and that a reform it reads either applies to a Set that saves
// and loads again or is refused with problems.
func FuzzReadReform(f *testing.F) {
	fix := loadFixture(f)
	f.Add([]byte(`{"name": "x", "from": "2024-01-01", "changes": [{"param": "dibao_standard", "regions": ["230100"], "area": "urban", "scope": "under", "multiply": "1.07", "round": {"unit": "yuan", "mode": "down"}}]}`))
	f.Add([]byte(`{"name": "x", "from": "2024-01-01", "changes": [{"param": "supplement_rate", "add": "0.05"}, {"param": "supplement_stacking", "value": "sum"}]}`))
	f.Add([]byte(`{"name": "x", "from": "2024-01-01", "changes": [{"param": "dibao_standard", "regions": ["230102"], "multiply": "1.0701"}]}`))
	f.Add([]byte(`{"name": "x", "from": "2024-01-01", "changes": [{"param": "rounding.price_subsidy", "value": {"unit": "yuan", "mode": "up"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := standards.ReadReform(data)
		if err != nil {
			checkProblems(t, err)
			return
		}
		n, err := fix.Apply(r)
		if err != nil {
			checkProblems(t, err)
			return
		}
		checkReloads(t, n)
	})
}
