package eligibility

import (
	"encoding/json"

	"github.com/dibao-go/dibao/standards"
)

type resultJSON struct {
	Status               string         `json:"status"`
	Date                 string         `json:"date"`
	Size                 int            `json:"size"`
	Standard             valueJSON      `json:"standard"`
	Line                 string         `json:"line"`
	Basis                string         `json:"basis"`
	Countable            string         `json:"countable"`
	Rigid                string         `json:"rigid"`
	Bands                []bandJSON     `json:"bands"`
	EdgeBand             string         `json:"edge_band"`
	Property             []propertyJSON `json:"property"`
	Members              []memberJSON   `json:"members"`
	GradualExitEnd       string         `json:"gradual_exit_end"`
	VerificationRequired bool           `json:"verification_required"`
	Pending              []pendingJSON  `json:"pending"`
	Reasons              []reasonJSON   `json:"reasons"`
	Flags                []reasonJSON   `json:"flags"`
	Unevaluated          []string       `json:"unevaluated"`
}

type valueJSON struct {
	Value       string `json:"value"`
	From        string `json:"from"`
	Published   string `json:"published,omitempty"`
	Source      string `json:"source"`
	Reliability string `json:"reliability"`
}

type bandJSON struct {
	Code      string `json:"code"`
	Multiple  string `json:"multiple"`
	Threshold string `json:"threshold"`
	Below     bool   `json:"below"`
}

type propertyJSON struct {
	Scheme          string `json:"scheme"`
	Tested          bool   `json:"tested"`
	Within          bool   `json:"within"`
	FinancialAssets string `json:"financial_assets"`
	AssetLimit      string `json:"asset_limit,omitempty"`
	Dwellings       int    `json:"dwellings"`
	MaxDwellings    int    `json:"max_dwellings"`
	Vehicles        int    `json:"vehicles"`
	VehiclesAllowed bool   `json:"vehicles_allowed"`
}

type memberJSON struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	Care      string `json:"care,omitempty"`
	Countable string `json:"countable"`
}

type pendingJSON struct {
	Member string `json:"member"`
	Item   int    `json:"item"`
}

type reasonJSON struct {
	Code    string            `json:"code"`
	Member  string            `json:"member,omitempty"`
	Cite    string            `json:"cite"`
	CiteEN  string            `json:"cite_en"`
	Figures map[string]string `json:"figures,omitempty"`
}

var careNames = map[standards.CareLevel]string{standards.CareSelf: "self", standards.CarePartial: "partial", standards.CareFull: "full"}

func figureMap(figs []Figure) map[string]string {
	if len(figs) == 0 {
		return nil
	}
	m := make(map[string]string, len(figs))
	for _, f := range figs {
		m[f.Name] = f.Value
	}
	return m
}

// MarshalJSON writes the documented JSON form.
func (r *Result) MarshalJSON() ([]byte, error) {
	out := resultJSON{
		Status: r.Status.String(), Date: r.Date.String(), Size: r.Size,
		Standard: valueJSON{Value: r.Standard.V.String(), From: r.Standard.From.String(), Source: r.Standard.Source.Document,
			Reliability: r.Standard.Source.Reliability.String()},
		Line: r.Line.String(), Basis: r.Basis.String(), Countable: r.Countable.String(), Rigid: r.Rigid.String(),
		EdgeBand: r.EdgeBand, GradualExitEnd: r.GradualExitEnd.String(), VerificationRequired: r.VerificationRequired,
		Bands: []bandJSON{}, Property: []propertyJSON{}, Members: []memberJSON{}, Pending: []pendingJSON{},
		Reasons: []reasonJSON{}, Flags: []reasonJSON{}, Unevaluated: append([]string{}, r.Unevaluated...),
	}
	if r.Standard.PublishedGiven {
		out.Standard.Published = r.Standard.Published.String()
	}
	for _, b := range r.Bands {
		out.Bands = append(out.Bands, bandJSON{Code: b.Code, Multiple: b.Multiple.String(), Threshold: b.Threshold.String(), Below: b.Below})
	}
	for _, p := range r.Property {
		pj := propertyJSON{Scheme: p.Scheme, Tested: p.Tested, Within: p.Within, FinancialAssets: p.FinancialAssets.String(),
			Dwellings: p.Dwellings, MaxDwellings: p.MaxDwellings, Vehicles: p.Vehicles, VehiclesAllowed: p.VehiclesAllowed}
		if p.Tested {
			pj.AssetLimit = p.AssetLimit.String()
		}
		out.Property = append(out.Property, pj)
	}
	for _, m := range r.Members {
		mj := memberJSON{ID: m.ID, Status: m.Status.String(), Countable: m.Countable.String()}
		if m.Status == MemberTekun {
			mj.Care = careNames[m.Care]
		}
		out.Members = append(out.Members, mj)
	}
	for _, p := range r.Pending {
		out.Pending = append(out.Pending, pendingJSON(p))
	}
	for _, rs := range r.Reasons {
		out.Reasons = append(out.Reasons, reasonJSON{Code: rs.Code, Member: rs.Member, Cite: rs.Cite.String(), CiteEN: rs.Cite.English(), Figures: figureMap(rs.Figures)})
	}
	for _, f := range r.Flags {
		out.Flags = append(out.Flags, reasonJSON{Code: f.Code, Member: f.Member, Cite: f.Cite.String(), CiteEN: f.Cite.English(), Figures: figureMap(f.Figures)})
	}
	return json.Marshal(out)
}
