package income_test

import (
	"testing"

	"github.com/dibao-go/dibao/income"
)

func seeds(f *testing.F) {
	f.Add([]byte(validJSON))
	f.Add(bad(`"amount": "3000"`, `"amount": "1e999999999"`))
	f.Add(bad(`"months": 6`, `"months": 0`))
	f.Add([]byte(`{"region": "230113", "area": "rural", "members": [{"id": "x", "birth_date": "2000-01-01", "relation": "applicant",
	  "labour": "partial", "workplace": "230113", "incomes": [{"kind": "wage", "amount": "0.01", "period": "months", "months": 7},
	  {"kind": "business_net", "amount": "-9999999.99", "period": "annual"}]}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"members": [{"cares_for": ["", "", 1]}]}`))
}

// FuzzDecodeHousehold: no input panics; every failure is an *InputError; a
// decoded household encodes and decodes back to itself.
func FuzzDecodeHousehold(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := income.DecodeHousehold(data)
		if err != nil {
			if _, ok := err.(*income.InputError); !ok {
				t.Fatalf("%T: %v", err, err)
			}
			return
		}
		out, err := income.EncodeHousehold(&h)
		if err != nil {
			t.Fatal(err)
		}
		h2, err := income.DecodeHousehold(out)
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, out)
		}
		out2, _ := income.EncodeHousehold(&h2)
		if string(out) != string(out2) {
			t.Fatalf("encode → decode → encode differs:\n%s\n%s", out, out2)
		}
	})
}

// FuzzAssess: no input panics, and the figures hold together: the countable
// income is the sum of the lines (or 0 when that is negative), never
// negative, and the explanation changes nothing.
func FuzzAssess(f *testing.F) {
	seeds(f)
	set := testSet(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, date := range []string{"2023-06-01", "2025-12-01"} {
			a, err := income.AssessJSON(data, set, d(date), income.Options{Explain: true})
			if err != nil {
				continue
			}
			var sum, sumVer income.Amount
			for _, l := range a.Lines {
				if l.Treatment != income.Excluded {
					sum = sum.Add(l.Monthly)
					sumVer = sumVer.Add(l.MonthlyVerified)
				}
			}
			if sum.Sign() < 0 {
				if !a.Floored || !a.Countable.IsZero() {
					t.Fatalf("negative sum %s not floored: %s", sum, a.Countable)
				}
			} else if sum.Cmp(a.Countable) != 0 {
				t.Fatalf("lines sum to %s, countable %s", sum, a.Countable)
			}
			if sumVer.Sign() >= 0 && sumVer.Cmp(a.CountableVerified) != 0 || a.CountableVerified.Sign() < 0 {
				t.Fatalf("verified lines sum to %s, countable %s", sumVer, a.CountableVerified)
			}
			b, err := income.AssessJSON(data, set, d(date), income.Options{})
			if err != nil || b.Countable.Cmp(a.Countable) != 0 || b.CountableVerified.Cmp(a.CountableVerified) != 0 {
				t.Fatalf("explanation changed the figures: %v", err)
			}
			for _, s := range a.Steps {
				_ = s.Text(englishTag)
			}
		}
	})
}
