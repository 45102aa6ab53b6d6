// fmt_native_test.cc — fmt's printer (stdlib/fmt_print.cc) on values built
// with the VM's type table, against what Go 1.23 prints for the same values
// (each expectation was produced by running the same Sprintf under go run).
//
// Methods: the tests play the gol side of the two-pass protocol by hand —
// run the Collect pass, check which receivers it lists, then feed results to
// the Format pass.
#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "stdlib/fmt_impl.h"
#include "stdlib/natives.h"
#include "vm/goroutine.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::Iface;
using vm::Kind;
using vm::Slot;
using vm::Type;

class RuntimeEnv : public ::testing::Environment {
 public:
  void SetUp() override { vm::runtime_init(); }
};
const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new RuntimeEnv);

vm::TypeTable& tt() { return vm::TypeTable::get(); }
const Type* basic(Kind k) { return tt().basic(k); }

Slot si(int64_t v) { Slot s; s.i = v; return s; }
Slot sf(double v) { Slot s; s.f = v; return s; }
Slot sp(const void* p) { Slot s; s.cp = p; return s; }

std::vector<Slot> str_slots(std::string_view v) {
  vm::StringHeader h = vm::make_string(v);
  return {sp(h.data), si(h.len)};
}

Iface of(const Type* t, std::vector<Slot> slots) { return vm::make_iface(t, slots.data()); }
Iface I(int64_t v) { return of(basic(Kind::Int), {si(v)}); }
Iface F(double v) { return of(basic(Kind::Float64), {sf(v)}); }
Iface S(std::string_view v) { return of(basic(Kind::String), str_slots(v)); }
Iface B(bool v) { return of(basic(Kind::Bool), {si(v)}); }
Iface R(int32_t v) { return of(basic(Kind::Int32), {si(v)}); }
Iface nil_iface() { return {nullptr, {0}}; }

// A backing store of unpacked elements (each `slots` wide).
void* backing(const Type* elem, const std::vector<std::vector<Slot>>& elems) {
  auto* data = static_cast<Slot*>(vm::gc_alloc(elems.size() * elem->slots * sizeof(Slot) + 8));
  for (size_t i = 0; i < elems.size(); i++) vm::copy_slots(data + i * elem->slots, elems[i].data(), elem->slots);
  return data;
}

Iface slice(const Type* elem, const std::vector<std::vector<Slot>>& elems) {
  auto n = static_cast<int64_t>(elems.size());
  return of(tt().slice_of(elem), {sp(backing(elem, elems)), si(n), si(n)});
}

Iface bytes(std::string_view b) {
  auto* data = static_cast<char*>(vm::gc_alloc_atomic(b.size() + 1));
  std::memcpy(data, b.data(), b.size());
  auto n = static_cast<int64_t>(b.size());
  return of(tt().slice_of(basic(Kind::Uint8)), {sp(data), si(n), si(n)});
}

Iface map_of(const Type* key, const Type* elem, const std::vector<std::pair<std::vector<Slot>, std::vector<Slot>>>& entries) {
  const Type* mt = tt().map_of(key, elem);
  vm::Map* m = vm::map_new(mt, 0);
  for (const auto& [k, v] : entries) {
    const Type* bad = nullptr;
    Slot* dst = vm::map_assign(m, k.data(), &bad);
    vm::copy_slots(dst, v.data(), elem->slots);
  }
  return of(mt, {sp(m)});
}

// Arguments live in GC memory: boxes made above may be referenced only from here.
Iface* gc_args(std::initializer_list<Iface> args) {
  auto* a = static_cast<Iface*>(vm::gc_alloc((args.size() + 1) * sizeof(Iface)));
  size_t i = 0;
  for (const Iface& x : args) a[i++] = x;
  return a;
}

std::string run(PrintMode mode, std::string_view format, std::initializer_list<Iface> args,
                std::vector<MethodResult> results = {}) {
  PrintJob job;
  job.mode = mode;
  job.format = format;
  job.args = gc_args(args);
  job.nargs = args.size();
  job.results = results.data();
  job.nresults = results.size();
  return format_job(job).text;
}

std::string sprintf(std::string_view format, std::initializer_list<Iface> args, std::vector<MethodResult> results = {}) {
  return run(PrintMode::Printf, format, args, std::move(results));
}

size_t count_calls(PrintMode mode, std::string_view format, std::initializer_list<Iface> args, Iface** calls = nullptr) {
  PrintJob job;
  job.mode = mode;
  job.format = format;
  job.args = gc_args(args);
  job.nargs = args.size();
  size_t n = 0;
  Iface* c = collect_method_calls(job, &n);
  if (calls) *calls = c;
  return n;
}

MethodResult ok(std::string_view s) { return {vm::make_string(s), false}; }
MethodResult panicked(std::string_view s) { return {vm::make_string(s), true}; }

const Type* point_type() {
  static const Type* t = [] {
    const Type* i = basic(Kind::Int);
    const Type* s = tt().struct_of({{"X", i, false, ""}, {"Y", i, false, ""}}, "main");
    Type* named = tt().new_named("Point", "main", 1);
    tt().set_underlying(named, s);
    return named;
  }();
  return t;
}

const Type* string_method_type() { return tt().func_of({}, {basic(Kind::String)}, false); }

// type Celsius float64 with a String method.
const Type* celsius_type() {
  static const Type* t = [] {
    Type* named = tt().new_named("Celsius", "main", 2);
    tt().set_underlying(named, basic(Kind::Float64));
    tt().set_methods(named, {vm::Method{vm::intern_name("String"), string_method_type(), nullptr, true}});
    return named;
  }();
  return t;
}

// type PErr struct{ msg string } with Error on *PErr.
const Type* perr_ptr_type() {
  static const Type* t = [] {
    Type* named = tt().new_named("PErr", "main", 3);
    tt().set_underlying(named, tt().struct_of({{"msg", basic(Kind::String), false, ""}}, "main"));
    const Type* ptr = tt().pointer_to(named);
    tt().set_methods(ptr, {vm::Method{vm::intern_name("Error"), string_method_type(), nullptr, true}});
    return ptr;
  }();
  return t;
}

Iface perr(std::string_view msg) {
  auto* cell = static_cast<Slot*>(vm::gc_alloc(2 * sizeof(Slot)));
  auto s = str_slots(msg);
  vm::copy_slots(cell, s.data(), 2);
  return of(perr_ptr_type(), {sp(cell)});
}

Iface point(int64_t x, int64_t y) { return of(point_type(), {si(x), si(y)}); }

Iface point_ptr(int64_t x, int64_t y) {
  auto* cell = static_cast<Slot*>(vm::gc_alloc(2 * sizeof(Slot)));
  cell[0] = si(x);
  cell[1] = si(y);
  return of(tt().pointer_to(point_type()), {sp(cell)});
}

TEST(FmtPrint, Structs) {
  EXPECT_EQ(sprintf("%v|%+v|%#v", {point(1, 2), point(1, 2), point(1, 2)}), "{1 2}|{X:1 Y:2}|main.Point{X:1, Y:2}");
  EXPECT_EQ(sprintf("%v|%+v", {point_ptr(1, 2), point_ptr(-1, 2)}), "&{1 2}|&{X:-1 Y:2}");
  EXPECT_EQ(sprintf("%s", {point(1, 2)}), "{%!s(int=1) %!s(int=2)}");
  EXPECT_EQ(sprintf("%T", {point(0, 0)}), "main.Point");
}

// Whether s is open + "0x" + lower-case hex digits + close.
bool is_bracketed_address(const std::string& s, char open, char close) {
  if (s.size() < 5 || s.front() != open || s.back() != close || s.compare(1, 2, "0x") != 0) return false;
  return s.find_first_not_of("0123456789abcdef", 3) == s.size() - 1;
}

TEST(FmtPrint, NestedPointerPrintsAddress) {
  const Type* ptr = tt().pointer_to(point_type());
  const Type* holder = tt().struct_of({{"P", ptr, false, ""}}, "main");
  Iface p = point_ptr(1, 2);
  std::string out = sprintf("%v", {of(holder, {p.data})});
  EXPECT_TRUE(is_bracketed_address(out, '{', '}')) << out;
  // A pointer inside a slice is at depth 1 too.
  std::string list = sprintf("%v", {slice(ptr, {{p.data}})});
  EXPECT_TRUE(is_bracketed_address(list, '[', ']')) << list;
}

TEST(FmtPrint, MapsSortKeys) {
  const Type* str = basic(Kind::String);
  const Type* i = basic(Kind::Int);
  auto m = [&] { return map_of(str, i, {{str_slots("b"), {si(2)}}, {str_slots("a"), {si(1)}}, {str_slots("c"), {si(3)}}}); };
  EXPECT_EQ(sprintf("%v", {m()}), "map[a:1 b:2 c:3]");
  EXPECT_EQ(sprintf("%#v", {m()}), "map[string]int{\"a\":1, \"b\":2, \"c\":3}");
  EXPECT_EQ(sprintf("%v", {map_of(i, str, {{{si(3)}, str_slots("c")}, {{si(-1)}, str_slots("a")}, {{si(2)}, str_slots("b")}})}),
            "map[-1:a 2:b 3:c]");
  EXPECT_EQ(sprintf("%v", {map_of(point_type(), str, {{{si(2), si(1)}, str_slots("b")},
                                                      {{si(1), si(2)}, str_slots("a")},
                                                      {{si(1), si(1)}, str_slots("c")}})}),
            "map[{1 1}:c {1 2}:a {2 1}:b]");
  const Type* b = basic(Kind::Bool);
  EXPECT_EQ(sprintf("%v", {map_of(b, i, {{{si(1)}, {si(1)}}, {{si(0)}, {si(0)}}})}), "map[false:0 true:1]");
  const Type* f = basic(Kind::Float64);
  EXPECT_EQ(sprintf("%v", {map_of(f, str, {{{sf(std::nan(""))}, str_slots("nan")}, {{sf(1)}, str_slots("one")},
                                           {{sf(-INFINITY)}, str_slots("-inf")}})}),
            "map[NaN:nan -Inf:-inf 1:one]");
  EXPECT_EQ(sprintf("%10.4v|", {map_of(str, i, {{str_slots("a"), {si(1)}}})}), "map[         a:      0001]|");
}

TEST(FmtPrint, SlicesAndArrays) {
  const Type* str = basic(Kind::String);
  auto strs = [&] { return slice(str, {str_slots("a"), str_slots("b c")}); };
  EXPECT_EQ(sprintf("%q|%v|%#v", {strs(), strs(), strs()}), "[\"a\" \"b c\"]|[a b c]|[]string{\"a\", \"b c\"}");
  EXPECT_EQ(sprintf("%v|%s|%q", {bytes("\x01\x02\x03"), bytes("hi"), bytes("hi")}), "[1 2 3]|hi|\"hi\"");
  const Type* arr3 = tt().array_of(3, basic(Kind::Int));
  const Type* arr4b = tt().array_of(4, basic(Kind::Uint8));
  const Type* arr2b = tt().array_of(2, basic(Kind::Bool));
  Slot packed4;
  packed4.u = 0x04030201;  // [4]byte{1, 2, 3, 4}, packed in one slot
  Slot packed2;
  packed2.u = 0x0001;  // [2]bool{true, false}
  EXPECT_EQ(sprintf("%v|%x|%v|%v", {of(arr3, {si(1), si(2), si(3)}), of(arr4b, {packed4}), of(arr4b, {packed4}), of(arr2b, {packed2})}),
            "[1 2 3]|01020304|[1 2 3 4]|[true false]");
  const Type* ints = basic(Kind::Int);
  EXPECT_EQ(sprintf("%d|%x", {slice(ints, {{si(1)}, {si(2)}}), slice(ints, {{si(10)}, {si(11)}})}), "[1 2]|[a b]");
  EXPECT_EQ(sprintf("%-10v|", {slice(ints, {{si(1)}})}), "[1         ]|");
  const Type* any = tt().empty_interface();
  Iface one = I(1), a = S("a");
  auto any_slots = [](Iface x) { return std::vector<Slot>{sp(x.type), x.data}; };
  EXPECT_EQ(sprintf("%v|%d", {slice(any, {any_slots(one), any_slots(a), {sp(nullptr), si(0)}}), slice(any, {any_slots(one), any_slots(a)})}),
            "[1 a <nil>]|[1 %!d(string=a)]");
}

TEST(FmtPrint, NilValues) {
  const Type* ints = tt().slice_of(basic(Kind::Int));
  const Type* m = tt().map_of(basic(Kind::String), basic(Kind::Int));
  const Type* p = tt().pointer_to(point_type());
  Iface ns = of(ints, {sp(nullptr), si(0), si(0)});
  Iface nm = of(m, {sp(nullptr)});
  Iface np = of(p, {sp(nullptr)});
  EXPECT_EQ(sprintf("%v|%#v|%v|%#v|%v|%#v", {ns, ns, nm, nm, np, np}), "[]|[]int(nil)|map[]|map[string]int(nil)|<nil>|(*main.Point)(nil)");
  EXPECT_EQ(sprintf("%v|%d", {nil_iface(), nil_iface()}), "<nil>|%!d(<nil>)");
  EXPECT_EQ(sprintf("%p", {nil_iface()}), "%!p(<nil>)");
  EXPECT_EQ(sprintf("%T|%T|%T", {nil_iface(), ns, nm}), "<nil>|[]int|map[string]int");
  const Type* anon = tt().struct_of({{"E", tt().error_type(), false, ""}, {"A", tt().empty_interface(), false, ""}}, "main");
  Iface zero = of(anon, {sp(nullptr), si(0), sp(nullptr), si(0)});
  EXPECT_EQ(sprintf("%v|%#v", {zero, zero}), "{<nil> <nil>}|struct { E error; A interface {} }{E:error(nil), A:interface {}(nil)}");
}

TEST(FmtPrint, Strings) {
  EXPECT_EQ(sprintf("%x|% x|%#x|% #X|%X", {S("hello"), S("hello"), S("hello"), bytes("\x01\xab"), bytes("hi")}),
            "68656c6c6f|68 65 6c 6c 6f|0x68656c6c6f|0X01 0XAB|6869");
  EXPECT_EQ(sprintf("%5s|%.2s|%-6.3q|%5.1s|", {S("é"), S("héllo"), S("abcdef"), S("日本語")}), "    é|hé|\"abc\" |    日|");
  EXPECT_EQ(sprintf("%q|%+q|%#q|%#q", {S(std::string_view("héllo\n\x00", 8)), S("héllo"), S("back`tick"), S("raw")}),
            "\"héllo\\n\\x00\"|\"h\\u00e9llo\"|\"back`tick\"|`raw`");
  EXPECT_EQ(sprintf("%-10s|%x|", {S("hi"), S("")}), "hi        ||");
}

TEST(FmtPrint, Integers) {
  EXPECT_EQ(sprintf("%x|%#o|%O|%b|%08b|%.3d|%-5d|% d|%#v|%q|%c",
                    {I(-255), I(8), I(8), I(5), I(5), I(7), I(42), I(42), of(basic(Kind::Uint8), {si(200)}), R('a'), I(65)}),
            "-ff|010|0o10|101|00000101|007|42   | 42|0xc8|'a'|A");
  EXPECT_EQ(sprintf("%+d|%U|%#U|%c", {I(5), I(0x1F600), R('x'), R(0xE9)}), "+5|U+1F600|U+0078 'x'|é");
  EXPECT_EQ(sprintf("%08d|%+08d|%X", {I(-42), I(42), I(255)}), "-0000042|+0000042|FF");
  EXPECT_EQ(sprintf("%v %v", {of(basic(Kind::Int8), {si(-5)}), of(basic(Kind::Uint16), {si(65535)})}), "-5 65535");
  EXPECT_EQ(sprintf("%-+5d|%+-5d|% 05d", {I(3), I(3), I(3)}), "+3   |+3   | 0003");
  EXPECT_EQ(sprintf("%t|%5t|%d", {B(true), B(false), B(true)}), "true|false|%!d(bool=true)");
}

TEST(FmtPrint, Floats) {
  EXPECT_EQ(sprintf("%08.3f", {F(3.14159)}), "0003.142");
  EXPECT_EQ(sprintf("%e|%g|%.3g|%#g|%x|%b|% .2f|%+.1e|%6.2f|%06.2f",
                    {F(123456.789), F(1e-7), F(1234.5678), F(1.0), F(1.5), F(1.0), F(1.005), F(-0.0), F(std::nan("")), F(-INFINITY)}),
            "1.234568e+05|1e-07|1.23e+03|1.00000|0x1.8p+00|4503599627370496p-52| 1.00|-0.0e+00|   NaN|  -Inf");
  Iface f32a = of(basic(Kind::Float32), {sf(static_cast<float>(0.1))});
  Iface f32b = of(basic(Kind::Float32), {sf(static_cast<float>(1e10))});
  EXPECT_EQ(run(PrintMode::Print, "", {F(1e21), F(1e20), F(1e-5), F(123456.0), F(1234567.0), f32a, F(0.1 + 0.2), f32b}),
            "1e+21 1e+20 1e-05 123456 1.234567e+06 0.1 0.30000000000000004 1e+10");
  EXPECT_EQ(sprintf("%.0f|%.0f|%.0f|%.1f|%5.0e", {F(0.5), F(1.5), F(2.5), F(0.05), F(12345.0)}), "0|2|2|0.1|1e+04");
  EXPECT_EQ(sprintf("%g|%g|%g|%G|%v", {F(100000.0), F(1000000.0), F(1e-4), F(1e-5), of(basic(Kind::Float32), {sf(static_cast<float>(3.4e38))})}),
            "100000|1e+06|0.0001|1E-05|3.4e+38");
  EXPECT_EQ(sprintf("%6.2v|%-8v|%x", {F(3.14159), S("ab"), F(3.0)}), "   3.1|ab      |0x1.8p+01");
}

TEST(FmtPrint, ErrorForms) {
  EXPECT_EQ(sprintf("%d", {I(1), I(2)}), "1%!(EXTRA int=2)");
  EXPECT_EQ(sprintf("%d %d", {I(1)}), "1 %!d(MISSING)");
  EXPECT_EQ(sprintf("%z|%d", {I(3), S("hi")}), "%!z(int=3)|%!d(string=hi)");
  EXPECT_EQ(sprintf("%", {}), "%!(NOVERB)");
  EXPECT_EQ(sprintf("%*d", {S("x"), I(5)}), "%!(BADWIDTH)5");
  EXPECT_EQ(sprintf("%[3]d", {I(1)}), "%!d(BADINDEX)");
  EXPECT_EQ(sprintf("%[2]d %[1]d", {I(1), I(2)}), "2 1");
  EXPECT_EQ(sprintf("%[1]*[2]d|%[5]d", {I(4), I(7)}), "   7|%!d(BADINDEX)");
  EXPECT_EQ(sprintf("%.*f|%*d|%-*d|", {I(2), F(3.14159), I(5), I(1), I(4), I(2)}), "3.14|    1|2   |");
  EXPECT_EQ(sprintf("%s", {I(7)}), "%!s(int=7)");
  EXPECT_EQ(sprintf("%d %s", {I(1), S("a"), nil_iface(), F(2.5)}), "1 a%!(EXTRA <nil>, float64=2.5)");
  EXPECT_EQ(sprintf("%!", {}), "%!!(MISSING)");
  EXPECT_EQ(sprintf("%-", {I(1)}), "%!(NOVERB)%!(EXTRA int=1)");
  EXPECT_EQ(sprintf("100%%", {}), "100%");
}

TEST(FmtPrint, PrintAndPrintlnSpacing) {
  EXPECT_EQ(run(PrintMode::Print, "", {S("a"), I(1), I(2), S("b"), F(3.5), S("c")}), "a1 2b3.5c");
  EXPECT_EQ(run(PrintMode::Println, "", {S("a"), I(1), B(true)}), "a 1 true\n");
  EXPECT_EQ(run(PrintMode::Println, "", {}), "\n");
}

TEST(FmtMethods, StringerAtAnyDepth) {
  const Type* c = celsius_type();
  EXPECT_EQ(method_kind(c), MethodKind::String);
  EXPECT_EQ(method_kind(basic(Kind::Float64)), MethodKind::None);
  auto args = {of(c, {sf(21.5)}), of(c, {sf(21.5)}), slice(c, {{sf(1)}, {sf(2)}}), of(c, {sf(1)})};
  const char* format = "%v|%d|%v|%#v";
  Iface* calls = nullptr;
  ASSERT_EQ(count_calls(PrintMode::Printf, format, args, &calls), 3u);  // not %d, not %#v
  EXPECT_EQ(calls[0].type, c);
  EXPECT_EQ(calls[0].data.f, 21.5);
  EXPECT_EQ(calls[1].data.f, 1.0);
  EXPECT_EQ(calls[2].data.f, 2.0);
  EXPECT_EQ(sprintf(format, args, {ok("21.5°C"), ok("1.0°C"), ok("2.0°C")}), "21.5°C|%!d(main.Celsius=21.5)|[1.0°C 2.0°C]|1");
}

TEST(FmtMethods, UnexportedFieldsDoNotCallMethods) {
  const Type* c = celsius_type();
  const Type* temps = tt().struct_of({{"T", c, false, ""}, {"t", c, false, ""}}, "main");
  Iface v = of(temps, {sf(1), sf(2)});
  EXPECT_EQ(count_calls(PrintMode::Printf, "%v", {v}), 1u);
  EXPECT_EQ(sprintf("%v|%+v", {v, v}, {ok("1.0°C"), ok("1.0°C")}), "{1.0°C 2}|{T:1.0°C t:2}");
}

TEST(FmtMethods, PanicsAndNilReceivers) {
  const Type* c = celsius_type();
  EXPECT_EQ(sprintf("%v", {of(c, {sf(0)})}, {panicked("boom")}), "%!v(PANIC=String method: boom)");
  const Type* pe = perr_ptr_type();
  EXPECT_EQ(method_kind(pe), MethodKind::Error);
  Iface nil_perr = of(pe, {sp(nullptr)});
  EXPECT_EQ(sprintf("%s", {nil_perr}, {panicked("runtime error: invalid memory address or nil pointer dereference")}), "<nil>");
  EXPECT_EQ(sprintf("%v|%d", {perr("perr"), perr("x")}, {ok("perr")}), "perr|&{%!d(string=x)}");
  EXPECT_EQ(count_calls(PrintMode::Printf, "%d", {perr("x")}), 0u);
  EXPECT_EQ(sprintf("%q|%x", {of(c, {sf(0)}), of(c, {sf(0)})}, {ok("a"), ok("a")}), "\"a\"|61");
}

TEST(FmtMethods, WrapVerb) {
  Iface e = perr("inner");
  PrintJob job;
  job.mode = PrintMode::PrintfWrap;
  job.format = "outer: %w; %w";
  job.args = gc_args({e, I(3)});
  job.nargs = 2;
  size_t n = 0;
  collect_method_calls(job, &n);
  EXPECT_EQ(n, 1u);
  MethodResult r = ok("inner");
  job.results = &r;
  job.nresults = 1;
  PrintOutput out = format_job(job);
  EXPECT_EQ(out.text, "outer: inner; %!w(int=3)");
  EXPECT_EQ(out.wrapped, (std::vector<int64_t>{0, 1}));
  // Outside Errorf, %w is a bad verb even for errors.
  EXPECT_EQ(sprintf("%w", {perr("x")}), "%!w(*main.PErr=&{x})");
}

TEST(FmtMethods, ExtraOperandsUseMethods) {
  const Type* c = celsius_type();
  EXPECT_EQ(count_calls(PrintMode::Printf, "x", {of(c, {sf(3)})}), 1u);
  EXPECT_EQ(sprintf("x", {of(c, {sf(3)})}, {ok("3.0°C")}), "x%!(EXTRA main.Celsius=3.0°C)");
}

TEST(FmtMethods, MayNeedMethods) {
  Iface plain[] = {I(1), S("s"), point(1, 2), slice(basic(Kind::Int), {{si(1)}})};
  EXPECT_FALSE(args_may_need_methods(plain, 4));
  Iface with_any[] = {slice(tt().empty_interface(), {})};
  EXPECT_TRUE(args_may_need_methods(with_any, 1));
  Iface stringer[] = {of(celsius_type(), {sf(1)})};
  EXPECT_TRUE(args_may_need_methods(stringer, 1));
  EXPECT_EQ(count_calls(PrintMode::Print, "", {I(1), point(1, 2)}), 0u);
}

TEST(FmtMethods, PassesDisagreeingDoNotCrash) {
  // Fewer results than receivers: the rest print without their methods.
  const Type* c = celsius_type();
  EXPECT_EQ(sprintf("%v %v", {of(c, {sf(1)}), of(c, {sf(2)})}, {ok("one")}), "one 2");
}

// The two natives through their call windows, playing fmt.sprint's gol loop.
TEST(FmtNatives, TwoPassesThroughWindows) {
  vm::NativeRegistry registry;
  register_fmt_natives(registry);
  vm::NativeFn calls_fn = registry.find("fmt.methodCalls");
  vm::NativeFn format_fn = registry.find("fmt.formatArgs");
  ASSERT_NE(calls_fn, nullptr);
  ASSERT_NE(format_fn, nullptr);
  vm::Goroutine g;
  Iface* args = gc_args({of(celsius_type(), {sf(2)}), I(7)});
  vm::StringHeader format = vm::make_string("%v and %d");
  auto fill_prefix = [&](Slot* w) {
    w[0] = si(static_cast<int64_t>(PrintMode::Printf));
    w[1] = sp(format.data), w[2] = si(format.len);
    w[3] = sp(args), w[4] = si(2), w[5] = si(2);
  };
  Slot w[12] = {};
  fill_prefix(w);
  ASSERT_EQ(calls_fn(g, w), vm::NativeStatus::Ok);
  ASSERT_EQ(w[1].i, 1);
  auto* calls = static_cast<const Iface*>(w[0].cp);
  EXPECT_EQ(calls[0].type, celsius_type());
  // strs []string{"2.0°C"}, panicked []bool{false}
  vm::StringHeader r = vm::make_string("2.0°C");
  auto* strs = static_cast<vm::StringHeader*>(vm::gc_alloc(sizeof(vm::StringHeader)));
  strs[0] = r;
  auto* flags = static_cast<uint8_t*>(vm::gc_alloc_atomic(8));
  fill_prefix(w);
  w[6] = sp(strs), w[7] = si(1), w[8] = si(1);
  w[9] = sp(flags), w[10] = si(1), w[11] = si(1);
  ASSERT_EQ(format_fn(g, w), vm::NativeStatus::Ok);
  EXPECT_EQ(std::string(static_cast<const char*>(w[0].cp), static_cast<size_t>(w[1].i)), "2.0°C and 7");
  EXPECT_EQ(w[3].i, 0);  // no %w
}

TEST(FmtNatives, NoMethodsNoCalls) {
  vm::NativeRegistry registry;
  register_fmt_natives(registry);
  vm::Goroutine g;
  Iface* args = gc_args({I(1), S("x")});
  Slot w[6] = {si(static_cast<int64_t>(PrintMode::Println)), sp(nullptr), si(0), sp(args), si(2), si(2)};
  ASSERT_EQ(registry.find("fmt.methodCalls")(g, w), vm::NativeStatus::Ok);
  EXPECT_EQ(w[0].cp, nullptr);
  EXPECT_EQ(w[1].i, 0);
}

}  // namespace
}  // namespace gol::stdlib
