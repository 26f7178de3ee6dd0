package batch_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/fuzzgen"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// householdCSV writes a household's general form as the CSV form's rows,
// under key, for an assessment on date — from the general form, so that
// households the library refuses can be written too.
func householdCSV(key string, h *income.Household, date standards.Date) []byte {
	cols := batch.CSVHeader()
	at := map[string]int{}
	for i, c := range cols {
		at[c] = i
	}
	var out bytes.Buffer
	row := func(rec string, cells map[string]string) {
		r := make([]string, len(cols))
		r[0], r[1] = key, rec
		for k, v := range cells {
			r[at[k]] = v
		}
		for i, c := range r {
			if strings.ContainsAny(c, ",\"\n\r") {
				r[i] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
		}
		out.WriteString(strings.Join(r, ",") + "\n")
	}
	str := func(s string, omit bool) string {
		if omit {
			return ""
		}
		return s
	}
	hh := map[string]string{"date": date.String(), "region": h.Region.String(), "area": h.Area.String(),
		"basis":     str(h.Registration.String(), h.Registration == income.RegistrationHukou),
		"supporter": str(h.Supporter.String(), h.Supporter == income.SupporterUnknown),
		"poverty":   str(h.Poverty.String(), h.Poverty == income.PovertyNone)}
	if h.HasCaregiverFactor {
		hh["caregiver_factor"] = h.CaregiverFactor.String()
	}
	row("household", hh)
	b := func(v bool) string { return str("true", !v) }
	for _, m := range h.Members {
		cells := map[string]string{"id": m.ID, "birth_date": m.BirthDate.String(), "relation": m.Relation.String(), "labour": m.Labour.String(),
			"serious_illness": b(m.SeriousIllness), "special_care": b(m.SpecialCare), "martyr_family": b(m.MartyrFamily),
			"returned_veteran": b(m.ReturnedVeteran), "student": b(m.Student), "workplace": m.Workplace.String(),
			"dependency": str(m.Dependency.String(), m.Dependency == income.DependencyNone),
			"cares_for":  strings.Join(m.CaresFor, ";")}
		if m.Disability != (income.Disability{}) {
			cells["disability"] = str(m.Disability.Category.String(), m.Disability.Category == standards.DisabilityNone)
			cells["disability_grade"] = strconv.Itoa(m.Disability.Grade)
		}
		if m.ServiceDisabilityGrade != 0 {
			cells["service_disability_grade"] = strconv.Itoa(m.ServiceDisabilityGrade)
		}
		var groups []string
		for _, g := range m.Groups {
			groups = append(groups, g.String())
		}
		cells["groups"] = strings.Join(groups, ";")
		row("member", cells)
	}
	for _, m := range h.Members {
		for _, in := range m.Incomes {
			cells := map[string]string{"member": m.ID, "kind": in.Kind.String(), "amount": in.Amount.String(), "period": in.Period.Unit.String(),
				"verification": str(in.Verification.String(), in.Verification == income.Verified),
				"basis":        str(in.Basis.String(), in.Basis == income.SupportBasisUnset),
				"exempt_from":  str(in.ExemptFrom.String(), in.ExemptFrom == income.GiverNone), "note": in.Note}
			if in.Period.Months != 0 {
				cells["months"] = strconv.Itoa(in.Period.Months)
			}
			row("income", cells)
		}
	}
	for _, p := range h.Property {
		cells := map[string]string{"member": p.Member, "kind": p.Kind.String(), "value": p.Value.String(), "exempt": b(p.Exempt)}
		if p.Count != 0 {
			cells["count"] = strconv.Itoa(p.Count)
		}
		row("property", cells)
	}
	for _, e := range h.Expenditures {
		row("expenditure", map[string]string{"member": e.Member, "kind": e.Kind.String(), "amount": e.Amount.String()})
	}
	return out.Bytes()
}

// problemSet lists a problem error's problems as "path code: message"
// strings (the English message, which names members and values), sorted.
func problemSet(err error) []string {
	pe, ok := problem.As(err)
	if !ok {
		if err == nil {
			return nil
		}
		return []string{err.Error()}
	}
	var out []string
	for _, q := range pe.Problems {
		out = append(out, q.Path+" "+string(q.Code)+": "+q.Message.EN)
	}
	slices.Sort(out)
	return out
}

// csvAgrees reads h through the CSV form and through CompactOf, and
// reports a difference: in the problems, or in the household read.
func csvAgrees(t *testing.T, h *income.Household, date standards.Date) (refused bool) {
	t.Helper()
	header := strings.Join(batch.CSVHeader(), ",") + "\n"
	data := append([]byte(header), householdCSV("k", h, date)...)
	r, err := batch.NewCSVReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	pop := &batch.Population{}
	if _, err := r.Read(pop, 10); err != nil && err.Error() != "EOF" {
		t.Fatal(err)
	}
	if pop.Len() != 1 {
		t.Fatalf("%d households", pop.Len())
	}
	var c income.Compact
	ids, jerr := income.CompactOf(h, &c, date)
	var cerr error
	if e := pop.Err(0); e != nil {
		var ie *batch.InputError
		if !errors.As(e, &ie) {
			t.Fatalf("not an InputError: %v", e)
		}
		cerr = ie.Err
	}
	if got, want := problemSet(cerr), problemSet(jerr); !slices.Equal(got, want) {
		t.Fatalf("problems differ\n CSV  %v\n JSON %v\n%s", got, want, data)
	}
	if jerr == nil {
		var v income.Compact
		pop.View(0, &v)
		if a, b := household(&c, ids), household(&v, ids); !equalHouseholds(a, b) {
			t.Fatalf("households differ\n%+v\n%+v", a, b)
		}
	}
	return jerr != nil
}

// The CSV form reads households with the same problems as the JSON form
// (CompactOf): households of every shape the fuzz generator makes, good and
// refused.
func TestCSVMatchesJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 3000
	if testing.Short() {
		n = 500
	}
	refused := 0
	for range n {
		seed := make([]byte, 64)
		for i := range seed {
			seed[i] = byte(rng.IntN(256))
		}
		g := fuzzgen.New(seed)
		h := g.Household()
		date := standards.MustParseDate("2023-06-01")
		if g.Pick(4) == 0 {
			date = g.Date()
		}
		// What the generator never makes: references to nobody, IDs
		// missing, repeated or needing quotes, long notes.
		switch m := h.Members; rng.IntN(12) {
		case 0:
			m[0].CaresFor = append(m[0].CaresFor, "zz")
		case 1:
			if len(m[len(m)-1].Incomes) == 0 { // else its incomes, named by ID, go to the first
				m[len(m)-1].ID = m[0].ID
			}
		case 2:
			if len(m[0].Incomes) == 0 { // in the CSV form, a member's incomes name it by ID
				m[0].ID = ""
			}
		case 3:
			h.Property = append(h.Property, income.Property{Kind: income.PropertyDeposit, Member: "nobody"})
		case 4:
			m[0].ID = "a, \"quoted\"\nname"
		case 5:
			if len(m[0].Incomes) > 0 {
				m[0].Incomes[0].Note = strings.Repeat("注", income.MaxNoteLength)
			}
		case 6:
			if len(m) > 1 {
				m[0].CaresFor = append(m[0].CaresFor, m[1].ID, m[1].ID)
			}
		}
		if csvAgrees(t, h, date) {
			refused++
		}
	}
	// Both kinds, in numbers.
	if refused < n/10 || refused > n*9/10 {
		t.Errorf("%d of %d households refused", refused, n)
	}
	t.Logf("%d of %d households refused", refused, n)
}

func FuzzCSVMatchesJSON(f *testing.F) {
	f.Add([]byte("seed"), uint8(0))
	f.Add(bytes.Repeat([]byte{0xff, 0x01, 0x7f}, 30), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, d uint8) {
		g := fuzzgen.New(data)
		h := g.Household()
		date := standards.MustParseDate("2023-06-01").AddDays(int(d) * 30)
		csvAgrees(t, h, date)
	})
}

// equalHouseholds compares two general forms, nil and empty lists alike.
func equalHouseholds(a, b *income.Household) bool {
	return strings.ReplaceAll(fmtHousehold(a), "[]", "nil") == strings.ReplaceAll(fmtHousehold(b), "[]", "nil")
}

func fmtHousehold(h *income.Household) string {
	b, err := h.MarshalJSON()
	if err != nil {
		return err.Error()
	}
	return string(b)
}
