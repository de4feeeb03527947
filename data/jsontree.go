package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// node is one JSON value with the byte offset where it starts, so that every
// problem found later can be reported at its line and column. encoding/json's
// struct decoding stops at the first type error and forgets positions; the
// readers here need all problems at once, each with its place.
type node struct {
	kind   nodeKind
	offset int64
	text   string // string value, or the literal of a number
	truth  bool
	keys   []string // object keys in file order
	keyOff []int64  // offsets of the keys
	fields []*node  // object values, parallel to keys
	items  []*node  // array elements
	// An array of coordinate pairs ([[lon, lat], ...], a GeoJSON ring) is
	// kept packed, positions and their offsets, not as one node per number:
	// boundary files hold millions of them. items is then nil.
	positions [][2]float64
	posOff    []int64
}

type nodeKind int

const (
	kindNull nodeKind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

func (k nodeKind) String() string {
	return [...]string{"null", "true or false", "a number", "a string", "an array", "an object"}[k]
}

// field returns the value of key in an object node, or nil.
func (n *node) field(key string) *node {
	for i, k := range n.keys {
		if k == key {
			return n.fields[i]
		}
	}
	return nil
}

// syntaxError is a JSON syntax error at a byte offset of the source.
type syntaxError struct {
	offset int64
	msg    string
}

func (e *syntaxError) Error() string { return e.msg }

// parseTree reads one JSON document into a tree. A malformed document gives a
// *syntaxError.
func parseTree(src []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	p := treeParser{dec: dec, src: src}
	root, err := p.value()
	if err != nil {
		return nil, locateSyntaxError(src, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		off := p.skipSpace(dec.InputOffset())
		return nil, &syntaxError{off, "unexpected data after the top-level value"}
	}
	return root, nil
}

type treeParser struct {
	dec *json.Decoder
	src []byte
}

// skipSpace moves from off past whitespace and the separators the decoder
// consumes silently, to the first byte of the next token.
func (p *treeParser) skipSpace(off int64) int64 {
	for off < int64(len(p.src)) {
		switch p.src[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
		default:
			return off
		}
	}
	return off
}

func (p *treeParser) value() (*node, error) {
	start := p.skipSpace(p.dec.InputOffset())
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &node{offset: start}
	switch t := tok.(type) {
	case nil:
		n.kind = kindNull
	case bool:
		n.kind, n.truth = kindBool, t
	case json.Number:
		n.kind, n.text = kindNumber, string(t)
	case string:
		n.kind, n.text = kindString, t
	case json.Delim:
		if t == '[' {
			return n, p.array(n)
		}
		return n, p.object(n)
	default:
		return nil, fmt.Errorf("unexpected token %v", tok)
	}
	return n, nil
}

func (p *treeParser) array(n *node) error {
	n.kind = kindArray
	for p.dec.More() {
		item, err := p.value()
		if err != nil {
			return err
		}
		n.items = append(n.items, item)
	}
	n.pack()
	_, err := p.dec.Token() // ']'
	return err
}

// pack replaces the items of an array of pairs of numbers by packed
// positions (a third number, an altitude, is dropped). A number too large
// for float64 becomes ±Inf, for validation to report.
func (n *node) pack() {
	if len(n.items) == 0 {
		return
	}
	for _, it := range n.items {
		if it.kind != kindArray || len(it.items) < 2 || len(it.items) > 3 {
			return
		}
		for _, x := range it.items {
			if x.kind != kindNumber {
				return
			}
		}
	}
	n.positions = make([][2]float64, len(n.items))
	n.posOff = make([]int64, len(n.items))
	for i, it := range n.items {
		lon, _ := strconv.ParseFloat(it.items[0].text, 64)
		lat, _ := strconv.ParseFloat(it.items[1].text, 64)
		n.positions[i] = [2]float64{lon, lat}
		n.posOff[i] = it.offset
	}
	n.items = nil
}

func (p *treeParser) object(n *node) error {
	n.kind = kindObject
	for p.dec.More() {
		keyOff := p.skipSpace(p.dec.InputOffset())
		tok, err := p.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		val, err := p.value()
		if err != nil {
			return err
		}
		n.keys = append(n.keys, key)
		n.keyOff = append(n.keyOff, keyOff)
		n.fields = append(n.fields, val)
	}
	_, err := p.dec.Token() // '}'
	return err
}

// locateSyntaxError finds where src stops being JSON. The decoder's token
// API reports offsets loosely (sometimes at the previous token), so the
// source is run once more through json.Unmarshal's validating scanner, whose
// offset counts the offending byte.
func locateSyntaxError(src []byte, tokenErr error) *syntaxError {
	var se *json.SyntaxError
	err := json.Unmarshal(src, new(json.RawMessage))
	switch {
	case errors.As(err, &se) && se.Offset >= int64(len(src)):
		return &syntaxError{int64(len(src)), "unexpected end of file: a bracket, brace or quote is not closed"}
	case errors.As(err, &se):
		return &syntaxError{se.Offset - 1, se.Error()}
	}
	return &syntaxError{0, tokenErr.Error()}
}
