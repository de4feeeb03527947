package output

import (
	"encoding/json"
	"io"

	"collab/analysis"
)

// JSON writes the results contract: the Result as indented JSON, keys in a
// fixed order, so that the same study always gives the same bytes.
func JSON(w io.Writer, r *analysis.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // keep names such as "R&D <Hub>" readable; still valid JSON
	return enc.Encode(r)
}
