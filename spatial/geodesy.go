package spatial

import "math"

// EarthRadius is the mean Earth radius in km (IUGG R1 = 6371.0088 km), used
// for every great-circle distance.
const EarthRadius = 6371.0088

// Haversine returns the great-circle distance in km between two points
// given in degrees, by the haversine formula (Sinnott 1984), which is
// accurate for small distances where the spherical law of cosines is not.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	φ1, φ2 := radians(lat1), radians(lat2)
	dφ, dλ := φ2-φ1, radians(lon2-lon1)
	h := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(φ1)*math.Cos(φ2)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return 2 * EarthRadius * math.Asin(math.Sqrt(min(h, 1)))
}

func radians(deg float64) float64 { return deg * math.Pi / 180 }
