package batch

import (
	"errors"
	"io"
	"runtime"
	"sync"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/money"
)

// Reader reads households into a population, up to max at a time; io.EOF
// once the input is done. CSVReader and JSONLReader are Readers.
type Reader interface {
	Read(p *Population, max int) (int, error)
}

// RunOptions shape a Run.
type RunOptions struct {
	// Chunk is the number of households read, decided and written as one
	// piece (4096 when 0). Memory holds about 2 × workers + 2 chunks,
	// whatever the input's length.
	Chunk int
	// Language of the results' messages (English when unset).
	Language language.Tag
}

// Summary counts what a Run decided.
type Summary struct {
	Households int
	Failed     int                        // households that could not be read or decided
	ByStatus   [eligibility.Tekun + 1]int // households by status (eligibility.Status)
	Total      money.Total                // the sum of the monthly totals
}

// piece is a chunk of households on its way through a Run.
type piece struct {
	seq int
	pop Population
	out []Result
}

// Run reads every household from in, decides them with the engine's
// workers, and writes one result row per household to out (ResultWriter's
// form), in input order. Reading, deciding and writing overlap; memory is
// bounded by the chunks in flight, not by the input's length. It stops at
// the first read or write error (households that cannot be read or decided
// are results, not errors).
func (e *Engine) Run(in Reader, out io.Writer, opts RunOptions) (Summary, error) {
	chunk := opts.Chunk
	if chunk <= 0 {
		chunk = 4096
	}
	workers := e.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	lang := opts.Language
	if lang == language.Und {
		lang = language.English
	}
	rw, err := NewResultWriter(out, lang)
	if err != nil {
		return Summary{}, err
	}
	free := make(chan *piece, 2*workers+2)
	for range cap(free) {
		free <- &piece{}
	}
	todo := make(chan *piece, workers)
	done := make(chan *piece, cap(free))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := e.Worker()
			for pc := range todo {
				w.decideAll(&pc.pop, pc.out)
				done <- pc
			}
		}()
	}
	// The writer: results in input order, pieces back to the free list.
	var sum Summary
	werr := make(chan error, 1)
	go func() {
		next, waiting := 0, map[int]*piece{}
		var failed error
		for pc := range done {
			waiting[pc.seq] = pc
			for {
				p, ok := waiting[next]
				if !ok {
					break
				}
				delete(waiting, next)
				next++
				if failed == nil {
					failed = rw.Write(&p.pop, p.out[:p.pop.Len()])
					sum.add(p)
				}
				free <- p
			}
		}
		if failed == nil {
			failed = rw.Flush()
		}
		werr <- failed
	}()
	var rerr error
	for seq := 0; ; seq++ {
		pc := <-free
		pc.seq = seq
		pc.pop.Reset()
		n, err := in.Read(&pc.pop, chunk)
		if n > 0 {
			if cap(pc.out) < pc.pop.Len() {
				pc.out = make([]Result, pc.pop.Len())
			}
			pc.out = pc.out[:pc.pop.Len()]
			todo <- pc
		} else {
			free <- pc
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				rerr = err
			}
			break
		}
	}
	close(todo)
	wg.Wait()
	close(done)
	if err := <-werr; err != nil && rerr == nil {
		rerr = err
	}
	return sum, rerr
}

// add counts a piece's results.
func (s *Summary) add(p *piece) {
	for i := range p.pop.Len() {
		r := &p.out[i]
		s.Households++
		if r.Err != nil {
			s.Failed++
			continue
		}
		if int(r.Status) < len(s.ByStatus) {
			s.ByStatus[r.Status]++
		}
		s.Total.Add(r.Total)
	}
}

// decideAll decides every household of p into out, in order.
func (w *Worker) decideAll(p *Population, out []Result) {
	for i := range p.Len() {
		if err := p.Err(i); err != nil {
			out[i] = Result{Err: err}
			continue
		}
		ids, c := p.View(i, &w.view)
		w.DecideInto(&w.view, ids, c, &out[i])
		if out[i].Err != nil && p.Line(i) > 0 {
			out[i].Err = &InputError{Line: p.Line(i), Err: out[i].Err}
		}
	}
}
