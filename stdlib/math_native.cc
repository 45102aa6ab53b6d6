// math_native.cc — the natives of package math (see math.cc).
//
// Go's answers are the spec, to the last bit where we can: a gol program
// prints what the Go program prints, and %v prints the shortest decimal that
// identifies a float64, so one ulp shows. Three groups:
//
//   1. Exact functions (Sqrt, Floor, Ceil, Trunc, Round, RoundToEven, Mod,
//      Remainder, FMA, Frexp, Ldexp, Logb, Ilogb, Nextafter): every correct
//      implementation agrees, so they map onto <cmath>, with Go's special
//      cases where C's differ (Frexp of ±Inf and NaN gives exponent 0,
//      Ilogb(NaN) is MaxInt32, Nextafter(x, x) is x even for ±0, Lgamma's
//      sign and its answers at poles, ±0 and -Inf).
//   2. Functions where glibc and Go disagree in the last bit for a large
//      share of arguments (measured against Go 1.23: a quarter to a half of
//      them for Exp, Log, Log10, Log2, Pow, Sin, Cos, Tan, Atan, Asin, Acos,
//      Atan2, Hypot, Cbrt): Go's algorithms, written here operation for
//      operation: Exp, Log and Hypot as Go's amd64 assembly computes them,
//      Cbrt and the trigonometric ones as Go's FreeBSD and Cephes ports
//      (with Payne-Hanek reduction above 2^29), Pow, Log10 and Log2 by Go's
//      formulas over those. math_native_test.cc checks them bit for bit against values
//      Go 1.23 printed (tests/stdlib/testdata/math_go123.txt).
//   3. The rest (Sinh, Cosh, Tanh, Exp2, Expm1, Log1p, Asinh, Acosh,
//      Atanh, Erf, Erfc, Gamma, Lgamma, the Bessel functions): <cmath>.
//      These agree with Go for most arguments and are within a few ulps
//      elsewhere; porting them too is the way to bit-identity if a program
//      ever needs it.
//
// float32 values are doubles rounded to float32 (value.h); Float32bits and
// Float32frombits carry NaN payloads across by hand, because the hardware
// conversions set the quiet bit of a signalling NaN and Go keeps it.
//
// Rejected: mapping everything onto <cmath>. %v prints the shortest decimal
// that identifies a float64, so a one-ulp difference shows in the output, and
// gol's promise is Go's output.
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "stdlib/natives.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

// 1/Ln2 and 1/Ln10 as Go's exact constant arithmetic rounds them (dividing
// the rounded doubles can land one ulp away).
constexpr double kLog2E = 1.44269504088896340735992468100189213742664595415299;
constexpr double kLog10E = 0.434294481903251827651128918916605082294397005803667;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ------------------------------------------------ the native signatures

template <double (*F)(double)>
NativeStatus unary(vm::Goroutine&, Slot* w) {
  w[0].f = F(w[0].f);
  return NativeStatus::Ok;
}

template <double (*F)(double, double)>
NativeStatus binary(vm::Goroutine&, Slot* w) {
  w[0].f = F(w[0].f, w[1].f);
  return NativeStatus::Ok;
}

// ----------------------------------------------- group 1: exact functions

double go_frexp_frac(double x, int64_t* exp) {
  if (x == 0 || std::isinf(x) || std::isnan(x)) {
    *exp = 0;
    return x;
  }
  int e = 0;
  double frac = std::frexp(x, &e);
  *exp = e;
  return frac;
}

NativeStatus frexp_native(vm::Goroutine&, Slot* w) {
  int64_t e = 0;
  w[0].f = go_frexp_frac(w[0].f, &e);
  w[1].i = e;
  return NativeStatus::Ok;
}

// Ldexp(frac, exp) with a 64-bit exp: beyond ±1e5 every finite non-zero
// frac overflows or underflows, so clamping to int loses nothing.
double go_ldexp(double frac, int64_t exp) {
  if (exp > 100000) exp = 100000;
  if (exp < -100000) exp = -100000;
  return std::ldexp(frac, static_cast<int>(exp));
}

NativeStatus ldexp_native(vm::Goroutine&, Slot* w) {
  w[0].f = go_ldexp(w[0].f, w[1].i);
  return NativeStatus::Ok;
}

NativeStatus ilogb_native(vm::Goroutine&, Slot* w) {
  double x = w[0].f;
  if (x == 0) {
    w[0].i = std::numeric_limits<int32_t>::min();
  } else if (std::isnan(x) || std::isinf(x)) {
    w[0].i = std::numeric_limits<int32_t>::max();
  } else {
    w[0].i = std::ilogb(x);
  }
  return NativeStatus::Ok;
}

// Go: NaN if either is NaN; x itself when x == y (C returns y, which
// differs for Nextafter(0, -0)).
double go_nextafter(double x, double y) {
  if (std::isnan(x) || std::isnan(y)) return kNaN;
  if (x == y) return x;
  return std::nextafter(x, y);
}

NativeStatus nextafter32_native(vm::Goroutine&, Slot* w) {
  auto x = static_cast<float>(w[0].f), y = static_cast<float>(w[1].f);
  float r;
  if (std::isnan(x) || std::isnan(y)) {
    r = std::numeric_limits<float>::quiet_NaN();
  } else if (x == y) {
    r = x;
  } else {
    r = std::nextafter(x, y);
  }
  w[0].f = r;
  return NativeStatus::Ok;
}

// Lgamma's sign is 1 wherever Go answers without computing (NaN, ±Inf,
// ±0, poles), and Lgamma(-Inf) is -Inf.
NativeStatus lgamma_native(vm::Goroutine&, Slot* w) {
  double x = w[0].f;
  double r;
  int sign = 1;
  if (std::isnan(x) || std::isinf(x)) {
    r = x;
  } else if (x == 0 || (x < 0 && x == std::floor(x))) {
    r = kInf;
  } else {
    r = ::lgamma_r(x, &sign);
  }
  w[0].f = r;
  w[1].i = sign;
  return NativeStatus::Ok;
}

double go_round_to_even(double x) { return std::nearbyint(x); }  // the default mode rounds to even

NativeStatus fma_native(vm::Goroutine&, Slot* w) {
  w[0].f = std::fma(w[0].f, w[1].f, w[2].f);
  return NativeStatus::Ok;
}

// ------------------------------ group 2: Exp and Log as Go's amd64 code runs

// Go's Exp and Log on amd64 are assembly (math/exp_amd64.s, log_amd64.s);
// these follow the same operations in the same order, so the results match
// bit for bit, including Go's quirks: Log of a subnormal treats the
// exponent field as if it were normal (Go's Log(5e-324) is -709.089...), and
// Exp switches to fused multiply-adds on CPUs with AVX and FMA, as Go does.

double from_bits(uint64_t b) { return std::bit_cast<double>(b); }
uint64_t to_bits(double f) { return std::bit_cast<uint64_t>(f); }

// CVTSD2SL: round to nearest even; out of range or NaN gives INT32_MIN.
int32_t cvt_to_int32(double x) {
  if (!(x > -2147483648.5 && x < 2147483647.5)) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(std::nearbyint(x));
}

bool cpu_has_fma() {
  static const bool has = __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
  return has;
}

double go_exp(double x) {
  constexpr double kLn2Hi = 0.69314718055966295651160180568695068359375;
  constexpr double kLn2Lo = 0.28235290563031577122588448175013436025525412068e-12;
  constexpr double kOverflow = 7.09782712893384e+02;
  // 1/n! for n = 8 down to 3, then 1/2 and 1.
  constexpr double kTaylor[] = {2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3,
                                8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1,
                                0.5, 1.0};
  uint64_t bits = to_bits(x);
  if ((bits & ~(uint64_t{1} << 63)) >= 0x7FF0000000000000u) return bits == 0xFFF0000000000000u ? 0.0 : x;
  if (x > kOverflow) return kInf;
  int32_t k = cvt_to_int32(kLog2E * x);
  double kf = k;
  double r;
  if (cpu_has_fma()) {
    r = std::fma(-kLn2Hi, kf, x);
    r = std::fma(-kLn2Lo, kf, r);
    r *= 0.0625;
    double p = kTaylor[0];
    for (int i = 1; i < 8; ++i) p = std::fma(p, r, kTaylor[i]);
    r *= p;
    // (e^(r/16))^16 by squaring: e = r + 1, e^2 - 1 = r * (r + 2).
    for (int i = 0; i < 3; ++i) r *= r + 2.0;
    r = std::fma(r, r + 2.0, 1.0);
  } else {
    r = x - kLn2Hi * kf;
    r = r - kLn2Lo * kf;
    r *= 0.0625;
    double p = kTaylor[0];
    for (int i = 1; i < 8; ++i) p = p * r + kTaylor[i];
    r *= p;
    for (int i = 0; i < 4; ++i) r *= r + 2.0;
    r += 1.0;
  }
  // r * 2^k, with the biased exponent computed in 32 bits as the assembly does.
  int32_t biased = static_cast<int32_t>(static_cast<uint32_t>(k) + 0x3FF);
  if (biased <= 0) {
    if (biased < -52) return 0;
    r *= from_bits(static_cast<uint64_t>(static_cast<uint32_t>(biased + 0x3FE)) << 52);
    return r * from_bits(uint64_t{1} << 52);
  }
  if (biased >= 0x7FF) return kInf;
  return r * from_bits(static_cast<uint64_t>(biased) << 52);
}

double go_log(double x) {
  constexpr double kHalfSqrt2 = 7.07106781186547524401e-01;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double kL1 = 6.666666666666735130e-01, kL2 = 3.999999999940941908e-01;
  constexpr double kL3 = 2.857142874366239149e-01, kL4 = 2.222219843214978396e-01;
  constexpr double kL5 = 1.818357216161805012e-01, kL6 = 1.531383769920937332e-01;
  constexpr double kL7 = 1.479819860511658591e-01;
  uint64_t bits = to_bits(x);
  if ((bits & ~(uint64_t{1} << 63)) == 0) return -kInf;
  if (static_cast<int64_t>(bits) < 0) return from_bits(0x7FF8000000000001u);  // Go's NaN
  if (bits >= 0x7FF0000000000000u) return x;
  // x = f1 * 2^k with f1 in [0.5, 1), straight from the bits.
  double f1 = from_bits((bits & 0x000FFFFFFFFFFFFFu) | 0x3FE0000000000000u);
  double k = static_cast<double>(static_cast<int32_t>((bits >> 52) & 0x7FF) - 0x3FE);
  if (f1 <= kHalfSqrt2) {
    k -= 1;
    f1 *= 2;
  }
  double f = f1 - 1;
  double s = f / (2.0 + f);
  double s2 = s * s;
  double s4 = s2 * s2;
  double t1 = s2 * (((kL7 * s4 + kL5) * s4 + kL3) * s4 + kL1);
  double t2 = s4 * ((kL6 * s4 + kL4) * s4 + kL2);
  double big_r = t1 + t2;
  double hfsq = 0.5 * f * f;
  return k * kLn2Hi - ((hfsq - (s * (hfsq + big_r) + k * kLn2Lo)) - f);
}

// Go's Hypot on amd64 (hypot_amd64.s): max * sqrt(1 + (min/max)^2), with
// Inf winning over NaN.
double go_hypot(double p, double q) {
  p = std::fabs(p);
  q = std::fabs(q);
  if (std::isinf(p) || std::isinf(q)) return kInf;
  if (std::isnan(p) || std::isnan(q)) return kNaN;
  if (p == 0 && q == 0) return 0;
  double big = p > q ? p : q;
  double small = p > q ? q : p;
  double r = small / big;
  return big * std::sqrt(1.0 + r * r);
}

// ------------------------------------------------ trigonometry (Cephes)

// Go's Sin, Cos, Tan (math/sin.go, tan.go: Cephes' polynomials): reduce x
// to z in [-Pi/4, Pi/4] and an octant j, then one polynomial. Below 2^29
// the reduction subtracts Pi/4 split in three parts; above, it multiplies by
// 4/Pi held to 1216 bits (Payne-Hanek, trig_reduce.go).

constexpr double kPi = 3.14159265358979323846264338327950288419716939937510582097494459;
constexpr double kFourOverPi = 1.27323954473516268615107010698011489627567716592365;
constexpr double kPi4A = 7.85398125648498535156e-1;  // Pi/4 = A + B + C
constexpr double kPi4B = 3.77489470793079817668e-8;
constexpr double kPi4C = 2.69515142907905952645e-15;
constexpr double kReduceThreshold = 1 << 29;

// The bits of 4/Pi, most significant first.
constexpr uint64_t kFourOverPiBits[] = {
    0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083, 0xfca2c757bd778ac3,
    0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d, 0xd1046bea5d768909, 0xd338e04d68befc82,
    0x7323ac7306a673e9, 0x3908bf177bf25076, 0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e,
    0x9e8c7ecd3cbfd45a, 0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757,
};

// x (>= 2^29, finite) as j*Pi/4 + z: the octant j (even) and z.
double trig_reduce(double x, uint64_t* octant) {
  uint64_t ix = to_bits(x);
  int exp = static_cast<int>((ix >> 52) & 0x7FF) - 1023 - 52;
  ix = (ix & 0x000FFFFFFFFFFFFFu) | (uint64_t{1} << 52);
  // The 192 bits of 4/Pi that matter for this exponent, in z0:z1:z2.
  unsigned digit = static_cast<unsigned>(exp + 61) / 64, shift = static_cast<unsigned>(exp + 61) % 64;
  auto window = [&](unsigned i) {
    return shift == 0 ? kFourOverPiBits[i] : (kFourOverPiBits[i] << shift) | (kFourOverPiBits[i + 1] >> (64 - shift));
  };
  uint64_t z0 = window(digit), z1 = window(digit + 1), z2 = window(digit + 2);
  using U128 = unsigned __int128;
  auto z2hi = static_cast<uint64_t>((U128{z2} * ix) >> 64);
  U128 z1prod = U128{z1} * ix;
  uint64_t z1hi = static_cast<uint64_t>(z1prod >> 64), z1lo = static_cast<uint64_t>(z1prod);
  uint64_t z0lo = z0 * ix;
  uint64_t lo = z1lo + z2hi;
  uint64_t hi = z0lo + z1hi + (lo < z1lo ? 1 : 0);
  uint64_t j = hi >> 61;
  // The fraction: the bits below the octant, normalised into a double.
  hi = hi << 3 | lo >> 61;
  unsigned lz = static_cast<unsigned>(std::countl_zero(hi));
  uint64_t e = static_cast<uint64_t>(1023 - (lz + 1));
  hi = (hi << (lz + 1)) | (lo >> (64 - (lz + 1)));
  hi >>= 64 - 52;
  hi |= e << 52;
  double z = from_bits(hi);
  if ((j & 1) == 1) {
    j = (j + 1) & 7;
    z -= 1;
  }
  *octant = j;
  return z * (kPi / 4);
}

// x >= 0, finite: the octant and the reduced argument.
double reduce(double x, uint64_t* octant) {
  if (x >= kReduceThreshold) {
    if (x < kPi / 4) return *octant = 0, x;
    return trig_reduce(x, octant);
  }
  auto j = static_cast<uint64_t>(x * kFourOverPi);
  auto y = static_cast<double>(j);
  if ((j & 1) == 1) {  // map zeros to the origin
    j++;
    y++;
  }
  *octant = j & 7;
  return ((x - y * kPi4A) - y * kPi4B) - y * kPi4C;
}

double sin_poly(double z, double zz) {
  return z + z * zz * ((((((1.58962301576546568060e-10 * zz) + -2.50507477628578072866e-8) * zz +
                          2.75573136213857245213e-6) * zz + -1.98412698295895385996e-4) * zz +
                        8.33333333332211858878e-3) * zz + -1.66666666666666307295e-1);
}

double cos_poly(double zz) {
  return 1.0 - 0.5 * zz + zz * zz * ((((((-1.13585365213876817300e-11 * zz) + 2.08757008419747316778e-9) * zz +
                                         -2.75573141792967388112e-7) * zz + 2.48015872888517045348e-5) * zz +
                                       -1.38888888888730564116e-3) * zz + 4.16666666666665929218e-2);
}

double go_sin(double x) {
  if (x == 0 || std::isnan(x)) return x;
  if (std::isinf(x)) return kNaN;
  bool negative = x < 0;
  uint64_t j;
  double z = reduce(std::fabs(x), &j);
  if (j > 3) {
    negative = !negative;
    j -= 4;
  }
  double zz = z * z;
  double y = (j == 1 || j == 2) ? cos_poly(zz) : sin_poly(z, zz);
  return negative ? -y : y;
}

double go_cos(double x) {
  if (std::isnan(x) || std::isinf(x)) return kNaN;
  bool negative = false;
  uint64_t j;
  double z = reduce(std::fabs(x), &j);
  if (j > 3) {
    j -= 4;
    negative = !negative;
  }
  if (j > 1) negative = !negative;
  double zz = z * z;
  double y = (j == 1 || j == 2) ? sin_poly(z, zz) : cos_poly(zz);
  return negative ? -y : y;
}

double go_tan(double x) {
  if (x == 0 || std::isnan(x)) return x;
  if (std::isinf(x)) return kNaN;
  bool negative = x < 0;
  uint64_t j;
  double z = reduce(std::fabs(x), &j);
  double zz = z * z;
  double y = z;
  if (zz > 1e-14) {
    y = z + z * (zz * (((-1.30936939181383777646e4 * zz) + 1.15351664838587416140e6) * zz +
                       -1.79565251976484877988e7) /
                 ((((zz + 1.36812963470692954678e4) * zz + -1.32089234440210967447e6) * zz +
                   2.50083801823357915839e7) * zz + -5.38695755929454629881e7));
  }
  if ((j & 2) == 2) y = -1 / y;
  return negative ? -y : y;
}

// Go's Atan, Asin, Acos, Atan2 (math/atan.go: Cephes' rational
// approximation on three ranges).
double xatan(double x) {
  double z = x * x;
  z = z * ((((-8.750608600031904122785e-01 * z + -1.615753718733365076637e+01) * z + -7.500855792314704667340e+01) * z +
            -1.228866684490136173410e+02) * z + -6.485021904942025371773e+01) /
      (((((z + 2.485846490142306297962e+01) * z + 1.650270098316988542046e+02) * z + 4.328810604912902668951e+02) * z +
        4.853903996359136964868e+02) * z + 1.945506571482613964425e+02);
  return x * z + x;
}

// Atan for x >= 0.
double satan(double x) {
  constexpr double kMorebits = 6.123233995736765886130e-17;  // Pi/2 = double(Pi/2) + kMorebits
  constexpr double kTan3Pi8 = 2.41421356237309504880;
  if (x <= 0.66) return xatan(x);
  if (x > kTan3Pi8) return kPi / 2 - xatan(1 / x) + kMorebits;
  return kPi / 4 + xatan((x - 1) / (x + 1)) + 0.5 * kMorebits;
}

double go_atan(double x) {
  if (x == 0) return x;
  return x > 0 ? satan(x) : -satan(-x);
}

double go_asin(double x) {
  if (x == 0) return x;
  bool negative = x < 0;
  x = std::fabs(x);
  if (x > 1) return kNaN;
  double t = std::sqrt(1 - x * x);
  t = x > 0.7 ? kPi / 2 - satan(t / x) : satan(x / t);
  return negative ? -t : t;
}

double go_acos(double x) { return kPi / 2 - go_asin(x); }

double go_atan2(double y, double x) {
  if (std::isnan(y) || std::isnan(x)) return kNaN;
  if (y == 0) return (x >= 0 && !std::signbit(x)) ? std::copysign(0.0, y) : std::copysign(kPi, y);
  if (x == 0) return std::copysign(kPi / 2, y);
  if (std::isinf(x)) {
    if (x > 0) return std::isinf(y) ? std::copysign(kPi / 4, y) : std::copysign(0.0, y);
    return std::isinf(y) ? std::copysign(3 * kPi / 4, y) : std::copysign(kPi, y);
  }
  if (std::isinf(y)) return std::copysign(kPi / 2, y);
  double q = go_atan(y / x);
  if (x < 0) return q <= 0 ? q + kPi : q - kPi;
  return q;
}

// Go's Cbrt (math/cbrt.go, after FreeBSD's): a 5-bit estimate from the
// exponent bits, one rational step to 23 bits, rounding to 32 bits, then one
// Newton step.
double go_cbrt(double x) {
  if (x == 0 || std::isnan(x) || std::isinf(x)) return x;
  constexpr uint64_t kB1 = 715094163;  // (682-0.03306235651)*2^20
  constexpr uint64_t kB2 = 696219795;  // (664-0.03306235651)*2^20
  constexpr double kC = 5.42857142857142815906e-01, kD = -7.05306122448979611050e-01;
  constexpr double kE = 1.41428571428571436819e+00, kF = 1.60714285714285720630e+00;
  constexpr double kG = 3.57142857142857150787e-01;
  bool negative = x < 0;
  x = std::fabs(x);
  double t = from_bits(to_bits(x) / 3 + (kB1 << 32));
  if (x < 0x1p-1022) {  // subnormal: scale by 2^54 first
    t = 0x1p54 * x;
    t = from_bits(to_bits(t) / 3 + (kB2 << 32));
  }
  double r = t * t / x;
  double s = kC + r * t;
  t *= kG + kF / (s + kE + kD / s);
  t = from_bits((to_bits(t) & (uint64_t{0xFFFFFFFFC} << 28)) + (uint64_t{1} << 30));
  s = t * t;
  r = x / s;
  double w = t + t;
  r = (r - t) / (w + r);
  t = t + t * r;
  return negative ? -t : t;
}

// ---------------------------------------- Pow, Log10, Log2: Go's formulas

double go_log10(double x) { return go_log(x) * kLog10E; }

double go_log2(double x) {
  int64_t e = 0;
  double frac = go_frexp_frac(x, &e);
  // Powers of two come out exact, whatever Log(0.5) rounds to.
  if (frac == 0.5) return static_cast<double>(e - 1);
  return go_log(frac) * kLog2E + static_cast<double>(e);
}

// Go's isOddInt: only floats below 2^53 can be odd.
bool is_odd_int(double y) {
  if (std::fabs(y) >= 0x1p53) return false;
  double yi;
  double yf = std::modf(y, &yi);
  return yf == 0 && (static_cast<int64_t>(yi) & 1) == 1;
}

// Pow's special cases (Go's documented list), or false when x**y must be
// computed.
bool pow_special(double x, double y, double* r) {
  if (y == 0 || x == 1) return *r = 1, true;
  if (y == 1) return *r = x, true;
  if (std::isnan(x) || std::isnan(y)) return *r = kNaN, true;
  if (x == 0) {
    bool neg_odd = std::signbit(x) && is_odd_int(y);
    *r = y < 0 ? (neg_odd ? -kInf : kInf) : (neg_odd ? x : 0.0);
    return true;
  }
  if (std::isinf(y)) {
    if (x == -1) return *r = 1, true;
    *r = ((std::fabs(x) < 1) == (y > 0)) ? 0.0 : kInf;
    return true;
  }
  if (std::isinf(x)) {
    if (x < 0) return false;  // handled by the caller as Pow(1/x, -y)
    *r = y < 0 ? 0.0 : kInf;
    return true;
  }
  if (y == 0.5) return *r = std::sqrt(x), true;
  if (y == -0.5) return *r = 1 / std::sqrt(x), true;
  return false;
}

double go_pow(double x, double y) {
  double r;
  if (pow_special(x, y, &r)) return r;
  if (std::isinf(x)) return go_pow(1 / x, -y);  // x == -Inf: Pow(-0, -y)
  double yi;
  double yf = std::modf(std::fabs(y), &yi);
  if (yf != 0 && x < 0) return kNaN;
  if (yi >= 0x1p63) {
    // A huge even integer exponent: overflow or underflow, except for -1.
    if (x == -1) return 1;
    return ((std::fabs(x) < 1) == (y > 0)) ? 0.0 : kInf;
  }
  // The answer is kept as mant * 2^exp to postpone overflow.
  double mant = 1;
  int64_t exp = 0;
  if (yf != 0) {
    if (yf > 0.5) {
      yf -= 1;
      yi += 1;
    }
    mant = go_exp(yf * go_log(x));
  }
  // x^yi by repeated squaring of x's normalised fraction, powers of two
  // gathered in exp.
  int64_t xe = 0;
  double x1 = go_frexp_frac(x, &xe);
  for (auto i = static_cast<int64_t>(yi); i != 0; i >>= 1) {
    if (xe < -(1 << 12) || (1 << 12) < xe) {
      // Past any float64 exponent: the final Ldexp over- or underflows
      // whatever the remaining bits add.
      exp += xe;
      break;
    }
    if ((i & 1) == 1) {
      mant *= x1;
      exp += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < .5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    mant = 1 / mant;
    exp = -exp;
  }
  return go_ldexp(mant, exp);
}

// ------------------------------------------- group 3: the C wrappers

// Wrappers give each <cmath> overload one address for the templates.
double c_acosh(double x) { return std::acosh(x); }
double c_asinh(double x) { return std::asinh(x); }
double c_atanh(double x) { return std::atanh(x); }
double c_ceil(double x) { return std::ceil(x); }
double c_cosh(double x) { return std::cosh(x); }
double c_erf(double x) { return std::erf(x); }
double c_erfc(double x) { return std::erfc(x); }
double c_exp2(double x) { return std::exp2(x); }
double c_expm1(double x) { return std::expm1(x); }
double c_floor(double x) { return std::floor(x); }
double c_gamma(double x) { return std::tgamma(x); }
double c_j0(double x) { return ::j0(x); }
double c_j1(double x) { return ::j1(x); }
double c_log1p(double x) { return std::log1p(x); }
double c_logb(double x) { return std::logb(x); }
double c_mod(double x, double y) { return std::fmod(x, y); }
double c_remainder(double x, double y) { return std::remainder(x, y); }
double c_round(double x) { return std::round(x); }  // half away from zero, as Go
double c_sinh(double x) { return std::sinh(x); }
double c_sqrt(double x) { return std::sqrt(x); }
double c_tanh(double x) { return std::tanh(x); }
double c_trunc(double x) { return std::trunc(x); }
double c_y0(double x) { return ::y0(x); }
double c_y1(double x) { return ::y1(x); }

NativeStatus jn_native(vm::Goroutine&, Slot* w) {
  int64_t n = w[0].i;
  double x = w[1].f;
  // Orders beyond int range: J_n is 0 for every finite x there (and the
  // parity of n, which decides the sign, is kept).
  if (n > std::numeric_limits<int>::max() || n < std::numeric_limits<int>::min())
    n = (n & 1) != 0 ? (n > 0 ? std::numeric_limits<int>::max() : std::numeric_limits<int>::min() + 1)
                     : (n > 0 ? std::numeric_limits<int>::max() - 1 : std::numeric_limits<int>::min());
  w[0].f = ::jn(static_cast<int>(n), x);
  return NativeStatus::Ok;
}

NativeStatus yn_native(vm::Goroutine&, Slot* w) {
  int64_t n = w[0].i;
  double x = w[1].f;
  if (n > std::numeric_limits<int>::max() || n < std::numeric_limits<int>::min())
    n = (n & 1) != 0 ? (n > 0 ? std::numeric_limits<int>::max() : std::numeric_limits<int>::min() + 1)
                     : (n > 0 ? std::numeric_limits<int>::max() - 1 : std::numeric_limits<int>::min());
  w[0].f = ::yn(static_cast<int>(n), x);
  return NativeStatus::Ok;
}

// --------------------------------------------------------- bit patterns

NativeStatus float64bits(vm::Goroutine&, Slot*) { return NativeStatus::Ok; }  // same 8 bytes

NativeStatus float32bits(vm::Goroutine&, Slot* w) {
  uint64_t d = w[0].u;
  uint32_t bits;
  if ((d & 0x7FF0000000000000u) == 0x7FF0000000000000u && (d & 0x000FFFFFFFFFFFFFu) != 0) {
    // NaN: sign, all-ones exponent, the top 23 payload bits (quiet bit included).
    bits = static_cast<uint32_t>(d >> 63) << 31 | 0x7F800000u | static_cast<uint32_t>((d >> 29) & 0x7FFFFF);
  } else {
    bits = std::bit_cast<uint32_t>(static_cast<float>(w[0].f));
  }
  w[0].u = bits;
  return NativeStatus::Ok;
}

NativeStatus float32frombits(vm::Goroutine&, Slot* w) {
  auto bits = static_cast<uint32_t>(w[0].u);
  if ((bits & 0x7F800000u) == 0x7F800000u && (bits & 0x7FFFFFu) != 0) {
    w[0].u = static_cast<uint64_t>(bits >> 31) << 63 | 0x7FF0000000000000u | static_cast<uint64_t>(bits & 0x7FFFFF) << 29;
  } else {
    w[0].f = std::bit_cast<float>(bits);
  }
  return NativeStatus::Ok;
}

}  // namespace

void register_math_natives(vm::NativeRegistry& registry) {
  struct Entry {
    const char* name;
    vm::NativeFn fn;
  };
  static const Entry kEntries[] = {
      {"Acos", unary<go_acos>},       {"Acosh", unary<c_acosh>},
      {"Asin", unary<go_asin>},       {"Asinh", unary<c_asinh>},
      {"Atan", unary<go_atan>},       {"Atan2", binary<go_atan2>},
      {"Atanh", unary<c_atanh>},     {"Cbrt", unary<go_cbrt>},
      {"Ceil", unary<c_ceil>},       {"Cos", unary<go_cos>},
      {"Cosh", unary<c_cosh>},       {"Erf", unary<c_erf>},
      {"Erfc", unary<c_erfc>},       {"Exp", unary<go_exp>},
      {"Exp2", unary<c_exp2>},       {"Expm1", unary<c_expm1>},
      {"FMA", fma_native},           {"Floor", unary<c_floor>},
      {"Frexp", frexp_native},       {"Gamma", unary<c_gamma>},
      {"Hypot", binary<go_hypot>},    {"Ilogb", ilogb_native},
      {"J0", unary<c_j0>},           {"J1", unary<c_j1>},
      {"Jn", jn_native},             {"Ldexp", ldexp_native},
      {"Lgamma", lgamma_native},     {"Log", unary<go_log>},
      {"Log10", unary<go_log10>},    {"Log1p", unary<c_log1p>},
      {"Log2", unary<go_log2>},      {"Logb", unary<c_logb>},
      {"Mod", binary<c_mod>},        {"Nextafter", binary<go_nextafter>},
      {"Nextafter32", nextafter32_native},
      {"Pow", binary<go_pow>},       {"Remainder", binary<c_remainder>},
      {"Round", unary<c_round>},     {"RoundToEven", unary<go_round_to_even>},
      {"Sin", unary<go_sin>},         {"Sinh", unary<c_sinh>},
      {"Sqrt", unary<c_sqrt>},       {"Tan", unary<go_tan>},
      {"Tanh", unary<c_tanh>},       {"Trunc", unary<c_trunc>},
      {"Y0", unary<c_y0>},           {"Y1", unary<c_y1>},
      {"Yn", yn_native},
      {"Float64bits", float64bits},  {"Float64frombits", float64bits},
      {"Float32bits", float32bits},  {"Float32frombits", float32frombits},
  };
  for (const Entry& e : kEntries) registry.add(std::string("math.") + e.name, e.fn);
}

}  // namespace gol::stdlib
