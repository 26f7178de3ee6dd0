// Command gendoc writes the table of codes into doc.go.
package main
