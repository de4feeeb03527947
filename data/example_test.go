package data_test

import (
	"fmt"
	"strings"

	"collab/data"
)

// Read takes any io.Reader: here a CSV table in memory, with the score in
// a column named patents.
func ExampleRead() {
	table := "id,name,lat,lon,patents\n310100,Shanghai,31.23,121.47,1245.5\n320500,Suzhou,31.30,120.58,572.3\n320100,Nanjing,32.06,118.80,421.9\n"
	ds, err := data.Read(strings.NewReader(table), "cities.csv", data.Options{Score: "patents"})
	if err != nil {
		panic(err)
	}
	for _, c := range ds.Cities {
		fmt.Printf("%s %s %.1f\n", c.ID, c.Name, c.Scores[0])
	}
	// A problem names its place in the file.
	_, err = data.Read(strings.NewReader(`{"cities": [{"id": "a", "lat": 91, "lon": 120, "score": 1}]}`), "bad.json", data.Options{})
	fmt.Println(strings.Split(err.Error(), "\n")[0])
	// Output:
	// 310100 Shanghai 1245.5
	// 320500 Suzhou 572.3
	// 320100 Nanjing 421.9
	// bad.json:1:32: cities[0].lat: lat 91 is outside [-90, 90]
}
