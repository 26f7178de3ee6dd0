package batch

import (
	"errors"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

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
	// piece (4096 when 0); a CSV input is cut at household boundaries into
	// pieces of about 256 KiB and at most Chunk lines. Memory holds about
	// 2 × workers + 2 pieces, whatever the input's length.
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

// piece is a part of the input on its way through a Run.
type piece struct {
	seq   int
	block bool   // raw is a block of CSV input, read by the worker
	raw   []byte // the block
	line  int    // lines before the block
	pop   Population
	out   []Result
	rows  []byte // the result rows
	sum   Summary
	err   error // what stops the run after the piece's households
}

// Run reads every household from in, decides them with the engine's
// workers, and writes one result row per household to out (ResultWriter's
// form), in input order. Reading, deciding and writing overlap, and the
// workers read a CSV input's households as well as decide them: the reader
// only cuts the input into blocks of whole households. Memory is bounded by
// the pieces in flight, not by the input's length. It stops at the first
// read or write error (households that cannot be read or decided are
// results, not errors), after writing the results of the households before
// it. A CSV household whose rows run past 8 MiB is read, with the rest of
// the input after it, one household at a time.
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
	cr, _ := in.(*CSVReader)
	var sp *splitter
	if cr != nil {
		sp = newSplitter(cr, chunk)
	}
	free := make(chan *piece, 2*workers+2)
	for range cap(free) {
		free <- &piece{}
	}
	todo := make(chan *piece, workers)
	done := make(chan *piece, cap(free))
	var stop atomic.Bool // the writer has stopped: read no further
	blocks := sp != nil
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := e.Worker()
			var br *CSVReader
			if blocks {
				br = cr.blockReader()
			}
			for pc := range todo {
				if pc.block {
					pc.pop.Reset()
					if err := br.readBlock(pc.raw, pc.line, &pc.pop); err != nil {
						pc.err = err // within the block: before any error after it
					}
				}
				n := pc.pop.Len()
				if cap(pc.out) < n {
					pc.out = make([]Result, n)
				}
				pc.out = pc.out[:n]
				w.decideAll(&pc.pop, pc.out)
				pc.rows = rw.appendRows(pc.rows[:0], &pc.pop, pc.out)
				pc.sum = Summary{}
				pc.sum.add(&pc.pop, pc.out)
				done <- pc
			}
		}()
	}
	// The writer: results in input order, pieces back to the free list.
	var sum Summary
	werr := make(chan error, 1)
	go func() {
		next, waiting := 0, map[int]*piece{}
		// failed is a write error: nothing more is written. readErr stops
		// the read after a piece whose rows are written, and flushed.
		var failed, readErr error
		for pc := range done {
			waiting[pc.seq] = pc
			for {
				p, ok := waiting[next]
				if !ok {
					break
				}
				delete(waiting, next)
				next++
				if failed == nil && readErr == nil {
					_, failed = rw.w.Write(p.rows)
					sum.merge(&p.sum)
					readErr = p.err
					if failed != nil || readErr != nil {
						stop.Store(true)
					}
				}
				free <- p
			}
		}
		if failed == nil {
			failed = rw.Flush()
		}
		if failed == nil {
			failed = readErr
		}
		werr <- failed
	}()
	for seq := 0; !stop.Load(); seq++ {
		pc := <-free
		pc.seq, pc.err, pc.block = seq, nil, false
		var err error
		if sp != nil {
			pc.raw, pc.line, err = sp.next(pc.raw)
			if err == errSequential {
				sp, err = nil, nil // the rest through cr.Read, below
			} else {
				pc.block = true
			}
		}
		if !pc.block {
			pc.pop.Reset()
			_, err = in.Read(&pc.pop, chunk)
		}
		if err != nil && !errors.Is(err, io.EOF) {
			pc.err = err
		}
		todo <- pc
		if err != nil {
			break
		}
	}
	close(todo)
	wg.Wait()
	close(done)
	rerr := <-werr
	if cr != nil && cr.err == nil {
		// The splitter has read the input: CSVReader.Read has nothing left.
		cr.err = io.EOF
		if rerr != nil {
			cr.err = rerr
		}
	}
	return sum, rerr
}

// add counts the results of p's households.
func (s *Summary) add(p *Population, out []Result) {
	for i := range p.Len() {
		r := &out[i]
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

// merge adds the counts of o.
func (s *Summary) merge(o *Summary) {
	s.Households += o.Households
	s.Failed += o.Failed
	for i := range s.ByStatus {
		s.ByStatus[i] += o.ByStatus[i]
	}
	s.Total.AddTotal(o.Total)
}

// decideAll decides every household of p into out, in order.
func (w *Worker) decideAll(p *Population, out []Result) {
	for i := range p.Len() {
		if err := p.Err(i); err != nil {
			out[i] = Result{Err: err} // a read error says its line itself
			continue
		}
		if w.DecideAt(p, i, &out[i]); out[i].Err != nil && p.Line(i) > 0 {
			out[i].Err = &InputError{Line: p.Line(i), Err: out[i].Err}
		}
	}
}
