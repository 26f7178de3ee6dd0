// Command readme is the example program shown in the README.
package main
