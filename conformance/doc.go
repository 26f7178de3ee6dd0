// Package conformance holds the library's conformance suite: language-neutral
// JSON cases, each with exact expected figures computed by hand from the rule
// text (the arithmetic is in each case's note), and a harness that runs them
// (Run; `go test ./conformance/` runs every case). Other implementations can
// read the same files from cases/ and compare their own results.
//
// # Case format
//
//	{
//	  "id": "r6-gap-order",                 // unique, stable
//	  "rules": ["R6"],                       // the rules of the policy notes it exercises
//	  "description": "…",
//	  "standards": {
//	    "base": "heilongjiang",              // the embedded data (standards/heilongjiang)
//	    "sources": {"case": {"document": "…", "reliability": "simulation"}},
//	    "parameters": {                      // replace (or add) whole parameters of the base;
//	      "dibao_standard": [ … series … ],   // "rounding" entries replace single points
//	      "rounding": {"payment_total": [ … ]}
//	    }
//	    // or "inline": { a complete standards file }
//	  },
//	  "request": { … a decision request, see package payment … },
//	  "expect": {
//	    "error": "",                         // or not_covered, unknown_region, rounding_required,
//	                                         //    invalid_household, invalid_request
//	    "status": "dibao",                   // not_eligible edge gradual_exit dibao tekun
//	    "edge_band": "",                     // checked when present, even if ""
//	    "countable": "2500/3",               // the countable income tested, exact
//	    "members": {"c": "single_person"},   // member statuses: none single_person tekun
//	    "lines": {"gap": "800.00", "supplement@b": "127.50"},  // exactly these lines ({} = none)
//	    "total": "800.00",
//	    "reasons": ["dibao.below_line", "single_person.r3@c"],  // must be among the reasons
//	    "flags": ["monitor.near_threshold"],                     // must be among the flags
//	    "gradual_exit_end": "2024-06-30",
//	    "verification_required": true,
//	    "instalments": ["2833.33", "2833.33", "2833.34"]
//	  },
//	  "note": "600 × 3 − 1000 = 800.00 …"   // the hand arithmetic
//	}
//
// Every figure is a string compared exactly: amounts paid with two decimals,
// exact figures as decimals or reduced fractions of a yuan ("2500/3"). Fields
// absent from "expect" are not checked.
//
// The merged standards are loaded like any standards file, so a case's
// settings are validated; settings that no source gives carry reliability
// "simulation".
//
// # Checking another implementation
//
// Check sends each case to an implementation and compares its answer.
// The line protocol: the runner writes one JSON object per line,
//
//	{"id": "r6-gap-order", "standards": { a complete standards file, divisions included },
//	 "request": { the payment package's request JSON }}
//
// and reads one JSON line back: a decision in the payment package's JSON form
// (only the fields the expectations name are read), or {"error": kind} with
// the kinds listed above. Program runs an external command speaking it;
// Serve is this library's side, and `go run ./examples/conform -- prog args`
// runs the suite against prog.
package conformance
