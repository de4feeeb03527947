package output

import (
	"fmt"
	"strconv"
	"strings"

	"collab/analysis"
)

// layerStyle is one row of the GeoPackage's layer_styles table: a QGIS
// style (QML) and the same in OGC SLD 1.1 for other clients.
type layerStyle struct {
	layer, name, description string
	qml, sld                 string
	isDefault                bool
}

// styleClass is one category of a categorised style: the field's value
// (as QGIS writes it; "" for every other value), its label and colour.
type styleClass struct{ value, label, colour string }

// layerStyles gives QGIS its styles: the cities (polygons or points) and
// the points by tier in the map's colours (default) and by LISA cluster
// in GeoDa's; the links, belts and sectors in the map's pens.
func layerStyles(r *analysis.Result, o MapOptions) ([]layerStyle, error) {
	tiers := byTier(r)
	var tierClasses []styleClass
	for k, e := range tiers.legend {
		tierClasses = append(tierClasses, styleClass{strconv.Itoa(r.Summary.Tiers[k].Tier), e.label, e.colour})
	}
	var lisaClasses []styleClass
	for _, g := range geoDaLISA {
		value, label := strings.Trim(g.value, `"`), classLabel(g.value)
		if g.value == "null" {
			value, label = "", "undefined"
		}
		lisaClasses = append(lisaClasses, styleClass{value, label, g.colour})
	}
	cityKind := "marker"
	if r.Geography != nil && r.Geography.Boundaries != nil {
		cityKind = "fill"
	}
	var styles []layerStyle
	for _, l := range []struct{ name, kind string }{{"cities", cityKind}, {"points", "marker"}} {
		styles = append(styles,
			categorised(l.name, "tier", "tier", "Cities by tier (ratio to the regional mean), in collab's map colours", l.kind, tierClasses, true),
			categorised(l.name, "lisa_cluster", "lisa_cluster", "LISA clusters in GeoDa's colours", l.kind, lisaClasses, false))
	}
	styles = append(styles,
		single("links", "links", "line", "#4d4d4d", 0.4, "the drawn links"),
		single("belts", "belts", "line", "#b2182b", 1.2, "innovation belts along their spines"),
		single("sectors", "sectors", "marker", "#2166ac", 3, "the cities of each sector"))
	return styles, nil
}

// categorised is a QGIS categorizedSymbol renderer on attr.
func categorised(layer, name, attr, description, kind string, classes []styleClass, isDefault bool) layerStyle {
	var cats, syms strings.Builder
	for k, c := range classes {
		fmt.Fprintf(&cats, `<category render="true" symbol="%d" value="%s" label="%s"/>`+"\n", k, xmlAttr(c.value), xmlAttr(c.label))
		syms.WriteString(qmlSymbol(strconv.Itoa(k), kind, c.colour, 0))
	}
	qml := qmlHead + fmt.Sprintf(`<renderer-v2 type="categorizedSymbol" attr="%s" symbollevels="0" enableorderby="0" forceraster="0">`+"\n", xmlAttr(attr)) +
		"<categories>\n" + cats.String() + "</categories>\n<symbols>\n" + syms.String() + "</symbols>\n</renderer-v2>\n</qgis>\n"
	var rules strings.Builder
	for _, c := range classes {
		filter := fmt.Sprintf(`<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>%s</ogc:PropertyName><ogc:Literal>%s</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>`, xmlAttr(attr), xmlAttr(c.value))
		if c.value == "" {
			filter = "<se:ElseFilter/>"
		}
		fmt.Fprintf(&rules, "<se:Rule><se:Name>%s</se:Name>%s%s</se:Rule>\n", xmlAttr(c.label), filter, sldSymbolizer(kind, c.colour, 0))
	}
	return layerStyle{layer: layer, name: name, description: description, qml: qml, sld: sldDocument(layer, name, rules.String()), isDefault: isDefault}
}

// single is a QGIS singleSymbol renderer.
func single(layer, name, kind, colour string, size float64, description string) layerStyle {
	qml := qmlHead + `<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">` + "\n<symbols>\n" +
		qmlSymbol("0", kind, colour, size) + "</symbols>\n</renderer-v2>\n</qgis>\n"
	rule := "<se:Rule><se:Name>" + xmlAttr(name) + "</se:Name>" + sldSymbolizer(kind, colour, size) + "</se:Rule>\n"
	return layerStyle{layer: layer, name: name, description: description, qml: qml, sld: sldDocument(layer, name, rule), isDefault: true}
}

const qmlHead = `<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
`

// qmlSymbol is a QGIS symbol: a fill with a thin dark outline, a circle
// marker or a line, with both the Option map (QGIS 3.26 and later) and
// the older prop list, which QGIS 3.22 reads.
func qmlSymbol(name, kind, colour string, size float64) string {
	c := qgisColour(colour)
	var class string
	var props [][2]string
	switch kind {
	case "fill":
		class = "SimpleFill"
		props = [][2]string{{"color", c}, {"outline_color", "60,60,60,255"}, {"outline_width", "0.1"}, {"outline_width_unit", "MM"}, {"style", "solid"}, {"outline_style", "solid"}}
	case "marker":
		class = "SimpleMarker"
		if size == 0 {
			size = 2.4
		}
		props = [][2]string{{"color", c}, {"name", "circle"}, {"outline_color", "60,60,60,255"}, {"outline_width", "0.2"}, {"size", strconv.FormatFloat(size, 'g', -1, 64)}, {"size_unit", "MM"}}
	default:
		class = "SimpleLine"
		props = [][2]string{{"line_color", c}, {"line_width", strconv.FormatFloat(size, 'g', -1, 64)}, {"line_width_unit", "MM"}, {"line_style", "solid"}, {"capstyle", "round"}}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<symbol type="%s" name="%s" alpha="1" clip_to_extent="1" force_rhr="0">`+"\n"+`<layer class="%s" enabled="1" locked="0" pass="0">`+"\n<Option type=\"Map\">\n", kind, name, class)
	for _, p := range props {
		fmt.Fprintf(&b, `<Option type="QString" name="%s" value="%s"/>`+"\n", p[0], p[1])
	}
	b.WriteString("</Option>\n")
	for _, p := range props {
		fmt.Fprintf(&b, `<prop k="%s" v="%s"/>`+"\n", p[0], p[1])
	}
	b.WriteString("</layer>\n</symbol>\n")
	return b.String()
}

// qgisColour is #rrggbb as QGIS's "r,g,b,a".
func qgisColour(hex string) string {
	c := rgb(hex)
	return fmt.Sprintf("%d,%d,%d,255", c[0], c[1], c[2])
}

func sldDocument(layer, name, rules string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" version="1.1.0">
<NamedLayer><se:Name>` + xmlAttr(layer) + `</se:Name><UserStyle><se:Name>` + xmlAttr(name) + `</se:Name><se:FeatureTypeStyle>
` + rules + `</se:FeatureTypeStyle></UserStyle></NamedLayer>
</StyledLayerDescriptor>
`
}

func sldSymbolizer(kind, colour string, size float64) string {
	switch kind {
	case "fill":
		return `<se:PolygonSymbolizer><se:Fill><se:SvgParameter name="fill">` + colour + `</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#3c3c3c</se:SvgParameter><se:SvgParameter name="stroke-width">0.5</se:SvgParameter></se:Stroke></se:PolygonSymbolizer>`
	case "marker":
		if size == 0 {
			size = 2.4
		}
		return fmt.Sprintf(`<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName><se:Fill><se:SvgParameter name="fill">%s</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#3c3c3c</se:SvgParameter></se:Stroke></se:Mark><se:Size>%g</se:Size></se:Graphic></se:PointSymbolizer>`, colour, size*3.78)
	}
	return fmt.Sprintf(`<se:LineSymbolizer><se:Stroke><se:SvgParameter name="stroke">%s</se:SvgParameter><se:SvgParameter name="stroke-width">%g</se:SvgParameter></se:Stroke></se:LineSymbolizer>`, colour, size*3.78)
}

// xmlAttr escapes s for an XML attribute or text.
func xmlAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
}
