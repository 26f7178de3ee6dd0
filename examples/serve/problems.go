package main

import (
	"io"
	"net/http"

	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// readBody reads a request body of at most limit bytes.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	return io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
}

// serviceError is one problem of the service itself, in both languages.
func serviceError(m report.Msg, args ...report.Arg) *problem.Error {
	var p report.List
	p.Add("", m, args...)
	pe, _ := problem.As(p.Err(problem.SubjectRequest))
	return pe
}

func tooLargeError(limit int64) *problem.Error {
	var p report.List
	p.Add("", report.MsgTooLargeRead, report.Int("limit", limit))
	pe, _ := problem.As(p.Err(problem.SubjectRequest))
	return pe
}

func staleError(set *standards.Set) *problem.Error {
	ct := set.CompleteThrough()
	var p report.List
	p.Add("date", report.MsgStaleOverYear, report.Date("through", ct.Year(), int(ct.Month()), ct.Day()))
	pe, _ := problem.As(p.NotCovered(problem.SubjectRequest))
	pe.Problems[0].Hint = "run the service without -refuse-stale, or give newer standards with -settings"
	return pe
}

// queryProblems checks the query of /v1/standards.
func queryProblems(region, date, area string) *problem.Error {
	var p report.List
	switch _, err := standards.ParseRegion(region); {
	case region == "":
		p.Add("region", report.MsgRequired)
	case err != nil:
		p.Add("region", report.MsgBadRegion, report.Str("value", region))
	}
	switch _, err := standards.ParseDate(date); {
	case date == "":
		p.Add("date", report.MsgRequired)
	case err != nil:
		p.Add("date", report.MsgBadDate, report.Str("value", date))
	}
	if _, err := standards.ParseArea(area); err != nil {
		p.Add("area", report.MsgBadEnum, report.Str("value", area), report.Choices("allowed", "urban or rural"))
	}
	pe, _ := problem.As(p.Err(problem.SubjectInput))
	return pe
}
