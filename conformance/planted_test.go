package conformance_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"testing"
	"time"

	"github.com/dibao-go/dibao/conformance"
)

// A deliberately wrong implementation: this library with one bug planted,
// the bugs an outside implementation written from the documentation made:
//
//   - halfEven rounds half to even wherever the standards say half up (by
//     handing the library standards whose half-up rules say half-to-even);
//   - atLine tests "countable ≤ line" for 低保 and "own ≤ standard" for a
//     单人户 (a household or member found exactly at the line is paid 0 as
//     if below it);
//   - residence takes the minimum wage of the place of residence for the
//     employment-cost deduction (every workplace replaced by the household's
//     region);
//   - perPerson computes the gap per person, rounds it, and multiplies by
//     the members: (standard − round(countable ÷ n)) × n.
//
// The suite must catch each of them with at least two cases.
type bug int

const (
	noBug bug = iota
	halfEven
	atLine
	residence
	perPerson
)

func (b bug) String() string {
	return [...]string{"none", "half-to-even", "≤ at the line", "residence for workplace", "gap per person × members"}[b]
}

type planted struct{ bug bug }

func (p planted) Close() error { return nil }

func (p planted) Ask(input []byte, _ time.Duration) ([]byte, error) {
	in := decode(input)
	switch p.bug {
	case halfEven:
		if std, ok := in["standards"].(map[string]any); ok {
			halfToEven(std)
		}
	case residence:
		if req, ok := in["request"].(map[string]any); ok {
			if h, ok := req["household"].(map[string]any); ok {
				for _, m := range list(h["members"]) {
					if mm, ok := m.(map[string]any); ok && mm["workplace"] != nil {
						mm["workplace"] = h["region"]
					}
				}
			}
		}
	}
	b, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	answer := conformance.Answer1(b)
	switch p.bug {
	case atLine:
		answer = lessOrEqual(answer)
	case perPerson:
		answer = gapPerPerson(answer)
	}
	return answer, nil
}

func decode(b []byte) map[string]any {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return map[string]any{}
	}
	return m
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func encode(m map[string]any) []byte {
	b, err := json.Marshal(m)
	if err != nil {
		return []byte(`{"error": "bad_input"}`)
	}
	return b
}

// halfToEven turns every half-up rounding rule of a standards file into
// half-to-even.
func halfToEven(std map[string]any) {
	params, _ := std["parameters"].(map[string]any)
	rounding, _ := params["rounding"].(map[string]any)
	for _, point := range rounding {
		for _, ser := range list(point) {
			sm, _ := ser.(map[string]any)
			for _, v := range list(sm["values"]) {
				vm, _ := v.(map[string]any)
				if rule, ok := vm["value"].(map[string]any); ok && rule["mode"] == "half_up" {
					rule["mode"] = "half_even"
				}
			}
		}
	}
}

func rat(v any) (*big.Rat, bool) {
	s, ok := v.(string)
	if !ok {
		return nil, false
	}
	return new(big.Rat).SetString(s)
}

func fen(r *big.Rat) string { // half up, to the fen
	x := new(big.Rat).Mul(r, big.NewRat(100, 1))
	n := new(big.Int).Quo(x.Num(), x.Denom())
	rem := new(big.Rat).Sub(x, new(big.Rat).SetInt(n))
	if rem.Cmp(big.NewRat(1, 2)) >= 0 {
		n.Add(n, big.NewInt(1))
	}
	return new(big.Rat).SetFrac(n, big.NewInt(100)).FloatString(2)
}

// lessOrEqual turns an answer decided exactly at the line into 低保 paid 0,
// and a 单人户 candidate exactly at the standard into a 单人户 paid 0.
func lessOrEqual(answer []byte) []byte {
	a := decode(answer)
	cls, ok := a["classification"].(map[string]any)
	if !ok {
		return answer
	}
	changed := false
	countable, ok1 := rat(cls["countable"])
	line, ok2 := rat(cls["line"])
	if ok1 && ok2 && countable.Cmp(line) == 0 && (cls["status"] == "edge" || cls["status"] == "not_eligible") {
		cls["status"] = "dibao"
		a["status"] = "dibao"
		a["lines"] = []any{map[string]any{"code": "gap", "exact": "0", "amount": "0.00"}}
		a["total"] = "0.00"
		changed = true
	}
	standard, _ := rat(cls["standard"])
	for _, r := range list(cls["reasons"]) {
		rm, _ := r.(map[string]any)
		if rm["code"] != "single_person.income_not_below" {
			continue
		}
		for _, m := range list(cls["members"]) {
			mm, _ := m.(map[string]any)
			own, ok := rat(mm["countable"])
			if mm["id"] == rm["member"] && ok && standard != nil && own.Cmp(standard) == 0 {
				mm["status"] = "single_person"
				a["lines"] = append(list(a["lines"]), map[string]any{"code": "single_person", "member": mm["id"], "exact": "0", "amount": "0.00"})
				changed = true
			}
		}
	}
	if !changed {
		return answer
	}
	return encode(a)
}

// gapPerPerson recomputes the gap as (standard − round(countable ÷ n)) × n.
func gapPerPerson(answer []byte) []byte {
	a := decode(answer)
	cls, _ := a["classification"].(map[string]any)
	standard, ok1 := rat(cls["standard"])
	countable, ok2 := rat(cls["countable"])
	n, ok3 := cls["tested"].(json.Number)
	if !ok1 || !ok2 || !ok3 {
		return answer
	}
	members, _ := n.Int64()
	if members <= 0 {
		return answer
	}
	changed := false
	total := new(big.Rat)
	for _, l := range list(a["lines"]) {
		lm, _ := l.(map[string]any)
		if lm["code"] == "gap" {
			per, _ := new(big.Rat).SetString(fen(new(big.Rat).Quo(countable, big.NewRat(members, 1))))
			gap := new(big.Rat).Mul(new(big.Rat).Sub(standard, per), big.NewRat(members, 1))
			lm["amount"] = fen(gap)
			changed = true
		}
		if amt, ok := rat(lm["amount"]); ok {
			total.Add(total, amt)
		}
	}
	if !changed {
		return answer
	}
	a["total"] = total.FloatString(2)
	return encode(a)
}

// Each planted bug fails at least two cases; without a bug the wrapper
// passes every case, so that what fails is the bug.
func TestPlantedBugsAreCaught(t *testing.T) {
	cases, err := conformance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []bug{noBug, halfEven, atLine, residence, perPerson} {
		results, err := conformance.Check(cases, planted{bug: b}, conformance.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var failed []string
		for _, r := range results {
			if !r.Passed() {
				failed = append(failed, r.Case.ID)
			}
		}
		sort.Strings(failed)
		switch {
		case b == noBug && len(failed) > 0:
			t.Errorf("the wrapper without a bug fails %v", failed)
		case b != noBug && len(failed) < 2:
			t.Errorf("%s is caught by %d cases (%v); the suite needs at least two", b, len(failed), failed)
		default:
			t.Logf("%s: caught by %d cases: %s", b, len(failed), fmt.Sprint(failed))
		}
	}
}
