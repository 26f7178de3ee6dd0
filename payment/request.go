package payment

import (
	"encoding/json"
	"errors"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/jsonw"
	"github.com/dibao-go/dibao/standards"
)

// MaxRequestSize is the largest request document DecodeRequest accepts (1 MiB).
const MaxRequestSize = 1 << 20

// DecodeRequest reads a decision request in the JSON form documented in the
// package documentation. Every problem — in the request and in its household
// (paths prefixed "household.") — is reported at once as an *income.InputError.
func DecodeRequest(data []byte) (Request, error) {
	p := &jsonw.Problems{}
	root, ok := jsonw.Parse(data, MaxRequestSize, p)
	if !ok {
		return Request{}, &income.InputError{Problems: p.List()}
	}
	var req Request
	o, ok := jsonw.AsObject(p, root, "")
	if !ok {
		return Request{}, &income.InputError{Problems: p.List()}
	}
	var householdProblems []jsonw.Problem
	if hv, hp, present := o.Get("household"); !present {
		p.Add(hp, jsonw.Required, "required")
	} else {
		raw, _ := json.Marshal(hv)
		h, err := income.DecodeHousehold(raw)
		var ie *income.InputError
		if errors.As(err, &ie) {
			for _, q := range ie.Problems {
				q.Path = jsonw.Join("household", q.Path)
				householdProblems = append(householdProblems, q)
			}
		}
		req.Household = &h
	}
	req.Date = dateField(o, "date", true)
	switch m := o.Str("method", false); m {
	case "", "gap":
		req.Method = Gap
	case "tiered":
		req.Method = Tiered
	default:
		p.Add("method", jsonw.BadCode, "unknown method %q (want gap or tiered)", m)
	}
	if cv, cp, present := o.Get("current"); present {
		if co, ok := jsonw.AsObject(p, cv, cp); ok {
			st := co.Str("status", false)
			found := false
			for s := eligibility.NotEligible; s <= eligibility.Tekun; s++ {
				if s.String() == st || st == "" && s == eligibility.NotEligible {
					req.Current.Status, found = s, true
				}
			}
			if !found {
				p.Add(jsonw.Join(cp, "status"), jsonw.BadCode, "unknown status %q", st)
			}
			req.Current.Since = dateField(co, "since", false)
			req.Current.MonthlyAmount, _ = co.Decimal("monthly_amount", false)
			req.Current.GradualExitEnd = dateField(co, "gradual_exit_end", false)
			co.Close()
		}
	}
	if pv, pp, present := o.Get("previous"); present {
		if po, ok := jsonw.AsObject(p, pv, pp); ok {
			prev := &eligibility.Previous{}
			prev.Date = dateField(po, "date", false)
			prev.Countable, _ = po.Decimal("countable", true)
			prev.SeriouslyIll = stringList(po, "seriously_ill", p)
			prev.SeverelyDisabled = stringList(po, "severely_disabled", p)
			po.Close()
			req.Previous = prev
		}
	}
	if pv, pp, present := o.Get("prices"); present {
		if po, ok := jsonw.AsObject(p, pv, pp); ok {
			pr := &Prices{Month: dateField(po, "month", false), CPI: decimal.NewFromInt(-1), FoodCPI: decimal.NewFromInt(-1)}
			if v, ok := po.Decimal("cpi", false); ok {
				pr.CPI = v
			}
			if v, ok := po.Decimal("food_cpi", false); ok {
				pr.FoodCPI = v
			}
			po.Close()
			req.Prices = pr
		}
	}
	req.Equalised = stringList(o, "equalised", p)
	if tv, tp, present := o.Get("temporary"); present {
		if to, ok := jsonw.AsObject(p, tv, tp); ok {
			t := &Temporary{Hardship: to.Str("hardship", true),
				Place: jsonw.Parsed(to, "place", true, jsonw.BadCode, standards.ParseRegion)}
			a, err := standards.ParseArea(to.Str("area", false))
			if err != nil {
				p.Add(jsonw.Join(tp, "area"), jsonw.BadCode, "%v", err)
			}
			t.Area = a
			t.Requested, t.HasRequested = to.Decimal("requested", false)
			t.Instalments, _ = to.Int("instalments", true)
			t.PaidFirst = to.Bool("paid_first")
			to.Close()
			req.Temporary = t
		}
	}
	req.Options.Explain = o.Bool("explain")
	req.Options.KnownOn = dateField(o, "known_on", false)
	o.Close()
	list := append(p.List(), householdProblems...)
	if len(list) > 0 {
		return Request{}, &income.InputError{Problems: list}
	}
	return req, nil
}

func dateField(o *jsonw.Object, key string, required bool) standards.Date {
	return jsonw.Parsed(o, key, required, income.CodeBadDate, standards.ParseDate)
}

func stringList(o *jsonw.Object, key string, p *jsonw.Problems) []string {
	v, path, ok := o.Get(key)
	if !ok {
		return nil
	}
	arr, ok := jsonw.AsArray(p, v, path)
	if !ok {
		return nil
	}
	var out []string
	for i, x := range arr {
		if s, ok := jsonw.String(p, x, jsonw.Index(path, i)); ok {
			out = append(out, s)
		}
	}
	return out
}

// DecideJSON decodes a request (DecodeRequest) and decides it.
func DecideJSON(data []byte, set *standards.Set) (*Decision, error) {
	req, err := DecodeRequest(data)
	if err != nil {
		return nil, err
	}
	return Decide(req, set)
}

type decisionJSON struct {
	Classification *eligibility.Result `json:"classification"`
	Method         string              `json:"method"`
	Lines          []lineJSON          `json:"lines"`
	Total          string              `json:"total"`
	Temporary      *scheduleJSON       `json:"temporary,omitempty"`
}

type lineJSON struct {
	Code     string            `json:"code"`
	Member   string            `json:"member,omitempty"`
	Exact    string            `json:"exact"`
	Amount   string            `json:"amount"`
	Rounding *roundingJSON     `json:"rounding"`
	Cite     string            `json:"cite"`
	CiteEN   string            `json:"cite_en"`
	Figures  map[string]string `json:"figures,omitempty"`
}

type roundingJSON struct {
	Unit   string `json:"unit"`
	Mode   string `json:"mode"`
	Source string `json:"source"`
}

type scheduleJSON struct {
	Hardship    string   `json:"hardship"`
	Place       string   `json:"place"`
	Cap         string   `json:"cap"`
	Approved    string   `json:"approved"`
	PaidFirst   bool     `json:"paid_first"`
	Instalments []string `json:"instalments"`
}

// MarshalJSON writes the documented JSON form of a decision.
func (d *Decision) MarshalJSON() ([]byte, error) {
	out := decisionJSON{Classification: d.Classification, Method: d.Method.String(), Total: d.Total.StringFixed(2), Lines: []lineJSON{}}
	for _, l := range d.Lines {
		lj := lineJSON{Code: l.Code, Member: l.Member, Exact: l.Exact.String(), Amount: l.Amount.StringFixed(2),
			Cite: l.Cite.String(), CiteEN: l.Cite.English()}
		if l.Rounding != nil {
			lj.Rounding = &roundingJSON{Unit: l.Rounding.V.Unit.String(), Mode: l.Rounding.V.Mode.String(), Source: l.Rounding.Source.Document}
		}
		if len(l.Figures) > 0 {
			lj.Figures = map[string]string{}
			for _, f := range l.Figures {
				lj.Figures[f.Name] = f.Value
			}
		}
		out.Lines = append(out.Lines, lj)
	}
	if t := d.Temporary; t != nil {
		sj := &scheduleJSON{Hardship: t.Hardship, Place: t.Place.String(), Cap: t.Cap.String(), Approved: t.Approved.StringFixed(2), PaidFirst: t.PaidFirst}
		for _, in := range t.Instalments {
			sj.Instalments = append(sj.Instalments, in.Amount.StringFixed(2))
		}
		out.Temporary = sj
	}
	return json.Marshal(out)
}
