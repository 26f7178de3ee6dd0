package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sample: 双城区 (850 a month, 2023 figures, stale after 2023), June 2024.
// Wages of 10800 received in 6 of the 12 months are averaged over the 12:
// 10800 ÷ 12 = 900 a month; R13: 2 × 1750 (三档) ÷ 12 = 875/3; net
// 900 − 875/3 = 1825/3; R14 at the case-level 50 %: 1825/6 counted; the
// special-care pension is excluded. Countable 1825/6 = 304.166… < 850 × 3 =
// 2550: 低保. Gap 2550 − 1825/6 = 13475/6 = 2245.833… → 2245.83 (fen,
// half-up); supplements 0.15 × 850 = 127.50 for the severely disabled spouse
// and the minor; total 2245.83 + 255.00 = 2500.83.
func TestSampleDecision(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(nil, &out))
	s := out.String()
	assert.Contains(t, s, "Monthly total paid: 2500.83 yuan")
	assert.Contains(t, s, "每月合计发放 2500.83 元")
	assert.Contains(t, s, "paid 2245.83 yuan")
	assert.Contains(t, s, "Decision: dibao")
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"date": "2024-06-01", "household": {"region": "230113", "members": []}}`), 0o644))
	var out bytes.Buffer
	err := run([]string{bad}, &out)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "household.members")
	assert.Error(t, run([]string{filepath.Join(dir, "missing.json")}, &out))
	assert.Error(t, run([]string{"a", "b"}, &out))
}
