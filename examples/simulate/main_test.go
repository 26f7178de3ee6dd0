package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSyntheticRunWritesTheReport(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run([]string{"-households", "3000", "-reform", "../../testdata/plus10.json", "-reform", "../../testdata/nothing.json",
		"-reform", "../../testdata/tiered-counties.json", "-reform", "../../testdata/minimum-gap.json",
		"-per-household", "standard +10 %", "-out", out}, &stdout, &stderr, false)
	require.NoError(t, err, stderr.String())
	for _, f := range []string{"summary.json", "caseload.csv", "costs.csv", "regions.csv", "changes.csv", "deciles.csv",
		"cost.svg", "deciles.svg", "caseload.svg", "report.html", "households.csv"} {
		st, err := os.Stat(filepath.Join(out, f))
		require.NoError(t, err, f)
		assert.Greater(t, st.Size(), int64(0), f)
	}
	for _, f := range []string{"cost.svg", "deciles.svg", "caseload.svg"} {
		data, err := os.ReadFile(filepath.Join(out, f))
		require.NoError(t, err)
		dec := xml.NewDecoder(bytes.NewReader(data))
		dec.Strict = true
		for {
			if _, err := dec.Token(); err != nil {
				assert.Equal(t, "EOF", err.Error(), f)
				break
			}
		}
	}
	var summary struct {
		Households int `json:"households"`
		Scenarios  []struct {
			Name   string `json:"name"`
			Change *struct {
				NoEffect bool `json:"no_effect"`
			} `json:"change"`
		} `json:"scenarios"`
	}
	data, err := os.ReadFile(filepath.Join(out, "summary.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &summary))
	assert.Equal(t, 3000, summary.Households)
	require.Len(t, summary.Scenarios, 5)
	assert.False(t, summary.Scenarios[1].Change.NoEffect)
	assert.True(t, summary.Scenarios[2].Change.NoEffect)
	assert.Contains(t, stderr.String(), "changes nothing for any household simulated")
	assert.NotContains(t, stderr.String(), "could not be decided")
	households, err := os.ReadFile(filepath.Join(out, "households.csv"))
	require.NoError(t, err)
	assert.Equal(t, 3001, strings.Count(string(households), "\n"))
	assert.Contains(t, stdout.String(), "3000 households")
}

func TestSurveyRunOverMonths(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run([]string{"-survey", "../../testdata/survey", "-months", "6", "-reform", "../../testdata/plus10.json", "-lang", "zh", "-out", out},
		&stdout, &stderr, false)
	require.NoError(t, err, stderr.String())
	costs, err := os.ReadFile(filepath.Join(out, "costs.csv"))
	require.NoError(t, err)
	assert.Equal(t, 1+2*6, strings.Count(string(costs), "\n"), "a row per scenario and month")
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), `lang="zh-Hans"`)
	assert.NotContains(t, stderr.String(), "could not be decided")
	assert.Contains(t, stdout.String(), "5 households (0 could not be read)")
}

func TestBadArguments(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Error(t, run([]string{"-out", t.TempDir()}, &stdout, &stderr, false), "no population")
	assert.Error(t, run([]string{"-households", "10", "-survey", "x"}, &stdout, &stderr, false), "two populations")
	err := run([]string{"-households", "10", "-reform", "../../testdata/survey/households.csv", "-out", t.TempDir()}, &stdout, &stderr, false)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "households.csv")
}

func TestPricesAndNames(t *testing.T) {
	dir := t.TempDir()
	prices := filepath.Join(dir, "prices.csv")
	require.NoError(t, os.WriteFile(prices, []byte("month,cpi,food_cpi\n2024-07,0.04,\n"), 0o644))
	var stdout, stderr bytes.Buffer
	out := filepath.Join(dir, "out")
	require.NoError(t, run([]string{"-survey", "../../testdata/survey", "-months", "2", "-prices", prices, "-out", out}, &stdout, &stderr, false), stderr.String())
	costs, err := os.ReadFile(filepath.Join(out, "costs.csv"))
	require.NoError(t, err)
	rows := strings.Split(strings.TrimSpace(string(costs)), "\n")
	require.Len(t, rows, 3)
	// scenario,month,total,gap,supplements,single_person,gradual_exit,price_subsidy,…
	assert.Equal(t, "0.00", strings.Split(rows[1], ",")[7], "no price subsidy in June: %s", rows[1])
	assert.NotEqual(t, "0.00", strings.Split(rows[2], ",")[7], "July pays a price subsidy: %s", rows[2])
	err = run([]string{"-households", "10", "-reform", "../../testdata/plus10.json", "-reform", "../../testdata/plus10.json", "-out", out}, &stdout, &stderr, false)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "another scenario is named")
}
