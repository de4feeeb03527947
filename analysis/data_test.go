package analysis

import (
	"bytes"

	"collab/data"
)

// readData reads src as the file name.
func readData(name string, src []byte) (*data.Dataset, error) {
	return data.Read(bytes.NewReader(src), name, data.Options{})
}
