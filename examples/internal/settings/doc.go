// Package settings loads what the example commands decide on: the embedded
// Heilongjiang data, with an agency's local settings file merged over it
// (examples/serve, examples/simulate).
package settings
