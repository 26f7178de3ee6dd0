// Package cite names the documents the rule packages cite, so that each
// citation is written once.
package cite

import "github.com/dibao-go/dibao/standards"

// HLJ cites a clause of 黑民规〔2021〕11号, e.g. HLJ("四（八）").
func HLJ(clause string) standards.Citation {
	return standards.Citation{Document: "黑民规〔2021〕11号", Short: "HLJ-2021-11", Clause: clause}
}

// MeansTest cites 民发〔2021〕57号, the national rules for assessing income.
func MeansTest() standards.Citation { return standards.Citation{Document: "民发〔2021〕57号"} }

// DisabledAdult cites 黑民规〔2023〕1号 (an adult, unemployed, severely
// disabled person assessed alone).
func DisabledAdult() standards.Citation {
	return standards.Citation{Document: "黑民规〔2023〕1号"}
}

// RigidFamily cites 民发〔2024〕57号 (rigid-expenditure families).
func RigidFamily() standards.Citation { return standards.Citation{Document: "民发〔2024〕57号"} }

// Interim cites an article of 社会救助暂行办法, e.g. Interim("第十四条").
func Interim(article string) standards.Citation {
	return standards.Citation{Document: "社会救助暂行办法", Short: "Interim Measures on Social Assistance", Clause: article}
}
