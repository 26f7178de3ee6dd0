package standards

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dibao-go/dibao/internal/jsonw"
)

// ErrInvalidStandards is wrapped by every *LoadError.
var ErrInvalidStandards = errors.New("standards: invalid standards")

// ErrNotCovered is wrapped by every *LookupError: the Set holds no value of
// the parameter for the region and date asked.
var ErrNotCovered = errors.New("standards: not covered")

// ErrAreaRequired reports a lookup of an area-split parameter (the 低保
// standard, 特困 support) without an area class.
var ErrAreaRequired = errors.New("standards: area class required")

// ErrPlaceTooCoarse reports a place of work given as a prefecture or
// province code, where the minimum-wage tier needs a county-level code.
var ErrPlaceTooCoarse = errors.New("standards: place of work must be a county-level code")

// ProblemCode classifies a Problem. Codes are stable; messages are not.
type ProblemCode = jsonw.Code

// Problem is one thing wrong with a standards file or a reform: Path is the
// JSON path (e.g. parameters.edge_bands[0].values[1].value[0].multiple), Code
// a stable ProblemCode, Msg a human-readable detail in English.
type Problem = jsonw.Problem

// Problem codes.
const (
	CodeSyntax         ProblemCode = jsonw.Syntax       // the input is not JSON
	CodeTooLarge       ProblemCode = jsonw.TooLarge     // the input exceeds the size limit
	CodeUnknownField   ProblemCode = jsonw.UnknownField // a field the format does not define
	CodeRequired       ProblemCode = jsonw.Required     // a required field is missing or empty
	CodeType           ProblemCode = jsonw.Type         // a field has the wrong JSON type
	CodeBadNumber      ProblemCode = jsonw.BadNumber    // not a plain decimal string or whole number
	CodeBadCode        ProblemCode = jsonw.BadCode      // an unknown enum value, region code or source id
	CodeDuplicate      ProblemCode = jsonw.Duplicate    // the same key given twice
	CodeTooManyProblem ProblemCode = jsonw.TooMany      // further problems were not listed
	CodeBadDate        ProblemCode = "bad_date"         // not a YYYY-MM-DD calendar date
	CodeUnordered      ProblemCode = "unordered"        // dates not strictly increasing
	CodeOverlap        ProblemCode = "overlap"          // two values (or series, or tiers) cover the same point
	CodeGap            ProblemCode = "gap"              // a hole between two values or tiers
	CodeTooFewTiers    ProblemCode = "too_few_tiers"    // a tier table with fewer than five tiers (R6)
	CodeEqualAmounts   ProblemCode = "equal_amounts"    // tier amounts not strictly decreasing (R6: not averaged)
	CodeOutOfRange     ProblemCode = "out_of_range"     // outside the policy's range (refused unless allowed)
	CodeInsane         ProblemCode = "insane"           // outside any sensible range (always refused)
	CodeNegative       ProblemCode = "negative"         // a negative amount
	CodeTooPrecise     ProblemCode = "too_precise"      // an amount with more than 2 decimal places
	CodeMissingTier    ProblemCode = "missing_tier"     // a region without a minimum-wage tier, or a tier without a wage
	CodeUnknownRegion  ProblemCode = "unknown_region"   // a region the register does not hold
	CodeAreaRequired   ProblemCode = "area_required"    // an area-split parameter without an area
	CodeInconsistent   ProblemCode = "inconsistent"     // values that contradict each other
)

// LoadError lists every problem found in one input. It wraps ErrInvalidStandards.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string { return jsonw.Report("standards: %d problem(s):", e.Problems) }

// Unwrap returns ErrInvalidStandards.
func (e *LoadError) Unwrap() error { return ErrInvalidStandards }

// Has reports whether a problem with the code is listed at the path.
func (e *LoadError) Has(path string, code ProblemCode) bool {
	return jsonw.Contains(e.Problems, path, code)
}

// LookupError reports a parameter the Set does not hold for a region, area
// and date. It wraps ErrNotCovered, and its message says what the Set does
// cover and how to supply one's own data.
type LookupError struct {
	Param   Param
	Region  Region
	Area    Area
	Date    Date
	KnownOn Date   // zero unless an as-of lookup
	Covered string // what the Set holds for the parameter along the region's chain
}

func (e *LookupError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "standards: no %s for region %s", e.Param, e.Region)
	if e.Area != AreaAny {
		fmt.Fprintf(&b, " (%s)", e.Area)
	}
	fmt.Fprintf(&b, " on %s", e.Date)
	if !e.KnownOn.IsZero() {
		fmt.Fprintf(&b, " as known on %s", e.KnownOn)
	}
	if e.Covered != "" {
		b.WriteString("; the data covers ")
		b.WriteString(e.Covered)
	} else {
		b.WriteString("; the data holds no value for this region or its parents")
	}
	b.WriteString("; to use other figures, load your own standards file with standards.Load")
	return b.String()
}

// Unwrap returns ErrNotCovered.
func (e *LookupError) Unwrap() error { return ErrNotCovered }
