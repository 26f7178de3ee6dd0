package conformance_test

import (
	"testing"

	"github.com/dibao-go/dibao/conformance"
)

func TestCases(t *testing.T) {
	cases, err := conformance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	results, err := conformance.Check(cases, conformance.InProcess(), conformance.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		for _, m := range r.Mismatches {
			t.Errorf("%s (%s): %s", r.Case.ID, r.Case.File, m)
		}
	}
}
