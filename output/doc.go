// Package output writes the Result of a study in the formats its users open:
// a text report for the terminal and JSON, the stable results contract.
// Every writer takes an io.Writer and a *analysis.Result and writes the same
// bytes for the same result. It imports analysis (the results it writes),
// geom and param, never the command line: its options are typed values
// (MapOptions.TopLinks parses "auto", "all" or a number), and the hints of
// the report name parameters through Options.Names.
//
// The text report aligns columns by display width, so that Chinese city
// names line up, and escapes control and bidirectional-override characters
// so that no name can break or reorder a line. The other formats give every
// name back intact to their own readers: CSV quoting, JSON escapes, DOT
// strings (backslashes doubled, so that \N is not the node's name,
// ampersands as entities) and XML in SVG, where newlines, tabs and
// bidirectional controls are numeric references; only the C0 controls that
// XML 1.0 cannot hold become spaces.
//
// # Maps, networks, figures and documents
//
// The maps (DOT, SVG, GeoJSON) place each city by the equirectangular
// projection about the cities' mean latitude, x = (lon - lon_min)
// cos(lat0), y = lat - lat_min, scaled to 720 points on the longer side;
// circle radii grow with the square root of the score. The DOT map gives
// positions in points with inputscale=72, so that neato, neato -n2 and
// fdp -n draw the same map, and is also a graph for network tools: the
// city's name is its label, every edge has its link's weight, belts are an
// attribute of the links they follow, and the legend is the graph's label.
//
// The network files carry every link and the per-city measures of
// cities.csv under the same keys, typed from the Go types of analysis.City
// and analysis.Link: GEXF 1.2 (Gephi; with the map's position, colour and
// size as viz attributes; for a panel a dynamic graph whose spells are the
// years, each with the city's score, ratio and tier of that year),
// GraphML (typed keys), Pajek .net (positions in [0, 1], weights) and
// Gephi's nodes and edges tables (Id, Label; Source, Target, Weight, Type).
//
// The figures are SVG: the Moran scatterplot as GeoDa draws it, z_i = (s_i
// - mean) / sd (sd with n - 1) against (Wz)_i, with the line of slope
// Moran's I (the least-squares slope z'Wz / z'z under row-standardised
// weights); the panel's mean, CV and Gini by year; the Lorenz curve, whose
// Gini is one minus twice the area under it; the kernel densities of the
// relative score of up to five years of a panel overlaid, with each
// year's bandwidth and the rule (Silverman's). HTML writes one self-contained
// page (inline SVG and CSS, one small inline script that sorts tables, a
// Content-Security-Policy that loads nothing) with the findings of the
// text report; LaTeX writes booktabs tables with names escaped for LaTeX
// (LaTeXEscape).
//
// WriteFiles writes a run's files together: each to a temporary file, all
// renamed into place only when every one is complete, so that a failure or
// a cancelled context leaves the files of an earlier run as they were.
//
// Every writer is linear in the cities and links, but for the labels of
// the SVG map (a grid keeps each label's collision checks local). On
// 20,000 cities and 80,000 links (BenchmarkWriters) the DOT map takes
// about 0.3 s, GEXF 1.2 s, GraphML 1.5 s, the HTML page 0.8 s.
//
// # GIS layers
//
// GeoJSONLayer and GeoPackage write the study as five layers with
// declared schemas (cities, points, links, belts, sectors; see layers.go):
// one type per field whatever the values, reals rounded to RealDigits
// significant digits and positions to CoordinateDecimals places, field
// names unique within 10 characters. The GeoPackage (OGC 12-128r18,
// version 1.3) is written through modernc.org/sqlite, a translation of
// SQLite to Go, so that collab stays free of cgo, with QGIS styles in its
// layer_styles table. When the cities have boundaries the SVG map is a
// choropleth (svg_choropleth.go): polygons filled by the colouring, the
// links and belts over them. Weights writes the study's spatial weights
// as GAL, GWT or CSV.
//
// Package output imports collab/analysis, the standard library,
// golang.org/x/text/width and modernc.org/sqlite (its tests also gonum's
// DOT parser and collab/data); never cmd.
package output
