package eligibility

import (
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/record"
)

// MarshalJSON writes the documented JSON form of a result, with the
// standards values its reasons and flags rest on.
func (r *Result) MarshalJSON() ([]byte, error) {
	w := jsonx.NewWriter("")
	var vals record.Values
	w.BeginObject()
	WriteFields(w, r, &vals)
	w.Key("values")
	record.WriteValues(w, &vals)
	w.EndObject()
	return w.Bytes(), nil
}

// WriteFields writes a result's fields into an open object; the values
// its steps use go to vals (the decision record holds one table for all).
func WriteFields(w *jsonx.Writer, r *Result, vals *record.Values) {
	w.Key("status")
	w.String(r.Status.String())
	w.Key("date")
	w.String(r.Date.String())
	w.Key("size")
	w.Int(int64(r.Size))
	w.Key("standard")
	w.Amount(r.Standard.V)
	w.Key("standard_value")
	w.Int(int64(vals.Add(paramOfStandard(r))))
	w.Key("line")
	w.Amount(r.Line)
	w.Key("basis")
	w.String(r.Basis.String())
	w.Key("countable")
	w.Amount(r.Countable)
	w.Key("rigid")
	w.Amount(r.Rigid)
	w.Key("bands")
	w.BeginArray()
	for _, b := range r.Bands {
		w.BeginObject()
		w.Key("code")
		w.String(b.Code)
		if b.Name != "" {
			w.Key("name")
			w.String(b.Name)
		}
		w.Key("multiple")
		w.Rate(b.Multiple)
		w.Key("threshold")
		w.Amount(b.Threshold)
		w.Key("below")
		w.Bool(b.Below)
		w.EndObject()
	}
	w.EndArray()
	w.Key("edge_band")
	w.String(r.EdgeBand)
	w.Key("property")
	w.BeginArray()
	for _, p := range r.Property {
		w.BeginObject()
		w.Key("scheme")
		w.String(p.Scheme.String())
		w.Key("tested")
		w.Bool(p.Tested)
		w.Key("within")
		w.Bool(p.Within)
		w.Key("financial_assets")
		w.Amount(p.FinancialAssets)
		if p.Tested {
			w.Key("asset_limit")
			w.Amount(p.AssetLimit)
		}
		w.Key("dwellings")
		w.Int(int64(p.Dwellings))
		w.Key("max_dwellings")
		w.Int(int64(p.MaxDwellings))
		w.Key("vehicles")
		w.Int(int64(p.Vehicles))
		w.Key("vehicles_allowed")
		w.Bool(p.VehiclesAllowed)
		w.EndObject()
	}
	w.EndArray()
	w.Key("members")
	w.BeginArray()
	for _, m := range r.Members {
		w.BeginObject()
		w.Key("id")
		w.String(m.ID)
		w.Key("status")
		w.String(m.Status.String())
		if m.Status == MemberTekun {
			w.Key("care")
			w.String(m.Care.String())
		}
		w.Key("countable")
		w.Amount(m.Countable)
		w.EndObject()
	}
	w.EndArray()
	w.Key("gradual_exit_end")
	w.String(r.GradualExitEnd.String())
	w.Key("verification_required")
	w.Bool(r.VerificationRequired)
	w.Key("pending")
	w.BeginArray()
	for _, p := range r.Pending {
		w.BeginObject()
		w.Key("member")
		w.String(p.Member)
		w.Key("item")
		w.Int(int64(p.Item))
		w.EndObject()
	}
	w.EndArray()
	w.Key("reasons")
	record.WriteSteps(w, r.Reasons, vals)
	w.Key("flags")
	record.WriteSteps(w, r.Flags, vals)
	w.Key("unevaluated")
	w.BeginArray()
	for _, c := range r.Unevaluated {
		w.String(string(c))
	}
	w.EndArray()
}
