package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v3"

	"collab/analysis"
	"collab/data"
	"collab/spatial"
)

// isWeightsFile tells a --weights FILE.gal or FILE.gwt from a kind of
// weights (knn:6, band:150, ...).
func isWeightsFile(s string) bool {
	ext := strings.ToLower(filepath.Ext(s))
	return ext == ".gal" || ext == ".gwt"
}

// weightsFormat is the --weights-out format by the file's extension.
func weightsFormat(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".gal", ".gwt", ".csv":
		return "weights-" + ext[1:], nil
	}
	return "", usagef("--weights-out %s: name a .gal, .gwt or .csv file, such as --weights-out weights.gal", path)
}

// readWeightsFile reads --weights FILE.gal|FILE.gwt as the study's
// weights, its ids matched to the dataset's cities: an id the dataset
// lacks is an error naming its line.
func readWeightsFile(cmd *cli.Command, ds *data.Dataset, p *analysis.Parameters) error {
	path := cmd.String("weights")
	if !isWeightsFile(path) {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return usagef("--weights %s: %v", path, unwrapPathError(err))
	}
	defer f.Close()
	read := spatial.ReadGAL
	if strings.EqualFold(filepath.Ext(path), ".gwt") {
		read = spatial.ReadGWT
	}
	w, err := read(f, ds.Index())
	if err != nil {
		return usagef("--weights %s: %v", path, err)
	}
	p.Given = w
	return nil
}

// unwrapPathError drops the path an *os.PathError repeats.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
