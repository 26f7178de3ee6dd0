package record

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/standards"
)

// TestValuesAdd: each value once, at the index of its first Add, whether
// the table is small (found by a scan) or has grown past smallValues (an
// index); values differing in any part of their key are apart.
func TestValuesAdd(t *testing.T) {
	param := func(i int) explain.Param {
		p := explain.Param{Key: standards.ParamDibaoStandard}
		p.Provenance.Region = standards.MustRegion("230102")
		p.Provenance.From = standards.MustParseDate("2020-01-01").AddDays(i / 2)
		p.CaseLevel = i%2 == 1 // the same date, one case-level and one not
		return p
	}
	var v Values
	n := 3*smallValues + 1
	for i := range n {
		assert.Equal(t, i, v.Add(param(i)), "new value %d", i)
		for j := 0; j <= i; j += 7 { // again: the index of its first Add
			assert.Equal(t, j, v.Add(param(j)), "value %d again after %d", j, i)
		}
	}
	assert.Len(t, v.List, n)
	// Another key, region or source is another value.
	p := param(0)
	p.Key = standards.ParamElderlyAge
	assert.Equal(t, n, v.Add(p))
	p = param(0)
	p.Provenance.Region = standards.MustRegion("230103")
	assert.Equal(t, n+1, v.Add(p))
	p = param(0)
	p.Provenance.Source.ID = "other"
	assert.Equal(t, n+2, v.Add(p))
}
