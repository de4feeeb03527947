package spatial

import "math/big"

// The two geometric predicates of the Delaunay triangulation, exact in
// sign: a floating-point evaluation is trusted when it exceeds Shewchuk's
// error bound ("Adaptive Precision Floating-Point Arithmetic and Fast Robust
// Geometric Predicates", 1997, orient2d and incircle stage A), and is
// recomputed in exact rational arithmetic otherwise. Inputs are float64,
// which are exact rationals, so the fallback is exact.

const epsilon = 1.0 / (1 << 53) // half an ulp of 1: the rounding unit

var (
	orientBound   = (3 + 16*epsilon) * epsilon
	incircleBound = (10 + 96*epsilon) * epsilon
)

// orient is positive when a, b, c turn counter-clockwise, negative when
// clockwise and 0 when they are collinear.
func orient(ax, ay, bx, by, cx, cy float64) float64 {
	left := (ax - cx) * (by - cy)
	right := (ay - cy) * (bx - cx)
	det := left - right
	bound := orientBound * (abs(left) + abs(right))
	if det > bound || -det > bound {
		return det
	}
	return orientExact(ax, ay, bx, by, cx, cy)
}

// incircle is positive when d lies inside the circle through a, b, c
// (counter-clockwise), negative outside and 0 on it.
func incircle(ax, ay, bx, by, cx, cy, dx, dy float64) float64 {
	adx, ady := ax-dx, ay-dy
	bdx, bdy := bx-dx, by-dy
	cdx, cdy := cx-dx, cy-dy
	bdxcdy, cdxbdy := bdx*cdy, cdx*bdy
	cdxady, adxcdy := cdx*ady, adx*cdy
	adxbdy, bdxady := adx*bdy, bdx*ady
	alift := adx*adx + ady*ady
	blift := bdx*bdx + bdy*bdy
	clift := cdx*cdx + cdy*cdy
	det := alift*(bdxcdy-cdxbdy) + blift*(cdxady-adxcdy) + clift*(adxbdy-bdxady)
	permanent := (abs(bdxcdy)+abs(cdxbdy))*alift + (abs(cdxady)+abs(adxcdy))*blift + (abs(adxbdy)+abs(bdxady))*clift
	bound := incircleBound * permanent
	if det > bound || -det > bound {
		return det
	}
	return incircleExact(ax, ay, bx, by, cx, cy, dx, dy)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func rat(x float64) *big.Rat { return new(big.Rat).SetFloat64(x) }

func sub(a, b float64) *big.Rat { return new(big.Rat).Sub(rat(a), rat(b)) }

func mul(a, b *big.Rat) *big.Rat { return new(big.Rat).Mul(a, b) }

func orientExact(ax, ay, bx, by, cx, cy float64) float64 {
	det := new(big.Rat).Sub(mul(sub(ax, cx), sub(by, cy)), mul(sub(ay, cy), sub(bx, cx)))
	return float64(det.Sign())
}

func incircleExact(ax, ay, bx, by, cx, cy, dx, dy float64) float64 {
	adx, ady := sub(ax, dx), sub(ay, dy)
	bdx, bdy := sub(bx, dx), sub(by, dy)
	cdx, cdy := sub(cx, dx), sub(cy, dy)
	lift := func(x, y *big.Rat) *big.Rat { return new(big.Rat).Add(mul(x, x), mul(y, y)) }
	cross := func(x1, y1, x2, y2 *big.Rat) *big.Rat { return new(big.Rat).Sub(mul(x1, y2), mul(x2, y1)) }
	det := mul(lift(adx, ady), cross(bdx, bdy, cdx, cdy))
	det.Add(det, mul(lift(bdx, bdy), cross(cdx, cdy, adx, ady)))
	det.Add(det, mul(lift(cdx, cdy), cross(adx, ady, bdx, bdy)))
	return float64(det.Sign())
}
