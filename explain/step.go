package explain

import (
	"github.com/dibao-go/dibao/standards"
)

// Step explains one figure or finding: which rule (Code), for whom
// (Member), with which values (Args), resting on which standards (Params),
// citing which clause. Rule packages record steps; Render writes them.
type Step struct {
	Code   Code
	Member string // member ID, "" for the household
	Args   []Arg
	Params []Param
	// Cite, when set, is the clause the step rests on instead of its code's
	// default (a value's own source, e.g. the excluded income kinds).
	Cite Citation
}

// Citation returns the clause the step rests on.
func (s Step) Citation() Citation {
	if !s.Cite.IsZero() {
		return s.Cite
	}
	return Info(s.Code).Cite
}

// Arg returns the argument called name.
func (s Step) Arg(name string) (Arg, bool) {
	for _, a := range s.Args {
		if a.Name == name {
			return a, true
		}
	}
	return Arg{}, false
}

// Param is a standard a step used: the parameter, its value as the Set
// returned it, and its provenance. A value set for this case by a
// caseworker (the household's caregiver factor) has CaseLevel set and no
// provenance.
type Param struct {
	Key        standards.AnyKey
	Value      any
	Provenance standards.Provenance
	CaseLevel  bool
}

// ParamOf returns the Param of a looked-up value.
func ParamOf[T any](v standards.Value[T]) Param {
	return Param{Key: v.Key, Value: v.V, Provenance: v.Provenance}
}

// Assumed reports a value embedded because a decision cannot do without it
// although no source settles it.
func (p Param) Assumed() bool { return !p.CaseLevel && p.Provenance.Assumed() }

// Recorder collects steps. A nil *Recorder records nothing and costs
// nothing, so the rules can record unconditionally: with the explanation
// off, nothing is formatted or stored. Arguments are kept in one arena and
// values (Params) in another, so that a reused Recorder allocates nothing
// once warm.
type Recorder struct {
	steps  []Step
	args   []Arg
	params []Param
}

// Reset empties the recorder, keeping its storage.
func (r *Recorder) Reset() {
	if r != nil {
		r.steps = r.steps[:0]
		r.args = r.args[:0]
		r.params = r.params[:0]
	}
}

// Add records a step.
func (r *Recorder) Add(code Code, member string, args ...Arg) *Step {
	if r == nil {
		return nil
	}
	start := len(r.args)
	r.args = append(r.args, args...)
	r.steps = append(r.steps, Step{Code: code, Member: member, Args: r.args[start:len(r.args):len(r.args)]})
	return &r.steps[len(r.steps)-1]
}

// Params returns ps in the recorder's storage, for a step it recorded: a
// reused Recorder keeps its steps' values without allocating once warm.
// The slice has no room to grow into the next step's (appending to it
// copies). A nil Recorder returns nil.
func (r *Recorder) Params(ps ...Param) []Param {
	if r == nil {
		return nil
	}
	start := len(r.params)
	r.params = append(r.params, ps...)
	return r.params[start:len(r.params):len(r.params)]
}

// Steps returns the steps recorded. They share the recorder's storage until
// it is reset; Clone copies them.
func (r *Recorder) Steps() []Step {
	if r == nil {
		return nil
	}
	return r.steps
}

// Len returns the number of steps recorded.
func (r *Recorder) Len() int {
	if r == nil {
		return 0
	}
	return len(r.steps)
}

// Clone returns a copy of steps that shares no storage.
func Clone(steps []Step) []Step {
	out := make([]Step, len(steps))
	n := 0
	for _, s := range steps {
		n += len(s.Args)
	}
	args := make([]Arg, 0, n)
	for i, s := range steps {
		out[i] = s
		start := len(args)
		args = append(args, s.Args...)
		out[i].Args = args[start:len(args):len(args)]
		out[i].Params = append([]Param(nil), s.Params...)
	}
	return out
}
