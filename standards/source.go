package standards

import "fmt"

// Reliability grades a source the way the policy notes do.
type Reliability uint8

// Reliability grades. The zero value is ReliabilityUnknown, which Load refuses:
// every value must say how far it can be trusted.
const (
	ReliabilityUnknown    Reliability = iota
	ReliabilityOfficial               // a government site or its mirror
	ReliabilityPress                  // an official media reprint
	ReliabilitySecondary              // an aggregator: a lead, not proof
	ReliabilitySimulation             // a value introduced by a Reform, not from any source
)

var reliabilityNames = [...]string{"", "official", "press", "secondary", "simulation"}

// String returns "official", "press", "secondary", "simulation" or "".
func (r Reliability) String() string {
	if int(r) < len(reliabilityNames) {
		return reliabilityNames[r]
	}
	return ""
}

// ParseReliability parses the names String returns ("simulation" only
// appears in files saved from a reformed Set).
func ParseReliability(s string) (Reliability, error) {
	for i, n := range reliabilityNames {
		if i > 0 && n == s {
			return Reliability(i), nil
		}
	}
	return ReliabilityUnknown, fmt.Errorf("standards: unknown reliability %q (want official, press, secondary or simulation)", s)
}

// Source is a document that values come from. Sources are declared once in a
// standards file and referred to by ID from each value.
type Source struct {
	ID          string      // key within the file, e.g. "harbin-2023"
	Document    string      // document number or name, e.g. 哈民政规〔2023〕6号
	Short       string      // English short name for citations, e.g. HLJ-2021-11 ("" to use Document)
	Title       string      // title, if known
	Issuer      string      // issuing body, if known
	URL         string      // where it was read, if known
	Reliability Reliability // how far the copy used can be trusted
	Note        string      // anything a reader should know about the copy
}

// Provenance tells where a value came from and when it applies. Every value a
// Set returns carries one.
type Provenance struct {
	Param  Param  // the parameter looked up
	Region Region // the region of the series that answered (may be an ancestor of the one asked for)
	Area   Area   // the area class of that series (AreaAny when it is not split)

	From  Date // first day the value is in force
	Until Date // last day it is in force; zero when open-ended
	// Published is the day the value was made public. When the source gives
	// no date, Published equals From and PublishedGiven is false.
	Published      Date
	PublishedGiven bool

	Source Source // the document
	Clause string // clause or table within it, e.g. 四（一）
	Note   string // remarks recorded with the value

	// Stale is set when the date looked up lies after the date through which
	// the data is known to be complete: the value is the latest the data
	// holds, but a newer one may exist.
	Stale bool
	// CompleteThrough is the date through which the data behind this value
	// is declared complete (the series' own, or the Set's).
	CompleteThrough Date
}

// Value is a parameter's value together with its provenance.
type Value[T any] struct {
	V T
	Provenance
}
