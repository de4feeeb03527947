package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode/utf16"

	"collab/data"
)

// errorCase is one row of the README's table of errors: a kind of bad input,
// a part of what collab prints for it, and the exit code.
type errorCase struct {
	input   string // the README's first column
	file    string // the input file's name
	content string // its content
	// make writes the input instead of content, when it is generated.
	make func(t *testing.T, path string)
	// args is the command line, FILE standing for the input's path;
	// analyze FILE when empty.
	args []string
	// beside are files written next to the input, by name; link, when set,
	// is a symbolic link of that name to the input's directory; full, a
	// directory there on a 4 KiB file system (the row is skipped where it
	// cannot be mounted). DIR in args is the input's directory.
	beside map[string]string
	link   string
	full   string
	// stdoutToFile sends standard output to the input file, appending.
	stdoutToFile bool
	// signal, when set, has stopped the run before it began.
	signal  syscall.Signal
	message string // a part of stderr, with the input's directory left out
	code    int
}

// others are the cities after the first of a small JSON dataset (cities).
const others = `{"id": "b", "lat": 31, "lon": 121, "score": 2}, {"id": "c", "lat": 32, "lon": 120, "score": 3}`

// cities is a JSON dataset of first and others.
func cities(first ...string) string {
	return `{"cities": [` + strings.Join(append(first, others), ", ") + `]}`
}

// qapLinks is a dataset of four cities of one province with copatent
// links, for collab qap's rows.
const qapLinks = `{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 1, "province": "P"}, {"id": "b", "lat": 31, "lon": 121, "score": 2, "province": "P"},
	{"id": "c", "lat": 32, "lon": 120, "score": 3, "province": "P"}, {"id": "d", "lat": 32, "lon": 121, "score": 5, "province": "P"}],
	"links": [{"source": "a", "target": "b", "weight": 2, "kind": "copatent"}, {"source": "c", "target": "d", "weight": 1, "kind": "copatent"}, {"source": "a", "target": "c", "weight": 1, "kind": "copatent"}]}`

// catalogue is the README's "Errors" table, row for row (TestErrorCatalogue
// checks that they agree; go test -update rewrites the table).
var catalogue = []errorCase{
	{input: "JSON with a syntax error", file: "syntax.json", content: "{\n \"cities\": [,]}",
		message: "syntax.json:2:13: invalid JSON: invalid character ',' looking for beginning of value", code: 3},
	{input: "CSV with a quoted field not closed", file: "quote.csv", content: "id,name,lat,lon,score\na,\"Suzhou,31.3,120.6,1\n",
		message: "quote.csv:2:24: row 1: a quoted field is not closed, or a quote in it is not doubled", code: 3},
	{input: "CSV row with more fields than the header", file: "fields.csv", content: "id,name,lat,lon,score\na,Suzhou, Jiangsu,31.3,120.6,1\nb,B,31,121,2\nc,C,32,120,3\n",
		message: "fields.csv:2:1: row 1: has 6 fields; the header has 5 columns (quote a field that holds the delimiter", code: 3},
	{input: "A wrong type: a number in quotes", file: "type.json", content: cities(`{"id": "a", "lat": "31.2", "lon": 120, "score": 1}`),
		message: `type.json:1:32: cities[0].lat: must be a number, not a string (write 31.2 without quotes)`, code: 3},
	{input: "A missing field", file: "missing.json", content: cities(`{"id": "a", "lat": 31.2, "score": 1}`),
		message: `missing.json:1:13: cities[0]: missing "lon": degrees east, between -180 and 180`, code: 3},
	{input: "A missing CSV column, named otherwise", file: "column.csv", content: "id,lat,lng,score\na,31,120,1\nb,31,121,2\nc,32,120,3\n",
		message: `column.csv:1: header: no "lon" column: each city needs lat and lon in WGS84 degrees; "lng" looks like it`, code: 3},
	{input: "An unknown field", file: "unknown.json", content: cities(`{"id": "a", "lat": 31.2, "lng": 120, "score": 1}`),
		message: `cities[0].lng: unknown field "lng" (did you mean "lon"?)`, code: 3},
	{input: "A duplicate id", file: "duplicate.json", content: cities(`{"id": "b", "lat": 31.2, "lon": 120, "score": 1}`),
		message: `cities[1].id: id "b" is used twice (first by cities[0] at line 1); ids must be unique`, code: 3},
	{input: "An unknown id among the neighbours", file: "neighbour.json", content: cities(`{"id": "a", "lat": 31.2, "lon": 120, "score": 1, "neighbors": ["bb"]}`),
		message: `cities[0].neighbors: neighbour "bb" is not the id of any city (did you mean "b"?)`, code: 3},
	{input: "A link to an unknown id", file: "link.json", content: strings.TrimSuffix(cities(`{"id": "a", "lat": 31.2, "lon": 120, "score": 1}`), "}") + `, "links": [{"source": "a", "target": "z"}]}`,
		message: `links[0].target: target "z" is not the id of any city`, code: 3},
	{input: "A link given twice", file: "twice.json", content: strings.TrimSuffix(cities(`{"id": "a", "lat": 31.2, "lon": 120, "score": 1}`), "}") + `, "links": [{"source": "a", "target": "b"}, {"source": "b", "target": "a"}]}`,
		message: `links[1]: duplicates links[0] at line 1 (b - a); give each pair once a kind, with the total weight`, code: 3},
	{input: "A latitude out of range", file: "range.json", content: cities(`{"id": "a", "lat": 91, "lon": 120, "score": 1}`),
		message: `cities[0].lat: lat 91 is outside [-90, 90]`, code: 3},
	{input: "Latitude and longitude swapped, out of range", file: "swapped.json", content: cities(`{"id": "a", "lat": 120.5, "lon": 31.2, "score": 1}`),
		message: `cities[0].lat: lat 120.5 is outside [-90, 90] (lat 120.5 and lon 31.2 look swapped)`, code: 3},
	{input: "Latitude and longitude swapped, in range", file: "ethiopia.json",
		content: `{"cities": [{"id": "a", "lat": 9.0, "lon": 38.7, "score": 1}, {"id": "b", "lat": 11.6, "lon": 37.4, "score": 2}, {"id": "c", "lat": 13.5, "lon": 39.5, "score": 3}, {"id": "d", "lat": 40.5, "lon": 7.6, "score": 3}]}`,
		message: `warning: ethiopia.json:1:184: cities[3].lat: lat 40.5 and lon 7.6 look swapped: the city is 4298 km from the middle of the region`, code: 0},
	{input: "GeoJSON positions as [lat, lon]", file: "order.geojson", content: points("[31.2, 121.5]"),
		message: `features[0].geometry.coordinates: position [31.2, 121.5] is outside longitude [-180, 180], latitude [-90, 90]; GeoJSON gives longitude first: [lon, lat]`, code: 3},
	{input: "GeoJSON in projected metres", file: "metres.geojson", content: points("[13521000, 3657000]"),
		message: `projected coordinates (metres)? GeoJSON needs WGS84 degrees: reproject, e.g. ogr2ogr -t_srs EPSG:4326`, code: 3},
	{input: "A score that is NaN", file: "nan.csv", content: "id,lat,lon,score\na,31,120,NaN\nb,31,121,2\nc,32,120,3\n",
		message: `nan.csv:2:10: row 1, score: "NaN" is not a number (scores are numbers >= 0)`, code: 3},
	{input: "An infinite score (Inf, 1e999)", file: "inf.json", content: cities(`{"id": "a", "lat": 31.2, "lon": 120, "score": 1e999}`),
		message: `cities[0].score: the score is not a finite number; scores must be finite and >= 0`, code: 3},
	{input: "A score over 1e100", file: "huge.json", content: cities(`{"id": "a", "lat": 31.2, "lon": 120, "score": 1e300}`),
		message: `cities[0].score: the score is 1e+300; scores must be at most 1e+100: rescale them`, code: 3},
	{input: "A negative score", file: "negative.json", content: cities(`{"id": "a", "lat": 31.2, "lon": 120, "score": -1}`),
		message: `cities[0].score: the score is -1; scores must be >= 0`, code: 3},
	{input: "An empty score", file: "empty.csv", content: "id,lat,lon,score\na,31,120,\nb,31,121,2\nc,32,120,3\n",
		message: `empty.csv:2:10: row 1, score: no score; every city needs one`, code: 3},
	{input: "A panel missing a year", file: "panel.json", content: `{"cities": [{"id": "a", "lat": 31, "lon": 120, "scores": {"2001": 1}}, {"id": "b", "lat": 31, "lon": 121, "scores": {"2001": 1, "2021": 2}}, {"id": "c", "lat": 32, "lon": 120, "scores": {"2001": 1, "2021": 3}}]}`,
		message: `cities[0].scores: no score for 2021; every city needs a score for each year of the panel (2001, 2021)`, code: 3},
	{input: "Every score 0", file: "zero.json", content: `{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 0}, {"id": "b", "lat": 31, "lon": 121, "score": 0}, {"id": "c", "lat": 32, "lon": 120, "score": 0}]}`,
		message: `every score is 0: ratios to the mean and inequality are undefined`, code: 3},
	{input: "Every score equal", file: "equal.json", content: `{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 5}, {"id": "b", "lat": 31, "lon": 121, "score": 5}, {"id": "c", "lat": 32, "lon": 120, "score": 5}, {"id": "d", "lat": 32, "lon": 121, "score": 5}]}`,
		message: `warning: every city has the same score: Moran's I and the local statistics are undefined (null)`, code: 0},
	{input: "A single city", file: "one.json", content: `{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 1}]}`,
		message: `one.json: the region has 1 city; the analysis needs at least 3`, code: 3},
	{input: "Two cities", file: "two.json", content: `{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 1}, {"id": "b", "lat": 31, "lon": 121, "score": 2}]}`,
		message: `two.json: the region has 2 cities; the analysis needs at least 3`, code: 3},
	{input: "A network in pieces (observed links)", file: "pieces.json", content: `{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 1}, {"id": "b", "lat": 31, "lon": 121, "score": 2}, {"id": "c", "lat": 32, "lon": 120, "score": 3}, {"id": "d", "lat": 32, "lon": 121, "score": 4}], "links": [{"source": "a", "target": "b"}, {"source": "c", "target": "d"}]}`,
		message: `warning: the network has 2 components (the largest has 2 of 4 cities)`, code: 0},
	{input: "Cities with no spatial neighbour", file: "island.json", args: []string{"analyze", "FILE", "--weights", "band:200"},
		content: `{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 1}, {"id": "b", "lat": 31, "lon": 121, "score": 2}, {"id": "c", "lat": 32, "lon": 120, "score": 3}, {"id": "d", "lat": 40, "lon": 100, "score": 4}]}`,
		message: `warning: 1 of 4 cities have no neighbour under band:200 weights: d; their spatial lag is 0 and they are left out of the LISA tests ("isolated"); the smallest band that leaves none is 2000.9 km`, code: 0},
	{input: "Two cities at one point", file: "same.json", content: cities(`{"id": "a", "lat": 31, "lon": 121, "score": 1}`),
		message: `warning: same.json:1:80: cities[1].lat: "b" is at the same coordinates as "a"; their distance is taken as 1 km in the gravity model`, code: 0},
	{input: "A file that is not UTF-8 (a GBK export)", file: "gbk.csv", content: "id,name,lat,lon,score\na,\xcb\xd5\xd6\xdd,31,120,1\nb,B,31,121,2\nc,C,32,120,3\n",
		message: `gbk.csv:2:3: the file is not UTF-8 but GBK (GB18030) Chinese text, as Excel saves CSV on a Chinese Windows; save it as CSV UTF-8, or convert it with iconv -f GB18030 -t UTF-8`, code: 3},
	{input: "An empty file", file: "empty.json", content: "",
		message: `empty.json: the file is empty`, code: 3},
	{input: "JSON nested 100,000 deep", file: "deep.json", content: strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		message: `deep.json:1:10001: invalid JSON: invalid character '[' exceeded max depth`, code: 3},
	{input: "A JSON file over 1 GiB", file: "big.json", make: sparse(data.MaxFileSize + 1),
		message: `big.json: file too large: 1073741825 bytes, over the 1024 MiB a JSON file may have (it is read whole); give the cities as CSV`, code: 1},
	{input: "A 1 GB CSV file without line breaks", file: "big.csv", make: sparse(1e9),
		message: `big.csv:1: the record that starts here is over 64 MiB; is this a CSV file, or does a quoted field lack its closing quote?`, code: 3},
	{input: "A file that does not exist", file: "none.json", make: func(*testing.T, string) {},
		message: `open none.json: no such file or directory`, code: 1},
	{input: "More permutations than collab runs", file: "perm.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--permutations", "10000000"},
		message: `--permutations 10000000: must be between 0 (no permutation test) and 999999; 999 is customary`, code: 2},
	{input: "A backbone significance level outside (0, 1]", file: "bb.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--backbone", "disparity:2"},
		message: `--backbone "disparity:2": ALPHA must be a significance level in (0, 1], e.g. disparity:0.05`, code: 2},
	{input: "Gravity on every pair of 6,400 cities", file: "region6400.json", make: regionFile(6400), args: []string{"analyze", "FILE", "--full-below", "10000"},
		message: `--full-below 10000: gravity on every pair of 6400 cities makes 20476800 links, over the 20000000 collab builds; lower --full-below`, code: 2},
	{input: "An output that is the input file", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--svg", "FILE"},
		message: `in.json: is an input file; collab never overwrites its input: choose another output path`, code: 2},
	{input: "An output that is the --links file", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`),
		beside: map[string]string{"links.csv": "source,target,weight\na,b,1\n"}, args: []string{"analyze", "FILE", "--links", "DIR/links.csv", "--out", "DIR"},
		message: `links.csv: is an input file; collab never overwrites its input: choose another output path`, code: 2},
	{input: "Two outputs that are one file through a link", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`),
		link: "same", args: []string{"analyze", "FILE", "--svg", "DIR/m.svg", "--dot", "DIR/same/m.svg"},
		message: `same/m.svg and m.svg are the same file (through a link); give each output its own path`, code: 2},
	{input: "Standard output onto an input (>> FILE)", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`),
		stdoutToFile: true, args: []string{"export", "--format", "csv", "FILE"},
		message: `standard output is the input file in.json: collab would write into the file it reads; redirect the output to another file`, code: 2},
	{input: "An empty output path", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--out", ""},
		message: `--out "": give a path, such as --out results/, or leave the flag out`, code: 2},
	{input: "A continuous --color, with or without a map", file: "in.json", content: cities(`{"id": "a", "lat": 31.2, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--color", "lat"},
		message: `--color "lat": a continuous measure (city a has 31.2); choose tier, or a measure with classes such as province or component`, code: 2},
	{input: "A full disk", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), full: "full", args: []string{"analyze", "FILE", "--out", "DIR/full"},
		message: `cannot write: no space left on device`, code: 1},
	{input: "A UTF-16 file without a byte order mark", file: "utf16.csv", content: utf16LE("id,lat,lon,score\na,31,120,1\nb,31,121,2\nc,32,120,3\n"),
		message: `utf16.csv: the file is UTF-16 text (little-endian, without a byte order mark); collab reads UTF-8: save it as UTF-8 (CSV UTF-8 from a spreadsheet), or convert it with iconv -f UTF-16LE -t UTF-8`, code: 3},
	{input: "A CSV file with CR-only line ends (old Mac Excel)", file: "mac.csv", content: "id,lat,lon,score\ra,31,120,1\rb,31,121,2\rc,32,120,3\r",
		message: `mac.csv: its lines end with a carriage return alone (the CSV of Excel for old Macs); save it as CSV UTF-8, or convert it with tr '\r' '\n'`, code: 3},
	{input: "An id that differs from another only by white space", file: "space.json", content: cities(`{"id": "b ", "lat": 31.2, "lon": 120, "score": 1}`),
		message: `cities[1].id: id "b" is used twice (first by cities[0] at line 1); ids must be unique`, code: 3},
	{input: "A population that is infinite or negative", file: "population.json", content: cities(`{"id": "a", "lat": 31.2, "lon": 120, "score": 1, "population": -5}`),
		message: `cities[0].population: population is -5; it must be >= 0 (leave it out when not known)`, code: 3},
	{input: "A warning repeated many times", file: "repeated.json", content: cities(`{"id": "a", "lat": 31.2, "lon": 120, "score": 1, "neighbors": ["b", "b", "b", "b", "b", "b", "b", "b"]}`),
		message: `warning: repeated.json: 2 more warnings like the one at line 1 (cities[0].neighbors): only the first 5 are listed`, code: 0},
	{input: "Scores so small that gravity underflows (1e-200)", file: "tiny.json", content: `{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 1e-200}, {"id": "b", "lat": 31, "lon": 121, "score": 2e-200}, {"id": "c", "lat": 32, "lon": 120, "score": 3e-200}]}`,
		message: `warning: every score is below 1e-125: the gravity model uses the scores divided by the largest (3e-200), so that their products do not underflow to 0; the links' weights are relative`, code: 0},
	{input: "A name longer than Graphviz reads (16 KB)", file: "long.json", content: cities(`{"id": "a", "name": "` + strings.Repeat("x", 17000) + `", "lat": 31.2, "lon": 120, "score": 1}`), args: []string{"export", "--format", "dot", "FILE"},
		message: `warning: city "a": its name is 17000 bytes, longer than Graphviz reads in one string: the DOT map shows its beginning`, code: 0},
	{input: "An unknown indicator (collab index)", file: "ind.csv", content: indicatorsCSV, args: []string{"index", "FILE", "--indicators", "rd,pats"},
		message: `--indicators: unknown variable "pats" (did you mean "pat"?)`, code: 2},
	{input: "An empty weight table path (collab index)", file: "ind.csv", content: indicatorsCSV, args: []string{"index", "FILE", "--indicators", "rd,pat", "--weights-out", ""},
		message: `--weights-out "": give a path, such as --weights-out weights.csv, or leave the flag out`, code: 2},
	{input: "An indicator without variation", file: "flat.csv", content: indicatorsCSV, args: []string{"index", "FILE", "--indicators", "rd,flat"},
		message: `flat.csv: --indicators: indicator "flat": no variation: every city-year has the value 7, so min-max normalisation divides by max - min = 0`, code: 3},
	{input: "A missing indicator value", file: "gap.csv", content: strings.Replace(indicatorsCSV, "b,31,121,2,", "b,31,121,,", 1), args: []string{"index", "FILE", "--indicators", "rd,pat"},
		message: `gap.csv:3:10: row 2, rd: no value of "rd"; every city needs one (or drop the cities that lack one: missing policy drop)`, code: 3},
	{input: "Subsystem shares that do not sum to 1", file: "alpha.csv", content: indicatorsCSV, args: []string{"index", "FILE", "--indicators", "rd,pat", "--subsystems", "a:rd;b:pat", "--alpha", "0.7,0.4"},
		message: `--alpha: the shares 0.7, 0.4 sum to 1.1, not 1`, code: 2},
	// The command line in collab's words (usage.go): the nearest flag or
	// command, a plain message for a bad number, a flag given twice.
	{input: "A misspelt flag", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--yaer", "2001"},
		message: `unknown flag --yaer (did you mean --year?) (see collab analyze --help)`, code: 2},
	{input: "A misspelt command", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analzye", "FILE"},
		message: `unknown command "analzye" (did you mean "analyze"?); the commands are analyze`, code: 2},
	{input: "Help on a misspelt command", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"help", "analzye"},
		message: `unknown command "analzye" (did you mean "analyze"?); the commands are analyze`, code: 2},
	{input: "A negative seed", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--seed", "-1"},
		message: `--seed "-1": must be a whole number >= 0 (see collab analyze --help)`, code: 2},
	{input: "A flag of one value given twice", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--year", "2001", "--year", "2021"},
		message: `--year is given 2 times; it takes one value: give it once`, code: 2},
	{input: "A flag without its value", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--top"},
		message: `--top needs a value (see collab analyze --help)`, code: 2},
	{input: "collab export without --format", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"export", "FILE"},
		message: `--format is required: choose one of dot, geojson, svg, csv`, code: 2},
	// Files of a GIS or a spreadsheet, told by their bytes (data/sniff.go).
	{input: "A GeoPackage", file: "cities.gpkg", make: writeBytes(geoPackageHead()),
		message: `cities.gpkg: the file is a GeoPackage (an SQLite database of layers), which collab does not read; convert its layer to GeoJSON: ogr2ogr -f GeoJSON out.geojson cities.gpkg`, code: 3},
	{input: "A shapefile (.shp; .dbf and zipped alike)", file: "cities.shp", make: writeBytes(shapefileHead()),
		message: `cities.shp: the file is the geometry of an ESRI shapefile (.shp), which collab does not read; convert the shapefile (with its .dbf and .shx beside it) to GeoJSON: ogr2ogr -f GeoJSON out.geojson cities.shp`, code: 3},
	{input: "An Excel workbook (.xlsx; .xls alike)", file: "scores.xlsx", make: writeBytes(workbook()),
		message: `scores.xlsx: the file is an Excel workbook (.xlsx), which collab does not read; in Excel choose File > Save As > CSV UTF-8 (Comma delimited)`, code: 3},
	{input: "An unknown variable (collab model)", file: "reg.csv", content: regressionCSV(), args: []string{"model", "FILE", "--model", "sar", "--y", "y", "--x", "rd,talnt"},
		message: `--x "talnt": unknown variable "talnt" (did you mean "talent"?)`, code: 2},
	{input: "Collinear regressors (collab model)", file: "reg.csv", content: regressionCSV(), args: []string{"model", "FILE", "--model", "sar", "--y", "y", "--x", "rd,rd2"},
		message: `reg.csv: model sar: regressor rd2 is collinear with ["(Intercept)" "rd"] (a linear combination of them); leave one of them out of --x`, code: 3},
	{input: "A constant regressor (collab model)", file: "reg.csv", content: regressionCSV(), args: []string{"model", "FILE", "--model", "sdm", "--y", "y", "--x", "rd,flat"},
		message: `reg.csv: model sdm: regressor flat is constant (7 in every city): it cannot be told apart from the intercept; leave it out of --x`, code: 3},
	{input: "Fewer cities than parameters (collab model)", file: "reg.csv", content: regressionCSV(), args: []string{"model", "FILE", "--model", "sdm", "--y", "y", "--x", "rd,talent,neg,alt"},
		message: `reg.csv: model sdm: 10 cities for 11 parameters of model sdm: need more cities than parameters; use fewer regressors in --x, or a model with fewer parameters (--model)`, code: 3},
	{input: "A logarithm of a value <= 0 (collab model)", file: "reg.csv", content: regressionCSV(), args: []string{"model", "FILE", "--model", "sar", "--y", "y", "--x", "rd,log(neg)"},
		message: `reg.csv: log(neg): city c3 has neg = -2; a logarithm needs values > 0; leave out log() in --x, or drop the city`, code: 3},
	{input: "rho on the bound of its interval (collab model)", file: "reg.csv", content: regressionCSV(), args: []string{"model", "FILE", "--model", "sar", "--y", "alt", "--x", "rd"},
		message: `reg.csv: model sar: rho = -0.99999`, code: 3},
	{input: "An unknown QAP matrix (collab qap)", file: "qap.json", content: qapLinks, args: []string{"qap", "FILE", "--y", "links:copatent", "--x", "distanse"},
		message: `--x "distanse": no such matrix (did you mean "distance"?)`, code: 2},
	{input: "No links of the kind (collab qap)", file: "kind.json", content: qapLinks, args: []string{"qap", "FILE", "--y", "links:trade", "--x", "distance"},
		message: `--y links:trade: no link has that kind; the kinds are "copatent"`, code: 2},
	{input: "A QAP predictor without variation", file: "flatqap.json", content: qapLinks, args: []string{"qap", "FILE", "--y", "links:copatent", "--x", "same_province"},
		message: `qap: MRQAP: same_province is a linear combination of the terms before it; the fit is undefined`, code: 3},
	{input: "A weights file naming a city the dataset lacks", file: "wf.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`),
		beside: map[string]string{"w.gal": "3\na 1\nzz\nb 1\na\nc 0\n\n"}, args: []string{"analyze", "FILE", "--weights", "DIR/w.gal"},
		message: `w.gal: line 3: "zz" is not the id of any city (the ids begin a, b, c)`, code: 2},
	{input: "A weights file of another format", file: "wo.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--weights-out", "DIR/w.shp"},
		message: `w.shp: name a .gal, .gwt or .csv file, such as --weights-out weights.gal`, code: 2},
	{input: "Interrupted (Ctrl-C, SIGINT)", file: "int.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), signal: syscall.SIGINT,
		message: `collab: interrupted (SIGINT); no output file was written or changed`, code: 130},
	{input: "Stopped (SIGTERM)", file: "term.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), signal: syscall.SIGTERM,
		message: `collab: terminated (SIGTERM); no output file was written or changed`, code: 143},
	{input: "A city name that two cities bear (no lat and lon)", file: "suzhou.csv", content: "name,score\n苏州,1\nSuzhou,2\n广州,3\n",
		message: `suzhou.csv:3:1: row 2, name: no lat and lon, and "Suzhou" names 2 cities: Suzhou 苏州市 (Jiangsu, 320500) or Suzhou 宿州市 (Anhui, 341300); write the province after the name ("Suzhou, Jiangsu")`, code: 3},
	{input: "An unknown city name (no lat and lon)", file: "typo.csv", content: "name,score\nGuangzhou,1\nShenzhen,2\nGuangzou,3\n",
		message: `typo.csv:4:1: row 3, name: no lat and lon, and "Guangzou" is not the name of a prefecture-level city of China (did you mean Guangzhou 广州市 (Guangdong, 440100)?)`, code: 3},
	{input: "A region with fewer than 3 of its cities in the file", file: "few.csv", content: "name,score\n广州,1\n深圳,2\n上海,3\n杭州,4\n", args: []string{"analyze", "FILE", "--region", "gba"},
		message: `--region gba: 2 of the 11 cities of the region gba (Greater Bay Area (Guangdong, Hong Kong, Macao)) are in few.csv; the analysis needs at least 3`, code: 3},
	{input: "An unknown region", file: "in.json", content: cities(`{"id": "a", "lat": 31, "lon": 120, "score": 1}`), args: []string{"analyze", "FILE", "--region", "pearl"},
		message: `--region: unknown region "pearl"; the regions are yrd, bth, gba, chengyu, china (collab regions lists them)`, code: 2},
}

// regressionCSV is a ring of 10 cities, each the neighbour of the next,
// for collab model: y and talent vary with rd, flat is constant, rd2 is
// 2 rd + 1, neg is -2 in city c3, and alt alternates around the ring
// (+5, -5 about 10, with noise of 1e-9), so that rho rises to its bound
// -1.
func regressionCSV() string {
	var b strings.Builder
	b.WriteString("id,lat,lon,y,rd,talent,flat,rd2,neg,alt,neighbors\n")
	for i := range 10 {
		a := 2 * math.Pi * float64(i) / 10
		rd := float64((i*7)%10 + 1)
		neg := float64(i%4 + 1)
		if i == 3 {
			neg = -2
		}
		alt := 10 + 5*math.Pow(-1, float64(i)) + 1e-9*float64((i*37)%11)
		fmt.Fprintf(&b, "c%d,%.6f,%.6f,%g,%g,%g,7,%g,%g,%.17g,c%d;c%d\n", i, 30+math.Sin(a), 120+math.Cos(a),
			3+0.5*rd+float64((i*3)%5), rd, float64((i*5)%7)+rd/3, 2*rd+1, neg, alt, (i+1)%10, (i+9)%10)
	}
	return b.String()
}

// indicatorsCSV is a table of indicators without a score, for collab
// index: flat has no variation.
const indicatorsCSV = "id,lat,lon,rd,pat,flat\na,31,120,1,10,7\nb,31,121,2,30,7\nc,32,120,4,20,7\nd,32,121,3,5,7\n"

// points is a GeoJSON FeatureCollection of three Point features, the first
// at position.
func points(position string) string {
	return `{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"id": "a", "score": 1}, "geometry": {"type": "Point", "coordinates": ` + position + `}},
{"type": "Feature", "properties": {"id": "b", "score": 2}, "geometry": {"type": "Point", "coordinates": [121, 31]}},
{"type": "Feature", "properties": {"id": "c", "score": 3}, "geometry": {"type": "Point", "coordinates": [120, 32]}}]}`
}

// sparse makes a file of size zero bytes that takes no disk space.
func sparse(size int64) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		f, err := os.Create(path)
		if err == nil {
			err = f.Truncate(size)
			f.Close()
		}
		if err != nil {
			t.Skipf("cannot make a sparse file of %d bytes: %v", size, err)
		}
	}
}

// regionFile writes the synthetic region of n cities of outputs_test.go.
func regionFile(n int) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		src, err := os.ReadFile(region(t, n))
		if err == nil {
			err = os.WriteFile(path, src, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestErrorCatalogue runs every row of the catalogue: the exit code, the
// message on stderr, nothing on stdout for invalid data, the input
// unchanged.
func TestErrorCatalogue(t *testing.T) {
	for _, c := range catalogue {
		t.Run(c.input, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, c.file)
			if c.make != nil {
				c.make(t, path)
			} else if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			prepareBeside(t, dir, c)
			before := fingerprint(path)
			args := []string{"analyze", "FILE"}
			if c.args != nil {
				args = c.args
			}
			args = append([]string{"collab"}, args...)
			for i, a := range args {
				if a == "FILE" {
					args[i] = path
				}
				if strings.HasPrefix(a, "DIR") {
					args[i] = dir + strings.TrimPrefix(a, "DIR")
				}
			}
			ctx := context.Background()
			if c.signal != 0 {
				cancelled, cancel := context.WithCancelCause(ctx)
				cancel(interrupted{c.signal})
				ctx = cancelled
			}
			t.Setenv("COLUMNS", "")
			var stdout, stderr bytes.Buffer
			var out io.Writer = &stdout
			if c.stdoutToFile {
				f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				out = f
			}
			code := runContext(ctx, args, strings.NewReader(""), out, &stderr)
			got := strings.ReplaceAll(stderr.String(), dir+string(filepath.Separator), "")
			if code != c.code || !strings.Contains(got, c.message) {
				t.Errorf("exit %d, stderr\n%s\nwant exit %d and\n%s", code, got, c.code, c.message)
			}
			if c.code != 0 && stdout.Len() > 0 {
				t.Errorf("stdout %.200q, want nothing", stdout.String())
			}
			if after := fingerprint(path); after != before {
				t.Errorf("the input changed: %s, now %s", before, after)
			}
		})
	}
}

// prepareBeside writes the files, link and full disk a row asks for.
func prepareBeside(t *testing.T, dir string, c errorCase) {
	t.Helper()
	for name, content := range c.beside {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if c.link != "" {
		if err := os.Symlink(dir, filepath.Join(dir, c.link)); err != nil {
			t.Fatal(err)
		}
	}
	if c.full != "" {
		full := filepath.Join(dir, c.full)
		os.Mkdir(full, 0o755)
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", full).CombinedOutput(); err != nil {
			t.Skipf("cannot mount a small tmpfs to fill (needs root): %v %s", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", full).Run() })
	}
}

// utf16LE is s in UTF-16, little-endian, without a byte order mark.
func utf16LE(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}

// fingerprint is a file's size, modification time and, for a small file,
// content.
func fingerprint(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return "none"
	}
	s := fmt.Sprintf("%d bytes, modified %v", info.Size(), info.ModTime())
	if info.Size() < 1<<20 {
		content, _ := os.ReadFile(path)
		s += fmt.Sprintf(", %q", content)
	}
	return s
}

// TestErrorCatalogueInREADME checks that the README's "Errors" table is
// the catalogue, row for row; go test -update rewrites it.
func TestErrorCatalogueInREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	table := catalogueTable()
	re := regexp.MustCompile(`(?s)(## Errors\n.*?\n)(\| input \|.*?\n)\n`)
	m := re.FindSubmatchIndex(readme)
	if m == nil {
		t.Fatal(`README.md has no "## Errors" section with a table starting "| input |"`)
	}
	current := string(readme[m[4]:m[5]])
	if *update {
		out := string(readme[:m[4]]) + table + string(readme[m[5]:])
		if err := os.WriteFile("../../README.md", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if current != table {
		got, want := strings.Split(current, "\n"), strings.Split(table, "\n")
		for i := range max(len(got), len(want)) {
			g, w := line(got, i), line(want, i)
			if g != w {
				t.Errorf("README.md's Errors table differs from the catalogue (go test -update rewrites it) at row %d:\nREADME:    %s\ncatalogue: %s", i-1, g, w)
				break
			}
		}
	}
}

func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// catalogueTable is the catalogue as a Markdown table.
func catalogueTable() string {
	var b strings.Builder
	b.WriteString("| input | message (as printed, abbreviated) | exit code |\n|---|---|---|\n")
	for _, c := range catalogue {
		fmt.Fprintf(&b, "| %s | `%s` | %s |\n", c.input, c.message, strconv.Itoa(c.code))
	}
	return b.String()
}
