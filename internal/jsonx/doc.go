// Package jsonx reads and writes the library's JSON formats. Reading is two
// linear passes over the bytes: Check refuses anything that is not one
// strict JSON document (syntax, invalid UTF-8 and lone surrogates, nesting
// beyond MaxDepth, anything after the document), and a Decoder then walks the
// checked document in place, field by field, reporting every problem with
// its path. Duplicate keys, unknown fields, wrong types and bad values are
// problems, never resolved silently. A leading UTF-8 byte-order mark is
// skipped. Writing goes through a Writer; a format's Fields table serves
// both directions.
package jsonx
