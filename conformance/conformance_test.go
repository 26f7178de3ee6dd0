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
	if len(cases) < 40 {
		t.Fatalf("%d cases; the suite starts with at least 40", len(cases))
	}
	rules := map[string]int{}
	for _, c := range cases {
		for _, r := range c.Rules {
			rules[r]++
		}
		t.Run(c.ID, func(t *testing.T) {
			for _, m := range conformance.Run(c) {
				t.Error(m)
			}
		})
	}
	for _, r := range []string{"R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14"} {
		if rules[r] == 0 {
			t.Errorf("no case for %s", r)
		}
	}
}
