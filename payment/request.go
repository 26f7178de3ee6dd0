package payment

import (
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// MaxRequestSize is the largest request document DecodeRequest accepts (1 MiB).
const MaxRequestSize = 1 << 20

// Bounds on a request's amounts and rates, besides the household's.
var (
	maxLastAmount = money.MustParse("1000000")  // current.monthly_amount
	maxRequested  = money.MustParse("10000000") // temporary.requested
	maxPrevious   = money.MustParse("50000000") // previous.countable
	maxRise       = money.MustRate("1")         // prices.cpi and prices.food_cpi: at most +100 %
)

// CheckRequest checks what a request adds to its household — its date
// (at most income.LastDecisionDate), the current standing, the previous
// assessment, prices, equalised members and temporary assistance — each
// problem at its path (ids are the household's member IDs; the household
// itself is not read). Decide and DecodeRequest run it; a reader that
// builds requests its own way can too.
func CheckRequest(req *Request, ids income.IDs) error {
	var p report.List
	p.AddFrom(income.CheckDate(req.Date))
	p.AddFrom(eligibility.CheckCurrent(&req.Current, ids, req.Date))
	if req.Method != standards.MethodUnset && !req.Method.Valid() {
		p.Add("method", report.MsgBadEnum, report.Str("value", req.Method.String()), report.Choices("allowed", "gap or tiered"))
	}
	cur := req.Current
	if cur.Status == eligibility.GradualExit {
		if cur.MonthlyAmount.Sign() <= 0 || !cur.MonthlyAmount.IsFen() {
			p.AddOnce("current.monthly_amount", report.MsgLastAmountRequired)
		}
	}
	if cur.MonthlyAmount.Sign() < 0 || cur.MonthlyAmount.Cmp(maxLastAmount) > 0 {
		p.AddOnce("current.monthly_amount", report.MsgAmountRange, report.Str("value", cur.MonthlyAmount.String()),
			report.Money("min", money.Zero), report.Money("max", maxLastAmount))
	}
	for i, m := range cur.Members {
		path := problem.Join(problem.Index("current.members", i), "monthly_amount")
		if m.Status == eligibility.MemberGradualExit && (m.MonthlyAmount.Sign() <= 0 || !m.MonthlyAmount.IsFen()) {
			p.AddOnce(path, report.MsgLastAmountRequired)
		}
		if m.MonthlyAmount.Sign() < 0 || m.MonthlyAmount.Cmp(maxLastAmount) > 0 {
			p.AddOnce(path, report.MsgAmountRange, report.Str("value", m.MonthlyAmount.String()),
				report.Money("min", money.Zero), report.Money("max", maxLastAmount))
		}
	}
	if pr := req.Previous; pr != nil && (pr.Countable.Sign() < 0 || pr.Countable.Cmp(maxPrevious) > 0) {
		p.Add("previous.countable", report.MsgAmountRange, report.Str("value", pr.Countable.String()),
			report.Money("min", money.Zero), report.Money("max", maxPrevious))
	}
	if pr := req.Prices; pr != nil {
		if (pr.HasCPI || pr.HasFoodCPI) && pr.Month.IsZero() {
			p.Add("prices.month", report.MsgPricesMonth)
		}
		for _, x := range []struct {
			has  bool
			r    money.Rate
			path string
		}{{pr.HasCPI, pr.CPI, "prices.cpi"}, {pr.HasFoodCPI, pr.FoodCPI, "prices.food_cpi"}} {
			if x.has && (x.r.Cmp(maxRise) > 0 || x.r.Cmp(maxRise.Sub(money.MustRate("2"))) < 0) {
				q := report.New(x.path, report.MsgRateRange, report.Str("value", x.r.String()), report.Str("min", "-1"), report.Str("max", "1"))
				q.Hint = "a rise is a fraction of the year before: 3.6 % is written 0.036"
				p.AddProblem(q)
			}
		}
	}
	for i, id := range req.Equalised {
		if ids.Find(id) < 0 {
			p.Add(problem.Index("equalised", i), report.MsgUnknownMember, report.Str("id", id))
		}
	}
	if t := req.Temporary; t != nil {
		if !t.Place.IsValid() {
			p.Add("temporary.place", report.MsgRegionCounty)
		}
		if t.Hardship == "" {
			p.Add("temporary.hardship", report.MsgRequired)
		}
		if !t.HasRequested {
			p.Add("temporary.requested", report.MsgRequestedRequired)
		}
		if t.HasRequested && (t.Requested.Sign() < 0 || t.Requested.Cmp(maxRequested) > 0 || !t.Requested.IsFen()) {
			p.Add("temporary.requested", report.MsgAmountRange, report.Str("value", t.Requested.String()),
				report.Money("min", money.Zero), report.Money("max", maxRequested))
		}
		if t.Area != standards.AreaAny && !t.Area.Valid() {
			p.Add("temporary.area", report.MsgAreaUrbanRural)
		}
	}
	return p.Err(problem.SubjectRequest)
}

// requestDoc is a request while it is read: the household's bytes are read
// once the request's date is known.
type requestDoc struct {
	req       Request
	household []byte
	explain   bool
}

var currentFields = jsonx.NewFields(
	jsonx.Field[eligibility.Current]{Name: "status",
		Read: func(d *jsonx.Decoder, c *eligibility.Current) {
			b, ok := d.Bytes()
			if ok && c.Status.UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", "not_eligible, edge, gradual_exit, dibao or tekun"))
			}
		},
		Write: func(w *jsonx.Writer, c *eligibility.Current) { w.String(c.Status.String()) }},
	jsonx.Field[eligibility.Current]{Name: "since",
		Read:  func(d *jsonx.Decoder, c *eligibility.Current) { c.Since, _ = readDate(d) },
		Write: func(w *jsonx.Writer, c *eligibility.Current) { w.ScratchString(c.Since.AppendTo(w.Scratch())) },
		Omit:  func(c *eligibility.Current) bool { return c.Since.IsZero() }},
	jsonx.Field[eligibility.Current]{Name: "monthly_amount",
		Read:  func(d *jsonx.Decoder, c *eligibility.Current) { c.MonthlyAmount, _ = d.Amount() },
		Write: func(w *jsonx.Writer, c *eligibility.Current) { w.Amount(c.MonthlyAmount) },
		Omit:  func(c *eligibility.Current) bool { return c.MonthlyAmount.IsZero() }},
	jsonx.Field[eligibility.Current]{Name: "gradual_exit_end",
		Read:  func(d *jsonx.Decoder, c *eligibility.Current) { c.GradualExitEnd, _ = readDate(d) },
		Write: func(w *jsonx.Writer, c *eligibility.Current) { w.ScratchString(c.GradualExitEnd.AppendTo(w.Scratch())) },
		Omit:  func(c *eligibility.Current) bool { return c.GradualExitEnd.IsZero() }},
	jsonx.Field[eligibility.Current]{Name: "members",
		Read: func(d *jsonx.Decoder, c *eligibility.Current) {
			d.Array(income.MaxMembers, func(int) {
				var m eligibility.MemberCurrent
				memberCurrentFields.Decode(d, &m)
				c.Members = append(c.Members, m)
			})
		},
		Write: func(w *jsonx.Writer, c *eligibility.Current) {
			w.BeginArray()
			for i := range c.Members {
				memberCurrentFields.Encode(w, &c.Members[i])
			}
			w.EndArray()
		},
		Omit: func(c *eligibility.Current) bool { return len(c.Members) == 0 }},
)

var memberCurrentFields = jsonx.NewFields(
	jsonx.Field[eligibility.MemberCurrent]{Name: "id", Required: true,
		Read:  func(d *jsonx.Decoder, m *eligibility.MemberCurrent) { m.ID, _ = d.String() },
		Write: func(w *jsonx.Writer, m *eligibility.MemberCurrent) { w.String(m.ID) }},
	jsonx.Field[eligibility.MemberCurrent]{Name: "status", Required: true,
		Read: func(d *jsonx.Decoder, m *eligibility.MemberCurrent) {
			b, ok := d.Bytes()
			if ok && (m.Status.UnmarshalText(b) != nil || m.Status == eligibility.MemberNone) {
				d.Problem(report.MsgMemberStatus, report.Str("status", string(b)))
			}
		},
		Write: func(w *jsonx.Writer, m *eligibility.MemberCurrent) { w.String(m.Status.String()) }},
	jsonx.Field[eligibility.MemberCurrent]{Name: "since",
		Read:  func(d *jsonx.Decoder, m *eligibility.MemberCurrent) { m.Since, _ = readDate(d) },
		Write: func(w *jsonx.Writer, m *eligibility.MemberCurrent) { w.ScratchString(m.Since.AppendTo(w.Scratch())) },
		Omit:  func(m *eligibility.MemberCurrent) bool { return m.Since.IsZero() }},
	jsonx.Field[eligibility.MemberCurrent]{Name: "monthly_amount",
		Read:  func(d *jsonx.Decoder, m *eligibility.MemberCurrent) { m.MonthlyAmount, _ = d.Amount() },
		Write: func(w *jsonx.Writer, m *eligibility.MemberCurrent) { w.Amount(m.MonthlyAmount) },
		Omit:  func(m *eligibility.MemberCurrent) bool { return m.MonthlyAmount.IsZero() }},
	jsonx.Field[eligibility.MemberCurrent]{Name: "gradual_exit_end",
		Read: func(d *jsonx.Decoder, m *eligibility.MemberCurrent) { m.GradualExitEnd, _ = readDate(d) },
		Write: func(w *jsonx.Writer, m *eligibility.MemberCurrent) {
			w.ScratchString(m.GradualExitEnd.AppendTo(w.Scratch()))
		},
		Omit: func(m *eligibility.MemberCurrent) bool { return m.GradualExitEnd.IsZero() }},
)

func readStrings(d *jsonx.Decoder, max int) []string {
	out := []string{}
	d.Array(max, func(int) {
		if s, ok := d.String(); ok {
			out = append(out, s)
		}
	})
	return out
}

var previousFields = jsonx.NewFields(
	jsonx.Field[eligibility.Previous]{Name: "date",
		Read:  func(d *jsonx.Decoder, p *eligibility.Previous) { p.Date, _ = readDate(d) },
		Write: func(w *jsonx.Writer, p *eligibility.Previous) { w.ScratchString(p.Date.AppendTo(w.Scratch())) },
		Omit:  func(p *eligibility.Previous) bool { return p.Date.IsZero() }},
	jsonx.Field[eligibility.Previous]{Name: "countable", Required: true,
		Read:  func(d *jsonx.Decoder, p *eligibility.Previous) { p.Countable, _ = exactAmount(d) },
		Write: func(w *jsonx.Writer, p *eligibility.Previous) { w.Amount(p.Countable) }},
	jsonx.Field[eligibility.Previous]{Name: "seriously_ill",
		Read:  func(d *jsonx.Decoder, p *eligibility.Previous) { p.SeriouslyIll = readStrings(d, income.MaxMembers) },
		Write: func(w *jsonx.Writer, p *eligibility.Previous) { w.Strings(p.SeriouslyIll) },
		Omit:  func(p *eligibility.Previous) bool { return len(p.SeriouslyIll) == 0 }},
	jsonx.Field[eligibility.Previous]{Name: "severely_disabled",
		Read: func(d *jsonx.Decoder, p *eligibility.Previous) {
			p.SeverelyDisabled = readStrings(d, income.MaxMembers)
		},
		Write: func(w *jsonx.Writer, p *eligibility.Previous) { w.Strings(p.SeverelyDisabled) },
		Omit:  func(p *eligibility.Previous) bool { return len(p.SeverelyDisabled) == 0 }},
)

// exactAmount reads an exact figure as the library writes it ("4525/6" or a
// decimal): the previous countable income is one.
func exactAmount(d *jsonx.Decoder) (money.Amount, bool) {
	return jsonx.Parsed(d, money.ParseExact, report.MsgBadNumber)
}

var pricesFields = jsonx.NewFields(
	jsonx.Field[Prices]{Name: "month",
		Read:  func(d *jsonx.Decoder, p *Prices) { p.Month, _ = readDate(d) },
		Write: func(w *jsonx.Writer, p *Prices) { w.ScratchString(p.Month.AppendTo(w.Scratch())) },
		Omit:  func(p *Prices) bool { return p.Month.IsZero() }},
	jsonx.Field[Prices]{Name: "cpi",
		Read:  func(d *jsonx.Decoder, p *Prices) { p.CPI, p.HasCPI = d.Rate(6) },
		Write: func(w *jsonx.Writer, p *Prices) { w.Rate(p.CPI) },
		Omit:  func(p *Prices) bool { return !p.HasCPI }},
	jsonx.Field[Prices]{Name: "food_cpi",
		Read:  func(d *jsonx.Decoder, p *Prices) { p.FoodCPI, p.HasFoodCPI = d.Rate(6) },
		Write: func(w *jsonx.Writer, p *Prices) { w.Rate(p.FoodCPI) },
		Omit:  func(p *Prices) bool { return !p.HasFoodCPI }},
)

var temporaryFields = jsonx.NewFields(
	jsonx.Field[Temporary]{Name: "hardship", Required: true,
		Read:  func(d *jsonx.Decoder, t *Temporary) { t.Hardship, _ = d.String() },
		Write: func(w *jsonx.Writer, t *Temporary) { w.String(t.Hardship) }},
	jsonx.Field[Temporary]{Name: "place", Required: true,
		Read:  func(d *jsonx.Decoder, t *Temporary) { t.Place, _ = readRegion(d) },
		Write: func(w *jsonx.Writer, t *Temporary) { w.ScratchString(t.Place.AppendTo(w.Scratch())) }},
	jsonx.Field[Temporary]{Name: "area",
		Read: func(d *jsonx.Decoder, t *Temporary) {
			b, ok := d.Bytes()
			if ok && t.Area.UnmarshalText(b) != nil {
				d.Problem(report.MsgAreaUrbanRural)
			}
		},
		Write: func(w *jsonx.Writer, t *Temporary) { w.String(t.Area.String()) },
		Omit:  func(t *Temporary) bool { return t.Area == standards.AreaAny }},
	jsonx.Field[Temporary]{Name: "requested",
		Read:  func(d *jsonx.Decoder, t *Temporary) { t.Requested, t.HasRequested = d.Amount() },
		Write: func(w *jsonx.Writer, t *Temporary) { w.Amount(t.Requested) },
		Omit:  func(t *Temporary) bool { return !t.HasRequested }},
	jsonx.Field[Temporary]{Name: "instalments", Required: true,
		Read: func(d *jsonx.Decoder, t *Temporary) {
			n, _ := d.Int(0, 1000)
			t.Instalments = int(n)
		},
		Write: func(w *jsonx.Writer, t *Temporary) { w.Int(int64(t.Instalments)) }},
	jsonx.Field[Temporary]{Name: "paid_first",
		Read:  func(d *jsonx.Decoder, t *Temporary) { t.PaidFirst, _ = d.Bool() },
		Write: func(w *jsonx.Writer, t *Temporary) { w.Bool(t.PaidFirst) },
		Omit:  func(t *Temporary) bool { return !t.PaidFirst }},
)

func readDate(d *jsonx.Decoder) (standards.Date, bool) {
	return jsonx.ParsedBytes(d, standards.ParseDateBytes, report.MsgBadDate)
}

func readRegion(d *jsonx.Decoder) (standards.Region, bool) {
	return jsonx.ParsedBytes(d, standards.ParseRegionBytes, report.MsgBadRegion)
}

var requestFields = jsonx.NewFields(
	jsonx.Field[requestDoc]{Name: "household", Required: true,
		Read: func(d *jsonx.Decoder, r *requestDoc) {
			if d.Kind() != jsonx.KindObject {
				d.Object(func([]byte) {}) // reports the type
				return
			}
			r.household = d.Raw()
		},
		Write: func(w *jsonx.Writer, r *requestDoc) { income.WriteFields(w, r.req.Household) }},
	jsonx.Field[requestDoc]{Name: "date", Required: true,
		Read:  func(d *jsonx.Decoder, r *requestDoc) { r.req.Date, _ = readDate(d) },
		Write: func(w *jsonx.Writer, r *requestDoc) { w.ScratchString(r.req.Date.AppendTo(w.Scratch())) }},
	jsonx.Field[requestDoc]{Name: "method",
		Read: func(d *jsonx.Decoder, r *requestDoc) {
			b, ok := d.Bytes()
			if ok && r.req.Method.UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", "gap or tiered"))
			}
		},
		Write: func(w *jsonx.Writer, r *requestDoc) { w.String(r.req.Method.String()) },
		Omit:  func(r *requestDoc) bool { return r.req.Method == standards.MethodUnset }},
	jsonx.Field[requestDoc]{Name: "current",
		Read:  func(d *jsonx.Decoder, r *requestDoc) { currentFields.Decode(d, &r.req.Current) },
		Write: func(w *jsonx.Writer, r *requestDoc) { currentFields.Encode(w, &r.req.Current) },
		Omit: func(r *requestDoc) bool {
			c := &r.req.Current
			return c.Status == eligibility.NotEligible && c.Since.IsZero() && c.MonthlyAmount.IsZero() && c.GradualExitEnd.IsZero() && len(c.Members) == 0
		}},
	jsonx.Field[requestDoc]{Name: "previous",
		Read: func(d *jsonx.Decoder, r *requestDoc) {
			r.req.Previous = &eligibility.Previous{}
			previousFields.Decode(d, r.req.Previous)
		},
		Write: func(w *jsonx.Writer, r *requestDoc) { previousFields.Encode(w, r.req.Previous) },
		Omit:  func(r *requestDoc) bool { return r.req.Previous == nil }},
	jsonx.Field[requestDoc]{Name: "prices",
		Read: func(d *jsonx.Decoder, r *requestDoc) {
			r.req.Prices = &Prices{}
			pricesFields.Decode(d, r.req.Prices)
		},
		Write: func(w *jsonx.Writer, r *requestDoc) { pricesFields.Encode(w, r.req.Prices) },
		Omit:  func(r *requestDoc) bool { return r.req.Prices == nil }},
	jsonx.Field[requestDoc]{Name: "equalised",
		Read:  func(d *jsonx.Decoder, r *requestDoc) { r.req.Equalised = readStrings(d, income.MaxMembers) },
		Write: func(w *jsonx.Writer, r *requestDoc) { w.Strings(r.req.Equalised) },
		Omit:  func(r *requestDoc) bool { return len(r.req.Equalised) == 0 }},
	jsonx.Field[requestDoc]{Name: "temporary",
		Read: func(d *jsonx.Decoder, r *requestDoc) {
			r.req.Temporary = &Temporary{}
			temporaryFields.Decode(d, r.req.Temporary)
		},
		Write: func(w *jsonx.Writer, r *requestDoc) { temporaryFields.Encode(w, r.req.Temporary) },
		Omit:  func(r *requestDoc) bool { return r.req.Temporary == nil }},
	jsonx.Field[requestDoc]{Name: "explain",
		Read:  func(d *jsonx.Decoder, r *requestDoc) { r.explain, _ = d.Bool() },
		Write: func(w *jsonx.Writer, r *requestDoc) { w.Bool(r.req.Options.Explain) },
		Omit:  func(r *requestDoc) bool { return !r.req.Options.Explain }},
	jsonx.Field[requestDoc]{Name: "known_on",
		Read:  func(d *jsonx.Decoder, r *requestDoc) { r.req.Options.KnownOn, _ = readDate(d) },
		Write: func(w *jsonx.Writer, r *requestDoc) { w.ScratchString(r.req.Options.KnownOn.AppendTo(w.Scratch())) },
		Omit:  func(r *requestDoc) bool { return r.req.Options.KnownOn.IsZero() }},
)

// DecodeRequest reads a decision request in the JSON form documented in the
// package documentation. The household is read in place from the request's
// own bytes, with the request's date, so that every problem — in the request
// and in its household (paths "household.…"), date-dependent ones included —
// is reported at once, as a *problem.Error about the request. Duplicate keys
// and invalid UTF-8 are refused.
func DecodeRequest(data []byte) (Request, error) {
	var p report.List
	d, ok := jsonx.Parse(data, MaxRequestSize, &p, "")
	if !ok {
		return Request{}, p.Err(problem.SubjectRequest)
	}
	var doc requestDoc
	requestFields.Decode(d, &doc)
	var ids income.IDs
	if doc.household != nil {
		// Checked with the request: read, not parsed again.
		d.Reset(doc.household, 0, "household") // the request's decoder, done with the request
		h := income.ReadChecked(d, doc.req.Date)
		doc.req.Household = &h
		ids = h.MemberIDs()
	}
	// The request's own checks run whatever the household's problems: they
	// need only the members' IDs.
	if !doc.req.Date.IsZero() {
		if pe, ok := problem.As(CheckRequest(&doc.req, ids)); ok {
			for _, q := range pe.Problems {
				if !p.Has(q.Path) {
					p.AddProblem(q)
				}
			}
		}
	}
	doc.req.Options.Explain = doc.explain
	if err := p.Err(problem.SubjectRequest); err != nil {
		return Request{}, err
	}
	return doc.req, nil
}

// EncodeRequest writes a request in the JSON form DecodeRequest reads.
func EncodeRequest(req *Request) ([]byte, error) {
	w := jsonx.NewWriter("")
	doc := requestDoc{req: *req}
	if doc.req.Household == nil {
		doc.req.Household = &income.Household{}
	}
	requestFields.Encode(w, &doc)
	return w.Bytes(), nil
}

// DecideJSON decodes a request (DecodeRequest) and decides it.
func DecideJSON(data []byte, set *standards.Set) (*Decision, error) {
	var dc Decider
	return dc.DecideJSON(data, set)
}

// DecideJSON decodes a request (DecodeRequest) and decides it with the
// Decider's buffers and plans.
func (dc *Decider) DecideJSON(data []byte, set *standards.Set) (*Decision, error) {
	req, err := DecodeRequest(data)
	if err != nil {
		return nil, err
	}
	return dc.Decide(req, set)
}
