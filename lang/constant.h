// constant.h — exact compile-time constant values (cf. Go's go/constant).
//
// Go's constants are exact: untyped integer constants are arbitrary-precision
// integers and untyped floating-point constants are exact rationals where that
// is practical, so `1 << 100 >> 98` is 4 and `0.1 + 0.2 == 0.3` holds. Values
// are held in GMP integers and rationals. A constant has no Go type: the checker
// pairs a Constant with a Type and asks the constant whether it is
// representable in that type's range (fits_signed, fits_unsigned, to_float64).
//
// Rune literals produce Int values (the checker types them untyped rune).
// Complex constants are outside gol's subset.
//
// Rejected: int64/double with overflow flags. It gets `1 << 63 - 1`, huge
// intermediate shifts, and float exactness (`1e100 / 1e99 == 10`) wrong,
// which Go programs may rely on.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lang/ast.h"

namespace gol::lang {

class Constant {
 public:
  enum class Kind : uint8_t { Bool, String, Int, Float };

  // Go's limit on the size of an untyped integer constant, in bits; results
  // beyond it are reported as "constant ... overflow".
  static constexpr int kMaxIntBits = 512;

  Constant();  // the Int 0
  ~Constant();
  Constant(const Constant&);
  Constant& operator=(const Constant&);
  Constant(Constant&&) noexcept;
  Constant& operator=(Constant&&) noexcept;

  static Constant make_bool(bool b);
  static Constant make_string(std::string s);
  static Constant make_int(int64_t v);
  static Constant make_uint(uint64_t v);
  static Constant make_float(double v);  // v must be finite

  // The value of a literal exactly as written (BasicLit::raw). Int literals in
  // any base with '_' separators; decimal and hexadecimal floats; rune literals
  // (an Int); interpreted and raw strings with all of Go's escapes. On a
  // malformed literal returns nullopt and sets *error to Go's message (e.g.
  // "invalid digit '8' in octal literal", "escape is invalid Unicode code point U+D800").
  static std::optional<Constant> from_literal(LitKind kind, std::string_view raw, std::string* error);

  Kind kind() const { return m_kind; }
  bool is_numeric() const { return m_kind == Kind::Int || m_kind == Kind::Float; }

  bool bool_value() const;                 // Kind::Bool
  const std::string& string_value() const; // Kind::String

  // -1, 0 or 1 (numeric kinds).
  int sign() const;
  // A Float with an integral value converted to Int; an Int unchanged; nullopt otherwise.
  std::optional<Constant> to_int() const;
  // An Int converted to Float (exact); a Float unchanged.
  Constant to_float() const;

  // Representability of an Int (after to_int) in a sized integer type.
  bool fits_signed(int bits) const;
  bool fits_unsigned(int bits) const;
  int64_t int64_value() const;    // requires fits_signed(64)
  uint64_t uint64_value() const;  // requires fits_unsigned(64)

  // The value rounded to float64 / float32 (numeric kinds), or nullopt when its
  // magnitude overflows that type. Rounding to nearest even, as Go does.
  std::optional<double> to_float64() const;
  std::optional<float> to_float32() const;
  // The value rounded to float64/float32 precision, kept as a Constant (for a
  // typed float constant, whose later arithmetic must see the rounded value).
  std::optional<Constant> rounded_float64() const;
  std::optional<Constant> rounded_float32() const;

  // Arithmetic on two constants of the same kind (numeric operands are first
  // brought to a common kind: Int op Float is Float). Op is Add..AndNot, LAnd,
  // LOr (Bool), or Add on strings. With `integer_division`, Quo truncates
  // (Int operands). Returns nullopt on division by zero or when an Int result
  // would exceed kMaxIntBits (the checker reports both).
  static std::optional<Constant> binary(Op op, const Constant& x, const Constant& y,
                                        bool integer_division);
  // Comparison (Eql..Geq) of two constants of comparable kinds.
  static bool compare(Op op, const Constant& x, const Constant& y);
  // x << s or x >> s for an Int x; nullopt if the result exceeds kMaxIntBits.
  static std::optional<Constant> shift(Op op, const Constant& x, uint64_t s);
  // Unary + - ^ !. For ^ on a typed unsigned constant pass its size in bits
  // (^x is then the complement within that width); 0 for signed or untyped.
  static Constant unary(Op op, const Constant& x, int unsigned_bits);

  // Go's spelling of the value in error messages (go/constant's String):
  // integers in decimal, floats in the shortest form that round-trips
  // (`1e+100`, `0.1`), strings quoted with long ones shortened, `true`/`false`.
  std::string to_string() const;

 private:
  struct Rep;
  Kind m_kind = Kind::Int;
  std::unique_ptr<Rep> m_rep;
};

}  // namespace gol::lang
