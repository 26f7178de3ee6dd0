module github.com/dibao-go/dibao

go 1.26.0

require (
	github.com/shopspring/decimal v1.4.0
	golang.org/x/text v0.44.0
)
