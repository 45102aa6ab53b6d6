// constant_test.cc — exact constants (lang/constant.h): literal values and
// diagnostics, exact arithmetic, representability, float rounding, and Go's
// spelling of values.
//
// Expected messages and spellings were taken from Go itself: the compiler's
// scanner errors from `go build` on one-line programs, the value spellings from
// go/constant's String() (Go 1.19). Float rounding is compared with strtod,
// which glibc rounds correctly.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "lang/constant.h"

namespace gol::lang {
namespace {

using Kind = Constant::Kind;

Constant lit(LitKind kind, std::string_view raw) {
  std::string error;
  std::optional<Constant> c = Constant::from_literal(kind, raw, &error);
  EXPECT_TRUE(c.has_value()) << raw << ": " << error;
  return c ? *c : Constant();
}

std::string lit_error(LitKind kind, std::string_view raw) {
  std::string error;
  std::optional<Constant> c = Constant::from_literal(kind, raw, &error);
  EXPECT_FALSE(c.has_value()) << raw << " was accepted as " << (c ? c->to_string() : "");
  return error;
}

Constant I(std::string_view raw) { return lit(LitKind::Int, raw); }
Constant F(std::string_view raw) { return lit(LitKind::Float, raw); }
Constant S(std::string_view raw) { return lit(LitKind::String, raw); }
int64_t R(std::string_view raw) { return lit(LitKind::Char, raw).int64_value(); }

bool eq(const Constant& x, const Constant& y) { return Constant::compare(Op::Eql, x, y); }

Constant op(Op o, const Constant& x, const Constant& y, bool integer_division = true) {
  std::optional<Constant> r = Constant::binary(o, x, y, integer_division);
  EXPECT_TRUE(r.has_value()) << x.to_string() << " op " << y.to_string();
  return r ? *r : Constant();
}

Constant shl(const Constant& x, uint64_t s) {
  std::optional<Constant> r = Constant::shift(Op::Shl, x, s);
  EXPECT_TRUE(r.has_value());
  return r ? *r : Constant();
}

Constant int_(int64_t v) { return Constant::make_int(v); }

uint64_t bits_of(double d) {
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

// ---------------------------------------------------------------------------
// Integer literals

TEST(ConstantLiteral, IntegerForms) {
  EXPECT_EQ(I("0").int64_value(), 0);
  EXPECT_EQ(I("42").int64_value(), 42);
  EXPECT_EQ(I("1_000_000").int64_value(), 1000000);
  EXPECT_EQ(I("0x1F").int64_value(), 31);
  EXPECT_EQ(I("0X_ff").int64_value(), 255);
  EXPECT_EQ(I("0x1e3").int64_value(), 0x1e3);  // 'e' is a hex digit, not an exponent
  EXPECT_EQ(I("0o17").int64_value(), 15);
  EXPECT_EQ(I("0O17").int64_value(), 15);
  EXPECT_EQ(I("017").int64_value(), 15);
  EXPECT_EQ(I("0_7").int64_value(), 7);
  EXPECT_EQ(I("00").int64_value(), 0);
  EXPECT_EQ(I("0b1010").int64_value(), 10);
  EXPECT_EQ(I("0B_1_0").int64_value(), 2);
  EXPECT_EQ(I("18446744073709551615").uint64_value(), UINT64_MAX);
  EXPECT_EQ(I("42").kind(), Kind::Int);
}

TEST(ConstantLiteral, IntegerLimitIs512Bits) {
  Constant max = I("0x" + std::string(128, 'f'));  // 2^512 - 1
  Constant top = shl(int_(1), 511);
  EXPECT_TRUE(eq(max, op(Op::Add, op(Op::Sub, top, int_(1)), top)));
  EXPECT_EQ(lit_error(LitKind::Int, "0x1" + std::string(128, '0')), "constant overflow");
}

TEST(ConstantLiteral, IntegerErrors) {
  EXPECT_EQ(lit_error(LitKind::Int, "08"), "invalid digit '8' in octal literal");
  EXPECT_EQ(lit_error(LitKind::Int, "0o8"), "invalid digit '8' in octal literal");
  EXPECT_EQ(lit_error(LitKind::Int, "0b102"), "invalid digit '2' in binary literal");
  EXPECT_EQ(lit_error(LitKind::Int, "0x"), "hexadecimal literal has no digits");
  EXPECT_EQ(lit_error(LitKind::Int, "0b"), "binary literal has no digits");
  EXPECT_EQ(lit_error(LitKind::Int, "0o_"), "octal literal has no digits");
  EXPECT_EQ(lit_error(LitKind::Int, "1__0"), "'_' must separate successive digits");
  EXPECT_EQ(lit_error(LitKind::Int, "1_"), "'_' must separate successive digits");
  EXPECT_EQ(lit_error(LitKind::Int, "0x_"), "hexadecimal literal has no digits");
  EXPECT_EQ(lit_error(LitKind::Int, "12a"), "malformed constant: 12a");
  EXPECT_EQ(lit_error(LitKind::Int, ""), "decimal literal has no digits");
  EXPECT_EQ(lit_error(LitKind::Int, "1.5"), "malformed constant: 1.5");  // not an Int literal
  EXPECT_EQ(lit_error(LitKind::Int, std::string(10001, '1')),
            "excessively long constant: 1111111111... (10001 chars)");
}

TEST(ConstantLiteral, ImaginaryIsUnsupported) {
  EXPECT_EQ(lit_error(LitKind::Imag, "1i"), "complex numbers are not supported");
  EXPECT_EQ(lit_error(LitKind::Imag, "1.5i"), "complex numbers are not supported");
  EXPECT_EQ(lit_error(LitKind::Imag, "0x1p2i"), "complex numbers are not supported");
  EXPECT_EQ(lit_error(LitKind::Imag, "0789i"), "complex numbers are not supported");
  // Syntax errors come first, as in Go's scanner.
  EXPECT_EQ(lit_error(LitKind::Imag, "1__0i"), "'_' must separate successive digits");
}

// ---------------------------------------------------------------------------
// Float literals

TEST(ConstantLiteral, FloatFormsAreExact) {
  Constant three_halves = op(Op::Quo, int_(3), int_(2), false);
  EXPECT_TRUE(eq(F("1.5"), three_halves));
  EXPECT_EQ(F("1.5").kind(), Kind::Float);
  EXPECT_TRUE(eq(F(".5"), op(Op::Quo, int_(1), int_(2), false)));
  EXPECT_TRUE(eq(F("1."), int_(1)));
  EXPECT_EQ(F("1.").kind(), Kind::Float);
  EXPECT_TRUE(eq(F("1e3"), int_(1000)));
  EXPECT_TRUE(eq(F("1E3"), int_(1000)));
  EXPECT_TRUE(eq(F("1.5e-3"), op(Op::Quo, int_(3), int_(2000), false)));
  EXPECT_TRUE(eq(F("1_0.2_5"), op(Op::Quo, int_(41), int_(4), false)));
  EXPECT_TRUE(eq(F("09.5"), op(Op::Quo, int_(19), int_(2), false)));  // decimal, despite the 0
  EXPECT_TRUE(eq(F("0e0"), int_(0)));
  EXPECT_TRUE(eq(F("0x1p-2"), op(Op::Quo, int_(1), int_(4), false)));
  EXPECT_TRUE(eq(F("0x1.8p1"), int_(3)));
  EXPECT_TRUE(eq(F("0X.8p0"), op(Op::Quo, int_(1), int_(2), false)));
  EXPECT_TRUE(eq(F("0x_1p4"), int_(16)));
  EXPECT_TRUE(eq(F("0x1p1_0"), int_(1024)));
  EXPECT_TRUE(eq(F("0x1.p1"), int_(2)));
  // An integer spelling under LitKind::Float is read as go/constant's
  // MakeFromLiteral(FLOAT) reads it: a Float, and a leading 0 is not octal.
  EXPECT_EQ(F("7").kind(), Kind::Float);
  EXPECT_TRUE(eq(F("0315"), int_(315)));
  EXPECT_TRUE(eq(F("0x10"), int_(16)));
}

TEST(ConstantLiteral, FloatErrors) {
  EXPECT_EQ(lit_error(LitKind::Float, "0o1.5"), "invalid radix point in octal literal");
  EXPECT_EQ(lit_error(LitKind::Float, "0b1.0"), "invalid radix point in binary literal");
  EXPECT_EQ(lit_error(LitKind::Float, "0b1e3"), "'e' exponent requires decimal mantissa");
  EXPECT_EQ(lit_error(LitKind::Float, "0x1E3p"), "exponent has no digits");
  EXPECT_EQ(lit_error(LitKind::Float, "0o7p1"), "'p' exponent requires hexadecimal mantissa");
  EXPECT_EQ(lit_error(LitKind::Float, "1p4"), "'p' exponent requires hexadecimal mantissa");
  EXPECT_EQ(lit_error(LitKind::Float, "1P4"), "'P' exponent requires hexadecimal mantissa");
  EXPECT_EQ(lit_error(LitKind::Float, "0x1.8"), "hexadecimal mantissa requires a 'p' exponent");
  EXPECT_EQ(lit_error(LitKind::Float, "1e"), "exponent has no digits");
  EXPECT_EQ(lit_error(LitKind::Float, "1e+"), "exponent has no digits");
  EXPECT_EQ(lit_error(LitKind::Float, "1_.5"), "'_' must separate successive digits");
  EXPECT_EQ(lit_error(LitKind::Float, "1._5"), "'_' must separate successive digits");
  EXPECT_EQ(lit_error(LitKind::Float, "."), "decimal literal has no digits");
}

TEST(ConstantLiteral, HugeExponentsStayBounded) {
  // Exact and cheap where Go keeps a fraction or a big float.
  EXPECT_EQ(F("1e400").to_string(), "1e+400");
  EXPECT_EQ(F("1e19000").sign(), 1);
  EXPECT_EQ(F("0x1p65535").sign(), 1);
  // Beyond our bound (2^65536): an error rather than gigabytes of digits.
  EXPECT_EQ(lit_error(LitKind::Float, "1e100000"), "malformed constant: 1e100000");
  EXPECT_EQ(lit_error(LitKind::Float, "1e999999999999999999999"),
            "malformed constant: 1e999999999999999999999");
  EXPECT_EQ(lit_error(LitKind::Float, "0x1p65536"), "malformed constant: 0x1p65536");
  // Far below it: zero, as go/constant's big.Float underflows.
  EXPECT_EQ(F("1e-100000").sign(), 0);
  EXPECT_EQ(F("0x1p-70000").sign(), 0);
  EXPECT_EQ(F("1e-400").sign(), 1);
}

// ---------------------------------------------------------------------------
// Rune literals

TEST(ConstantLiteral, Runes) {
  EXPECT_EQ(lit(LitKind::Char, "'a'").kind(), Kind::Int);
  EXPECT_EQ(R("'a'"), 'a');
  EXPECT_EQ(R("'\\n'"), '\n');
  EXPECT_EQ(R("'\\a'"), 7);
  EXPECT_EQ(R("'\\b'"), 8);
  EXPECT_EQ(R("'\\f'"), 12);
  EXPECT_EQ(R("'\\r'"), 13);
  EXPECT_EQ(R("'\\t'"), 9);
  EXPECT_EQ(R("'\\v'"), 11);
  EXPECT_EQ(R("'\\\\'"), '\\');
  EXPECT_EQ(R("'\\''"), '\'');
  EXPECT_EQ(R("'\"'"), '"');
  EXPECT_EQ(R("'\\x41'"), 0x41);
  EXPECT_EQ(R("'\\xff'"), 0xff);
  EXPECT_EQ(R("'\\101'"), 0101);
  EXPECT_EQ(R("'\\000'"), 0);
  EXPECT_EQ(R("'\\377'"), 255);
  EXPECT_EQ(R("'\\u00e9'"), 0xe9);
  EXPECT_EQ(R("'\\U0001F600'"), 0x1F600);
  EXPECT_EQ(R("'\\U0010FFFF'"), 0x10FFFF);
  EXPECT_EQ(R("'é'"), 0xe9);
  EXPECT_EQ(R("'世'"), 0x4e16);
  EXPECT_EQ(R("'😀'"), 0x1F600);
}

TEST(ConstantLiteral, RuneErrors) {
  EXPECT_EQ(lit_error(LitKind::Char, "''"), "empty rune literal or unescaped '");
  EXPECT_EQ(lit_error(LitKind::Char, "'ab'"), "more than one character in rune literal");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\q'"), "unknown escape");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\8'"), "unknown escape");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\\"'"), "unknown escape");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\400'"), "octal escape value 256 > 255");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\777'"), "octal escape value 511 > 255");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\uD800'"), "escape is invalid Unicode code point U+D800");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\U00110000'"), "escape is invalid Unicode code point U+110000");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\x4g'"), "invalid character 'g' in hexadecimal escape");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\x4'"), "invalid character '\\'' in hexadecimal escape");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\12'"), "invalid character '\\'' in octal escape");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\u12'"), "invalid character '\\'' in hexadecimal escape");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\xé'"), "invalid character 'é' in hexadecimal escape");
  EXPECT_EQ(lit_error(LitKind::Char, "'a"), "rune literal not terminated");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\"), "rune literal not terminated");
  EXPECT_EQ(lit_error(LitKind::Char, "'\\'"), "rune literal not terminated");
  EXPECT_EQ(lit_error(LitKind::Char, "'\n'"), "newline in rune literal");
  EXPECT_EQ(lit_error(LitKind::Char, "'\xff'"), "invalid UTF-8 encoding");
  EXPECT_EQ(lit_error(LitKind::Char, std::string_view("'\0'", 3)), "invalid NUL character");
  EXPECT_EQ(lit_error(LitKind::Char, "a"), "malformed constant: a");
}

// ---------------------------------------------------------------------------
// String literals

TEST(ConstantLiteral, InterpretedStrings) {
  EXPECT_EQ(S("\"\"").string_value(), "");
  EXPECT_EQ(S("\"abc\"").string_value(), "abc");
  EXPECT_EQ(S("\"abc\"").kind(), Kind::String);
  EXPECT_EQ(S(R"("\a\b\f\n\r\t\v\\\"")").string_value(), "\a\b\f\n\r\t\v\\\"");
  EXPECT_EQ(S(R"("'")").string_value(), "'");
  // \x and octal escapes insert single bytes, even ones that are not UTF-8.
  EXPECT_EQ(S(R"("\xff")").string_value(), "\xff");
  EXPECT_EQ(S(R"("\377")").string_value(), "\xff");
  EXPECT_EQ(S(R"("\x41\102")").string_value(), "AB");
  EXPECT_EQ(S(R"("\000")").string_value(), std::string(1, '\0'));
  // \u and \U encode the code point in UTF-8.
  EXPECT_EQ(S(R"("\u00e9")").string_value(), "\xc3\xa9");
  EXPECT_EQ(S(R"("\u4e16")").string_value(), "世");
  EXPECT_EQ(S(R"("\U0001F600")").string_value(), "\xf0\x9f\x98\x80");
  EXPECT_EQ(S("\"héllo, 世界\"").string_value(), "héllo, 世界");
}

TEST(ConstantLiteral, InterpretedStringErrors) {
  EXPECT_EQ(lit_error(LitKind::String, R"("\'")"), "unknown escape");
  EXPECT_EQ(lit_error(LitKind::String, R"("\xZZ")"), "invalid character 'Z' in hexadecimal escape");
  EXPECT_EQ(lit_error(LitKind::String, R"("\400")"), "octal escape value 256 > 255");
  EXPECT_EQ(lit_error(LitKind::String, R"("\uDFFF")"), "escape is invalid Unicode code point U+DFFF");
  EXPECT_EQ(lit_error(LitKind::String, R"("\u00")"), "invalid character '\"' in hexadecimal escape");
  EXPECT_EQ(lit_error(LitKind::String, "\"abc"), "string not terminated");
  EXPECT_EQ(lit_error(LitKind::String, R"("abc\")"), "string not terminated");
  EXPECT_EQ(lit_error(LitKind::String, "\"a\nb\""), "newline in string");
  EXPECT_EQ(lit_error(LitKind::String, "\"a\xc3\""), "invalid UTF-8 encoding");
  EXPECT_EQ(lit_error(LitKind::String, "\"a\"b\""), "malformed constant: \"a\"b\"");
}

TEST(ConstantLiteral, RawStrings) {
  EXPECT_EQ(S("``").string_value(), "");
  EXPECT_EQ(S(R"(`a\nb`)").string_value(), "a\\nb");  // no escapes in raw strings
  EXPECT_EQ(S("`multi\nline`").string_value(), "multi\nline");
  EXPECT_EQ(S("`a\r\nb\r`").string_value(), "a\nb");  // carriage returns dropped
  EXPECT_EQ(S("`\"é\"`").string_value(), "\"é\"");
  EXPECT_EQ(lit_error(LitKind::String, "`abc"), "string not terminated");
  EXPECT_EQ(lit_error(LitKind::String, "`\xff`"), "invalid UTF-8 encoding");
}

// from_literal never crashes and never fails silently, whatever it is given:
// mutations of valid literals (a deterministic LCG picks bytes to replace,
// insert or drop) either parse or come with a message.
TEST(ConstantLiteral, GarbageGetsAMessage) {
  const std::pair<LitKind, const char*> seeds[] = {
      {LitKind::Int, "0x_1F"},      {LitKind::Int, "0b1010"},        {LitKind::Int, "017"},
      {LitKind::Float, "1.5e-3"},   {LitKind::Float, "0x1.8p1"},     {LitKind::Float, ".5"},
      {LitKind::Imag, "1.5i"},      {LitKind::Char, "'\\U0001F600'"}, {LitKind::Char, "'é'"},
      {LitKind::String, "\"a\\x41\\u00e9\\101\""}, {LitKind::String, "`raw\r\n`"},
  };
  const char alphabet[] = "0123456789abcdefxXoObBpPeE_.+-i'\"`\\uUn\n\r\xc3\xa9\xff";
  uint64_t state = 42;
  auto next = [&state](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  int accepted = 0, rejected = 0;
  for (const auto& [kind, seed] : seeds) {
    for (int round = 0; round < 2000; ++round) {
      std::string text = seed;
      for (uint64_t edits = 1 + next(3); edits > 0; --edits) {
        char c = alphabet[next(sizeof alphabet - 1)];
        size_t at = next(text.size() + 1);
        switch (next(3)) {
          case 0: if (at < text.size()) text[at] = c; break;
          case 1: text.insert(at, 1, c); break;
          default: if (at < text.size()) text.erase(at, 1); break;
        }
      }
      std::string error;
      std::optional<Constant> c = Constant::from_literal(kind, text, &error);
      if (c) {
        ++accepted;
        (void)c->to_string();
      } else {
        ++rejected;
        EXPECT_FALSE(error.empty()) << text;
      }
    }
  }
  EXPECT_GT(accepted, 0);
  EXPECT_GT(rejected, 0);
}

TEST(ConstantLiteral, NullErrorPointerIsAllowed) {
  EXPECT_FALSE(Constant::from_literal(LitKind::Int, "08", nullptr).has_value());
  EXPECT_TRUE(Constant::from_literal(LitKind::Int, "8", nullptr).has_value());
}

// ---------------------------------------------------------------------------
// Arithmetic

TEST(ConstantArithmetic, ExactFacts) {
  std::optional<Constant> big = Constant::shift(Op::Shl, int_(1), 100);
  ASSERT_TRUE(big);
  std::optional<Constant> four = Constant::shift(Op::Shr, *big, 98);
  ASSERT_TRUE(four);
  EXPECT_EQ(four->int64_value(), 4);

  Constant sum = op(Op::Add, F("0.1"), F("0.2"));
  EXPECT_EQ(sum.kind(), Kind::Float);
  EXPECT_TRUE(eq(sum, F("0.3")));
  EXPECT_FALSE(eq(sum, Constant::make_float(0.1 + 0.2)));  // double arithmetic would differ

  Constant ten = op(Op::Quo, F("1e100"), F("1e99"));
  EXPECT_TRUE(eq(ten, int_(10)));
  ASSERT_TRUE(ten.to_int());
  EXPECT_EQ(ten.to_int()->int64_value(), 10);
}

TEST(ConstantArithmetic, IntegerDivisionTruncates) {
  EXPECT_EQ(op(Op::Quo, int_(-7), int_(2)).int64_value(), -3);
  EXPECT_EQ(op(Op::Quo, int_(7), int_(-2)).int64_value(), -3);
  EXPECT_EQ(op(Op::Rem, int_(-7), int_(2)).int64_value(), -1);
  EXPECT_EQ(op(Op::Rem, int_(7), int_(-2)).int64_value(), 1);
  EXPECT_EQ(op(Op::Quo, int_(-7), int_(2)).kind(), Kind::Int);
  // Without integer division, Ints divide exactly into a Float.
  Constant half = op(Op::Quo, int_(5), int_(2), false);
  EXPECT_EQ(half.kind(), Kind::Float);
  EXPECT_TRUE(eq(half, F("2.5")));
  Constant two = op(Op::Quo, int_(4), int_(2), false);
  EXPECT_EQ(two.kind(), Kind::Float);
  EXPECT_TRUE(eq(two, int_(2)));
  // A Float operand makes the division a float one whatever the flag says.
  EXPECT_TRUE(eq(op(Op::Quo, F("5.0"), int_(2), true), F("2.5")));
}

TEST(ConstantArithmetic, DivisionByZero) {
  EXPECT_FALSE(Constant::binary(Op::Quo, int_(1), int_(0), true));
  EXPECT_FALSE(Constant::binary(Op::Rem, int_(1), int_(0), true));
  EXPECT_FALSE(Constant::binary(Op::Quo, int_(1), int_(0), false));
  EXPECT_FALSE(Constant::binary(Op::Quo, F("1.5"), F("0.0"), false));
}

TEST(ConstantArithmetic, MixedKindsBecomeFloat) {
  Constant r = op(Op::Add, int_(1), F("0.5"));
  EXPECT_EQ(r.kind(), Kind::Float);
  EXPECT_TRUE(eq(r, F("1.5")));
  EXPECT_EQ(op(Op::Mul, F("2.0"), int_(3)).kind(), Kind::Float);
  EXPECT_EQ(op(Op::Mul, int_(2), int_(3)).kind(), Kind::Int);
  EXPECT_EQ(op(Op::Sub, int_(2), int_(3)).int64_value(), -1);
}

TEST(ConstantArithmetic, Bitwise) {
  EXPECT_EQ(op(Op::And, int_(12), int_(10)).int64_value(), 8);
  EXPECT_EQ(op(Op::Or, int_(12), int_(10)).int64_value(), 14);
  EXPECT_EQ(op(Op::Xor, int_(12), int_(10)).int64_value(), 6);
  EXPECT_EQ(op(Op::AndNot, int_(12), int_(10)).int64_value(), 4);
  // Two's complement on negatives, as Go.
  EXPECT_EQ(op(Op::And, int_(-1), int_(0xff)).int64_value(), 0xff);
  EXPECT_EQ(op(Op::Xor, int_(-5), int_(3)).int64_value(), -8);
  EXPECT_EQ(op(Op::Or, int_(-8), int_(3)).int64_value(), -5);
  EXPECT_EQ(op(Op::AndNot, int_(-1), int_(1)).int64_value(), -2);
  // Floats have no bitwise operators or remainder.
  EXPECT_FALSE(Constant::binary(Op::And, F("1.0"), int_(1), true));
  EXPECT_FALSE(Constant::binary(Op::Rem, F("5.0"), int_(2), true));
}

TEST(ConstantArithmetic, IntOverflowBeyond512Bits) {
  Constant top = shl(int_(1), 511);
  EXPECT_FALSE(Constant::binary(Op::Mul, top, int_(2), true));
  EXPECT_FALSE(Constant::binary(Op::Add, top, top, true));
  Constant max = op(Op::Add, op(Op::Sub, top, int_(1)), top);  // 2^512 - 1
  EXPECT_FALSE(Constant::binary(Op::Add, max, int_(1), true));
  // ^max is -2^512, one bit too many.
  EXPECT_FALSE(Constant::binary(Op::Xor, max, int_(-1), true));
  EXPECT_TRUE(Constant::binary(Op::Sub, int_(0), max, true));
}

TEST(ConstantArithmetic, Shifts) {
  EXPECT_EQ(Constant::shift(Op::Shr, int_(-8), 1)->int64_value(), -4);
  EXPECT_EQ(Constant::shift(Op::Shr, int_(-7), 1)->int64_value(), -4);  // floor
  EXPECT_EQ(Constant::shift(Op::Shr, int_(-1), 100)->int64_value(), -1);
  EXPECT_EQ(Constant::shift(Op::Shr, int_(1), 100)->int64_value(), 0);
  EXPECT_EQ(Constant::shift(Op::Shr, int_(5), UINT64_MAX)->int64_value(), 0);
  EXPECT_EQ(Constant::shift(Op::Shl, int_(-3), 2)->int64_value(), -12);
  EXPECT_TRUE(Constant::shift(Op::Shl, int_(1), 511));
  EXPECT_TRUE(Constant::shift(Op::Shl, int_(-1), 511));
  EXPECT_FALSE(Constant::shift(Op::Shl, int_(1), 512));
  EXPECT_FALSE(Constant::shift(Op::Shl, int_(-1), 512));
  EXPECT_FALSE(Constant::shift(Op::Shl, int_(3), 511));
  EXPECT_FALSE(Constant::shift(Op::Shl, int_(1), UINT64_MAX));
  EXPECT_EQ(Constant::shift(Op::Shl, int_(0), UINT64_MAX)->sign(), 0);
  // An integral Float shifts as an Int; a fractional one does not shift.
  EXPECT_EQ(Constant::shift(Op::Shl, F("2.0"), 3)->int64_value(), 16);
  EXPECT_FALSE(Constant::shift(Op::Shl, F("2.5"), 3));
  EXPECT_FALSE(Constant::shift(Op::Shl, Constant::make_string("x"), 3));
}

TEST(ConstantArithmetic, Unary) {
  EXPECT_EQ(Constant::unary(Op::Xor, int_(0), 8).int64_value(), 255);
  EXPECT_EQ(Constant::unary(Op::Xor, int_(5), 8).int64_value(), 250);
  EXPECT_EQ(Constant::unary(Op::Xor, int_(0), 64).uint64_value(), UINT64_MAX);
  EXPECT_EQ(Constant::unary(Op::Xor, int_(0), 0).int64_value(), -1);
  EXPECT_EQ(Constant::unary(Op::Xor, int_(5), 0).int64_value(), -6);
  EXPECT_EQ(Constant::unary(Op::Xor, int_(-6), 0).int64_value(), 5);
  EXPECT_EQ(Constant::unary(Op::Sub, int_(5), 0).int64_value(), -5);
  EXPECT_TRUE(eq(Constant::unary(Op::Sub, F("1.5"), 0), op(Op::Sub, int_(0), F("1.5"))));
  EXPECT_TRUE(eq(Constant::unary(Op::Add, F("1.5"), 0), F("1.5")));
  EXPECT_FALSE(Constant::unary(Op::Not, Constant::make_bool(true), 0).bool_value());
  EXPECT_TRUE(Constant::unary(Op::Not, Constant::make_bool(false), 0).bool_value());
}

TEST(ConstantArithmetic, StringsAndBools) {
  Constant ab = op(Op::Add, Constant::make_string("a"), Constant::make_string("b"));
  EXPECT_EQ(ab.string_value(), "ab");
  EXPECT_FALSE(Constant::binary(Op::Sub, ab, ab, true));
  Constant t = Constant::make_bool(true), f = Constant::make_bool(false);
  EXPECT_FALSE(op(Op::LAnd, t, f).bool_value());
  EXPECT_TRUE(op(Op::LOr, t, f).bool_value());
  EXPECT_FALSE(Constant::binary(Op::Add, t, f, true));
  EXPECT_FALSE(Constant::binary(Op::Add, t, int_(1), true));
}

TEST(ConstantArithmetic, HugeFloatsStayBounded) {
  // 1e19000 squared is beyond the representation's bound.
  EXPECT_FALSE(Constant::binary(Op::Mul, F("1e19000"), F("1e19000"), false));
  // Repeated squaring of 1/3 would grow the fraction without end; past
  // go/constant's 4096-bit fractions it is rounded to 512 bits instead.
  Constant x = op(Op::Quo, int_(1), int_(3), false);
  for (int i = 0; i < 40 && x.sign() != 0; ++i) x = op(Op::Mul, x, x);
  EXPECT_EQ(x.sign(), 0);  // flushed to zero below 2^-65536
  Constant y = F("1.5");
  for (int i = 0; i < 14; ++i) y = op(Op::Mul, y, y);  // 1.5^16384, about 1e2885
  EXPECT_EQ(y.to_string(), "1.20002e+2885");  // as go/constant prints it
  Constant z = F("0.7");
  for (int i = 0; i < 14; ++i) z = op(Op::Mul, z, z);
  EXPECT_EQ(z.to_string(), "1.2198e-2538");
  EXPECT_FALSE(y.to_float64());
}

// ---------------------------------------------------------------------------
// Comparison

TEST(ConstantCompare, NumbersExactly) {
  EXPECT_TRUE(Constant::compare(Op::Eql, int_(1), F("1.0")));
  EXPECT_TRUE(Constant::compare(Op::Lss, F("0.1"), F("0.2")));
  EXPECT_TRUE(Constant::compare(Op::Gtr, F("0.1"), Constant::make_float(0.1)) !=
              Constant::compare(Op::Lss, F("0.1"), Constant::make_float(0.1)));
  EXPECT_TRUE(Constant::compare(Op::Neq, F("0.1"), Constant::make_float(0.1)));
  EXPECT_TRUE(Constant::compare(Op::Leq, int_(-3), int_(-3)));
  EXPECT_TRUE(Constant::compare(Op::Geq, int_(4), F("3.99")));
  EXPECT_FALSE(Constant::compare(Op::Gtr, int_(4), int_(4)));
}

TEST(ConstantCompare, StringsBytewiseAndBools) {
  auto s = [](const char* v) { return Constant::make_string(v); };
  EXPECT_TRUE(Constant::compare(Op::Lss, s("a"), s("b")));
  EXPECT_TRUE(Constant::compare(Op::Lss, s("abc"), s("abd")));
  EXPECT_TRUE(Constant::compare(Op::Lss, s(""), s("a")));
  EXPECT_TRUE(Constant::compare(Op::Gtr, s("\xff"), s("a")));  // unsigned bytes
  EXPECT_TRUE(Constant::compare(Op::Eql, s("é"), S("\"\\u00e9\"")));
  EXPECT_TRUE(Constant::compare(Op::Eql, Constant::make_bool(true), Constant::make_bool(true)));
  EXPECT_TRUE(Constant::compare(Op::Neq, Constant::make_bool(true), Constant::make_bool(false)));
  EXPECT_FALSE(Constant::compare(Op::Eql, s("1"), int_(1)));
}

// ---------------------------------------------------------------------------
// Representability

TEST(ConstantRange, SizedIntegers) {
  EXPECT_TRUE(int_(127).fits_signed(8));
  EXPECT_FALSE(int_(128).fits_signed(8));
  EXPECT_TRUE(int_(-128).fits_signed(8));
  EXPECT_FALSE(int_(-129).fits_signed(8));
  EXPECT_TRUE(int_(255).fits_unsigned(8));
  EXPECT_FALSE(int_(256).fits_unsigned(8));
  EXPECT_FALSE(int_(-1).fits_unsigned(8));
  EXPECT_FALSE(int_(-1).fits_unsigned(64));
  EXPECT_TRUE(int_(0).fits_unsigned(1));
  EXPECT_FALSE(int_(0).fits_signed(0));

  Constant two63 = shl(int_(1), 63);
  EXPECT_FALSE(two63.fits_signed(64));
  EXPECT_TRUE(two63.fits_unsigned(64));
  EXPECT_EQ(two63.uint64_value(), uint64_t{1} << 63);
  Constant max64 = op(Op::Sub, two63, int_(1));
  EXPECT_TRUE(max64.fits_signed(64));
  EXPECT_EQ(max64.int64_value(), INT64_MAX);
  Constant min64 = Constant::unary(Op::Sub, two63, 0);
  EXPECT_TRUE(min64.fits_signed(64));
  EXPECT_EQ(min64.int64_value(), INT64_MIN);
  EXPECT_FALSE(op(Op::Sub, min64, int_(1)).fits_signed(64));
  Constant two64 = shl(int_(1), 64);
  EXPECT_FALSE(two64.fits_unsigned(64));
  EXPECT_TRUE(op(Op::Sub, two64, int_(1)).fits_unsigned(64));
  EXPECT_EQ(Constant::make_uint(UINT64_MAX).uint64_value(), UINT64_MAX);
  EXPECT_EQ(Constant::make_int(INT64_MIN).int64_value(), INT64_MIN);
}

TEST(ConstantRange, FloatsAsIntegers) {
  EXPECT_TRUE(F("3.0").fits_signed(8));
  EXPECT_FALSE(F("2.5").fits_signed(64));
  EXPECT_TRUE(F("1e2").fits_unsigned(8));
  EXPECT_FALSE(F("1e3").fits_unsigned(8));
  ASSERT_TRUE(F("1e20").to_int());
  EXPECT_EQ(F("1e20").to_int()->kind(), Kind::Int);
  EXPECT_FALSE(F("0.5").to_int());
  EXPECT_FALSE(Constant::make_string("1").to_int());
  EXPECT_EQ(int_(3).to_float().kind(), Kind::Float);
  EXPECT_TRUE(eq(int_(3).to_float(), int_(3)));
}

// Past 4096-bit fractions go/constant computes in 512-bit floats, whose
// rounding error ToInt forgives; `var i int = 1e1300 / 1e1299` is valid Go.
TEST(ConstantRange, RoundedBigFloatsAsIntegers) {
  Constant ten = op(Op::Quo, F("1e1300"), F("1e1299"));
  ASSERT_TRUE(ten.to_int());
  EXPECT_EQ(ten.to_int()->int64_value(), 10);
  EXPECT_TRUE(ten.fits_signed(8));
  EXPECT_EQ(ten.int64_value(), 10);
  EXPECT_EQ(ten.uint64_value(), 10u);
  Constant third = op(Op::Quo, F("1e1300"), F("3e1299"));
  ASSERT_TRUE(op(Op::Mul, third, int_(3)).to_int());
  EXPECT_EQ(op(Op::Mul, third, int_(3)).to_int()->int64_value(), 10);
  // Exact fractions get no such slack.
  EXPECT_FALSE(F("1.0000000000000000000000000000000000001").to_int());
  EXPECT_FALSE(op(Op::Quo, F("1e1300"), F("3e1299")).to_int());
}

TEST(ConstantRange, Float64Overflow) {
  EXPECT_TRUE(F("1e308").to_float64());
  EXPECT_FALSE(op(Op::Mul, F("1e308"), int_(10)).to_float64());
  EXPECT_FALSE(F("1e400").to_float64());
  EXPECT_FALSE(Constant::unary(Op::Sub, F("1e400"), 0).to_float64());
  EXPECT_EQ(*F("1.79769313486231570814527423731704356798070e+308").to_float64(), DBL_MAX);
  // Halfway between DBL_MAX and 2^1024 rounds to even, i.e. up: overflow.
  EXPECT_FALSE(F("0x1.fffffffffffff8p1023").to_float64());
  EXPECT_EQ(*F("0x1.fffffffffffff7ffp1023").to_float64(), DBL_MAX);
  // Underflow is silent, as Go's Float64Val.
  EXPECT_EQ(*F("1e-400").to_float64(), 0.0);
  EXPECT_EQ(*F("4.9e-324").to_float64(), 4.9e-324);
  EXPECT_EQ(*F("2.5e-324").to_float64(), 4.9e-324);
  EXPECT_EQ(*F("2.4e-324").to_float64(), 0.0);
  EXPECT_FALSE(Constant::make_string("x").to_float64());
}

TEST(ConstantRange, Float32Overflow) {
  EXPECT_EQ(*F("3.4e38").to_float32(), 3.4e38f);
  EXPECT_EQ(*F("3.40282346638528859811704183484516925440e+38").to_float32(), FLT_MAX);
  EXPECT_FALSE(F("3.5e38").to_float32());
  EXPECT_FALSE(F("0x1.ffffffp127").to_float32());  // halfway to 2^128
  EXPECT_EQ(*F("0x1.fffffefp127").to_float32(), FLT_MAX);
  EXPECT_EQ(*F("1e-50").to_float32(), 0.0f);
  // A negative value that underflows gives +0, as the constant a Go program
  // sees (`var y float32 = -1e-50` is not negative zero).
  std::optional<float> neg = Constant::unary(Op::Sub, F("1e-50"), 0).to_float32();
  ASSERT_TRUE(neg);
  EXPECT_FALSE(std::signbit(*neg));
}

// ---------------------------------------------------------------------------
// Rounding

TEST(ConstantRounding, MatchesStrtod) {
  const char* cases[] = {
      "0.1",   "0.2",   "0.3",  "3.14159",   "2.718281828459045", "1e23", "8.98846567431158e307",
      "1e-7",  "123456789.123456789", "2.2250738585072011e-308",  "2.2250738585072012e-308",
      "9007199254740993", "0.000001", "1.7976931348623157e308", "4.9406564584124654e-324",
      "5e-324", "1.5e-323", "0.30000000000000004", "6.02214076e23"};
  for (const char* text : cases) {
    std::optional<double> d = F(text).to_float64();
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(bits_of(*d), bits_of(std::strtod(text, nullptr))) << text;
    // strtof rounds to an infinity exactly where float32 overflows.
    std::optional<float> f = F(text).to_float32();
    float expected = std::strtof(text, nullptr);
    if (std::isinf(expected)) {
      EXPECT_FALSE(f) << text;
    } else {
      ASSERT_TRUE(f) << text;
      EXPECT_EQ(*f, expected) << text;
    }
    Constant negative = Constant::unary(Op::Sub, F(text), 0);
    EXPECT_EQ(bits_of(*negative.to_float64()), bits_of(-std::strtod(text, nullptr))) << text;
  }
  EXPECT_EQ(*F("0.1").to_float64(), 0.1);
}

TEST(ConstantRounding, TiesToEven) {
  Constant two53 = shl(int_(1), 53);
  EXPECT_EQ(*op(Op::Add, two53, int_(1)).to_float64(), 9007199254740992.0);
  EXPECT_EQ(*op(Op::Add, two53, int_(3)).to_float64(), 9007199254740996.0);
  EXPECT_EQ(*op(Op::Add, two53, int_(5)).to_float64(), 9007199254740996.0);
  Constant two24 = shl(int_(1), 24);
  EXPECT_EQ(*op(Op::Add, two24, int_(1)).to_float32(), 16777216.0f);
  EXPECT_EQ(*op(Op::Add, two24, int_(3)).to_float32(), 16777220.0f);
  EXPECT_EQ(*int_(-3).to_float64(), -3.0);
}

TEST(ConstantRounding, RoundedConstants) {
  std::optional<Constant> r64 = F("0.1").rounded_float64();
  ASSERT_TRUE(r64);
  EXPECT_EQ(r64->kind(), Kind::Float);
  EXPECT_TRUE(eq(*r64, Constant::make_float(0.1)));
  EXPECT_FALSE(eq(*r64, F("0.1")));
  std::optional<Constant> r32 = F("0.1").rounded_float32();
  ASSERT_TRUE(r32);
  EXPECT_TRUE(eq(*r32, Constant::make_float(static_cast<double>(0.1f))));
  EXPECT_FALSE(F("1e400").rounded_float64());
  EXPECT_FALSE(F("1e39").rounded_float32());
  EXPECT_TRUE(eq(*int_(7).rounded_float64(), int_(7)));
  EXPECT_TRUE(eq(*op(Op::Add, shl(int_(1), 53), int_(1)).rounded_float64(), shl(int_(1), 53)));
}

TEST(ConstantRounding, MakeFloatIsExact) {
  EXPECT_TRUE(eq(Constant::make_float(0.5), F("0.5")));
  EXPECT_TRUE(eq(Constant::make_float(-2.0), int_(-2)));
  EXPECT_EQ(*Constant::make_float(0.1).to_float64(), 0.1);
  EXPECT_EQ(*Constant::make_float(DBL_MIN / 4).to_float64(), DBL_MIN / 4);
}

// ---------------------------------------------------------------------------
// Spelling (go/constant's String)

TEST(ConstantString, Ints) {
  EXPECT_EQ(int_(42).to_string(), "42");
  EXPECT_EQ(int_(-7).to_string(), "-7");
  EXPECT_EQ(shl(int_(1), 100).to_string(), "1267650600228229401496703205376");
  EXPECT_EQ(lit(LitKind::Char, "'a'").to_string(), "97");
  EXPECT_EQ(Constant().to_string(), "0");
}

TEST(ConstantString, Floats) {
  struct Case {
    const char* literal;
    const char* spelled;
  };
  // Each pair is what go/constant's MakeFromLiteral(...).String() prints.
  const Case cases[] = {
      {"1.5", "1.5"},           {"1e100", "1e+100"},       {"0.1", "0.1"},
      {"100000.0", "100000"},   {"1e6", "1e+06"},          {"123456789.0", "1.23457e+08"},
      {"1e-5", "1e-05"},        {"0.0001", "0.0001"},      {"2.5", "2.5"},
      {"0.0", "0"},             {"1e400", "1e+400"},       {"1e-400", "1e-400"},
      {"1e1300", "1e+1300"},    {"1e-1300", "1e-1300"},    {"3.4e38", "3.4e+38"},
      {"1e21", "1e+21"},        {"123456.5", "123456"},    {"999999.5", "1e+06"},
      {"0.000012345678", "1.23457e-05"},
  };
  for (const Case& c : cases) EXPECT_EQ(F(c.literal).to_string(), c.spelled) << c.literal;
  EXPECT_EQ(op(Op::Quo, int_(1), int_(3), false).to_string(), "0.333333");
  EXPECT_EQ(Constant::unary(Op::Sub, F("1e400"), 0).to_string(), "-1e+400");
}

TEST(ConstantString, Strings) {
  auto q = [](std::string s) { return Constant::make_string(std::move(s)).to_string(); };
  EXPECT_EQ(q("abc"), "\"abc\"");
  EXPECT_EQ(q("a\nb"), "\"a\\nb\"");
  EXPECT_EQ(q(std::string(1, '\0')), "\"\\x00\"");
  EXPECT_EQ(q("\t"), "\"\\t\"");
  EXPECT_EQ(q("é"), "\"é\"");
  EXPECT_EQ(q("\xff"), "\"\\xff\"");
  EXPECT_EQ(q("\xc2\xa0"), "\"\\u00a0\"");          // no-break space is not printable
  EXPECT_EQ(q("\xe2\x80\x8b"), "\"\\u200b\"");      // zero-width space
  EXPECT_EQ(q("\xf3\xa0\x80\x81"), "\"\\U000e0001\"");  // language tag
  EXPECT_EQ(q("\x7f"), "\"\\x7f\"");
  EXPECT_EQ(q("q\"b\\"), "\"q\\\"b\\\\\"");
  EXPECT_EQ(q("世界😀"), "\"世界😀\"");
  // Longer than 72 runes quoted: the first 69 runes and "...".
  EXPECT_EQ(q(std::string(100, 'a')), "\"" + std::string(68, 'a') + "...");
  std::string e80, e68;
  for (int i = 0; i < 80; ++i) e80 += "é";
  for (int i = 0; i < 68; ++i) e68 += "é";
  EXPECT_EQ(q(e80), "\"" + e68 + "...");
  EXPECT_EQ(q(std::string(70, 'a')), "\"" + std::string(70, 'a') + "\"");  // exactly 72
  EXPECT_EQ(q(std::string(71, 'a')), "\"" + std::string(68, 'a') + "...");
}

TEST(ConstantString, Bools) {
  EXPECT_EQ(Constant::make_bool(true).to_string(), "true");
  EXPECT_EQ(Constant::make_bool(false).to_string(), "false");
}

// ---------------------------------------------------------------------------
// Value semantics

TEST(ConstantValue, CopyAndMove) {
  Constant a = Constant::make_string("hello");
  Constant b = a;
  EXPECT_EQ(b.string_value(), "hello");
  Constant c = std::move(a);
  EXPECT_EQ(c.string_value(), "hello");
  // A moved-from Constant reads as the Int 0 and can be copied and reassigned.
  EXPECT_EQ(a.kind(), Kind::Int);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(a.sign(), 0);          // NOLINT(bugprone-use-after-move)
  Constant d = a;                  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(d.to_string(), "0");
  a = c;
  EXPECT_EQ(a.string_value(), "hello");
  b = Constant::make_int(5);
  EXPECT_EQ(b.int64_value(), 5);
  const Constant& same = b;
  b = same;  // self-assignment keeps the value
  EXPECT_EQ(b.int64_value(), 5);
}

}  // namespace
}  // namespace gol::lang
