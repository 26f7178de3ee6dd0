package standards

import (
	"github.com/dibao-go/dibao/internal/jsonw"
)

type (
	problems = jsonw.Problems
	object   = jsonw.Object
)

// loadError turns collected problems into a *LoadError, or nil.
func loadError(p *problems) error {
	if p.Len() == 0 {
		return nil
	}
	return &LoadError{Problems: p.List()}
}

// dateField reads a YYYY-MM-DD field.
func dateField(o *object, key string, required bool) Date {
	return jsonw.Parsed(o, key, required, CodeBadDate, ParseDate)
}
