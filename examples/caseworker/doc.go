// Command caseworker builds and serves a page on which a caseworker decides
// and explains a household offline, in the browser: the library compiled to
// WebAssembly decides on the embedded Heilongjiang data, with the agency's
// local settings file merged over it when the caseworker opens one.
//
//	go run ./examples/caseworker -build DIR     build the page into DIR
//	go run ./examples/caseworker -serve :8080   build it into a temporary folder and serve it
//	go run ./examples/caseworker -build DIR -serve localhost:8080
//	go generate ./examples/caseworker           build it into build/caseworker at the module's root
//
// Run it inside the module: it builds ./examples/caseworker/wasm with
// GOOS=js GOARCH=wasm (-trimpath -ldflags="-s -w"; -debug keeps the symbol
// table) with the go command on PATH, and copies that toolchain's own
// wasm_exec.js. The folder holds index.html, style.css and app.js (embedded
// in the command from static/), wasm_exec.js and main.wasm: about 11.6 MB,
// and main.wasm.gz beside it, 2.7 MB, which the -serve server sends to
// browsers that accept gzip. Any static web server can serve the folder,
// provided it serves main.wasm as application/wasm (the page falls back to
// a slower start otherwise); it cannot be opened as a file (file://), where browsers do
// not let a page read main.wasm. The -serve server serves it with the right
// types and a content security policy that allows the page nothing but its
// own files. Once loaded, the page needs no network.
//
// The decision program is a thin bridge (package syscall/js) over package
// internal/view, which renders the library's answers for the page and is
// tested like any other package.
//
// # The page
//
// The form holds every field of the request's JSON form (package payment's
// request with package income's household): the decision date (today by
// default), the region picked by name from the division register, the area,
// the members with their birth dates, relations, labour capacity,
// disability, illness, care dependency, places of work and whom they care
// for, their incomes by kind and period, property and rigid expenditure,
// the current standing and the previous assessment, price indices,
// temporary assistance. Every field has a label and a data-path attribute
// equal to its JSON path (household.members[1].birth_date), so that each
// problem the library reports is shown next to its field, associated with
// it by aria-describedby, and listed above the form.
//
// The decision shows the status, every monthly payment line and the total,
// each with the sentence and the clause the library's renderer gives it
// (package explain), the standards values it rests on, and marks for values
// that are assumed (no source settles them) or stale (past the date the
// data is known complete through); the reasons, monitoring flags and
// referrals; temporary assistance; and the full explanation. A language
// switch renders the page and the decision in Chinese (zh-Hans) or English.
// The print view is a one-page A4 decision summary: the household, the
// figures and their clauses, the date and the standards' identity.
//
// "Save" downloads the household as the documented request JSON; "Open"
// reads one back. A local settings file (the standards format; see
// standards.Merge) is merged over the embedded data in the browser, and its
// problems are shown if it does not merge. No data leaves the browser.
//
// For tests and links, the page reads its URL fragment (which browsers do
// not send to the server):
// #household=<base64url JSON>&settings=<base64url JSON>&lang=en&decide=1
// opens the household (and settings) as if from files, in that language,
// and decides it; the household is then taken out of the address bar. The
// page records when the decision program was ready and when the first
// decision was shown (performance.now(), in milliseconds) as data-ready-ms
// and data-first-decision-ms on the html element, and how long each
// decision took as data-decide-ms on #result-body.
//
// The tests build the page once and drive headless Chromium through the
// DevTools protocol over a pipe (skipped when no chromium, chromium-browser
// or google-chrome is on PATH): every figure shown must equal what package
// payment computes natively for the same JSON. They print the decision
// summary to PDF (one A4 page) and take screenshots; CASEWORKER_OUT=DIR
// keeps them:
//
//	CASEWORKER_OUT=/tmp/caseworker go test ./examples/caseworker/ -run Browser -v
package main

//go:generate go run . -build ../../build/caseworker
