// unicode_native.cc — the natives of package unicode (see unicode.cc): one
// per predicate and case function, each a call into unicode_impl.h (print
// and graphic are fmt's tables, strconv.IsPrint being unicode.IsPrint).
#include "stdlib/fmt_impl.h"
#include "stdlib/natives.h"
#include "stdlib/unicode_impl.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

int32_t rune_arg(const Slot* w) { return static_cast<int32_t>(w[0].i); }

template <RuneClass c>
NativeStatus is(vm::Goroutine&, Slot* w) {
  w[0].i = rune_is(c, rune_arg(w)) ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus is_print_native(vm::Goroutine&, Slot* w) {
  w[0].i = is_print(rune_arg(w)) ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus is_graphic_native(vm::Goroutine&, Slot* w) {
  w[0].i = is_graphic(rune_arg(w)) ? 1 : 0;
  return NativeStatus::Ok;
}

template <int32_t (*f)(int32_t)>
NativeStatus map_rune(vm::Goroutine&, Slot* w) {
  w[0].i = f(rune_arg(w));
  return NativeStatus::Ok;
}

// to(_case, r): _case is already checked to be 0, 1 or 2.
NativeStatus to(vm::Goroutine&, Slot* w) {
  w[0].i = rune_to(static_cast<int>(w[0].i), static_cast<int32_t>(w[1].i));
  return NativeStatus::Ok;
}

}  // namespace

void register_unicode_natives(vm::NativeRegistry& registry) {
  registry.add("unicode.IsLetter", is<RuneClass::Letter>);
  registry.add("unicode.IsDigit", is<RuneClass::Digit>);
  registry.add("unicode.IsNumber", is<RuneClass::Number>);
  registry.add("unicode.IsSpace", is<RuneClass::Space>);
  registry.add("unicode.IsUpper", is<RuneClass::Upper>);
  registry.add("unicode.IsLower", is<RuneClass::Lower>);
  registry.add("unicode.IsTitle", is<RuneClass::Title>);
  registry.add("unicode.IsPunct", is<RuneClass::Punct>);
  registry.add("unicode.IsMark", is<RuneClass::Mark>);
  registry.add("unicode.IsSymbol", is<RuneClass::Symbol>);
  registry.add("unicode.IsControl", is<RuneClass::Control>);
  registry.add("unicode.IsPrint", is_print_native);
  registry.add("unicode.IsGraphic", is_graphic_native);
  registry.add("unicode.to", to);
  registry.add("unicode.ToUpper", map_rune<rune_to_upper>);
  registry.add("unicode.ToLower", map_rune<rune_to_lower>);
  registry.add("unicode.ToTitle", map_rune<rune_to_title>);
  registry.add("unicode.SimpleFold", map_rune<rune_simple_fold>);
}

}  // namespace gol::stdlib
