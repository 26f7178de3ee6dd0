package problem

// Problem codes. Every code the library reports is listed here, with the
// meaning it has wherever it appears.
const (
	// Reading JSON.
	Syntax       Code = "syntax"        // not JSON, or something after the document
	TooLarge     Code = "too_large"     // the input, or a list in it, exceeds its documented bound
	InvalidUTF8  Code = "invalid_utf8"  // text that is not UTF-8 (never replaced, always refused)
	TooDeep      Code = "too_deep"      // nested deeper than the format allows
	UnknownField Code = "unknown_field" // a field the format does not define
	Duplicate    Code = "duplicate"     // the same key, ID, code or value given twice
	Required     Code = "required"      // a required field is missing or empty
	Type         Code = "type"          // a field has the wrong JSON type
	BadNumber    Code = "bad_number"    // not a plain decimal string or a whole number in range
	BadCode      Code = "bad_code"      // an unknown name, code or identifier
	BadDate      Code = "bad_date"      // not a YYYY-MM-DD calendar date from 1900 to 2200
	TooMany      Code = "too_many_problems"

	// Values.
	Negative   Code = "negative"     // a negative amount where none may be
	TooPrecise Code = "too_precise"  // more decimal places than the field allows
	OutOfRange Code = "out_of_range" // outside the documented or the policy's range
	Insane     Code = "insane"       // outside any sensible range (always refused)

	// Standards files, local settings and reforms.
	Unordered     Code = "unordered"      // dates or tiers not in order
	Overlap       Code = "overlap"        // two values, series or tiers cover the same point
	Gap           Code = "gap"            // a hole between two values or tiers
	TooFewTiers   Code = "too_few_tiers"  // a tier table with fewer than five tiers (R6)
	EqualAmounts  Code = "equal_amounts"  // tier amounts not strictly falling (R6: not averaged)
	MissingTier   Code = "missing_tier"   // a region without a minimum-wage tier, or a tier without a wage
	UnknownRegion Code = "unknown_region" // a region the division register does not hold
	AreaRequired  Code = "area_required"  // an area-split parameter without an area class
	Inconsistent  Code = "inconsistent"   // values that contradict each other
	BelowFloor    Code = "below_floor"    // a local standard below the provincial guidance floor
	NoEffect      Code = "no_effect"      // a change that no lookup would ever see
	Uncovered     Code = "uncovered"      // a tier table that leaves incomes below the standard without a tier

	// Households and requests.
	FutureDate       Code = "future_date"       // a birth or start date after the assessment date
	Empty            Code = "empty"             // a household without members
	UnknownMember    Code = "unknown_member"    // a reference to no member of the household
	BadReference     Code = "bad_reference"     // a reference or combination the rules do not allow
	Applicant        Code = "applicant"         // not exactly one applicant
	MissingWorkplace Code = "missing_workplace" // wage income without a place of work (R13)
	Ambiguous        Code = "ambiguous"         // a place of work whose counties sit in different wage tiers

	// The standards cannot decide.
	NotCovered       Code = "not_covered"       // the standards hold no value for the region and date
	RoundingRequired Code = "rounding_required" // a figure needs a rounding rule the standards do not declare

	// Services built on the library.
	Method      Code = "method"      // an HTTP method the address does not answer
	MediaType   Code = "media_type"  // a request body of a media type the address does not read
	Unreadable  Code = "unreadable"  // a request body that could not be read
	Unavailable Code = "unavailable" // the service failed on a request; nothing was decided
)

// Codes lists every code with its meaning, in the order above.
func Codes() []CodeInfo { return append([]CodeInfo(nil), codeTable...) }

// CodeInfo describes a code.
type CodeInfo struct {
	Code    Code
	Meaning string
}

var codeTable = []CodeInfo{
	{Syntax, "not JSON, or something after the document"},
	{TooLarge, "the input, or a list in it, exceeds its documented bound"},
	{InvalidUTF8, "text that is not UTF-8"},
	{TooDeep, "nested deeper than the format allows"},
	{UnknownField, "a field the format does not define"},
	{Duplicate, "the same key, ID, code or value given twice"},
	{Required, "a required field is missing or empty"},
	{Type, "a field has the wrong JSON type"},
	{BadNumber, "not a plain decimal string or a whole number in range"},
	{BadCode, "an unknown name, code or identifier"},
	{BadDate, "not a YYYY-MM-DD calendar date from 1900 to 2200"},
	{TooMany, "further problems were not listed"},
	{Negative, "a negative amount where none may be"},
	{TooPrecise, "more decimal places than the field allows"},
	{OutOfRange, "outside the documented or the policy's range"},
	{Insane, "outside any sensible range"},
	{Unordered, "dates or tiers not in order"},
	{Overlap, "two values, series or tiers cover the same point"},
	{Gap, "a hole between two values or tiers"},
	{TooFewTiers, "a tier table with fewer than five tiers (R6)"},
	{EqualAmounts, "tier amounts not strictly falling (R6)"},
	{MissingTier, "a region without a minimum-wage tier, or a tier without a wage"},
	{UnknownRegion, "a region the division register does not hold"},
	{AreaRequired, "an area-split parameter without an area class"},
	{Inconsistent, "values that contradict each other"},
	{BelowFloor, "a local standard below the provincial guidance floor"},
	{NoEffect, "a change that no lookup would ever see"},
	{Uncovered, "a tier table that leaves incomes below the standard without a tier"},
	{FutureDate, "a birth or start date after the assessment date"},
	{Empty, "a household without members"},
	{UnknownMember, "a reference to no member of the household"},
	{BadReference, "a reference or combination the rules do not allow"},
	{Applicant, "not exactly one applicant"},
	{MissingWorkplace, "wage income without a place of work (R13)"},
	{Ambiguous, "a place of work whose counties sit in different wage tiers"},
	{NotCovered, "the standards hold no value for the region and date"},
	{RoundingRequired, "a figure needs a rounding rule the standards do not declare"},
	{Method, "an HTTP method the address does not answer"},
	{MediaType, "a request body of a media type the address does not read"},
	{Unreadable, "a request body that could not be read"},
	{Unavailable, "the service failed on a request; nothing was decided"},
}
