package heilongjiang

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/dibao-go/dibao/standards"
)

//go:embed standards.json
var standardsJSON []byte

//go:embed divisions.csv
var divisionsCSV []byte

// JSON returns a copy of the embedded standards file (without its division
// register, which Divisions provides).
func JSON() []byte { return bytes.Clone(standardsJSON) }

// DivisionsCSV returns a copy of the embedded division register, in the CSV
// form standards.ParseDivisionsCSV reads.
func DivisionsCSV() []byte { return bytes.Clone(divisionsCSV) }

var load = sync.OnceValues(func() (*standards.Set, error) {
	divs, err := standards.ParseDivisionsCSV(bytes.NewReader(divisionsCSV))
	if err != nil {
		return nil, err
	}
	return standards.Load(standardsJSON, standards.LoadOptions{Divisions: divs})
})

// Set returns the embedded Heilongjiang Set. It is loaded once and shared: a
// Set is immutable and safe for concurrent use. The error is non-nil only if
// the embedded data is broken, which the package's tests rule out.
func Set() (*standards.Set, error) { return load() }

// Divisions returns the embedded division register.
func Divisions() (*standards.Divisions, error) {
	s, err := load()
	if err != nil {
		return nil, err
	}
	return s.Divisions(), nil
}
