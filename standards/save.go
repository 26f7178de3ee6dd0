package standards

import (
	"strings"

	"github.com/dibao-go/dibao/internal/jsonw"
)

type fileJSON struct {
	Format          string                `json:"format"`
	Name            string                `json:"name"`
	Jurisdiction    string                `json:"jurisdiction"`
	CompleteThrough string                `json:"complete_through"`
	Divisions       []divisionJSON        `json:"divisions,omitempty"`
	Sources         map[string]sourceJSON `json:"sources"`
	Parameters      map[string]any        `json:"parameters"`
}

type divisionJSON struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Parent string `json:"parent,omitempty"`
}

type sourceJSON struct {
	Document    string `json:"document"`
	Short       string `json:"short,omitempty"`
	Title       string `json:"title,omitempty"`
	Issuer      string `json:"issuer,omitempty"`
	URL         string `json:"url,omitempty"`
	Reliability string `json:"reliability"`
	Note        string `json:"note,omitempty"`
}

type seriesJSON struct {
	Regions         []string    `json:"regions"`
	Area            string      `json:"area,omitempty"`
	CompleteThrough string      `json:"complete_through,omitempty"`
	Values          []entryJSON `json:"values"`
}

type entryJSON struct {
	From      string `json:"from"`
	Until     string `json:"until,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source"`
	Clause    string `json:"clause,omitempty"`
	Note      string `json:"note,omitempty"`
	Value     any    `json:"value"`
}

// SaveOptions adjusts Save.
type SaveOptions struct {
	// OmitDivisions leaves the division register out of the file (it must
	// then be given to Load as LoadOptions.Divisions). By default a saved file
	// is self-contained.
	OmitDivisions bool
}

// Save writes the Set in the JSON standards format, indented, with keys in a
// fixed order, so that Load(Save(s)) holds the same values and a second Save
// gives the same bytes.
func (s *Set) Save(opts SaveOptions) ([]byte, error) {
	f := fileJSON{
		Format:          FormatVersion,
		Name:            s.name,
		Jurisdiction:    s.jurisdiction.String(),
		CompleteThrough: s.completeThrough.String(),
		Sources:         map[string]sourceJSON{},
		Parameters:      map[string]any{},
	}
	if !opts.OmitDivisions {
		for _, d := range s.divisions.All() {
			f.Divisions = append(f.Divisions, divisionJSON{Code: d.Region.String(), Name: d.Name, Parent: d.Parent.String()})
		}
	}
	for _, id := range s.sourceOrder {
		src := s.sources[id]
		f.Sources[id] = sourceJSON{Document: src.Document, Short: src.Short, Title: src.Title, Issuer: src.Issuer, URL: src.URL,
			Reliability: src.Reliability.String(), Note: src.Note}
	}
	rounding := map[string]any{}
	for _, sp := range specs() {
		t := s.tables[sp.param]
		if t == nil {
			continue
		}
		list := make([]seriesJSON, 0, len(t.series))
		for _, ser := range t.series {
			sj := seriesJSON{Area: ser.area.String(), CompleteThrough: ser.completeThrough.String()}
			for _, r := range ser.regions {
				sj.Regions = append(sj.Regions, r.String())
			}
			for _, e := range ser.values {
				ej := entryJSON{From: e.from.String(), Until: e.until.String(), Source: e.source,
					Clause: e.clause, Note: e.note, Value: sp.encode(e.v)}
				if e.publishedGiven {
					ej.Published = e.published.String()
				}
				sj.Values = append(sj.Values, ej)
			}
			list = append(list, sj)
		}
		if pt, ok := strings.CutPrefix(string(sp.param), "rounding."); ok {
			rounding[pt] = list
		} else {
			f.Parameters[string(sp.param)] = list
		}
	}
	if len(rounding) > 0 {
		f.Parameters["rounding"] = rounding
	}
	return jsonw.Indent(f)
}
