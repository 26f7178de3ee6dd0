package simulation

import (
	"io"

	"github.com/dibao-go/dibao/batch"
)

// Synthesize returns a reader of n synthetic households (batch.Synthesize's
// population, drawn a piece at a time): household i depends on opts.Seed
// and i alone, so a run of any size streams in constant memory and draws
// the same households however it is cut. Every household weighs 1.
//
// The distributions, for every input the rules read (each draw uniform
// over the range given unless said otherwise):
//
//   - region: one of the 18 市区 and 县(市) of Harbin the embedded data
//     covers (or opts.Regions); area rural with probability 1/3;
//   - supporter outside the household: unknown, none, unable or able,
//     ¼ each (able in Common populations);
//   - size: 1–6 members, sizes 5 and 6 halved to 3 and 4 half the time;
//   - an income scale s of 0 (poor) to 3 (well off) for the household;
//   - each member: age 1–85 (the applicant 20–84), birth month uniform;
//     no labour capacity under 16 or from 60, partial 1 in 8 of the rest;
//     1 in 20 each: a physical or an intellectual disability of grade 1–4,
//     a serious illness, a service disability of grade 1–10 (these four
//     not in Common populations), a martyr's family; a care dependency of
//     none, semi or full from 70; a student 1 in 2 from 6 to 22;
//   - wages: 2 in 3 of the able aged 16–59 not studying, at one of five
//     places of work spanning the minimum-wage tiers (道里区, 呼兰区, 龙沙区,
//     双城区, 依兰县), a third each: monthly 200–200 + 600 × (1 + s) yuan;
//     a seasonal total 5,000–5,000 + 8,000 × (1 + s) over 3–11 months; or
//     annual 10,000–10,000 + 20,000 × (1 + s); 1 in 12 suspected (疑点);
//   - pensions: 2 in 3 of those 60 and over, 100–100 + 750 × (1 + s) a month;
//   - support: 1 in 25 members, 10–510 a month, received by agreement or
//     paid by court order; a special-care pension 1 in 30, 50–350;
//   - a caregiver 1 in 10 households of two or more (factor 0.5);
//   - property: a deposit of 0–100,000 in 1 household in 4, a vehicle of
//     30,000 in 1 in 10; medical spending of 100–50,100 a year in 1 in 6;
//   - the standing: 1 in 10 a 低保 recipient paid 100–2,100, 1 in 10 in a
//     gradual exit paid 100–2,100 ending 1–12 months on, the rest new.
//
// With opts.Common the population is that of the batch benchmarks: no
// 特困 or 单人户 candidates, caregivers, suspicions or recipients.
func Synthesize(n int, opts batch.SynthOptions) batch.Reader {
	return &synthReader{n: n, opts: opts}
}

type synthReader struct {
	n, done int
	opts    batch.SynthOptions
}

func (s *synthReader) Read(p *batch.Population, max int) (int, error) {
	k := min(max, s.n-s.done)
	if k <= 0 {
		return 0, io.EOF
	}
	o := s.opts
	o.FirstKey += s.done
	if err := batch.SynthesizeInto(p, k, o); err != nil {
		return 0, err
	}
	s.done += k
	if s.done == s.n {
		return k, io.EOF
	}
	return k, nil
}
