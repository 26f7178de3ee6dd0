// Package enum is the one pattern behind the library's enumerations: a
// small integer type with a table of names. Every enum's String never
// panics, its text form is its name, and decoding refuses names the table
// does not hold.
package enum
