// Command simulate runs a policy simulation: a population (synthetic, survey
// microdata, or a batch file) decided under the embedded Heilongjiang
// standards — the baseline, merged with an agency's settings when given —
// and under each reform file, for one month or a range of months, and
// writes the report: summary.json, caseload.csv, costs.csv, regions.csv,
// changes.csv, deciles.csv, three SVG charts and report.html, which embeds
// the tables and charts and needs no script.
//
//	go run ./examples/simulate -households 200000 -reform testdata/plus10.json -out report/
//	go run ./examples/simulate -survey testdata/survey -reform testdata/plus10.json -months 12 -out report/
//
// A reform file is read by standards.ReadReform: new values or relative
// changes (× a factor, + an increment) of any parameter, for regions,
// areas and scopes, from a date. testdata holds examples: plus10.json
// (the 低保 standard +10 % everywhere), tiered-counties.json (tiered
// payment in Harbin's counties), minimum-gap.json (a gap below 20 % of the
// line paid as 20 %) and nothing.json (a change that reaches no household
// simulated, which the report says).
//
// Flags: -households n (and -seed), -survey DIR (households.csv and
// members.csv, see batch.SurveyReader), -csv FILE, -jsonl FILE; -reform
// FILE (repeatable), -settings FILE; -date, -months, -prices FILE (CSV
// month,cpi,food_cpi: the price subsidy's indices by month); -out DIR,
// -per-household NAME (households.csv for that scenario), -lang en|zh;
// -workers, -memory MiB (a soft limit, 48 by default), -no-deciles, -q. Progress
// (households a second, time left) goes to stderr when it is a terminal.
package main
