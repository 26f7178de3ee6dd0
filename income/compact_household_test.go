package income_test

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/fuzzgen"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Compact.Household gives back the household a compact form was made from
// (notes aside: the compact form has none), so that CompactOf of it is the
// same compact form, for households of every shape the fuzz generator
// makes; members without an ID in ids are named by their places.
func TestCompactHousehold(t *testing.T) {
	date := standards.MustParseDate("2023-06-01")
	tried, items, shapes := 0, 0, map[string]bool{}
	rng := rand.New(rand.NewPCG(3, 4))
	for seed := range 2000 {
		data := make([]byte, 64)
		for i := range data {
			data[i] = byte(rng.IntN(256))
		}
		h := fuzzgen.New(data).Household()
		var c income.Compact
		ids, err := income.CompactOf(h, &c, date)
		if err != nil {
			continue
		}
		tried++
		items += len(c.Items) + len(c.Property) + len(c.Expenditures)
		shapes[fmtHousehold(h)] = true
		back, err := c.Household(ids)
		require.NoError(t, err)
		var c2 income.Compact
		ids2, err := income.CompactOf(&back, &c2, date)
		require.NoError(t, err)
		require.Equal(t, ids, ids2)
		require.True(t, reflect.DeepEqual(c, c2), "seed %d:\n%+v\n%+v", seed, c, c2)
		require.Len(t, back.Members, len(h.Members))
		for i := range h.Members { // lists are sets in the compact form: groups and cares_for in code and member order
			require.Len(t, back.Members[i].Incomes, len(h.Members[i].Incomes))
		}

		// Without IDs: members are named 1, 2, … and the form is the same.
		anon, err := c.Household(nil)
		require.NoError(t, err)
		for i, m := range anon.Members {
			require.Equal(t, strconv.Itoa(i+1), m.ID)
		}
		_, err = income.CompactOf(&anon, &c2, date)
		require.NoError(t, err)
		require.True(t, reflect.DeepEqual(c, c2), "seed %d, no IDs", seed)
	}
	assert.Greater(t, tried, 200, "households that validate")
	assert.Greater(t, items, tried, "items of every kind")
	assert.Greater(t, len(shapes), tried*9/10, "households that differ")

	// A form that cannot be read is CheckCompact's error, not a panic.
	bad := income.Compact{N: 3, Members: make([]income.CompactMember, 1)}
	_, err := bad.Household(nil)
	assert.Equal(t, income.CheckCompact(&bad), err)
	require.Error(t, err)
	bad = income.Compact{N: 1, Members: []income.CompactMember{{First: 0, End: 4}}}
	_, err = bad.Household(income.IDs{"a"})
	require.Error(t, err)
	// IDs for one member of two: not named by place beside them (a place
	// could be another's ID), refused.
	two := income.Compact{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, N: 2, Members: make([]income.CompactMember, 2)}
	_, err = two.Household(income.IDs{"2"})
	pe, ok := problem.As(err)
	require.True(t, ok, "%v", err)
	assert.True(t, pe.Has("members", problem.TooLarge), "%v", pe)
}

func fmtHousehold(h *income.Household) string {
	b, err := h.MarshalJSON()
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// A TextBuilder given a record that is not one reads nothing of its row
// (no panic): the household reports its missing row and date-free checks.
func TestTextBuilderNoRecord(t *testing.T) {
	var b income.TextBuilder
	b.Reset()
	b.Begin(income.RecordHousehold)
	b.Set(income.ColumnRegion, []byte("230102"))
	b.Set(income.ColumnArea, []byte("urban"))
	b.Begin(income.Record(9))
	b.Set(income.ColumnBirthDate, []byte("1980-01-01"))
	b.Invalid(income.ColumnRelation, []byte("\xff"), 0)
	_, err := b.Build(standards.MustParseDate("2023-06-01"))
	pe, ok := problem.As(err)
	require.True(t, ok, "%v", err)
	assert.True(t, pe.Has("members", problem.Empty), "%v", pe)
	assert.Equal(t, -1, b.IncomeRow(-1, 0))
	assert.Equal(t, -1, b.IncomeRow(0, 0), "no income rows")
}
