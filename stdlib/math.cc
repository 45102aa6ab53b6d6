// math.cc — package math: constants and float64 functions.
//
// The constants are Go's, to the digit (they are facts about numbers, given
// with more precision than float64 holds; constant arithmetic is exact, so
// Log2E = 1/Ln2 is computed as Go computes it). gol targets 64-bit machines
// only, so int and uint are 64 bits wide (intSize).
//
// The elementary functions are native: the C library has each of them, and
// the VM issue maps them onto <cmath>, adjusting the special cases where C's
// answer differs from Go's documented one (Pow, Mod, Max/Min with NaN and
// signed zeros, Round's halfway cases ...). The bit-level helpers that need no
// library (Abs, Copysign, Signbit, Inf, NaN, IsNaN, IsInf, Dim, Max, Min,
// Modf, Sincos, Pow10) are written in Go over Float64bits/Float64frombits,
// which are native because they reinterpret memory.
// Left out: Erfinv and Erfcinv, which have no C library counterpart.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kMathSource = R"go(package math

// Mathematical constants.
const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862

	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974
	SqrtE   = 1.64872127070012814684865078781416357165377610071014801157507931
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779
	SqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038

	Ln2    = 0.693147180559945309417232121458176568075500134360255254120680009
	Log2E  = 1 / Ln2
	Ln10   = 2.30258509299404568401799145468436420760110148862877297603332790
	Log10E = 1 / Ln10
)

// Floating-point limits: the largest finite value and the smallest positive
// (subnormal) value of each type.
const (
	MaxFloat32             = 0x1p127 * (1 + (1 - 0x1p-23))
	SmallestNonzeroFloat32 = 0x1p-126 * 0x1p-23
	MaxFloat64             = 0x1p1023 * (1 + (1 - 0x1p-52))
	SmallestNonzeroFloat64 = 0x1p-1022 * 0x1p-52
)

const intSize = 64

// Integer limits.
const (
	MaxInt    = 1<<(intSize-1) - 1
	MinInt    = -1 << (intSize - 1)
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<intSize - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)

const signMask = 1 << 63

// ---- bit reinterpretation (native) ----

func Float64bits(f float64) uint64
func Float64frombits(b uint64) float64
func Float32bits(f float32) uint32
func Float32frombits(b uint32) float32

// ---- classification and sign, in Go ----

// Inf returns +Inf if sign >= 0, -Inf if sign < 0.
func Inf(sign int) float64 {
	if sign >= 0 {
		return Float64frombits(0x7FF0000000000000)
	}
	return Float64frombits(0xFFF0000000000000)
}

// NaN returns an IEEE 754 "not-a-number" value.
func NaN() float64 {
	return Float64frombits(0x7FF8000000000001)
}

// IsNaN reports whether f is a NaN: the only value unequal to itself.
func IsNaN(f float64) (is bool) {
	return f != f
}

// IsInf reports whether f is +Inf (sign > 0), -Inf (sign < 0), or either
// (sign == 0).
func IsInf(f float64, sign int) bool {
	return sign >= 0 && f > MaxFloat64 || sign <= 0 && f < -MaxFloat64
}

func Signbit(x float64) bool {
	return Float64bits(x)&signMask != 0
}

func Abs(x float64) float64 {
	return Float64frombits(Float64bits(x) &^ signMask)
}

// Copysign returns a value with the magnitude of f and the sign of sign.
func Copysign(f, sign float64) float64 {
	return Float64frombits(Float64bits(f)&^signMask | Float64bits(sign)&signMask)
}

// Dim returns the maximum of x-y or 0.
func Dim(x, y float64) float64 {
	v := x - y
	if v <= 0 {
		// v is negative or zero, or a NaN that must come out as itself.
		return 0
	}
	return v
}

// Max returns the larger of x and y: +Inf if either is, else NaN if either
// is, and +0 over -0.
func Max(x, y float64) float64 {
	switch {
	case IsInf(x, 1) || IsInf(y, 1):
		return Inf(1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return y
		}
		return x
	case x > y:
		return x
	}
	return y
}

// Min returns the smaller of x and y: -Inf if either is, else NaN if either
// is, and -0 over +0.
func Min(x, y float64) float64 {
	switch {
	case IsInf(x, -1) || IsInf(y, -1):
		return Inf(-1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return x
		}
		return y
	case x < y:
		return x
	}
	return y
}

// Modf returns the integer part and the fractional part of f, both with f's
// sign.
func Modf(f float64) (int float64, frac float64) {
	if f < 1 {
		switch {
		case f < 0:
			int, frac = Modf(-f)
			return -int, -frac
		case f == 0:
			return f, f // keeps the sign of -0
		}
		return 0, f
	}
	// For ±Inf this gives NaN, as Go documents.
	int = Trunc(f)
	return int, f - int
}

// Sincos returns Sin(x), Cos(x).
func Sincos(x float64) (sin, cos float64) {
	return Sin(x), Cos(x)
}

// Pow10 returns 10**n: 0 below -323 and +Inf above 308. It multiplies (or
// divides) two table entries, as Go's does, so that it returns Go's bits
// even where that product is not the correctly rounded power.
func Pow10(n int) float64 {
	switch {
	case 0 <= n && n <= 308:
		return pow10Big[n/32] * pow10Small[n%32]
	case -323 <= n && n < 0:
		return pow10BigInv[-n/32] / pow10Small[-n%32]
	case n > 0:
		return Inf(1)
	}
	return 0
}

var pow10Small = [32]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
	1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
	1e30, 1e31,
}

var pow10Big = [10]float64{
	1e0, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288,
}

var pow10BigInv = [11]float64{
	1e0, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320,
}

// ---- native: the C library's functions with Go's special cases ----

func Acos(x float64) float64
func Acosh(x float64) float64
func Asin(x float64) float64
func Asinh(x float64) float64
func Atan(x float64) float64
func Atan2(y, x float64) float64
func Atanh(x float64) float64
func Cbrt(x float64) float64
func Ceil(x float64) float64
func Cos(x float64) float64
func Cosh(x float64) float64
func Erf(x float64) float64
func Erfc(x float64) float64
func Exp(x float64) float64
func Exp2(x float64) float64
func Expm1(x float64) float64
func FMA(x, y, z float64) float64
func Floor(x float64) float64
func Frexp(f float64) (frac float64, exp int)
func Gamma(x float64) float64
func Hypot(p, q float64) float64
func Ilogb(x float64) int
func J0(x float64) float64
func J1(x float64) float64
func Jn(n int, x float64) float64
func Ldexp(frac float64, exp int) float64
func Lgamma(x float64) (lgamma float64, sign int)
func Log(x float64) float64
func Log10(x float64) float64
func Log1p(x float64) float64
func Log2(x float64) float64
func Logb(x float64) float64
func Mod(x, y float64) float64
func Nextafter(x, y float64) (r float64)
func Nextafter32(x, y float32) (r float32)
func Pow(x, y float64) float64
func Remainder(x, y float64) float64
func Round(x float64) float64
func RoundToEven(x float64) float64
func Sin(x float64) float64
func Sinh(x float64) float64
func Sqrt(x float64) float64
func Tan(x float64) float64
func Tanh(x float64) float64
func Trunc(x float64) float64
func Y0(x float64) float64
func Y1(x float64) float64
func Yn(n int, x float64) float64
)go";

}  // namespace gol::stdlib
