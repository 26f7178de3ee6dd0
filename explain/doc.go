// Package explain is the library's one model of explanations: every figure
// of an assessment, classification or payment is a Step — a stable Code,
// the member it concerns, its typed figures (Args), the standards values it
// rests on (Params, with their source, date and reliability) and the clause
// it cites.
//
// # Codes
//
// Every code is an exported constant (StepWindow, ReasonBelowLine, LineGap,
// …) in one table (Codes, Info) that gives its kind, its sentence in
// Simplified Chinese and in English, and the clause it rests on by default.
// The JSON outputs, the decision record and the conformance suite use
// exactly these codes; a code is never removed or reused with another
// meaning.
//
// # Rendering
//
// Render writes steps for people, one line per step and a line per
// parameter, in the language matched to a language.Tag (Chinese for zh,
// English otherwise). Amounts are shown in yuan with two decimals and
// categories, statuses and areas in words; raw codes and exact fractions
// never reach a caseworker. Options{Technical: true} adds the exact figures
// ("754.17 (4525/6)") for auditors and developers. A step that rests on an
// assumed value says so ("［含假定值］", "[rests on an assumed value]") and
// gives the reason; a value past the date its data is known complete says
// that a newer value may exist.
//
// FormatValue and FormatProvenance write a single standards value and its
// provenance the same way, for listings such as the example
// examples/standards.
//
// # Recording
//
// Rule packages record steps into a Recorder, which keeps arguments in one
// arena so that an explained decision costs a few allocations; a nil
// *Recorder records nothing and costs nothing, which is how the batch path
// runs. Steps are values: Clone copies a slice of them for keeping.
package explain
