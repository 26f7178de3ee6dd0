package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(nil, &out))
	s := out.String()
	// 230102 on 2023-06-01: Harbin 市区 2023 standards (哈民政规〔2023〕6号), in both languages.
	assert.Contains(t, s, "230102 黑龙江省哈尔滨市道里区 · 2023-06-01")
	assert.Contains(t, s, "低保标准 · 城市: 850.00 元/人·月")
	assert.Contains(t, s, "dibao standard · rural: 640.00 yuan per person per month")
	assert.Contains(t, s, "公布于2023年11月3日")
	assert.Contains(t, s, "source: HRB-2023-6 (official)") // the source's English short name
	assert.Contains(t, s, "来源：哈民政规〔2023〕6号（官方）")
	assert.Contains(t, s, "Not set in the data (supply your own where it applies):")
	assert.Contains(t, s, "  - tier table (needed for: tiered payment)")
	assert.Contains(t, s, "数据未设定（需自行提供，或不适用）：")
	// The assumed values say so, with the reason.
	assert.Contains(t, s, "supplement stacking: highest once")
	assert.Contains(t, s, "why assumed:")
}

func TestRunForAPlaceAndDate(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run([]string{"230113", "2025-12-01"}, &out))
	// 双城区 moves to 二档 on 2025-12-01: 2010 yuan a month.
	assert.Contains(t, out.String(), "minimum-wage tier: tier 2")
	assert.Contains(t, out.String(), "tier 2: 2010.00 yuan a month (18.80 yuan an hour)")
	assert.Contains(t, out.String(), "note: the date is after 31 December 2023")
}

func TestBadArguments(t *testing.T) {
	for _, args := range [][]string{
		{"2301x"},
		{"230199"},
		{"230102", "2023-02-30"},
		{"230102", "2023-06-01", "extra"},
	} {
		var out bytes.Buffer
		err := run(args, &out)
		assert.Error(t, err, "%v", args)
		assert.Empty(t, out.String(), "%v", args)
		assert.NotContains(t, err.Error(), "\n", "one line")
	}
}
