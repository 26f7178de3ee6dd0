// Command gendoc writes the list of parameters into the standards package
// documentation (doc.go), between the BEGIN KEYS and END KEYS lines, from the
// keys' own declarations.
package main
