package regression

import "math"

// maximize returns the maximum of f on [a, b] by Brent's (1973) method,
// golden-section search with parabolic interpolation, stopping when the
// bracket is within 2 (sqrt(eps) |x| + tol/3) of x: the algorithm and
// stopping rule of R's optimize (fmin), which spatialreg calls with
// tol = sqrt(eps).
func maximize(f func(float64) float64, a, b, tol float64) (x, fx float64) {
	g := func(t float64) float64 { return -f(t) }
	const c = 0.3819660112501051 // (3 - sqrt 5) / 2
	eps := math.Sqrt(0x1p-52)
	v := a + c*(b-a)
	w, x := v, v
	d, e := 0.0, 0.0
	fv := g(x)
	fw, fxm := fv, fv
	tol3 := tol / 3
	for {
		xm := (a + b) / 2
		tol1 := eps*math.Abs(x) + tol3
		t2 := 2 * tol1
		if math.Abs(x-xm) <= t2-(b-a)/2 {
			return x, -fxm
		}
		p, q, r := 0.0, 0.0, 0.0
		if math.Abs(e) > tol1 { // try a parabola through x, v, w
			r = (x - w) * (fxm - fv)
			q = (x - v) * (fxm - fw)
			p = (x-v)*q - (x-w)*r
			q = (q - r) * 2
			if q > 0 {
				p = -p
			} else {
				q = -q
			}
			r = e
			e = d
		}
		if math.Abs(p) >= math.Abs(q*0.5*r) || p <= q*(a-x) || p >= q*(b-x) {
			if x < xm { // golden section
				e = b - x
			} else {
				e = a - x
			}
			d = c * e
		} else { // parabolic step
			d = p / q
			u := x + d
			if u-a < t2 || b-u < t2 {
				d = tol1
				if x >= xm {
					d = -d
				}
			}
		}
		var u float64
		if math.Abs(d) >= tol1 {
			u = x + d
		} else if d > 0 {
			u = x + tol1
		} else {
			u = x - tol1
		}
		fu := g(u)
		if fu <= fxm {
			if u < x {
				b = x
			} else {
				a = x
			}
			v, fv = w, fw
			w, fw = x, fxm
			x, fxm = u, fu
			continue
		}
		if u < x {
			a = u
		} else {
			b = u
		}
		if fu <= fw || w == x {
			v, fv = w, fw
			w, fw = u, fu
		} else if fu <= fv || v == x || v == w {
			v, fv = u, fu
		}
	}
}
