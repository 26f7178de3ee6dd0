package main

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A synthetic population written by -synth is decided whole, in order.
func TestSynthesizeThenDecide(t *testing.T) {
	var pop, log bytes.Buffer
	require.NoError(t, run([]string{"-synth", "500"}, nil, &pop, &log))
	var results bytes.Buffer
	require.NoError(t, run(nil, &pop, &results, &log))
	rows, err := csv.NewReader(&results).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 501)
	assert.Equal(t, "h0", rows[1][0])
	assert.Equal(t, "h499", rows[500][0])
	assert.Contains(t, log.String(), "500 households")
	assert.Contains(t, log.String(), "dibao")
}

// A household from the package documentation: one member in 道里区 with a
// 600-yuan pension against the urban standard of 850: 850 − 600 = 250.
func TestDecideFile(t *testing.T) {
	in := "household,record,date,region,area,id,birth_date,relation,labour,member,kind,amount,period\n" +
		"h1,household,2024-06-01,230102,urban,,,,,,,,\n" +
		"h1,member,,,,a,1980-03-01,applicant,none,,,,\n" +
		"h1,income,,,,,,,,a,pension,600,monthly\n"
	var out, log bytes.Buffer
	require.NoError(t, run(nil, strings.NewReader(in), &out, &log))
	assert.Contains(t, out.String(), "h1,dibao,250.00,250.00,")
	assert.Contains(t, log.String(), "monthly total paid: 250.00 yuan")
	// A file the reader cannot read at all is an error.
	err := run(nil, strings.NewReader("household,record,date,colour\n"), &out, &log)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "colour")
}
