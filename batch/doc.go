// Package batch decides many households at once: bulk re-assessments and
// the populations policy simulations run on.
//
// # Populations
//
// A Population holds households in the compact form (income.Compact) packed
// into one list per kind of item, so that a million households take a few
// hundred bytes each and a decision reads one through a view, without
// copying. Fill one with Add, with a reader (CSVReader, JSONLReader) or with
// Synthesize, which draws a repeatable synthetic population of Harbin for
// benchmarks and simulations. View gives a household back in the compact
// form, and income.Compact.Household in the general one, to decide it
// with payment.Decide or write it as JSON.
//
// # The engine
//
// An Engine decides households on one standards Set. It compiles what a
// decision needs once per region, area class and date range (a
// payment.Plan: every value in flat exact-integer form, its provenance
// beside it) and shares the plans between its Workers. A Worker decides
// one household after another without allocating once warm; households the
// common rules decide take a fast path over the plan, the others the
// general path of payment.Decide, and the two agree (the package's
// differential tests hold them to it, at and around every threshold).
// A Worker decides household i of a Population in place (DecideAt) or any
// compact household (DecideInto); Engine.Decide decides a whole Population
// with a worker per core.
//
// # Files
//
// Engine.Run streams a file through the engine: it reads households a
// piece at a time, decides them in parallel, and writes one result row per
// household in input order (ResultWriter's CSV), with memory bounded by the
// pieces in flight. A CSV input is cut into blocks of whole households
// without reading their fields, and the workers read the blocks as well as
// decide them; the households, problems and line numbers are those of a
// read in one piece. Two input forms:
//
//   - CSV (CSVReader): a header naming the columns, then each household's
//     rows — one household row, then member, income, property and
//     expenditure rows in any order — under the household's key. The columns
//     are the JSON form's field names (income.Column: region, birth_date,
//     kind, amount, …) and this package's household, record, date, status,
//     monthly_amount and gradual_exit_end. Income, property and expenditure
//     rows name their member by ID; cares_for and groups list values
//     separated by ";". CSVWriter writes the form.
//   - JSON lines (JSONLReader): one decision request per line, as
//     payment.DecodeRequest reads it, with everything a request carries.
//
// The CSV form carries a household and its current standing (status,
// monthly_amount, gradual_exit_end). The rest of what a request can carry —
// members' own standings (单人户 and its exit), a previous assessment,
// prices, temporary assistance — only the JSON-lines form does (the
// engine's Options.Prices apply to each household whose request brings
// none: every CSV household).
//
// A household's rows follow one another under its key. Keys are not
// checked for uniqueness across a file: a key that comes back after another
// household's rows begins a new household (checking would keep every key
// of a streamed file in memory).
//
// Each household is checked with the rules and problems of the JSON form,
// at the JSON form's paths (members[1].incomes[0].amount; an income row
// whose member is not found, at incomes[k], k counting the household's
// income rows); problems found in deciding it are at the request's paths,
// as payment.Decide reports them (household.region). A household that
// fails is a result row with its first problem and the line to look at —
// for a problem found in reading a CSV household, the row it is in; else
// the household's first line (a JSON line's own) — and the run goes on. A cell that is not valid UTF-8 (a file in
// another encoding), a cell in a column that does not apply to its row's
// record and a malformed row are problems of their household; unknown or
// repeated columns are problems of the header, and stop the read.
//
// A minimal CSV file:
//
//	household,record,date,region,area,id,birth_date,relation,labour,member,kind,amount,period
//	h1,household,2024-06-01,230102,urban,,,,,,,,
//	h1,member,,,,a,1980-03-01,applicant,none,,,,
//	h1,income,,,,,,,,a,pension,600,monthly
//
// # Performance
//
// Measured on the machine of the package's benchmarks (see the README for
// the figures and commands): BenchmarkBatch reports ns/household and
// allocs/household for the common population, with an int64 reference loop
// of the same simple rules in the same run; BenchmarkRunCSV the whole job
// from a CSV file; BenchmarkRunStream the peak memory of a streamed run.
package batch
