// Package text is the library's one way of writing sentences in its two
// languages, Simplified Chinese and English: templates with named
// placeholders compiled once, and the forms of money, rates, dates and lists
// in each language. Package explain renders explanations with it and package
// problem renders error messages with it.
package text
