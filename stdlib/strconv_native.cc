// strconv_native.cc — package strconv's natives (strconv.cc's header lists
// them): number formatting and parsing, quoting, printability.
//
// Each is a thin adapter from the call window (vm/native.h) to the shared
// code in fmt_float.cc and fmt_quote.cc, which fmt uses too, so that
// strconv.FormatFloat(x, 'g', -1, 64) and fmt's %v of x can never disagree.
// Failures come back as statuses or ok flags; strconv.cc's Go wrappers turn
// them into *NumError / ErrSyntax. The only panics are Go's own for invalid
// arguments (a base outside 2..36, a bit size other than 32 or 64).
#include "stdlib/fmt_impl.h"
#include "stdlib/natives.h"
#include "vm/native.h"
#include "vm/runtime.h"

namespace gol::stdlib {

namespace {

using vm::Goroutine;
using vm::NativeStatus;
using vm::Slot;

std::string_view string_arg(const Slot* w) {
  return {static_cast<const char*>(w[0].cp), static_cast<size_t>(w[1].i)};
}

void put_string(Slot* w, std::string_view s) {
  vm::StringHeader h = vm::make_string(s);
  w[0].cp = h.data;
  w[1].i = h.len;
}

// panic("...") with a string value, as strconv does for bad arguments.
NativeStatus panic_with_string(Goroutine& g, std::string_view msg) {
  vm::StringHeader h = vm::make_string(msg);
  Slot v[2];
  v[0].cp = h.data;
  v[1].i = h.len;
  return vm::raise(g, vm::make_iface(vm::TypeTable::get().basic(vm::Kind::String), v));
}

NativeStatus format_int(Goroutine& g, Slot* w) {
  int64_t i = w[0].i, base = w[1].i;
  if (base < 2 || base > 36) return panic_with_string(g, "strconv: illegal AppendInt/FormatInt base");
  std::string s;
  append_int(s, i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i), i < 0, static_cast<int>(base));
  put_string(w, s);
  return NativeStatus::Ok;
}

NativeStatus format_uint(Goroutine& g, Slot* w) {
  uint64_t u = w[0].u;
  int64_t base = w[1].i;
  if (base < 2 || base > 36) return panic_with_string(g, "strconv: illegal AppendInt/FormatInt base");
  std::string s;
  append_int(s, u, false, static_cast<int>(base));
  put_string(w, s);
  return NativeStatus::Ok;
}

NativeStatus format_float_native(Goroutine& g, Slot* w) {
  double f = w[0].f;
  auto fmt = static_cast<char>(w[1].u);
  int64_t prec = w[2].i, bit_size = w[3].i;
  if (bit_size != 32 && bit_size != 64) return panic_with_string(g, "strconv: illegal AppendFloat/FormatFloat bitSize");
  // Precisions beyond any float's exact expansion (~1100 digits) only add zeros;
  // clamp so an absurd one cannot exhaust memory before Go would.
  if (prec > 1 << 20) prec = 1 << 20;
  put_string(w, format_float(f, fmt, static_cast<int>(prec < -1 ? -1 : prec), static_cast<int>(bit_size)));
  return NativeStatus::Ok;
}

NativeStatus parse_float_native(Goroutine&, Slot* w) {
  std::string_view s = string_arg(w);
  int64_t bit_size = w[2].i;
  double f;
  ParseStatus status = parse_float(s, bit_size == 32 ? 32 : 64, &f);
  w[0].f = f;
  w[1].i = static_cast<int64_t>(status);
  return NativeStatus::Ok;
}

template <QuoteMode kMode>
NativeStatus quote(Goroutine&, Slot* w) {
  std::string out;
  append_quoted(out, string_arg(w), kMode);
  put_string(w, out);
  return NativeStatus::Ok;
}

template <QuoteMode kMode>
NativeStatus quote_rune(Goroutine&, Slot* w) {
  std::string out;
  append_quoted_rune(out, static_cast<int32_t>(w[0].i), kMode);
  put_string(w, out);
  return NativeStatus::Ok;
}

NativeStatus is_print_native(Goroutine&, Slot* w) {
  w[0].u = is_print(static_cast<int32_t>(w[0].i)) ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus is_graphic_native(Goroutine&, Slot* w) {
  w[0].u = is_graphic(static_cast<int32_t>(w[0].i)) ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus unquote_native(Goroutine&, Slot* w) {
  std::string out;
  bool ok = unquote(string_arg(w), &out);
  put_string(w, ok ? std::string_view(out) : std::string_view());
  w[2].u = ok ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus unquote_char_native(Goroutine&, Slot* w) {
  std::string_view s = string_arg(w);
  auto quote = static_cast<char>(w[2].u);
  int32_t value = 0;
  bool multibyte = false;
  std::string_view tail;
  bool ok = unquote_char(s, quote, &value, &multibyte, &tail);
  if (!ok) value = 0, multibyte = false, tail = {};
  w[0].i = value;
  w[1].u = multibyte ? 1 : 0;
  w[2].cp = tail.empty() ? nullptr : tail.data();  // a substring of s: strings are immutable
  w[3].i = static_cast<int64_t>(tail.size());
  w[4].u = ok ? 1 : 0;
  return NativeStatus::Ok;
}

}  // namespace

void register_strconv_natives(vm::NativeRegistry& registry) {
  registry.add("strconv.FormatInt", format_int);
  registry.add("strconv.FormatUint", format_uint);
  registry.add("strconv.FormatFloat", format_float_native);
  registry.add("strconv.parseFloat", parse_float_native);
  registry.add("strconv.Quote", quote<QuoteMode::Plain>);
  registry.add("strconv.QuoteToASCII", quote<QuoteMode::Ascii>);
  registry.add("strconv.QuoteToGraphic", quote<QuoteMode::Graphic>);
  registry.add("strconv.QuoteRune", quote_rune<QuoteMode::Plain>);
  registry.add("strconv.QuoteRuneToASCII", quote_rune<QuoteMode::Ascii>);
  registry.add("strconv.QuoteRuneToGraphic", quote_rune<QuoteMode::Graphic>);
  registry.add("strconv.IsPrint", is_print_native);
  registry.add("strconv.IsGraphic", is_graphic_native);
  registry.add("strconv.unquote", unquote_native);
  registry.add("strconv.unquoteChar", unquote_char_native);
}

}  // namespace gol::stdlib
