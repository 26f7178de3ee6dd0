// Package simulation runs populations of households under a baseline and
// reforms of it, month by month, and reports what policy researchers ask:
// the weighted caseload by status, the cost by kind of payment, region and
// area, the winners and losers against the baseline, the households that
// cross the 低保 → edge cliff, and the mean change by decile of baseline
// per-capita income — every figure exact (money.WeightedTotal,
// money.WeightSum), as JSON, CSV, SVG charts and one HTML page.
//
// # Populations
//
// A population is any batch.Reader: Synthesize (a generated Harbin
// population, seeded and reproducible household by household, its
// distributions documented there), batch.SurveyReader (survey microdata: a
// households file with weights and a members file, joined by ID),
// batch.CSVReader or batch.JSONLReader. Households are read a piece at a
// time: a run's memory does not grow with the population, except the
// deciles' 44 bytes or so a household with one reform (Options.NoDeciles drops them).
// Weights (batch.Population.Weight) count in every aggregate; Rake
// calibrates them to given totals (households by area, the caseload by
// region) by iterative proportional fitting.
//
// # Scenarios
//
// A Scenario is a named standards.Set: the baseline (the embedded data,
// with an agency's settings merged), and reforms made with
// standards.ReadReform and Set.Apply (Reformed): new values, or relative
// changes (× a factor, + an increment) of any numeric parameter, for
// regions, an area class, and a scope. Local rules are parameters like any
// other — the payment method by region, per-category supplement rates and
// age-defined categories, price-subsidy formulas, a minimum gap payment,
// rounded band thresholds — so what a simulation can change, an agency can
// set.
//
// # Months
//
// Options.Months runs consecutive months: each household's standing after
// one month (payment.NextCurrent: a gradual exit and its end, a recipient's
// payment, members' 单人户 standings) is its standing for the next, so
// gradual exits run on and end; Options.Prices gives each month's price
// indices.
//
// One consequence of R11 as the library reads it shows in such runs: a new
// application is decided on every item, suspected (疑点) ones included, and
// a recipient on its verified items only — so a household whose suspected
// income counted on application is paid more from its second month, until
// the suspicion is verified (a month-by-month run verifies nothing).
//
// # Comparisons
//
// A household is changed by a reform when any figure of any month differs
// from the baseline's; a winner when its payments over the run are higher,
// a loser when lower (means weighted by the households' weights). A reform
// that changes no household is reported (Change.NoEffect). Deciles are
// tenths of the total weight, households ordered by baseline per-capita
// countable income of the first month (countable ÷ tested members, compared
// exactly; ties in input order); a household belongs to one decile, so a
// heavy one can leave a neighbouring decile empty. Households some month of
// which cannot be decided are counted (ScenarioReport.Failed, with the
// first one's problems) and left out of the comparisons.
package simulation
