// Package problem is the library's one shape for "the input is wrong" and
// "the standards cannot decide": an Error listing every Problem at once,
// each with the JSON path of the field at fault, a stable Code, a message
// in Simplified Chinese and English for the person who filled in the form,
// and, where useful, a hint for the developer.
//
// Every package returns the same *Error: a standards file that does not
// load, a household or request that does not validate, a decision that
// needs a value the standards do not hold. errors.Is(err, ErrInvalid) tells
// the input's fault from a gap in the standards (ErrNotCovered).
//
//	{"path": "household.members[0].birth_date", "code": "future_date",
//	 "message": {"zh-Hans": "出生日期 2024年1月1日 晚于评估日期 2023年6月1日",
//	             "en": "born 1 January 2024, after the assessment date 1 June 2023"}}
//
// Paths use dots for fields and brackets for array indices, so a form can
// map each problem to its field. A list keeps at most 200 problems (and
// counts the rest); messages and paths are cut to a bounded length, so a
// hostile input cannot make the report large.
package problem
