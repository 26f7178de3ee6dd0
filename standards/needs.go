package standards

import (
	"errors"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/internal/enum"
	"github.com/dibao-go/dibao/internal/text"
)

// When says which decisions need a parameter.
type When uint8

// When a parameter is needed.
const (
	Always       When = iota // every decision
	WageEarners              // households with wage income (R13)
	Caregivers               // caregivers with labour income and no case-level factor (R14)
	Supplements              // 低保 and single-person members in a supplement category (R7)
	Tiered                   // tiered payment (R6)
	Tekun                    // 特困 members
	PriceSubsidy             // a month with price indices (R5)
	Temporary                // temporary assistance (R10)
	IfDeclared               // tested or applied when the Set declares it
	Alone                    // members assessed alone (单人户, 特困) whose household holds property jointly, where property limits are declared
	Mixed                    // households with both 特困 members and others
	Incomes                  // households with income items
)

var whenNames = enum.New[When]("when", "always", "wage_earners", "caregivers", "supplements", "tiered", "tekun", "price_subsidy", "temporary", "if_declared", "alone", "mixed", "incomes")

var whenWords = [...]text.Pair{
	{"每项决定", "every decision"}, {"有工资收入的家庭", "households with wages"}, {"照护者（未个案认定比例时）", "caregivers without a case-level factor"},
	{"加发对象", "members due a supplement"}, {"分档发放", "tiered payment"}, {"特困人员", "tekun members"},
	{"价格临时补贴", "price subsidies"}, {"临时救助", "temporary assistance"}, {"设定时才适用", "applied only when declared"},
	{"单独审核且家庭有共有财产的成员（设定财产限额时）", "members assessed alone whose household holds property jointly, where property limits are declared"},
	{"特困人员与其他成员共同生活的家庭", "households with tekun members and others"},
	{"有收入项目的家庭", "households with income items"},
}

// String returns the name, e.g. "wage_earners".
func (w When) String() string { return whenNames.String(w) }

// MarshalText returns the name.
func (w When) MarshalText() ([]byte, error) { return whenNames.Marshal(w) }

// Words returns when the parameter is needed, in the language matched to tag.
func (w When) Words(tag language.Tag) string {
	if int(w) < len(whenWords) {
		return whenWords[w].In(text.Match(tag))
	}
	return w.String()
}

// whenNeeded says when a decision needs each key.
var whenNeeded = map[string]When{
	"dibao_standard": Always, "edge_bands": Always, "no_labour_age_from": Always, "no_labour_age_under": Always,
	"excluded_income_kinds": Incomes, "rounding.payment_total": Always,
	"employment_deduction_months": WageEarners, "minimum_wage": WageEarners, "minimum_wage_tier": WageEarners,
	"caregiver_income_factor": Caregivers,
	"supplement_rate":         Supplements, "supplement_categories": Supplements, "supplement_stacking": Supplements,
	"elderly_age": Supplements, "rounding.supplement": Supplements,
	"tier_table":    Tiered,
	"tekun_support": Tekun, "tekun_basic_factor": IfDeclared,
	"price_linkage": PriceSubsidy, "rounding.price_subsidy": PriceSubsidy,
	"temporary_assistance_caps": Temporary, "temporary_assistance_max_instalments": Temporary,
	"rounding.temporary_assistance": Temporary, "rounding.instalment": IfDeclared,
	"gradual_exit_max_months": Always,
	"dibao_guidance":          IfDeclared, "tekun_guidance": IfDeclared, "tekun_gradual_exit": IfDeclared,
	"shared_property": Alone, "tekun_mixed_household": Mixed,
}

// Need is one parameter a decision may need, and what the Set has of it.
type Need struct {
	Key  AnyKey
	Area Area // for area-split parameters, the area class asked
	When When
	// Held reports a value in force; Value and Provenance are then set
	// (Provenance.Stale marks a value past the data's complete-through date,
	// Provenance.Assumed one no source settles).
	Held       bool
	Value      any
	Provenance Provenance
	// Err is why there is no value: a *LookupError naming what the data does
	// cover, or nil when the Set does not hold the parameter at all.
	Err error
}

// Needs lists, for a household region, area class and date, every parameter
// a decision may need, in the order of Keys: whether the Set holds it, from
// where, whether it is stale or assumed — so that an agency sees the gaps
// before a caseworker meets them. For the minimum wage it answers for the
// region as a place of work. area AreaAny lists the area-split parameters
// for both classes.
func Needs(s *Set, region Region, area Area, date, knownOn Date) ([]Need, error) {
	if !s.divisions.Has(region) {
		return nil, &RegionError{Region: region}
	}
	var out []Need
	for _, k := range Keys() {
		areas := []Area{AreaAny}
		if k.AreaSplit() {
			areas = []Area{area}
			if area == AreaAny {
				areas = []Area{AreaUrban, AreaRural}
			}
		}
		when, ok := whenNeeded[k.Name()]
		if !ok {
			when = IfDeclared
		}
		for _, a := range areas {
			n := Need{Key: k, Area: a, When: when}
			if s.Has(k) {
				v, pr, err := k.lookupAny(s, Query{Region: region, Area: a, Date: date, KnownOn: knownOn})
				if err == nil {
					n.Held, n.Value, n.Provenance = true, v, pr
				} else {
					var le *LookupError
					if !errors.As(err, &le) {
						return nil, err
					}
					n.Err = err
				}
			}
			out = append(out, n)
		}
	}
	return out, nil
}
