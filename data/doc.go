// Package data reads and validates the datasets collab analyses: a region's
// cities with coordinates and innovation scores (one cross-section, or a
// panel by year), optional contiguity neighbours, boundaries and observed
// links between cities. Read(r, name, opts) is its one entry point: it takes
// an io.Reader (the caller opens files and standard input) and returns a
// Dataset or every problem at once (Problems), each at its line and column.
// It imports geom (points and boundaries) and param (the options its
// messages name), never graph, spatial, analysis or output: contiguity from
// boundaries is the study's (spatial.QueenContiguity).
//
// # Format
//
// The canonical format is JSON:
//
//	{"name": "Yangtze River Delta", "score_label": "...", "notes": ["..."],
//	 "cities": [{"id": "320500", "name": "Suzhou (Jiangsu)", "name_local": "苏州",
//	             "province": "Jiangsu", "lat": 31.3, "lon": 120.58,
//	             "score": 572.3,                 // or "scores": {"2001": 1.6, "2021": 572.3}
//	             "population": 12748262, "gdp": 2.27e12,
//	             "neighbors": ["310100", "320200"]}],
//	 "links": [{"source": "310100", "target": "320500", "weight": 412, "kind": "co-patents"}],
//	 "directed": false}
//
// id, lat, lon and a score are required; ids are strings (numbers are taken
// as written) and unique; lat and lon are WGS84 degrees; scores are finite
// and >= 0; a panel must give every city a score for every year. Links join
// two different known cities once, with a finite weight >= 0 (default 1).
//
// CSV (.csv, .tsv, .txt): one city per row under a header naming the
// columns as the JSON keys (id,name,name_local,province,lat,lon,score,
// population,gdp,neighbors), a panel as columns score_2001,score_2021,...,
// neighbours as ids separated by semicolons. The delimiter (comma, tab or
// semicolon, whose files may write decimal commas) is told from the header;
// a UTF-8 byte-order mark is dropped; names match case-insensitively. The
// file is read row by row (encoding/csv), so memory grows with the cities
// kept; every bad row is reported with its line (wrong field count, bad
// quotes, values that are not numbers) and the rows after it still read.
//
// GeoJSON (.geojson, or a .json file whose top level is a
// FeatureCollection): one city per feature; its properties are the fields
// of a CSV row (neighbors may also be an array); its id may be the
// feature's "id"; its position is the lat/lon properties when given, else
// the Point, else the area-weighted centroid of the Polygon or
// MultiPolygon, whose boundary the city keeps (City.Boundary: the study's
// queen weights, shared vertices within a snap distance, are joined to any
// neighbors property). The collection's name, description, score_label,
// notes and directed members are the dataset's. Rings must have at least 4
// positions, the last repeating the first, all within WGS84 ranges; a crs
// other than WGS84 is refused.
//
// In CSV and GeoJSON, Options.ID, Name and Score map a user's own column
// names; Score names one column, or the prefix P of panel columns P_YYYY
// when no column is called P. Columns outside the city's fields are read
// as variables when numeric (below) and are listed in Dataset.Input.Ignored
// (users' tables carry many: the study does not use them), where
// collab's JSON format, written for collab, rejects unknown fields. Links
// come from a CSV file (Options.Links: source,target[,weight][,kind]) for
// any format.
//
// # Variables
//
// Besides the score a city may carry named numeric variables (R&D
// spending, talent, firms), City.Variables, listed in
// Dataset.VariableNames: in JSON an object per city, "variables": {"rd":
// 12.3, "talent": {"2001": 3, "2021": 50}}, a number or numbers by year;
// in CSV every other numeric column (and in a panel the columns NAME_YYYY,
// one variable NAME by year); in GeoJSON every other numeric property. A
// variable holds one value per year of the panel, or one in a
// cross-section; a variable given once in a panel holds that value in every
// year. Values are finite and may be negative. Dataset.Variable(name)
// returns one, values[year][city] ("score" is a variable too) or an error
// naming the nearest name. A missing value (null, an empty field, NA) is a
// Problem at its place, unless Options.Missing is "drop": the cities that
// have any are dropped, with their links, and a warning lists them. In CSV
// and GeoJSON, reading every column (Options.Variables nil) takes as
// variables only the columns whose every value is a number, so that a
// column of text or with a gap does not stop a study that does not use it
// (it stays in Input.Ignored, which lists every column outside the city's
// fields); naming the variables to read in Options.Variables reads just
// those and reports their gaps and values that are not numbers.
// Options.ScoreOptional reads a table of indicators without a score (the
// panel's years are then the variables'). WriteJSON and WriteCSV write a
// dataset back in a form Read reads to the same cities; WriteJSON, linear
// in the numbers written, formats blocks of cities on every processor and
// writes them in order, the same bytes on any number of processors.
//
// # Validation
//
// Readers report every problem of a file at once, as a Problems error, each
// with its line:column (in characters), the record and field (cities[3].lat,
// row 4, score_2021, features[12].properties.score), and what would be
// valid (an unknown field or a missing column names its near miss: "lng"
// suggests "lon"). Doubtful but usable data (two cities at one point,
// one-sided neighbours, latitude and longitude that look swapped) become
// Dataset.Warnings. Reading is O(size of the file), plus O(vertices)
// expected for contiguity from polygons.
//
// A file of collab's JSON format without problems is decoded in one scan
// straight into the Dataset (json_stream.go), holding the file's bytes and
// the dataset only; the tree of positions (about ten times the file)
// is built only when there is a problem to place, or for what the scan
// does not handle (variables), and GeoJSON is always read as a tree.
//
// # Limits
//
// What a file can make the readers hold is bounded (limits.go): a JSON or
// GeoJSON file of at most MaxFileSize, whose tree may take 1 GiB; CSV
// records of at most MaxRecordSize; MaxCities, MaxLinks and MaxNeighbors;
// scores and weights of at most MaxValue. Beyond them a reader returns an
// error wrapping ErrTooLarge (or, for values, a Problem) rather than
// exhausting memory. The tree builder's recursion is bounded by
// encoding/json's limit of 10,000 levels of nesting, checked first.
//
// # Placing
//
// Options.Place, a Placer, gives positions to the cities a file lists
// without lat and lon (a spreadsheet of names and scores): each such city
// is looked up by its id, name or local name, and takes the placer's id,
// position, names and province where the file gives none, and the
// placer's neighbours among the cities present; neighbours and links that
// name it by its id or name in the file follow it to its new id. A CSV or
// GeoJSON file may then lack the lat and lon columns, name its cities
// without an id column, or give their adcodes in an "adcode" or "code"
// column. Every city the placer cannot place is a Problem at the field
// that named it, all reported at once. data defines the hook and imports
// no gazetteer: the command line passes collab's (package gazetteer).
package data
