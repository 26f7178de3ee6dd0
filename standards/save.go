package standards

import (
	"fmt"

	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
)

// SaveOptions adjusts Save.
type SaveOptions struct {
	// OmitDivisions leaves the division register out of the file (it must
	// then be given to Load as LoadOptions.Divisions). By default a saved file
	// is self-contained.
	OmitDivisions bool
}

// Save writes the Set in the JSON standards format, indented, with fields
// and parameters in a fixed order, so that Load(Save(s)) holds the same
// values and a second Save gives the same bytes.
func (s *Set) Save(opts SaveOptions) ([]byte, error) {
	w := jsonx.NewWriter("  ")
	w.BeginObject()
	w.Key("format")
	w.String(FormatVersion)
	w.Key("name")
	w.String(s.name)
	w.Key("jurisdiction")
	w.String(s.jurisdiction.String())
	w.Key("complete_through")
	w.String(s.completeThrough.String())
	if s.dataVersion != "" {
		w.Key("data_version")
		w.String(s.dataVersion)
	}
	if !opts.OmitDivisions {
		w.Key("divisions")
		w.BeginArray()
		for i := 0; i < s.divisions.Len(); i++ {
			d := s.divisions.At(i)
			w.BeginObject()
			w.Key("code")
			w.String(d.Region.String())
			w.Key("name")
			w.String(d.Name)
			if d.Parent.IsValid() {
				w.Key("parent")
				w.String(d.Parent.String())
			}
			w.EndObject()
		}
		w.EndArray()
	}
	w.Key("sources")
	w.BeginObject()
	for i := range s.sources {
		src := s.sources[i]
		w.Key(src.ID)
		sourceFields.Encode(w, &src)
	}
	w.EndObject()
	w.Key("parameters")
	w.BeginObject()
	rounding := false
	for _, k := range Keys() {
		t := s.tables[k.info().index]
		if t == nil {
			continue
		}
		if p := k.info().point; p != "" {
			if !rounding {
				w.Key("rounding")
				w.BeginObject()
				rounding = true
			}
			w.Key(p)
		} else {
			w.Key(k.Name())
		}
		t.encode(w, s)
	}
	if rounding {
		w.EndObject()
	}
	w.EndObject()
	w.EndObject()
	return append(w.Bytes(), '\n'), nil
}

// EncodeValue writes a parameter's value (as Lookup returns it) in the
// standards file's JSON form: "850", [{"code": "edge", …}], …
func EncodeValue(k AnyKey, v any) ([]byte, error) { return AppendValue(nil, k, v) }

// AppendValue is EncodeValue appending to b, for a writer that reuses its
// buffer.
func AppendValue(b []byte, k AnyKey, v any) ([]byte, error) {
	w := jsonx.WriterOn(b)
	if err := k.info().def().writeAny(w, v); err != nil {
		return b, err
	}
	return w.Bytes(), nil
}

// DecodeValue reads a parameter's value in the standards file's JSON form
// (problems in a *problem.Error). It checks the form, not the policy's
// ranges: those are Load's and Apply's to check; this reads values back from
// records, where a value may be the part of one that was used (a tier's row
// of the minimum-wage table).
func DecodeValue(k AnyKey, data []byte) (any, error) {
	var p report.List
	d, ok := jsonx.Parse(data, MaxFileSize, &p, "value")
	if !ok {
		return nil, p.Err(problem.SubjectStandards)
	}
	v := k.info().def().readAny(d, checker{p: &p, path: "value"})
	if err := p.Err(problem.SubjectStandards); err != nil {
		return nil, err
	}
	return v, nil
}

func (d *keyDef[T]) writeAny(w *jsonx.Writer, v any) error {
	t, ok := v.(T)
	if !ok {
		return fmt.Errorf("standards: %s holds %T, not %T", d.name, t, v)
	}
	d.write(w, t)
	return nil
}

func (d *keyDef[T]) readAny(dec *jsonx.Decoder, c checker) any {
	v, _ := d.read(dec)
	return v
}
