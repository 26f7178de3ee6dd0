package income

import (
	"errors"

	"github.com/dibao-go/dibao/internal/jsonw"
)

// ErrInvalidHousehold is wrapped by every *InputError.
var ErrInvalidHousehold = errors.New("income: invalid household")

// ProblemCode classifies a Problem. Codes are stable; messages are not.
type ProblemCode = jsonw.Code

// Problem is one thing wrong with a household: Path is the JSON path
// (members[2].incomes[0].amount), Code a stable ProblemCode, Msg a detail in
// English.
type Problem = jsonw.Problem

// Problem codes.
const (
	CodeSyntax        ProblemCode = jsonw.Syntax        // not JSON
	CodeTooLarge      ProblemCode = jsonw.TooLarge      // input or household too large
	CodeUnknownField  ProblemCode = jsonw.UnknownField  // a field the format does not define
	CodeRequired      ProblemCode = jsonw.Required      // missing or empty
	CodeType          ProblemCode = jsonw.Type          // wrong JSON type
	CodeBadNumber     ProblemCode = jsonw.BadNumber     // not a plain decimal string or whole number
	CodeBadCode       ProblemCode = jsonw.BadCode       // an unknown kind, enum value or region code
	CodeDuplicate     ProblemCode = jsonw.Duplicate     // a member ID or reference given twice
	CodeTooManyProblm ProblemCode = jsonw.TooMany       // further problems were not listed
	CodeBadDate       ProblemCode = "bad_date"          // not a YYYY-MM-DD date in range
	CodeFutureBirth   ProblemCode = "future_birth"      // born after the assessment date
	CodeNegative      ProblemCode = "negative"          // a negative amount where the kind cannot be negative
	CodeTooPrecise    ProblemCode = "too_precise"       // more than two decimal places
	CodeOutOfRange    ProblemCode = "out_of_range"      // beyond the documented bounds
	CodeEmpty         ProblemCode = "empty"             // a household without members
	CodeUnknownMember ProblemCode = "unknown_member"    // a reference to no member of the household
	CodeBadReference  ProblemCode = "bad_reference"     // a reference the rules do not allow (caring for oneself, for a non-dependent adult)
	CodeApplicant     ProblemCode = "applicant"         // not exactly one applicant
	CodeMissingPlace  ProblemCode = "missing_workplace" // wage income without a place of work
)

// InputError lists every problem found in one household. It wraps
// ErrInvalidHousehold.
type InputError struct {
	Problems []Problem
}

func (e *InputError) Error() string {
	return jsonw.Report("income: %d problem(s) in the household:", e.Problems)
}

// Unwrap returns ErrInvalidHousehold.
func (e *InputError) Unwrap() error { return ErrInvalidHousehold }

// Has reports whether a problem with the code is listed at the path.
func (e *InputError) Has(path string, code ProblemCode) bool {
	return jsonw.Contains(e.Problems, path, code)
}

func inputError(p *jsonw.Problems) error {
	if p.Len() == 0 {
		return nil
	}
	return &InputError{Problems: p.List()}
}

// FieldError is a failure tied to one field of the household that is not a
// problem with the input itself — typically a standard the loaded Set does
// not hold for the household's region or a member's place of work. It wraps
// the underlying error (standards.ErrNotCovered, standards.ErrUnknownRegion, …).
type FieldError struct {
	Path string
	Err  error
}

func (e *FieldError) Error() string { return "income: " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FieldError) Unwrap() error { return e.Err }
