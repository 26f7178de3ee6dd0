// Package keydoc writes the standards package documentation's list of
// parameters from the keys' declarations.
package keydoc
