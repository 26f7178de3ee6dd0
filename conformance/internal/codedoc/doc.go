// Package codedoc writes the table of codes into the conformance package
// documentation from the library's own tables.
package codedoc
