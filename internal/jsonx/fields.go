package jsonx

import (
	"github.com/dibao-go/dibao/internal/report"
)

// Field is one field of a JSON object form: how to read it into a T and
// how to write it from one. The same table serves both directions.
type Field[T any] struct {
	Name     string
	Required bool
	// Read consumes the field's value (null never reaches it: a null field
	// counts as absent, and a required one is reported missing).
	Read func(d *Decoder, v *T)
	// Write writes the field's value, exactly one; nil for a field only
	// read.
	Write func(w *Writer, v *T)
	// Omit reports that the field is left out when writing (its empty value).
	Omit func(v *T) bool
}

// Fields is the field table of one object form.
type Fields[T any] struct {
	list   []Field[T]
	quoted []string // each name written as a JSON string and a colon
	index  map[string]int
}

// NewFields builds a table. Field names must be unique; at most 128 fields.
func NewFields[T any](list ...Field[T]) *Fields[T] {
	if len(list) > 128 {
		panic("jsonx: more than 128 fields")
	}
	fs := &Fields[T]{list: list, quoted: make([]string, len(list)), index: make(map[string]int, len(list))}
	for i, f := range list {
		if _, dup := fs.index[f.Name]; dup {
			panic("jsonx: field " + f.Name + " twice")
		}
		fs.index[f.Name] = i
		var w Writer
		w.quote(f.Name)
		fs.quoted[i] = string(append(w.buf, ':'))
	}
	return fs
}

// Names returns the field names in order.
func (fs *Fields[T]) Names() []string {
	out := make([]string, len(fs.list))
	for i, f := range fs.list {
		out[i] = f.Name
	}
	return out
}

// Decode reads an object into v: each known field through its Read, unknown
// and duplicate fields reported, missing required fields reported. It
// returns false when the value is not an object.
func (fs *Fields[T]) Decode(d *Decoder, v *T) bool {
	if !d.BeginObject() {
		return false
	}
	var seen, present [2]uint64
	for {
		key, ok := d.NextKey()
		if !ok {
			break
		}
		i, known := fs.index[string(key)]
		if !known {
			k := string(key)
			d.Push(k)
			d.Problem(report.MsgUnknownField, report.Str("field", k))
			d.Skip()
			d.Pop()
			continue
		}
		f := &fs.list[i]
		d.Push(f.Name)
		bit := uint64(1) << (i % 64)
		null := false
		switch {
		case seen[i/64]&bit != 0:
			d.Problem(report.MsgDuplicateKey, report.Str("field", f.Name))
			d.Skip()
		case d.IsNull():
			d.Skip()
			null = true
		default:
			before := d.pos
			f.Read(d, v)
			if d.pos == before {
				d.Skip()
			}
		}
		seen[i/64] |= bit
		if !null {
			present[i/64] |= bit
		}
		d.Pop()
	}
	for i := range fs.list {
		f := &fs.list[i]
		if f.Required && present[i/64]&(uint64(1)<<(i%64)) == 0 {
			d.p.Add(d.PathTo(f.Name), report.MsgRequired)
		}
	}
	return true
}

// With returns a table with more fields after the table's own (a form that
// embeds another, such as a result with its table of values).
func (fs *Fields[T]) With(more ...Field[T]) *Fields[T] {
	return NewFields(append(append([]Field[T](nil), fs.list...), more...)...)
}

// Encode writes v as an object with the table's fields in order.
func (fs *Fields[T]) Encode(w *Writer, v *T) {
	w.BeginObject()
	fs.EncodeFields(w, v)
	w.EndObject()
}

// EncodeFields writes v's fields into an object the caller opened.
func (fs *Fields[T]) EncodeFields(w *Writer, v *T) {
	for i := range fs.list {
		f := &fs.list[i]
		if f.Write == nil || f.Omit != nil && f.Omit(v) {
			continue
		}
		w.quotedKey(fs.quoted[i])
		f.Write(w, v)
	}
}
