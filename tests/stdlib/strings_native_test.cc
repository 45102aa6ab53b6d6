// strings_native_test.cc — the natives of package strings against Go 1.23.
//
// Every expected value below was printed by Go 1.23 (strings.ToUpper etc. on
// the same input), so these tables are Go's behaviour, not ours restated:
// Unicode case mapping (title-case digraphs, the Kelvin sign, invalid UTF-8
// becoming U+FFFD), EqualFold's folding orbits, substring search.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "stdlib/natives.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using namespace std::literals;
using vm::Slot;

class StringsNative : public ::testing::Test {
 protected:
  void SetUp() override {
    vm::runtime_init();
    register_strings_natives(m_registry);
    m_g = vm::new_goroutine();
  }

  // Calls strings.<name> on a window holding `args` (and room for results).
  void call(const char* name, Slot* window) {
    vm::NativeFn fn = m_registry.find(std::string("strings.") + name);
    ASSERT_NE(fn, nullptr) << name;
    ASSERT_EQ(fn(*m_g, window), vm::NativeStatus::Ok);
  }

  std::string string_fn(const char* name, std::string_view s) {
    Slot w[2];
    w[0].cp = s.data();
    w[1].i = static_cast<int64_t>(s.size());
    call(name, w);
    return std::string(static_cast<const char*>(w[0].cp), static_cast<size_t>(w[1].i));
  }

  int64_t search(const char* name, std::string_view s, std::string_view sub) {
    Slot w[4];
    w[0].cp = s.data();
    w[1].i = static_cast<int64_t>(s.size());
    w[2].cp = sub.data();
    w[3].i = static_cast<int64_t>(sub.size());
    call(name, w);
    return w[0].i;
  }

  int64_t search_byte(const char* name, std::string_view s, unsigned char c) {
    Slot w[3];
    w[0].cp = s.data();
    w[1].i = static_cast<int64_t>(s.size());
    w[2].u = c;
    call(name, w);
    return w[0].i;
  }

  vm::NativeRegistry m_registry;
  vm::Goroutine* m_g = nullptr;
};

struct CaseCase {
  std::string_view in, upper, lower, title;
};
const CaseCase kCaseCases[] = {
    {""sv, ""sv, ""sv, ""sv},
    {"hello"sv, "HELLO"sv, "hello"sv, "HELLO"sv},
    {"HeLLo World 123"sv, "HELLO WORLD 123"sv, "hello world 123"sv, "HELLO WORLD 123"sv},
    {"\xc3""\x80""\xc3""\x89""\xc3""\x8e""\xc3""\xb5""\xc3""\xbc"""sv, "\xc3""\x80""\xc3""\x89""\xc3""\x8e""\xc3""\x95""\xc3""\x9c"""sv, "\xc3""\xa0""\xc3""\xa9""\xc3""\xae""\xc3""\xb5""\xc3""\xbc"""sv, "\xc3""\x80""\xc3""\x89""\xc3""\x8e""\xc3""\x95""\xc3""\x9c"""sv},
    {"stra\xc3""\x9f""e"sv, "STRA\xc3""\x9f""E"sv, "stra\xc3""\x9f""e"sv, "STRA\xc3""\x9f""E"sv},
    {"\xc7""\x85""\xc7""\x86""\xc7""\x84"""sv, "\xc7""\x84""\xc7""\x84""\xc7""\x84"""sv, "\xc7""\x86""\xc7""\x86""\xc7""\x86"""sv, "\xc7""\x85""\xc7""\x85""\xc7""\x85"""sv},
    {"\xc7""\x88"""sv, "\xc7""\x87"""sv, "\xc7""\x89"""sv, "\xc7""\x88"""sv},
    {"\xce""\xa3""\xce""\xaf""\xcf""\x83""\xcf""\x85""\xcf""\x86""\xce""\xbf""\xcf""\x82""\xce""\xa3"""sv, "\xce""\xa3""\xce""\x8a""\xce""\xa3""\xce""\xa5""\xce""\xa6""\xce""\x9f""\xce""\xa3""\xce""\xa3"""sv, "\xcf""\x83""\xce""\xaf""\xcf""\x83""\xcf""\x85""\xcf""\x86""\xce""\xbf""\xcf""\x82""\xcf""\x83"""sv, "\xce""\xa3""\xce""\x8a""\xce""\xa3""\xce""\xa5""\xce""\xa6""\xce""\x9f""\xce""\xa3""\xce""\xa3"""sv},
    {"\xef""\xac""\x80"""sv, "\xef""\xac""\x80"""sv, "\xef""\xac""\x80"""sv, "\xef""\xac""\x80"""sv},
    {"\xc4""\xb0""\xc4""\xb1"""sv, "\xc4""\xb0""I"sv, "i\xc4""\xb1"""sv, "\xc4""\xb0""I"sv},
    {"\xc5""\xbf"""sv, "S"sv, "\xc5""\xbf"""sv, "S"sv},
    {"Kelvin K"sv, "KELVIN K"sv, "kelvin k"sv, "KELVIN K"sv},
    {"\xc2""\xb5"""sv, "\xce""\x9c"""sv, "\xc2""\xb5"""sv, "\xce""\x9c"""sv},
    {"\xc3""\xbf""\xc5""\xb8"""sv, "\xc5""\xb8""\xc5""\xb8"""sv, "\xc3""\xbf""\xc3""\xbf"""sv, "\xc5""\xb8""\xc5""\xb8"""sv},
    {"\xe2""\x93""\x90""\xe2""\x93""\x91"""sv, "\xe2""\x92""\xb6""\xe2""\x92""\xb7"""sv, "\xe2""\x93""\x90""\xe2""\x93""\x91"""sv, "\xe2""\x92""\xb6""\xe2""\x92""\xb7"""sv},
    {"\xf0""\x90""\x90""\xa8""\xf0""\x90""\x90""\x80"""sv, "\xf0""\x90""\x90""\x80""\xf0""\x90""\x90""\x80"""sv, "\xf0""\x90""\x90""\xa8""\xf0""\x90""\x90""\xa8"""sv, "\xf0""\x90""\x90""\x80""\xf0""\x90""\x90""\x80"""sv},
    {"\xff""\xfe""ab"sv, "\xef""\xbf""\xbd""\xef""\xbf""\xbd""AB"sv, "\xef""\xbf""\xbd""\xef""\xbf""\xbd""ab"sv, "\xef""\xbf""\xbd""\xef""\xbf""\xbd""AB"sv},
    {"a\xc3"""sv, "A\xef""\xbf""\xbd"""sv, "a\xef""\xbf""\xbd"""sv, "A\xef""\xbf""\xbd"""sv},
    {"\xef""\xbf""\xbd"""sv, "\xef""\xbf""\xbd"""sv, "\xef""\xbf""\xbd"""sv, "\xef""\xbf""\xbd"""sv},
    {"\xe2""\x85""\xb7"""sv, "\xe2""\x85""\xa7"""sv, "\xe2""\x85""\xb7"""sv, "\xe2""\x85""\xa7"""sv},
    {"\xea""\xae""\xb0"""sv, "\xe1""\x8f""\xa0"""sv, "\xea""\xae""\xb0"""sv, "\xe1""\x8f""\xa0"""sv},
    {"\xe1""\xb2""\x80"""sv, "\xd0""\x92"""sv, "\xe1""\xb2""\x80"""sv, "\xd0""\x92"""sv},
    {"\xe1""\x8e""\xa0"""sv, "\xe1""\x8e""\xa0"""sv, "\xea""\xad""\xb0"""sv, "\xe1""\x8e""\xa0"""sv},
    {"\xc7""\xb0"""sv, "\xc7""\xb0"""sv, "\xc7""\xb0"""sv, "\xc7""\xb0"""sv},
    {"\xc3""\x9f"""sv, "\xc3""\x9f"""sv, "\xc3""\x9f"""sv, "\xc3""\x9f"""sv},
    {"\xef""\xac""\x83"""sv, "\xef""\xac""\x83"""sv, "\xef""\xac""\x83"""sv, "\xef""\xac""\x83"""sv},
    {"\xc8""\xbf""\xc9""\x80"""sv, "\xe2""\xb1""\xbe""\xe2""\xb1""\xbf"""sv, "\xc8""\xbf""\xc9""\x80"""sv, "\xe2""\xb1""\xbe""\xe2""\xb1""\xbf"""sv},
    {"\xea""\x9e""\xb5"""sv, "\xea""\x9e""\xb4"""sv, "\xea""\x9e""\xb5"""sv, "\xea""\x9e""\xb4"""sv},
    {"\xcd""\x85"""sv, "\xce""\x99"""sv, "\xcd""\x85"""sv, "\xce""\x99"""sv},
    {"\xce""\xa9"""sv, "\xce""\xa9"""sv, "\xcf""\x89"""sv, "\xce""\xa9"""sv},
};

TEST_F(StringsNative, CaseMappingMatchesGo) {
  for (const CaseCase& c : kCaseCases) {
    EXPECT_EQ(string_fn("ToUpper", c.in), c.upper) << "ToUpper(" << c.in << ")";
    EXPECT_EQ(string_fn("ToLower", c.in), c.lower) << "ToLower(" << c.in << ")";
    EXPECT_EQ(string_fn("ToTitle", c.in), c.title) << "ToTitle(" << c.in << ")";
  }
}

TEST_F(StringsNative, UnchangedInputIsReturnedWithoutCopy) {
  std::string_view s = "ALREADY UPPER, ÀÉ"sv;
  Slot w[2];
  w[0].cp = s.data();
  w[1].i = static_cast<int64_t>(s.size());
  call("ToUpper", w);
  EXPECT_EQ(w[0].cp, s.data());
  std::string_view ascii = "no capitals here"sv;
  w[0].cp = ascii.data();
  w[1].i = static_cast<int64_t>(ascii.size());
  call("ToLower", w);
  EXPECT_EQ(w[0].cp, ascii.data());
}

struct FoldCase {
  std::string_view s, t;
  bool equal;
};
const FoldCase kFoldCases[] = {
    {"Go"sv, "GO"sv, true},
    {"go"sv, "gopher"sv, false},
    {""sv, ""sv, true},
    {"a"sv, ""sv, false},
    {"stra\xc3""\x9f""e"sv, "STRASSE"sv, false},
    {"K"sv, "\xe2""\x84""\xaa"""sv, true},
    {"k"sv, "\xe2""\x84""\xaa"""sv, true},
    {"\xc5""\xbf"""sv, "S"sv, true},
    {"\xc5""\xbf"""sv, "s"sv, true},
    {"\xce""\xa3"""sv, "\xcf""\x82"""sv, true},
    {"\xcf""\x83"""sv, "\xcf""\x82"""sv, true},
    {"\xc2""\xb5"""sv, "\xce""\x9c"""sv, true},
    {"\xc2""\xb5"""sv, "\xce""\xbc"""sv, true},
    {"\xc7""\x85"""sv, "\xc7""\x86"""sv, true},
    {"\xc7""\x84"""sv, "\xc7""\x85"""sv, true},
    {"\xc3""\x80""B"sv, "\xc3""\xa0""b"sv, true},
    {"\xff"""sv, "\xfe"""sv, true},
    {"\xff"""sv, "\xef""\xbf""\xbd"""sv, true},
    {"abc\xff"""sv, "ABC\xff"""sv, true},
    {"\xe2""\x93""\x90"""sv, "\xe2""\x92""\xb6"""sv, true},
    {"\xf0""\x90""\x90""\xa8"""sv, "\xf0""\x90""\x90""\x80"""sv, true},
    {"\xc4""\xb0"""sv, "i"sv, false},
    {"\xc4""\xb1"""sv, "I"sv, false},
    {"a"sv, "A\xcc""\x80"""sv, false},
    {"Hello, \xe4""\xb8""\x96""\xe7""\x95""\x8c"""sv, "hELLO, \xe4""\xb8""\x96""\xe7""\x95""\x8c"""sv, true},
    {"1"sv, "!"sv, false},
    {"@"sv, "`"sv, false},
    {"["sv, "{"sv, false},
    {"\xc3""\x9f"""sv, "\xe1""\xba""\x9e"""sv, true},
    {"\xce""\xb8"""sv, "\xcf""\x91"""sv, true},
    {"\xce""\x98"""sv, "\xcf""\xb4"""sv, true},
    {"\xcf""\xb4"""sv, "\xcf""\x91"""sv, true},
};

TEST_F(StringsNative, EqualFoldMatchesGo) {
  for (const FoldCase& c : kFoldCases) {
    Slot w[4];
    w[0].cp = c.s.data();
    w[1].i = static_cast<int64_t>(c.s.size());
    w[2].cp = c.t.data();
    w[3].i = static_cast<int64_t>(c.t.size());
    call("EqualFold", w);
    EXPECT_EQ(w[0].i, c.equal ? 1 : 0) << "EqualFold(" << c.s << ", " << c.t << ")";
  }
}

struct IndexCase {
  std::string_view s, sub;
  int64_t index, last;
};
const IndexCase kIndexCases[] = {
    {""sv, ""sv, 0, 0},
    {"abc"sv, ""sv, 0, 3},
    {""sv, "a"sv, -1, -1},
    {"abc"sv, "abc"sv, 0, 0},
    {"abc"sv, "abcd"sv, -1, -1},
    {"chicken"sv, "ken"sv, 4, 4},
    {"chicken"sv, "dmr"sv, -1, -1},
    {"go gopher"sv, "go"sv, 0, 3},
    {"go gopher"sv, "o"sv, 1, 4},
    {"aaaaaaaab"sv, "aab"sv, 6, 6},
    {"abababab"sv, "abab"sv, 0, 4},
    {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv, "xxxxxxxxxxxxxxxxa"sv, 25, 25},
    {"\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e"""sv, "\xe6""\x9c""\xac"""sv, 3, 12},
    {"a\x00""b\x00""b"sv, "\x00""b"sv, 1, 3},
    {"\xff""\xfe""\xff"""sv, "\xff"""sv, 0, 2},
};

TEST_F(StringsNative, IndexAndLastIndexMatchGo) {
  for (const IndexCase& c : kIndexCases) {
    EXPECT_EQ(search("Index", c.s, c.sub), c.index) << "Index(" << c.s << ", " << c.sub << ")";
    EXPECT_EQ(search("LastIndex", c.s, c.sub), c.last) << "LastIndex(" << c.s << ", " << c.sub << ")";
  }
}

TEST_F(StringsNative, LastIndexFindsEveryPositionInLongInput) {
  // Rabin-Karp's rolling hash against a naive scan, on a text with many
  // near-matches.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += static_cast<char>('a' + (i * 7 + i / 13) % 3);
  for (size_t n = 2; n < 12; ++n) {
    for (size_t at = 0; at + n <= text.size(); at += 97) {
      std::string sub = text.substr(at, n);
      int64_t want = static_cast<int64_t>(text.rfind(sub));
      EXPECT_EQ(search("LastIndex", text, sub), want) << sub;
      EXPECT_EQ(search("Index", text, sub), static_cast<int64_t>(text.find(sub))) << sub;
    }
  }
  EXPECT_EQ(search("LastIndex", text, "abcabcabcabcabcabcabc"), -1);
}

TEST_F(StringsNative, IndexByteAndLastIndexByte) {
  EXPECT_EQ(search_byte("IndexByte", "golang", 'g'), 0);
  EXPECT_EQ(search_byte("LastIndexByte", "golang", 'g'), 5);
  EXPECT_EQ(search_byte("IndexByte", "golang", 'x'), -1);
  EXPECT_EQ(search_byte("LastIndexByte", "golang", 'x'), -1);
  EXPECT_EQ(search_byte("IndexByte", "", 'a'), -1);
  EXPECT_EQ(search_byte("LastIndexByte", "", 'a'), -1);
  EXPECT_EQ(search_byte("IndexByte", "a\xff" "b\xff"sv, 0xff), 1);
  EXPECT_EQ(search_byte("LastIndexByte", "a\xff" "b\xff"sv, 0xff), 3);
  EXPECT_EQ(search_byte("IndexByte", "a\0b"sv, 0), 1);
}

TEST_F(StringsNative, UnsafeStringSharesTheBytes) {
  char bytes[] = "shared";
  Slot w[3];
  w[0].p = bytes;
  w[1].i = 4;
  w[2].i = 7;
  call("unsafeString", w);
  EXPECT_EQ(w[0].cp, bytes);
  EXPECT_EQ(w[1].i, 4);
}

}  // namespace
}  // namespace gol::stdlib
