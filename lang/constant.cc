// constant.cc — exact constants: construction, conversion, arithmetic and
// comparison (cf. go/constant value.go).
//
// Ints are GMP integers, Floats GMP rationals (lang/constant_rep.h says how
// big ones are bounded). Every operation is exact; rounding happens only where
// Go rounds: converting to float64/float32 (to nearest, ties to even, computed
// from the exact rational so that 0.1 rounds as strtod("0.1") does) and
// keeping oversized fractions at 512 bits as go/constant does.
//
// Literal parsing is in constant_literal.cc, Go's spelling of a value
// (to_string) in constant_string.cc, UTF-8 and the Unicode print table in
// constant_unicode.cc. Deciding *whether* an operation is
// allowed (operand types, shift counts, typed overflow) is the checker's job:
// here an operation the checker should not have asked for returns nullopt or
// its operand rather than failing, so the front end never crashes on it.
#include <gmpxx.h>

#include <cassert>
#include <climits>
#include <cmath>
#include <cstdio>
#include <utility>

#include "lang/constant_rep.h"

namespace gol::lang {

using namespace constant_internal;

namespace {

static_assert(sizeof(unsigned long) == 8 && sizeof(long) == 8,
              "int64_value/uint64_value use mpz's long accessors");

size_t bit_length(const mpz_class& z) {
  return sgn(z) == 0 ? 0 : mpz_sizeinbase(z.get_mpz_t(), 2);
}

// Go's untyped-integer limit: |z| < 2^kMaxIntBits (types2 checks BitLen).
bool within_int_limit(const mpz_class& z) {
  return bit_length(z) <= static_cast<size_t>(Constant::kMaxIntBits);
}

mpz_class pow2(unsigned long n) {
  mpz_class r;
  mpz_ui_pow_ui(r.get_mpz_t(), 2, n);
  return r;
}

std::optional<mpz_class> int_op(Op op, const mpz_class& a, const mpz_class& b) {
  mpz_class r;
  switch (op) {
    case Op::Add: r = a + b; break;
    case Op::Sub: r = a - b; break;
    case Op::Mul: r = a * b; break;
    case Op::Quo:
      if (sgn(b) == 0) return std::nullopt;
      mpz_tdiv_q(r.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());  // toward zero, as Go
      break;
    case Op::Rem:
      if (sgn(b) == 0) return std::nullopt;
      mpz_tdiv_r(r.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());  // sign of the dividend
      break;
    case Op::And: r = a & b; break;
    case Op::Or: r = a | b; break;
    case Op::Xor: r = a ^ b; break;
    case Op::AndNot: r = a & ~b; break;
    default: return std::nullopt;
  }
  if (!within_int_limit(r)) return std::nullopt;
  return r;
}

std::optional<mpq_class> float_op(Op op, const mpq_class& a, const mpq_class& b, bool& inexact) {
  mpq_class r;
  switch (op) {
    case Op::Add: r = a + b; break;
    case Op::Sub: r = a - b; break;
    case Op::Mul: r = a * b; break;
    case Op::Quo:
      if (sgn(b) == 0) return std::nullopt;
      r = a / b;
      break;
    default: return std::nullopt;
  }
  if (!normalize_float(r, inexact)) return std::nullopt;
  return r;
}

bool compare_result(Op op, int cmp) {
  switch (op) {
    case Op::Eql: return cmp == 0;
    case Op::Neq: return cmp != 0;
    case Op::Lss: return cmp < 0;
    case Op::Leq: return cmp <= 0;
    case Op::Gtr: return cmp > 0;
    case Op::Geq: return cmp >= 0;
    default: return false;
  }
}

// go/constant's ToInt for a rounded (inexact) float: an integer if the value
// is one, or becomes one when rounded to 4 bits less precision toward or away
// from zero (the operations that produced it may have rounded off an integer).
// Huge values are not made integers at all (go/constant's smallFloat).
std::optional<mpz_class> inexact_to_int(const mpq_class& q) {
  if (sgn(q) == 0) return mpz_class(0);
  long e = floor_log2(q);
  if (e + 1 >= kMaxRatBits) return std::nullopt;
  if (q.get_den() == 1) return q.get_num();
  long lsb = e - (kFloatPrecBits - 4 - 1);
  mpz_class num = abs(q.get_num());
  mpz_class den = q.get_den();
  if (lsb >= 0) {
    den <<= static_cast<mp_bitcnt_t>(lsb);
  } else {
    num <<= static_cast<mp_bitcnt_t>(-lsb);
  }
  mpz_class mant, rem;
  mpz_tdiv_qr(mant.get_mpz_t(), rem.get_mpz_t(), num.get_mpz_t(), den.get_mpz_t());
  for (int away = 0; away < 2; ++away) {
    mpz_class m = mant + ((away && sgn(rem) != 0) ? 1 : 0);
    mpz_class z;
    if (lsb >= 0) {
      z = m << static_cast<mp_bitcnt_t>(lsb);
    } else if (mpz_scan1(m.get_mpz_t(), 0) >= static_cast<mp_bitcnt_t>(-lsb)) {  // m·2^lsb is integral
      z = m >> static_cast<mp_bitcnt_t>(-lsb);
    } else {
      continue;
    }
    return sgn(q) < 0 ? mpz_class(-z) : z;
  }
  return std::nullopt;
}

// An IEEE binary format, for rounding an exact value into it.
struct BinaryFormat {
  long prec;     // significant bits, the hidden one included
  long min_lsb;  // weight of the smallest subnormal: 2^min_lsb
  long max_exp;  // values >= 2^(max_exp+1) overflow
};
constexpr BinaryFormat kFloat64{53, -1074, 1023};
constexpr BinaryFormat kFloat32{24, -149, 127};

// The value rounded into `format`, or nullopt when it rounds to beyond the
// largest finite value (IEEE round-to-nearest would give an infinity).
std::optional<Rounded> round_to_format(const mpq_class& x, const BinaryFormat& format) {
  Rounded r = round_to_bits(x, format.prec, format.min_lsb);
  if (sgn(r.mant) != 0) {
    long top = static_cast<long>(bit_length(r.mant)) - 1 + r.lsb;  // floor(log2|value|)
    if (top > format.max_exp) return std::nullopt;
  }
  return r;
}

// mant·2^lsb as a double; exact because the caller rounded to a format
// that double (or float) holds.
double rounded_to_double(const Rounded& r) {
  return std::ldexp(r.mant.get_d(), static_cast<int>(r.lsb));
}

}  // namespace

// ---------------------------------------------------------------------------
// Shared internals (constant_rep.h)

namespace constant_internal {

long floor_log2(const mpq_class& x) {
  mpz_class n = abs(x.get_num());
  const mpz_class& d = x.get_den();
  long e = static_cast<long>(bit_length(n)) - static_cast<long>(bit_length(d));
  // 2^e <= n/d < 2^(e+2) by bit lengths; one comparison decides which.
  bool below = e >= 0 ? n < (mpz_class(d) << static_cast<mp_bitcnt_t>(e))
                      : (n << static_cast<mp_bitcnt_t>(-e)) < d;
  return below ? e - 1 : e;
}

mpq_class Rounded::value() const {
  mpq_class q;
  if (lsb >= 0) {
    q = mpq_class(mant << static_cast<mp_bitcnt_t>(lsb));
  } else {
    q = mpq_class(mant, pow2(static_cast<unsigned long>(-lsb)));
    q.canonicalize();
  }
  return q;
}

Rounded round_to_bits(const mpq_class& x, long prec, long min_lsb) {
  Rounded r;
  if (sgn(x) == 0) return r;
  r.lsb = floor_log2(x) - (prec - 1);
  if (r.lsb < min_lsb) r.lsb = min_lsb;
  // mant = |x| / 2^lsb, rounded to an integer, ties to even.
  mpz_class num = abs(x.get_num());
  mpz_class den = x.get_den();
  if (r.lsb >= 0) {
    den <<= static_cast<mp_bitcnt_t>(r.lsb);
  } else {
    num <<= static_cast<mp_bitcnt_t>(-r.lsb);
  }
  mpz_class rem;
  mpz_fdiv_qr(r.mant.get_mpz_t(), rem.get_mpz_t(), num.get_mpz_t(), den.get_mpz_t());
  int half = cmp(mpz_class(rem << 1), den);
  if (half > 0 || (half == 0 && mpz_odd_p(r.mant.get_mpz_t()))) ++r.mant;
  if (sgn(x) < 0) r.mant = -r.mant;
  return r;
}

bool normalize_float(mpq_class& q, bool& inexact) {
  if (!inexact && bit_length(q.get_num()) <= static_cast<size_t>(kMaxRatBits) &&
      bit_length(q.get_den()) <= static_cast<size_t>(kMaxRatBits)) {
    return true;  // |log2 q| < kMaxRatBits < kMaxFloatExp: within bounds
  }
  if (sgn(q) == 0) return true;
  long e = floor_log2(q);
  if (e >= kMaxFloatExp) return false;
  if (e < -kMaxFloatExp) {
    q = 0;
    return true;
  }
  q = round_to_bits(q, kFloatPrecBits, LONG_MIN).value();
  inexact = true;
  return true;
}

}  // namespace constant_internal

// ---------------------------------------------------------------------------
// Construction

Constant::Constant() : m_rep(std::make_unique<Rep>()) {}
Constant::~Constant() = default;

Constant::Constant(const Constant& other)
    : m_kind(other.m_kind), m_rep(std::make_unique<Rep>(Rep::of(other))) {}

Constant& Constant::operator=(const Constant& other) {
  if (this != &other) {
    m_rep = std::make_unique<Rep>(Rep::of(other));
    m_kind = other.m_kind;
  }
  return *this;
}

// A moved-from Constant reads as the Int 0 (Rep::of covers the null m_rep).
Constant::Constant(Constant&& other) noexcept
    : m_kind(other.m_kind), m_rep(std::move(other.m_rep)) {
  other.m_kind = Kind::Int;
}

Constant& Constant::operator=(Constant&& other) noexcept {
  if (this != &other) {
    m_rep = std::move(other.m_rep);
    m_kind = other.m_kind;
    other.m_kind = Kind::Int;
  }
  return *this;
}

const Constant::Rep& Constant::Rep::of(const Constant& c) {
  static const Rep kZero;
  return c.m_rep ? *c.m_rep : kZero;
}

Constant Constant::Rep::make(Kind kind, Rep rep) {
  Constant c;
  c.m_kind = kind;
  *c.m_rep = std::move(rep);
  return c;
}

Constant Constant::Rep::make_int(mpz_class z) {
  Rep rep;
  rep.z = std::move(z);
  return make(Kind::Int, std::move(rep));
}

Constant Constant::Rep::make_float(mpq_class q, bool inexact) {
  Rep rep;
  rep.q = std::move(q);
  rep.inexact = inexact;
  return make(Kind::Float, std::move(rep));
}

Constant Constant::Rep::make_string(std::string s) {
  Rep rep;
  rep.s = std::move(s);
  return make(Kind::String, std::move(rep));
}

mpq_class Constant::Rep::exact(const Constant& c) {
  const Rep& rep = of(c);
  return c.m_kind == Kind::Float ? rep.q : mpq_class(rep.z);
}

Constant Constant::make_bool(bool b) {
  Rep rep;
  rep.b = b;
  return Rep::make(Kind::Bool, std::move(rep));
}

Constant Constant::make_string(std::string s) { return Rep::make_string(std::move(s)); }

Constant Constant::make_int(int64_t v) {
  return Rep::make_int(mpz_class(static_cast<long>(v)));
}

Constant Constant::make_uint(uint64_t v) {
  return Rep::make_int(mpz_class(static_cast<unsigned long>(v)));
}

Constant Constant::make_float(double v) {
  assert(std::isfinite(v));
  if (!std::isfinite(v)) v = 0;  // contract violation in a release build: no UB
  mpq_class q;
  mpq_set_d(q.get_mpq_t(), v);  // exact: a double is a dyadic rational
  return Rep::make_float(std::move(q));
}

// ---------------------------------------------------------------------------
// Accessors and conversions

bool Constant::bool_value() const { return m_kind == Kind::Bool && Rep::of(*this).b; }

const std::string& Constant::string_value() const { return Rep::of(*this).s; }

int Constant::sign() const {
  switch (m_kind) {
    case Kind::Int: return sgn(Rep::of(*this).z);
    case Kind::Float: return sgn(Rep::of(*this).q);
    default: return 0;
  }
}

std::optional<Constant> Constant::to_int() const {
  if (m_kind == Kind::Int) return *this;
  if (m_kind != Kind::Float) return std::nullopt;
  const Rep& rep = Rep::of(*this);
  if (!rep.inexact) {
    if (rep.q.get_den() != 1) return std::nullopt;
    return Rep::make_int(rep.q.get_num());
  }
  std::optional<mpz_class> z = inexact_to_int(rep.q);
  if (!z) return std::nullopt;
  return Rep::make_int(std::move(*z));
}

Constant Constant::to_float() const {
  if (m_kind == Kind::Int) return Rep::make_float(mpq_class(Rep::of(*this).z));
  return *this;
}

bool Constant::fits_signed(int bits) const {
  std::optional<Constant> i = to_int();
  if (!i || bits <= 0) return false;
  const mpz_class& z = Rep::of(*i).z;
  // -2^(bits-1) <= z < 2^(bits-1): the magnitude of z, or of ^z when negative,
  // needs at most bits-1 bits.
  mpz_class magnitude = sgn(z) < 0 ? mpz_class(-z - 1) : z;
  return bit_length(magnitude) <= static_cast<size_t>(bits - 1);
}

bool Constant::fits_unsigned(int bits) const {
  std::optional<Constant> i = to_int();
  if (!i || bits <= 0) return false;
  const mpz_class& z = Rep::of(*i).z;
  return sgn(z) >= 0 && bit_length(z) <= static_cast<size_t>(bits);
}

// Outside the precondition both return the low 64 bits in two's complement,
// which is what a wrapping conversion would give; a Float is truncated first.
uint64_t Constant::uint64_value() const {
  mpz_class z;
  if (std::optional<Constant> i = to_int()) {
    z = Rep::of(*i).z;
  } else if (m_kind == Kind::Float) {
    mpz_tdiv_q(z.get_mpz_t(), Rep::of(*this).q.get_num_mpz_t(), Rep::of(*this).q.get_den_mpz_t());
  }
  mpz_class low;
  mpz_fdiv_r_2exp(low.get_mpz_t(), z.get_mpz_t(), 64);
  return mpz_get_ui(low.get_mpz_t());
}

int64_t Constant::int64_value() const { return static_cast<int64_t>(uint64_value()); }

// A value that underflows gives +0 whatever its sign: go/constant's Float64Val
// keeps the sign, but the typed constant a Go program then sees is the
// rational 0 (roundFloat64 goes through MakeFloat64), so +0 is what runs.
std::optional<double> Constant::to_float64() const {
  if (!is_numeric()) return std::nullopt;
  std::optional<Rounded> r = round_to_format(Rep::exact(*this), kFloat64);
  if (!r) return std::nullopt;
  return rounded_to_double(*r);
}

std::optional<float> Constant::to_float32() const {
  if (!is_numeric()) return std::nullopt;
  std::optional<Rounded> r = round_to_format(Rep::exact(*this), kFloat32);
  if (!r) return std::nullopt;
  return static_cast<float>(rounded_to_double(*r));  // exact: r fits in a float
}

std::optional<Constant> Constant::rounded_float64() const {
  if (!is_numeric()) return std::nullopt;
  std::optional<Rounded> r = round_to_format(Rep::exact(*this), kFloat64);
  if (!r) return std::nullopt;
  return Rep::make_float(r->value());
}

std::optional<Constant> Constant::rounded_float32() const {
  if (!is_numeric()) return std::nullopt;
  std::optional<Rounded> r = round_to_format(Rep::exact(*this), kFloat32);
  if (!r) return std::nullopt;
  return Rep::make_float(r->value());
}

// ---------------------------------------------------------------------------
// Operations

std::optional<Constant> Constant::binary(Op op, const Constant& x, const Constant& y,
                                         bool integer_division) {
  if (x.m_kind == Kind::Bool && y.m_kind == Kind::Bool) {
    bool a = Rep::of(x).b, b = Rep::of(y).b;
    if (op == Op::LAnd) return make_bool(a && b);
    if (op == Op::LOr) return make_bool(a || b);
    return std::nullopt;
  }
  if (x.m_kind == Kind::String && y.m_kind == Kind::String) {
    if (op != Op::Add) return std::nullopt;
    return Rep::make_string(Rep::of(x).s + Rep::of(y).s);
  }
  if (!x.is_numeric() || !y.is_numeric()) return std::nullopt;
  bool both_int = x.m_kind == Kind::Int && y.m_kind == Kind::Int;
  if (both_int && (op != Op::Quo || integer_division)) {
    std::optional<mpz_class> r = int_op(op, Rep::of(x).z, Rep::of(y).z);
    if (!r) return std::nullopt;
    return Rep::make_int(std::move(*r));
  }
  bool inexact = Rep::of(x).inexact || Rep::of(y).inexact;
  std::optional<mpq_class> r = float_op(op, Rep::exact(x), Rep::exact(y), inexact);
  if (!r) return std::nullopt;
  return Rep::make_float(std::move(*r), inexact);
}

bool Constant::compare(Op op, const Constant& x, const Constant& y) {
  if (x.m_kind == Kind::Bool && y.m_kind == Kind::Bool) {
    bool a = Rep::of(x).b, b = Rep::of(y).b;
    if (op == Op::Eql) return a == b;
    if (op == Op::Neq) return a != b;
    return false;
  }
  if (x.m_kind == Kind::String && y.m_kind == Kind::String) {
    // char_traits<char>::compare is memcmp: bytes compare as unsigned, as Go's.
    return compare_result(op, Rep::of(x).s.compare(Rep::of(y).s));
  }
  if (!x.is_numeric() || !y.is_numeric()) return false;
  if (x.m_kind == Kind::Int && y.m_kind == Kind::Int) {
    return compare_result(op, cmp(Rep::of(x).z, Rep::of(y).z));
  }
  return compare_result(op, cmp(Rep::exact(x), Rep::exact(y)));
}

std::optional<Constant> Constant::shift(Op op, const Constant& x, uint64_t s) {
  std::optional<Constant> i = x.to_int();
  if (!i) return std::nullopt;
  const mpz_class& z = Rep::of(*i).z;
  if (sgn(z) == 0) return *i;
  size_t len = bit_length(z);
  if (op == Op::Shl) {
    // The result's bit length is len + s (a negative z keeps its magnitude's).
    if (s > static_cast<uint64_t>(kMaxIntBits) || len + s > static_cast<size_t>(kMaxIntBits)) {
      return std::nullopt;
    }
    return Rep::make_int(mpz_class(z << static_cast<mp_bitcnt_t>(s)));
  }
  if (op != Op::Shr) return std::nullopt;
  if (s >= len) return make_int(sgn(z) < 0 ? -1 : 0);  // floor, as Go's arithmetic >>
  mpz_class r;
  mpz_fdiv_q_2exp(r.get_mpz_t(), z.get_mpz_t(), static_cast<mp_bitcnt_t>(s));
  return Rep::make_int(std::move(r));
}

Constant Constant::unary(Op op, const Constant& x, int unsigned_bits) {
  switch (op) {
    case Op::Sub:
      if (x.m_kind == Kind::Int) return Rep::make_int(-Rep::of(x).z);
      if (x.m_kind == Kind::Float) return Rep::make_float(-Rep::of(x).q, Rep::of(x).inexact);
      return x;
    case Op::Xor: {
      if (x.m_kind != Kind::Int) return x;
      mpz_class r = ~Rep::of(x).z;  // -x-1
      if (unsigned_bits > 0) {
        // Within an n-bit unsigned type ^x flips exactly n bits: keep the low n.
        mpz_class low;
        mpz_fdiv_r_2exp(low.get_mpz_t(), r.get_mpz_t(), static_cast<mp_bitcnt_t>(unsigned_bits));
        r = low;
      }
      return Rep::make_int(std::move(r));
    }
    case Op::Not:
      if (x.m_kind == Kind::Bool) return make_bool(!Rep::of(x).b);
      return x;
    default:
      return x;  // unary +, and anything the checker rejected
  }
}

}  // namespace gol::lang
