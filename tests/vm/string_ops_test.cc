// string_ops_test.cc — concatenation, comparison, UTF-8 decoding and the
// string <-> []byte / []rune conversions, against Go's unicode/utf8 rules.
#include <gtest/gtest.h>

#include <string>

#include "vm/runtime.h"

namespace gol::vm {
namespace {

class StringOpsTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_init(); }
};

StringHeader lit(std::string_view s) { return {s.data(), static_cast<int64_t>(s.size())}; }
std::string str(StringHeader s) { return std::string(s.view()); }

TEST_F(StringOpsTest, Concat) {
  EXPECT_EQ(str(string_concat(lit("foo"), lit("bar"))), "foobar");
  StringHeader a = lit("abc");
  // Concatenating with "" returns the other operand without copying.
  EXPECT_EQ(string_concat(a, lit("")).data, a.data);
  EXPECT_EQ(string_concat(lit(""), a).data, a.data);
  EXPECT_EQ(string_concat(lit(""), lit("")).len, 0);
}

TEST_F(StringOpsTest, ConcatN) {
  StringHeader parts[4] = {lit("a"), lit(""), lit("héllo"), lit("!")};
  Slot slots[8];
  for (int i = 0; i < 4; i++) {
    slots[2 * i].cp = parts[i].data;
    slots[2 * i + 1].i = parts[i].len;
  }
  EXPECT_EQ(str(string_concat_n(slots, 4)), "ahéllo!");
  EXPECT_EQ(string_concat_n(slots, 0).len, 0);
  // One non-empty operand is returned as is.
  Slot two[4] = {{.cp = ""}, {.i = 0}, {.cp = parts[2].data}, {.i = parts[2].len}};
  EXPECT_EQ(string_concat_n(two, 2).data, parts[2].data);
}

TEST_F(StringOpsTest, Compare) {
  EXPECT_EQ(string_compare(lit("abc"), lit("abc")), 0);
  EXPECT_LT(string_compare(lit("abc"), lit("abd")), 0);
  EXPECT_GT(string_compare(lit("abd"), lit("abc")), 0);
  EXPECT_LT(string_compare(lit("ab"), lit("abc")), 0);
  EXPECT_GT(string_compare(lit("abc"), lit("ab")), 0);
  EXPECT_LT(string_compare(lit(""), lit("a")), 0);
  EXPECT_EQ(string_compare(lit(""), StringHeader{nullptr, 0}), 0);
  // Bytewise, unsigned: "\xff" sorts after "a".
  EXPECT_GT(string_compare(lit("\xff"), lit("a")), 0);
}

struct Decoded {
  int32_t rune;
  int64_t width;
};

Decoded decode(std::string_view s, int64_t at = 0) {
  int64_t w = -1;
  int32_t r = decode_rune(lit(s), at, &w);
  return {r, w};
}

TEST_F(StringOpsTest, DecodeValid) {
  EXPECT_EQ(decode("a").rune, 'a');
  EXPECT_EQ(decode("a").width, 1);
  EXPECT_EQ(decode(std::string_view("\0", 1)).rune, 0);
  EXPECT_EQ(decode("é").rune, 0xE9);
  EXPECT_EQ(decode("é").width, 2);
  EXPECT_EQ(decode("世").rune, 0x4E16);
  EXPECT_EQ(decode("世").width, 3);
  EXPECT_EQ(decode("😀").rune, 0x1F600);
  EXPECT_EQ(decode("😀").width, 4);
  EXPECT_EQ(decode("\xef\xbf\xbd").rune, 0xFFFD);  // a real U+FFFD has width 3
  EXPECT_EQ(decode("\xef\xbf\xbd").width, 3);
  EXPECT_EQ(decode("\xf4\x8f\xbf\xbf").rune, 0x10FFFF);
  EXPECT_EQ(decode("\xed\x9f\xbf").rune, 0xD7FF);
  EXPECT_EQ(decode("x世y", 1).rune, 0x4E16);
}

TEST_F(StringOpsTest, DecodeInvalidIsRuneErrorWidthOne) {
  const char* bad[] = {
      "\x80",              // lone continuation byte
      "\xbf",              //
      "\xc0\x80",          // overlong NUL
      "\xc1\xbf",          // overlong
      "\xe0\x80\x80",      // overlong 3-byte
      "\xe0\x9f\xbf",      // overlong 3-byte
      "\xed\xa0\x80",      // surrogate U+D800
      "\xed\xbf\xbf",      // surrogate U+DFFF
      "\xf0\x80\x80\x80",  // overlong 4-byte
      "\xf0\x8f\xbf\xbf",  // overlong 4-byte
      "\xf4\x90\x80\x80",  // above U+10FFFF
      "\xf5\x80\x80\x80",  // invalid lead
      "\xff",              //
      "\xc3",              // truncated
      "\xe4\xb8",          // truncated
      "\xf0\x9f\x98",      // truncated
      "\xe4\x41\x41",      // bad continuation
  };
  for (const char* s : bad) {
    Decoded d = decode(s);
    EXPECT_EQ(d.rune, 0xFFFD) << testing::PrintToString(std::string(s));
    EXPECT_EQ(d.width, 1) << testing::PrintToString(std::string(s));
  }
  // Truncated by the string's end, not by a NUL.
  int64_t w;
  EXPECT_EQ(decode_rune(StringHeader{"\xc3\xa9", 1}, 0, &w), 0xFFFD);
  EXPECT_EQ(w, 1);
}

TEST_F(StringOpsTest, FromRune) {
  EXPECT_EQ(str(string_from_rune('A')), "A");
  EXPECT_EQ(str(string_from_rune(0xE9)), "é");
  EXPECT_EQ(str(string_from_rune(0x4E16)), "世");
  EXPECT_EQ(str(string_from_rune(0x1F600)), "😀");
  EXPECT_EQ(str(string_from_rune(0)), std::string("\0", 1));
  EXPECT_EQ(str(string_from_rune(-1)), "\uFFFD");
  EXPECT_EQ(str(string_from_rune(0xD800)), "\uFFFD");
  EXPECT_EQ(str(string_from_rune(0xDFFF)), "\uFFFD");
  EXPECT_EQ(str(string_from_rune(0x110000)), "\uFFFD");
  EXPECT_EQ(str(string_from_rune(int64_t{1} << 40)), "\uFFFD");
}

TEST_F(StringOpsTest, FromBytesCopies) {
  uint8_t buf[3] = {'a', 'b', 'c'};
  StringHeader s = string_from_bytes(buf, 3);
  buf[0] = 'z';
  EXPECT_EQ(str(s), "abc");
  EXPECT_EQ(string_from_bytes(buf, 0).len, 0);
}

TEST_F(StringOpsTest, FromRunes) {
  int32_t runes[] = {'h', 0xE9, 0x4E16, -5, 0x1F600, 0xD800};
  EXPECT_EQ(str(string_from_runes(runes, 6)), "hé世\uFFFD😀\uFFFD");
  EXPECT_EQ(string_from_runes(runes, 0).len, 0);
}

TEST_F(StringOpsTest, BytesFromString) {
  StringHeader s = lit("héllo");
  SliceHeader b = bytes_from_string(s);
  EXPECT_EQ(b.len, 6);
  EXPECT_EQ(b.cap, 6);
  ASSERT_NE(b.data, nullptr);
  EXPECT_NE(b.data, static_cast<const void*>(s.data));
  EXPECT_EQ(std::string(static_cast<const char*>(b.data), 6), "héllo");
  // []byte("") is empty but not nil.
  SliceHeader e = bytes_from_string(lit(""));
  EXPECT_EQ(e.len, 0);
  EXPECT_NE(e.data, nullptr);
}

TEST_F(StringOpsTest, RunesFromString) {
  SliceHeader r = runes_from_string(lit("a世\xff😀"));
  ASSERT_EQ(r.len, 4);
  EXPECT_EQ(r.cap, 4);
  auto* p = static_cast<const int32_t*>(r.data);
  EXPECT_EQ(p[0], 'a');
  EXPECT_EQ(p[1], 0x4E16);
  EXPECT_EQ(p[2], 0xFFFD);
  EXPECT_EQ(p[3], 0x1F600);
  EXPECT_EQ(runes_from_string(lit("")).len, 0);
  // Round trip.
  EXPECT_EQ(str(string_from_runes(p, r.len)), "a世\uFFFD😀");
}

}  // namespace
}  // namespace gol::vm
