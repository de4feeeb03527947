package data

import (
	"strconv"
	"strings"
)

// Attribute is one of the input's own properties, outside the city's
// fields (Input.Ignored), kept so that the GIS outputs can give it back
// with its type. Only GeoJSON input keeps attributes.
type Attribute struct {
	Name string
	Type AttributeType
}

// AttributeType is an attribute's declared type, one for every city
// whatever its value: Integer when every value given is a JSON number
// without fraction or exponent that fits an int64, Real when every value
// is a number, Boolean when every value is true or false, String
// otherwise (a number among strings is then its literal text, an array
// its scalar items joined by ";", an object left out).
type AttributeType int

// The attribute types.
const (
	AttributeString AttributeType = iota
	AttributeReal
	AttributeInteger
	AttributeBoolean
)

// attributes reads the ignored properties of every city as typed values:
// ds.Attributes, and City.Attributes (one value per attribute: nil when
// absent or null, else an int64, float64, string or bool by the type).
func (r *geoReader) attributes(ds *Dataset) {
	for _, c := range r.s.ignored {
		name := strings.TrimSpace(r.s.names[c])
		if name == "" {
			continue
		}
		values := make([]*node, len(r.features))
		for i := range r.features {
			values[i], _ = r.prop(i, c)
		}
		typ := attributeType(values)
		ds.Attributes = append(ds.Attributes, Attribute{Name: name, Type: typ})
		for i, n := range values {
			ds.Cities[i].Attributes = append(ds.Cities[i].Attributes, attributeValue(n, typ))
		}
	}
}

// attributeType declares the type of a property from every city's value.
func attributeType(values []*node) AttributeType {
	seen, integer, real, boolean := false, true, true, true
	for _, n := range values {
		if n == nil || n.kind == kindNull {
			continue
		}
		seen = true
		switch n.kind {
		case kindNumber:
			boolean = false
			if _, err := strconv.ParseInt(n.text, 10, 64); err != nil {
				integer = false
			}
		case kindBool:
			integer, real = false, false
		default:
			integer, real, boolean = false, false, false
		}
	}
	switch {
	case !seen:
		return AttributeString
	case integer:
		return AttributeInteger
	case real:
		return AttributeReal
	case boolean:
		return AttributeBoolean
	}
	return AttributeString
}

func attributeValue(n *node, typ AttributeType) any {
	if n == nil || n.kind == kindNull {
		return nil
	}
	switch typ {
	case AttributeInteger:
		v, _ := strconv.ParseInt(n.text, 10, 64)
		return v
	case AttributeReal:
		v, _ := strconv.ParseFloat(n.text, 64)
		return v
	case AttributeBoolean:
		return n.truth
	}
	switch n.kind {
	case kindString, kindNumber:
		return n.text
	case kindBool:
		return strconv.FormatBool(n.truth)
	case kindArray:
		var items []string
		for _, it := range n.items {
			if it.kind == kindString || it.kind == kindNumber {
				items = append(items, it.text)
			}
		}
		return strings.Join(items, ";")
	}
	return nil
}
