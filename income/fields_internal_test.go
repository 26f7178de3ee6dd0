package income

import (
	"testing"

	"github.com/dibao-go/dibao/standards"
)

// Compact.Fields tests the household's enums by their last value: that is
// the rule of their name tables for every value of the type.
func TestFieldsByRange(t *testing.T) {
	for v := range 256 {
		c := Compact{Region: standards.MustRegion("230102"), Area: 1, Registration: Registration(v)}
		if got, want := c.Fields()&badRegistration == 0, v == int(RegistrationHukou) || v == int(RegistrationResidence); got != want {
			t.Errorf("registration %d: valid %v, the table says %v", v, got, want)
		}
		c = Compact{Region: standards.MustRegion("230102"), Area: 1, Supporter: Supporter(v)}
		if got, want := c.Fields()&badSupporter == 0, supporterNames.Valid(Supporter(v)); got != want {
			t.Errorf("supporter %d: valid %v, the table says %v", v, got, want)
		}
		c = Compact{Region: standards.MustRegion("230102"), Area: 1, Poverty: Poverty(v)}
		if got, want := c.Fields()&badPoverty == 0, v == int(PovertyNone) || povertyNames.Valid(Poverty(v)); got != want {
			t.Errorf("poverty %d: valid %v, the table says %v", v, got, want)
		}
	}
}
