package gazetteer_test

import (
	"fmt"

	"collab/gazetteer"
)

func ExampleGazetteer_Lookup() {
	g := gazetteer.Default()
	for _, name := range []string{"深圳", "Hong Kong", "Suzhou, Anhui", "Taizhou"} {
		c, err := g.Lookup(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c.Label(), c.Position, c.Neighbors)
	}
	// Output:
	// Shenzhen 深圳市 (Guangdong, 440300) [114.05 22.55] [441300 441900 810000]
	// Hong Kong 香港 (Hong Kong SAR, 810000) [114.173355 22.320048] [440300]
	// Suzhou 宿州市 (Anhui, 341300) [116.98 33.63] [320300 321300 340300 340600 371700 411400]
	// "Taizhou" names 2 cities: Taizhou 泰州市 (Jiangsu, 321200) or Taizhou 台州市 (Zhejiang, 331000); write the province after the name ("Taizhou, Jiangsu"), the Chinese name or the adcode
}

func ExampleGazetteer_Region() {
	g := gazetteer.Default()
	gba, _ := g.Region("gba")
	fmt.Println(gba.Title, len(gba.Adcodes))
	// Output:
	// Greater Bay Area (Guangdong, Hong Kong, Macao) 11
}
