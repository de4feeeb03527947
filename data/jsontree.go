package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
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
	// kept packed, not as one node per number: boundary files hold
	// millions of them. items is then nil.
	ring *packedRing
}

// packedRing is an array of positions and the offset of each.
type packedRing struct {
	xy  [][2]float64
	off []int64
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
// *syntaxError; one whose tree would take more than budget bytes, an error
// wrapping ErrTooLarge.
//
// encoding/json checks the document first (json.Valid, which allocates
// nothing and refuses nesting deeper than 10,000, so that the recursive
// scanner here is bounded too); the tree is then built by a scanner that
// may trust the syntax. That is several times faster than json.Decoder's
// token API, which matters for boundary files of millions of coordinates.
func parseTree(src []byte, budget int) (*node, error) {
	if !json.Valid(src) {
		return nil, locateSyntaxError(src)
	}
	p := treeParser{src: src, budget: budget}
	root := p.value()
	if p.over {
		return nil, fmt.Errorf("%w: its values would take over %d MiB of memory as a tree (a JSON file is read whole)", ErrTooLarge, budget>>20)
	}
	return root, nil
}

// treeParser builds the tree of a valid JSON document. budget is what the
// tree may still take, in bytes; over is set when it runs out, and the
// scanner then returns at once, leaving a partial tree.
type treeParser struct {
	src    []byte
	off    int
	budget int
	over   bool
}

// Approximate sizes, in bytes, of what the tree keeps: a node and the
// pointer to it; a packed position and its offset; a key and its offset
// (besides the text of each string).
const (
	nodeSize     = 152
	positionSize = 24
	keySize      = 24
)

// spend takes n bytes from the budget.
func (p *treeParser) spend(n int) {
	p.budget -= n
	if p.budget < 0 {
		p.over = true
	}
}

func (p *treeParser) skipSpace() {
	for p.off < len(p.src) {
		switch p.src[p.off] {
		case ' ', '\t', '\r', '\n':
			p.off++
		default:
			return
		}
	}
}

func (p *treeParser) value() *node {
	p.skipSpace()
	n := &node{offset: int64(p.off)}
	if p.spend(nodeSize); p.over {
		return n
	}
	switch c := p.src[p.off]; c {
	case '{':
		p.object(n)
	case '[':
		p.array(n)
	case '"':
		n.kind, n.text = kindString, p.string()
	case 't':
		n.kind, n.truth = kindBool, true
		p.off += len("true")
	case 'f':
		n.kind = kindBool
		p.off += len("false")
	case 'n':
		n.kind = kindNull
		p.off += len("null")
	default:
		n.kind, n.text = kindNumber, p.number()
	}
	return n
}

func (p *treeParser) number() string {
	start := p.off
	for p.off < len(p.src) && isNumberByte(p.src[p.off]) {
		p.off++
	}
	return string(p.src[start:p.off])
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// string reads a string literal; one with escapes is decoded by
// encoding/json.
func (p *treeParser) string() string {
	start := p.off
	p.off++
	escaped := false
	for p.src[p.off] != '"' {
		if p.src[p.off] == '\\' {
			escaped = true
			p.off++
		}
		p.off++
	}
	p.off++
	p.spend(p.off - start)
	if !escaped {
		return string(p.src[start+1 : p.off-1])
	}
	var s string
	json.Unmarshal(p.src[start:p.off], &s) // valid: checked by json.Valid
	return s
}

func (p *treeParser) object(n *node) {
	n.kind = kindObject
	p.off++ // {
	for !p.over {
		p.skipSpace()
		if p.src[p.off] == '}' {
			p.off++
			return
		}
		if p.src[p.off] == ',' {
			p.off++
			p.skipSpace()
		}
		p.spend(keySize)
		n.keyOff = append(n.keyOff, int64(p.off))
		n.keys = append(n.keys, p.string())
		p.skipSpace()
		p.off++ // :
		n.fields = append(n.fields, p.value())
	}
}

func (p *treeParser) array(n *node) {
	n.kind = kindArray
	if p.positions(n) {
		return
	}
	p.off++ // [
	for !p.over {
		p.skipSpace()
		if p.src[p.off] == ']' {
			p.off++
			return
		}
		if p.src[p.off] == ',' {
			p.off++
		}
		n.items = append(n.items, p.value())
	}
}

// positions reads an array of positions, [[lon, lat], ...] with an optional
// third number in each, straight into n.ring, without a node per
// number. It leaves p as it was and returns false for any other array.
func (p *treeParser) positions(n *node) bool {
	start := p.off
	p.off++ // [
	var pos [][2]float64
	var offs []int64
	for !p.over {
		p.skipSpace()
		switch p.src[p.off] {
		case ']':
			if len(pos) == 0 {
				p.off = start
				return false
			}
			p.off++
			n.ring = &packedRing{pos, offs}
			return true
		case ',':
			p.off++
			p.skipSpace()
		}
		at := p.off
		xy, ok := p.pair()
		if !ok {
			p.off = start
			return false
		}
		pos = append(pos, xy)
		offs = append(offs, int64(at))
		p.spend(positionSize)
	}
	return true
}

// pair reads [x, y] or [x, y, z] of numbers; ok is false for anything else.
func (p *treeParser) pair() (xy [2]float64, ok bool) {
	if p.src[p.off] != '[' {
		return xy, false
	}
	p.off++
	for k := 0; ; k++ {
		p.skipSpace()
		switch c := p.src[p.off]; {
		case c == ']':
			p.off++
			return xy, k >= 2
		case c == ',':
			p.off++
			p.skipSpace()
		}
		if k >= 3 || !isNumberByte(p.src[p.off]) {
			return xy, false
		}
		x, err := strconv.ParseFloat(p.number(), 64)
		if err != nil && !isRangeError(err) {
			return xy, false
		}
		if k < 2 {
			xy[k] = x // a number too large for float64 is ±Inf, for validation to report
		}
	}
}

// locateSyntaxError finds where src stops being JSON, with json.Unmarshal's
// validating scanner, whose offset counts the offending byte.
func locateSyntaxError(src []byte) *syntaxError {
	var se *json.SyntaxError
	err := json.Unmarshal(src, new(json.RawMessage))
	switch {
	case errors.As(err, &se) && strings.HasPrefix(se.Error(), "unexpected end of JSON input"):
		return &syntaxError{int64(len(src)), "unexpected end of file: a bracket, brace or quote is not closed"}
	case errors.As(err, &se):
		return &syntaxError{se.Offset - 1, se.Error()}
	case err != nil:
		return &syntaxError{0, err.Error()}
	}
	return &syntaxError{0, "invalid JSON"}
}
