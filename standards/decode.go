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
	s := o.Str(key, required)
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		_, path, _ := o.Get(key)
		o.Problems().Add(path, CodeBadDate, "%q is not a YYYY-MM-DD calendar date between 1900 and 2200", s)
	}
	return d
}
