package enum

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

type colour uint8

var colours = New[colour]("colour", "", "red", "green")

// Every value a uint8 admits has a String, without panicking; only named
// values marshal and parse.
func TestTable(t *testing.T) {
	for i := 0; i < 256; i++ {
		c := colour(i)
		s := colours.String(c)
		_, err := colours.Marshal(c)
		switch i {
		case 0:
			assert.Equal(t, "", s)
			assert.Error(t, err)
		case 1, 2:
			assert.Contains(t, []string{"red", "green"}, s)
			assert.NoError(t, err)
		default:
			assert.Equal(t, "colour("+strconv.Itoa(i)+")", s)
			assert.Error(t, err)
			assert.False(t, colours.Valid(c))
		}
	}
	c, ok := colours.Parse("green")
	assert.True(t, ok)
	assert.Equal(t, colour(2), c)
	_, ok = colours.ParseBytes([]byte(""))
	assert.False(t, ok, "the unnamed zero value does not parse")
	var got colour
	assert.ErrorContains(t, colours.Unmarshal([]byte("blue"), &got), "red or green")
	assert.NoError(t, colours.Unmarshal([]byte("red"), &got))
	assert.Equal(t, colour(1), got)
	assert.Equal(t, []string{"red", "green"}, colours.Names())
	assert.Equal(t, "colour", colours.Type())
}
