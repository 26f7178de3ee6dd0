// Package record writes and reads the machine form of explanations:
// steps with typed arguments, and the table of standards values they rest
// on. The classification result and the decision record share it.
package record
