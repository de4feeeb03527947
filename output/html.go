package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"collab/analysis"
)

// HTML writes report.html, one self-contained page: the summary, the
// findings (the text report's sentences), the map (the SVG map inline),
// the Moran scatterplot, the Lorenz curve and, for a panel, the trend
// and the densities of the relative score, then the tiers and a table of every city with its main measures
// (htmlColumns; cities.csv has them all), sortable by clicking a column's
// header. It needs no network:
// the CSS and SVG are inline, the only script is the small inline sorter,
// and a Content-Security-Policy forbids loading anything else. Names are
// escaped as in the SVG map (htmlText).
//
//	collab export --format html yrd.json > report.html
func HTML(w io.Writer, r *analysis.Result, o Options, mo MapOptions) error {
	var mapSVG bytes.Buffer
	if err := SVG(&mapSVG, r, mo); err != nil {
		return err
	}
	columns, rows, err := records(r.Cities)
	if err != nil {
		return err
	}
	columns, rows = selectColumns(columns, rows, htmlColumns)
	ew := &errWriter{w: w}
	title := mapTitle(r)
	fmt.Fprintf(ew, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(ew, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
	fmt.Fprintf(ew, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", htmlText(title), htmlStyle)
	fmt.Fprintf(ew, "<h1>%s</h1>\n<p>%s</p>\n", htmlText(title), htmlText(datasetLine(r)))
	writeHTMLSummary(ew, r)
	rep := report{r: r, o: o, html: true}
	rep.names = rep.cityNames()
	fmt.Fprintf(ew, "<h2>Findings</h2>\n")
	if scale := rep.scaleSentence(); scale != "" {
		fmt.Fprintf(ew, "<p id=\"scale\">%s</p>\n", htmlText(scale))
	}
	fmt.Fprintf(ew, "<ul id=\"findings\">\n")
	for _, s := range rep.findingSentences() {
		fmt.Fprintf(ew, "<li>%s</li>\n", s)
	}
	fmt.Fprintf(ew, "</ul>\n<h2>Map</h2>\n<figure id=\"map\">%s</figure>\n", inlineSVG(mapSVG.Bytes()))
	fmt.Fprintf(ew, "<h2>Figures</h2>\n")
	for _, fig := range []struct {
		id    string
		write func(io.Writer, *analysis.Result)
		skip  bool
	}{{"moran", writeMoran, r.Moran == nil}, {"lorenz", writeLorenz, false}, {"trend", writeTrend, r.Trend == nil},
		{"density", writeDensity, r.Dynamics == nil || r.Dynamics.Density == nil}} {
		if fig.skip {
			continue
		}
		var b bytes.Buffer
		fig.write(&b, r)
		fmt.Fprintf(ew, "<figure id=\"%s\">%s</figure>\n", fig.id, inlineSVG(b.Bytes()))
	}
	writeHTMLTiers(ew, r, rep.names)
	fmt.Fprintf(ew, "<h2>Cities</h2>\n<p>The main measures (every measure is in cities.csv). Click a column's header to sort by it.</p>\n")
	writeHTMLTable(ew, "cities", columns, rows)
	fmt.Fprintf(ew, "<script>%s</script>\n</body>\n</html>\n", sortScript)
	return ew.err
}

// datasetLine says what was studied.
func datasetLine(r *analysis.Result) string {
	d := r.Dataset
	line := fmt.Sprintf("%d cities, %d links", d.Cities, len(r.Links))
	if d.Source != "" {
		line += "; source: " + d.Source
	}
	if d.ScoreLabel != "" {
		line += "; score: " + d.ScoreLabel
	}
	return line + "."
}

// inlineSVG is an SVG document without its XML declaration, to be part of
// an HTML page.
func inlineSVG(doc []byte) []byte {
	if i := bytes.Index(doc, []byte("<svg")); i >= 0 {
		return doc[i:]
	}
	return doc
}

func writeHTMLSummary(w io.Writer, r *analysis.Result) {
	q := r.Summary.Inequality
	fmt.Fprintf(w, "<h2>Summary</h2>\n<table id=\"summary\">\n<tr><th>Measure</th><th>Value</th></tr>\n")
	rows := [][2]string{
		{"Mean score", num(q.Mean)},
		{"Standard deviation (population)", num(q.SDPopulation)},
		{"Coefficient of variation (population)", fixed(q.CVPopulation, 3)},
		{"Gini", fixed(q.Gini, 3)},
		{"Theil T", fixed(q.Theil, 3)},
	}
	if r.Moran != nil {
		rows = append(rows, [2]string{"Moran's I", fixedNumber(r.Moran.I, 3)}, [2]string{"Moran's I pseudo p", fixedNumber(r.Moran.PPermutation, 3)})
	}
	for _, row := range rows {
		fmt.Fprintf(w, "<tr><td>%s</td><td class=\"num\">%s</td></tr>\n", htmlText(row[0]), htmlText(row[1]))
	}
	fmt.Fprintf(w, "</table>\n")
}

func writeHTMLTiers(w io.Writer, r *analysis.Result, names map[string]string) {
	fmt.Fprintf(w, "<h2>Tiers</h2>\n<table id=\"tiers\">\n<tr><th>Tier</th><th>Ratio to the mean</th><th>Cities</th><th>Names</th></tr>\n")
	for _, t := range r.Summary.Tiers {
		listed := namesUpTo(t.Cities, names, maxListed)
		fmt.Fprintf(w, "<tr><td class=\"num\">%d</td><td>%s</td><td class=\"num\">%d</td><td>%s</td></tr>\n", t.Tier, htmlText(t.Range), len(t.Cities), strings.Join(listed, ", "))
	}
	fmt.Fprintf(w, "</table>\n")
}

// writeHTMLTable writes the rows as a sortable table; a column whose
// values are all numbers (or null) sorts numerically.
func writeHTMLTable(w io.Writer, id string, columns []string, rows [][]json.RawMessage) {
	fmt.Fprintf(w, "<div class=\"scroll\"><table id=\"%s\" class=\"sortable\">\n<thead><tr>", id)
	for k, c := range columns {
		kind := "text"
		if numericColumn(rows, k) {
			kind = "num"
		}
		fmt.Fprintf(w, "<th data-kind=\"%s\">%s</th>", kind, htmlText(c))
	}
	fmt.Fprintf(w, "</tr></thead>\n<tbody>\n")
	for _, row := range rows {
		fmt.Fprintf(w, "<tr>")
		for _, v := range row {
			fmt.Fprintf(w, "<td>%s</td>", htmlText(cell(v)))
		}
		fmt.Fprintf(w, "</tr>\n")
	}
	fmt.Fprintf(w, "</tbody></table></div>\n")
}

// htmlColumns are the measures the page's city table shows, of those the
// study computed: a table of every measure of 5,000 cities takes a browser
// tens of seconds to lay out, and cities.csv has them all.
var htmlColumns = []string{"id", "name", "province", "score", "ratio", "tier", "degree", "strength", "betweenness",
	"pagerank", "community", "linkage_role", "local_moran", "local_moran_p", "lisa_cluster", "spillover_in", "main_source", "role"}

// selectColumns keeps the columns named in keep, in keep's order.
func selectColumns(columns []string, rows [][]json.RawMessage, keep []string) ([]string, [][]json.RawMessage) {
	var cols []int
	var names []string
	for _, k := range keep {
		if c := slices.Index(columns, k); c >= 0 {
			cols, names = append(cols, c), append(names, k)
		}
	}
	out := make([][]json.RawMessage, len(rows))
	for i, row := range rows {
		out[i] = make([]json.RawMessage, len(cols))
		for k, c := range cols {
			out[i][k] = row[c]
		}
	}
	return names, out
}

func numericColumn(rows [][]json.RawMessage, k int) bool {
	for _, row := range rows {
		v := row[k]
		if len(v) == 0 || string(v) == "null" {
			continue
		}
		if _, err := strconv.ParseFloat(string(v), 64); err != nil {
			return false
		}
	}
	return true
}

const htmlStyle = `
body{font-family:Helvetica,Arial,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#1a1a1a}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.85em}th,td{padding:.2em .6em;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.num{text-align:right}th{background:#f4f4f4}table.sortable th{cursor:pointer}
th[aria-sort=ascending]::after{content:" \25B2"}th[aria-sort=descending]::after{content:" \25BC"}
.scroll{overflow-x:auto}figure{margin:1em 0}figure svg{max-width:100%;height:auto}
`

// sortScript sorts a table.sortable by the clicked column, numerically
// when the header says data-kind="num", and in the other direction on a
// second click.
const sortScript = `
document.querySelectorAll("table.sortable").forEach(function(t){
 t.querySelectorAll("th").forEach(function(th,col){
  th.addEventListener("click",function(){
   var asc=th.getAttribute("aria-sort")!=="ascending";
   t.querySelectorAll("th").forEach(function(h){h.removeAttribute("aria-sort")});
   th.setAttribute("aria-sort",asc?"ascending":"descending");
   var num=th.dataset.kind==="num",body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
   rows.sort(function(a,b){
    var x=a.cells[col].textContent,y=b.cells[col].textContent,c;
    if(num){x=x===""?-Infinity:parseFloat(x);y=y===""?-Infinity:parseFloat(y);c=x<y?-1:x>y?1:0}else{c=x.localeCompare(y)}
    return asc?c:-c});
   rows.forEach(function(r){body.appendChild(r)});
  });
 });
});
`
