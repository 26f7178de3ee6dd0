package conformance_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/conformance"
)

// The suite passes through the line protocol too, with this library serving.
func TestProtocolInProcess(t *testing.T) {
	cases, err := conformance.Cases()
	require.NoError(t, err)
	ask, stop := conformance.InProcess()
	results, err := conformance.Check(cases, ask)
	require.NoError(t, err)
	require.NoError(t, stop())
	require.Len(t, results, len(cases))
	for _, r := range results {
		assert.Empty(t, r.Mismatches, r.ID)
	}
}

// A wrong implementation is caught, case by case.
func TestProtocolReportsDiffs(t *testing.T) {
	cases, err := conformance.Cases()
	require.NoError(t, err)
	ask, stop := conformance.InProcess()
	defer stop()
	wrong := func(input []byte) ([]byte, error) {
		answer, err := ask(input)
		// An implementation that rounds 0.01 up to 0.02 and calls edge households dibao.
		answer = bytes.ReplaceAll(answer, []byte(`"amount":"0.01"`), []byte(`"amount":"0.02"`))
		answer = bytes.ReplaceAll(answer, []byte(`"status":"edge"`), []byte(`"status":"dibao"`))
		return answer, err
	}
	results, err := conformance.Check(cases[:5], wrong)
	require.NoError(t, err)
	var failed []string
	for _, r := range results {
		if len(r.Mismatches) > 0 {
			failed = append(failed, r.ID+": "+strings.Join(r.Mismatches, "; "))
		}
	}
	// The first five cases: 0.01 gap, three edge households, one not eligible (unaffected).
	assert.Len(t, failed, 4, "%v", failed)
	assert.Contains(t, failed[0], `lines.gap: want "0.01", got "0.02"`)
	assert.Contains(t, failed[1], `status: want "edge", got "dibao"`)
}

func TestServeRejectsBadLines(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, conformance.Serve(strings.NewReader("not json\n{\"standards\": {}}\n"), &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], `"error":"bad_input`)
	assert.Contains(t, lines[1], `"error":"bad_standards`)
}
