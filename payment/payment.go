package payment

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/cite"
	"github.com/dibao-go/dibao/standards"
)

// ErrRoundingRequired reports an amount that is not a whole number of fen
// where the Set declares no rounding rule: nothing is rounded by assumption.
var ErrRoundingRequired = errors.New("payment: a rounding rule is required")

// ErrInvalidRequest reports a payment request that cannot be computed.
var ErrInvalidRequest = errors.New("payment: invalid request")

// Method is how the monthly 低保 payment is computed (R6).
type Method uint8

// Methods. The zero value is Gap.
const (
	Gap    Method = iota // standard × members − countable income
	Tiered               // a tier table's per-person amount × members
)

func (m Method) String() string { return [...]string{"gap", "tiered"}[m] }

// Prices is a month's year-on-year price rises for the price subsidy (R5).
type Prices struct {
	Month   standards.Date  // the month the indices are published (any day of it)
	CPI     decimal.Decimal // e.g. 0.036 for 3.6 %
	FoodCPI decimal.Decimal
}

// Temporary is a request for temporary assistance (R10).
type Temporary struct {
	Hardship string           // a hardship code of the Set's caps
	Place    standards.Region // where the emergency happened (急难发生地)
	Area     standards.Area   // area class of the place's standard; AreaAny: the household's
	// Requested, when set, is the amount asked for; the approved amount is
	// the smaller of it and the cap.
	Requested    decimal.Decimal
	HasRequested bool
	Instalments  int  // 1 … the Set's maximum
	PaidFirst    bool // 先行救助: paid first, verified after
}

// Request is one end-to-end decision.
type Request struct {
	eligibility.Request
	Method Method
	Prices *Prices // optional: the month's price indices
	// Equalised lists 特困 members supported in an equalised institution
	// (R15): a rural member there is supported at the urban standard.
	Equalised []string
	Temporary *Temporary // optional
}

// Line is one line of the monthly payment. Amount is what is paid, rounded
// by the rule named in Rounding (or exact to the fen without one).
type Line struct {
	Code     string // gap, tier, supplement, single_person, gradual_exit, price_subsidy, tekun_basic, tekun_care
	Member   string // member ID, or "" for the household
	Exact    income.Amount
	Amount   decimal.Decimal
	Rounding *standards.Value[standards.RoundingRule] // nil: exact to the fen, not rounded
	Cite     standards.Citation
	Figures  []eligibility.Figure
}

// Instalment is one payment of a temporary-assistance schedule.
type Instalment struct {
	Number int
	Amount decimal.Decimal
}

// Schedule is an approved temporary-assistance amount paid in stages.
type Schedule struct {
	Hardship    string
	Place       standards.Region
	Cap         decimal.Decimal // multiple × standard (× members)
	Approved    decimal.Decimal
	PaidFirst   bool
	Instalments []Instalment
}

// Decision is the end-to-end result: classification, monthly payment lines
// and total, temporary assistance, explanation.
type Decision struct {
	Classification *eligibility.Result
	Method         Method
	Lines          []Line
	Total          decimal.Decimal // the sum of Lines' amounts, never negative
	Temporary      *Schedule
	Steps          []income.Step
}

// payer computes one decision.
type payer struct {
	req Request
	set *standards.Set
	cls *eligibility.Result
	q   standards.Query
	d   *Decision
}

// Decide classifies the household and computes its monthly payment.
// Errors are bad input and standards the Set lacks (as *income.FieldError),
// including a rounding rule needed for an amount that is not a whole fen.
func Decide(req Request, set *standards.Set) (*Decision, error) {
	if req.Method > Tiered {
		return nil, fmt.Errorf("%w: unknown method %d", ErrInvalidRequest, req.Method)
	}
	cls, err := eligibility.Classify(req.Request, set)
	if err != nil {
		return nil, err
	}
	h := req.Household
	p := &payer{req: req, set: set, cls: cls, d: &Decision{Classification: cls, Method: req.Method},
		q: standards.Query{Region: h.Region, Area: h.Area, Date: req.Date, KnownOn: req.Options.KnownOn}}
	if err := p.monthly(); err != nil {
		return nil, err
	}
	if req.Prices != nil {
		if err := p.priceSubsidy(); err != nil {
			return nil, err
		}
	}
	if req.Temporary != nil {
		if err := p.temporary(); err != nil {
			return nil, err
		}
	}
	total := decimal.Zero
	for _, l := range p.d.Lines {
		total = total.Add(l.Amount)
	}
	p.d.Total = total
	if req.Options.Explain {
		p.d.Steps = append(append([]income.Step(nil), cls.Steps...), p.steps()...)
	}
	return p.d, nil
}

// round rounds an exact amount at a point: by the Set's rule when it
// declares one, exactly when the amount is a whole fen, else an error.
func (p *payer) round(a income.Amount, point standards.RoundingPoint) (decimal.Decimal, *standards.Value[standards.RoundingRule], error) {
	rule, err := p.set.Rounding(point, p.q)
	if err == nil {
		return a.Round(rule.V), &rule, nil
	}
	if !errors.Is(err, standards.ErrNotCovered) {
		return decimal.Decimal{}, nil, err
	}
	fen := a.Round(standards.RoundingRule{Unit: standards.UnitFen, Mode: standards.ModeDown})
	if a.CmpDecimal(fen) == 0 {
		return fen, nil, nil
	}
	return decimal.Decimal{}, nil, &income.FieldError{Path: "region",
		Err: fmt.Errorf("%w at %s for %s: %w", ErrRoundingRequired, point, a, err)}
}

func (p *payer) add(code, member string, exact income.Amount, point standards.RoundingPoint, cite standards.Citation, figs ...eligibility.Figure) error {
	if exact.Sign() < 0 {
		exact = income.Amount{} // no payment is ever negative
	}
	amt, rule, err := p.round(exact, point)
	if err != nil {
		return err
	}
	p.d.Lines = append(p.d.Lines, Line{Code: code, Member: member, Exact: exact, Amount: amt, Rounding: rule, Cite: cite, Figures: figs})
	return nil
}

func amountOf(d decimal.Decimal) income.Amount {
	a, _ := income.FromDecimal(d) // Set amounts are validated to the fen
	return a
}

func (p *payer) monthly() error {
	cls := p.cls
	std := cls.Standard.V
	switch cls.Status {
	case eligibility.Dibao:
		if err := p.main(); err != nil {
			return err
		}
		for i := range p.req.Household.Members {
			if err := p.supplement(i); err != nil {
				return err
			}
		}
	case eligibility.GradualExit:
		last := p.req.Current.MonthlyAmount
		if last.Sign() <= 0 || !last.Equal(last.Truncate(2)) {
			return fmt.Errorf("%w: current.monthly_amount %s must be a positive amount in fen during a gradual exit", ErrInvalidRequest, last)
		}
		p.d.Lines = append(p.d.Lines, Line{Code: "gradual_exit", Exact: amountOf(last), Amount: last, Cite: cite.HLJ("四（一）"),
			Figures: []eligibility.Figure{{Name: "end", Value: cls.GradualExitEnd.String()}}})
	case eligibility.Tekun:
		return p.tekun()
	}
	// 单人户 members (R3): standard − own countable income, plus their supplement.
	for i, m := range cls.Members {
		if m.Status != eligibility.MemberSinglePerson {
			continue
		}
		exact := amountOf(std).Sub(m.Countable)
		if err := p.add("single_person", m.ID, exact, standards.RoundPaymentTotal, cite.HLJ("四（一）"),
			eligibility.Figure{Name: "standard", Value: std.String()}, eligibility.Figure{Name: "own_countable", Value: m.Countable.String()}); err != nil {
			return err
		}
		if err := p.supplement(i); err != nil {
			return err
		}
	}
	return nil
}

// main computes the household's gap or tiered payment (R6).
func (p *payer) main() error {
	cls := p.cls
	n := int64(cls.Size)
	if p.req.Method == Gap {
		// standard × n − countable, in that order: 600 × 3 − 1000 = 800.
		exact := amountOf(cls.Line).Sub(cls.Countable)
		return p.add("gap", "", exact, standards.RoundPaymentTotal, cite.Interim("第十二条"),
			eligibility.Figure{Name: "standard", Value: cls.Standard.V.String()}, eligibility.Figure{Name: "members", Value: strconv.FormatInt(n, 10)},
			eligibility.Figure{Name: "line", Value: cls.Line.String()}, eligibility.Figure{Name: "countable", Value: cls.Countable.String()})
	}
	tt, err := p.set.TierTable(p.q)
	if err != nil {
		return &income.FieldError{Path: "region", Err: err}
	}
	// The per-capita income's tier, found without dividing: countable vs edge × n.
	tier := -1
	for i, t := range tt.V.Tiers {
		lo := cls.Countable.CmpDecimal(t.From.Mul(decimal.NewFromInt(n)))
		hi := cls.Countable.CmpDecimal(t.To.Mul(decimal.NewFromInt(n)))
		if (lo > 0 || lo == 0 && t.FromInclusive) && (hi < 0 || hi == 0 && t.ToInclusive) {
			tier = i
			break
		}
	}
	grade3, _ := p.set.SevereGrade3Categories(p.q)
	for _, m := range p.req.Household.Members {
		best := tier
		for _, pl := range tt.V.Placements {
			if p.inCategory(&m, pl.Category, grade3.V) && (best < 0 || pl.Tier-1 < best) {
				best = pl.Tier - 1
			}
		}
		var amount income.Amount
		label := "none"
		if best >= 0 {
			amount = amountOf(tt.V.Tiers[best].Amount)
			label = strconv.Itoa(best + 1)
		}
		if err := p.add("tier", m.ID, amount, standards.RoundPaymentTotal, cite.HLJ("四（二）"),
			eligibility.Figure{Name: "tier", Value: label}, eligibility.Figure{Name: "countable", Value: cls.Countable.String()},
			eligibility.Figure{Name: "members", Value: strconv.FormatInt(n, 10)}); err != nil {
			return err
		}
	}
	return nil
}

// inCategory reports whether a member belongs to a supplement or placement category.
func (p *payer) inCategory(m *income.Member, c standards.Category, grade3 []string) bool {
	switch c {
	case standards.CategorySevereDisability:
		return eligibility.SevereDisability(m, grade3) || m.ServiceDisabilityGrade >= 1 && m.ServiceDisabilityGrade <= 4
	case standards.CategorySeriousIllness:
		return m.SeriousIllness
	case standards.CategoryMinor:
		return m.MinorOn(p.req.Date)
	case standards.CategoryMartyrFamily:
		return m.MartyrFamily
	case standards.CategoryReturnedVeteran:
		return m.ReturnedVeteran
	}
	return false
}

// supplement adds member i's supplement (R7): rate × standard, once or per
// category by the Set's stacking rule.
func (p *payer) supplement(i int) error {
	m := &p.req.Household.Members[i]
	cats, err := p.set.SupplementCategories(p.q)
	if err != nil {
		return &income.FieldError{Path: "region", Err: err}
	}
	grade3, _ := p.set.SevereGrade3Categories(p.q)
	var fits []string
	for _, c := range cats.V {
		in := false
		if c == standards.CategoryElderly {
			age, err := p.set.ElderlyAge(p.q)
			if err != nil {
				return &income.FieldError{Path: jsonPath(i, "birth_date"), Err: err}
			}
			in = m.AgeOn(p.req.Date) >= age.V
		} else {
			in = p.inCategory(m, c, grade3.V)
		}
		if in {
			fits = append(fits, string(c))
		}
	}
	if len(fits) == 0 {
		return nil
	}
	rate, err := p.set.SupplementRate(p.q)
	if err != nil {
		return &income.FieldError{Path: "region", Err: err}
	}
	count := int64(1)
	if len(fits) > 1 {
		st, err := p.set.SupplementStacking(p.q)
		if err != nil {
			return &income.FieldError{Path: jsonPath(i, ""), Err: err}
		}
		if st.V == standards.StackingSum {
			count = int64(len(fits))
		}
	}
	// rate × standard × count, exact, rounded once as the person's
	// supplement by the supplement rule (or exact to the fen without one).
	exact, ok := income.FromDecimalExact(rate.V.Mul(p.cls.Standard.V).Mul(decimal.NewFromInt(count)))
	if !ok {
		return fmt.Errorf("%w: supplement %s × %s is finer than the library's exact unit", ErrInvalidRequest, rate.V, p.cls.Standard.V)
	}
	figs := []eligibility.Figure{{Name: "rate", Value: rate.V.String()}, {Name: "standard", Value: p.cls.Standard.V.String()},
		{Name: "categories", Value: strings.Join(fits, ",")}, {Name: "count", Value: strconv.FormatInt(count, 10)}}
	return p.add("supplement", m.ID, exact, standards.RoundSupplement, cite.HLJ("四（二）"), figs...)
}

func jsonPath(i int, field string) string {
	p := "members[" + strconv.Itoa(i) + "]"
	if field != "" {
		p += "." + field
	}
	return p
}

// tekun pays each 特困 member the published basic support plus the care
// amount of their level. When the Set declares a tekun_basic rounding rule,
// the formula figure factor × 低保 standard, rounded by it, is shown beside
// the published amount (Harbin 2023, 县(市) rural: 483 × 1.3 = 627.9 → 628).
func (p *payer) tekun() error {
	for _, m := range p.cls.Members {
		if m.Status != eligibility.MemberTekun {
			continue
		}
		q := p.q
		equalised := false
		for _, id := range p.req.Equalised {
			if id == m.ID && q.Area == standards.AreaRural {
				q.Area, equalised = standards.AreaUrban, true // R15
			}
		}
		support, err := p.set.TekunSupport(q)
		if err != nil {
			return &income.FieldError{Path: "region", Err: err}
		}
		figs := []eligibility.Figure{{Name: "basic", Value: support.V.Basic.String()}, {Name: "area", Value: q.Area.String()},
			{Name: "equalised", Value: strconv.FormatBool(equalised)}}
		if f, ok := p.formulaBasic(q); ok {
			figs = append(figs, eligibility.Figure{Name: "formula_basic", Value: f.String()})
		}
		if err := p.add("tekun_basic", m.ID, amountOf(support.V.Basic), standards.RoundPaymentTotal, cite.Interim("第十四条"), figs...); err != nil {
			return err
		}
		care, _ := support.V.Care(m.Care)
		if err := p.add("tekun_care", m.ID, amountOf(care), standards.RoundPaymentTotal, cite.Interim("第十四条"),
			eligibility.Figure{Name: "level", Value: careName(m.Care)}); err != nil {
			return err
		}
	}
	return nil
}

// formulaBasic returns factor × 低保 standard rounded by the Set's
// tekun_basic rule, when the Set holds all three.
func (p *payer) formulaBasic(q standards.Query) (decimal.Decimal, bool) {
	factor, err1 := p.set.TekunBasicFactor(q)
	std, err2 := p.set.DibaoStandard(q)
	rule, err3 := p.set.Rounding(standards.RoundTekunBasic, q)
	if err1 != nil || err2 != nil || err3 != nil {
		return decimal.Decimal{}, false
	}
	return rule.V.Apply(factor.V.Mul(std.V)), true
}

func careName(c standards.CareLevel) string {
	switch c {
	case standards.CarePartial:
		return "partial"
	case standards.CareFull:
		return "full"
	}
	return "self"
}
