// Command serve runs the library as an HTTP service an agency can use as it
// is: it decides requests on the embedded Heilongjiang data, with an
// optional local settings file merged over it at start.
//
//	go run ./examples/serve -addr :8080 [-settings local.json] [-refuse-stale]
//
// Endpoints (JSON in and out; the request and decision forms are those of
// package payment):
//
//	POST /v1/decide     a request → {"decision": record, "explanation": text, "language": tag}
//	POST /v1/check      a request → {"ok": true}, or its problems; nothing is decided
//	GET  /v1/standards  ?region=230102&date=2023-06-01[&area=urban] → what a decision needs and what the data holds
//	GET  /healthz       → {"status": "ok", "standards": {…}}
//
// The language of texts follows Accept-Language: Chinese (zh-Hans) by
// default, English for en. Problems are JSON: 400 with the list of
// problems for a request that is wrong, 413 for one over the size limit,
// 422 for a well-formed request the standards cannot decide (and, with
// -refuse-stale, for one resting on standards more than a year past the
// date their data is known complete through), 405 for a wrong method, 415
// for a body declared to be other than JSON in UTF-8 (send Content-Type:
// application/json, or no Content-Type).
// Every problem has a path, a code and a message in both languages.
//
// The access log (stderr) has the method, path, status, size and time of
// each request — no body, no household data. SIGINT or SIGTERM shut the
// server down gracefully, letting requests in flight finish.
package main
