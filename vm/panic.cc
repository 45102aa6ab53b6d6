// panic.cc — raising panics, and Go's run-time error values.
//
// The core idea: a run-time error is an ordinary gol panic whose value is an
// interface holding one of Go's own runtime error types — runtime.boundsError,
// runtime.errorString, runtime.plainError, *runtime.TypeAssertionError,
// *runtime.PanicNilError — so %T, %v, errors.As/Is and recover() see what Go
// programs see. The types are built once through the TypeTable as named
// types of package "runtime", each with Error() and RuntimeError() methods.
// Their methods are tiny VM-internal bytecode functions (CALLNP to a C++
// function, then RET), so gol code calls them through interfaces exactly as
// it calls its own methods, with no special case in CALLM.
//
// Every error value here stores its message (or, for errorString, Go's text
// without the "runtime error: " prefix) as a string the Error method returns;
// Go keeps boundsError's numbers instead, which only %#v would reveal.
//
// What lives elsewhere: unwinding and the final report are in
// interp_panic.cc; fatal errors (not recoverable) in fatal.cc.
#include <mutex>
#include <string>

#include "vm/interp_impl.h"
#include "vm/runtime.h"

namespace gol::vm {

namespace {

// Distinguishes our declarations from the compiler's in the type table's
// identity keys (the compiler numbers its declarations from 0 upwards).
constexpr uint64_t kRuntimeTypeIds = uint64_t{0xfffff} << 40;

struct RuntimeTypes {
  const Type* bounds_error;      // runtime.boundsError (struct, boxed)
  const Type* error_string;      // runtime.errorString (string, boxed)
  const Type* plain_error;       // runtime.plainError (string, boxed)
  const Type* type_assert_ptr;   // *runtime.TypeAssertionError
  const Type* panic_nil_ptr;     // *runtime.PanicNilError
  Iface nil_deref;               // the one "invalid memory address" value (cf. Go's memoryError)
  Iface divide;                  // cf. Go's divideError
  Iface shift;                   // cf. Go's shiftError
};

// The message slots of every error value here: the data word points to a
// string (a box of 2 slots, or the struct a pointer type points to).
StringHeader message_of(const Slot* window) {
  const Slot* box = static_cast<const Slot*>(window[0].cp);
  return {static_cast<const char*>(box[0].cp), box[1].i};
}

NativeStatus error_message(Goroutine&, Slot* window) {
  StringHeader s = message_of(window);
  window[0].cp = s.data;
  window[1].i = s.len;
  return NativeStatus::Ok;
}

NativeStatus runtime_error_message(Goroutine&, Slot* window) {
  static const StringHeader kPrefix{"runtime error: ", 15};
  StringHeader s = string_concat(kPrefix, message_of(window));
  window[0].cp = s.data;
  window[1].i = s.len;
  return NativeStatus::Ok;
}

NativeStatus panic_nil_message(Goroutine&, Slot* window) {
  static const char kText[] = "panic called with nil argument";
  window[0].cp = kText;
  window[1].i = sizeof kText - 1;
  return NativeStatus::Ok;
}

// A method body: `CALLNP 0 <fn>; RET 0 <results>` (or just RET for
// RuntimeError), receiver in R[0]. Hidden from traces like a wrapper.
const Closure* method_closure(std::string name, NativeFn fn, uint32_t results) {
  auto* p = new Proto;
  p->name = std::move(name);
  p->param_slots = 1;
  p->result_slots = results;
  p->frame_slots = 2;
  p->is_wrapper = true;
  if (fn != nullptr) {
    p->code.push_back(Instr{Op::CALLNP, 0, 0, 0, 0});
    p->code.push_back(Instr::from_extra(reinterpret_cast<uint64_t>(fn)));
  }
  p->code.push_back(Instr{Op::RET, 0, 0, static_cast<uint16_t>(results), 0});
  p->lines.assign(p->code.size(), 0);
  auto* c = static_cast<Closure*>(gc_alloc_immortal(sizeof(Closure)));
  c->proto = p;
  p->static_closure = c;
  return c;
}

// Gives t (named, or a pointer to a named type) Error() and RuntimeError().
void add_error_methods(const Type* t, const std::string& receiver, NativeFn message) {
  TypeTable& table = TypeTable::get();
  const Type* error_fn = table.func_of({}, {table.basic(Kind::String)}, false);
  const Type* marker_fn = table.func_of({}, {}, false);
  table.set_methods(t, {
                           Method{intern_name("Error"), error_fn, method_closure("runtime." + receiver + ".Error", message, 2), true},
                           Method{intern_name("RuntimeError"), marker_fn, method_closure("runtime." + receiver + ".RuntimeError", nullptr, 0), true},
                       });
}

Type* named(const char* name, uint64_t id, const Type* underlying) {
  TypeTable& table = TypeTable::get();
  Type* t = table.new_named(name, "runtime", kRuntimeTypeIds + id);
  table.set_underlying(t, underlying);
  return t;
}

Iface boxed_message(const Type* t, std::string_view msg) {
  auto* box = static_cast<Slot*>(gc_alloc(2 * sizeof(Slot)));
  StringHeader s = make_string(msg);
  box[0].cp = s.data;
  box[1].i = s.len;
  return Iface{t, {.p = box}};
}

Iface immortal_message(const Type* t, std::string_view msg) {
  auto* box = static_cast<Slot*>(gc_alloc_immortal(2 * sizeof(Slot)));
  box[0].cp = msg.data();  // a literal: never freed, never collected
  box[1].i = static_cast<int64_t>(msg.size());
  return Iface{t, {.p = box}};
}

RuntimeTypes build_runtime_types() {
  TypeTable& table = TypeTable::get();
  const Type* string_type = table.basic(Kind::String);
  const Type* message_struct = table.struct_of({{"msg", string_type, false, ""}}, "runtime");
  RuntimeTypes r{};

  Type* bounds = named("boundsError", 1, message_struct);
  add_error_methods(bounds, "boundsError", error_message);
  r.bounds_error = bounds;

  Type* error_string = named("errorString", 2, string_type);
  add_error_methods(error_string, "errorString", runtime_error_message);
  r.error_string = error_string;

  Type* plain = named("plainError", 3, string_type);
  add_error_methods(plain, "plainError", error_message);
  r.plain_error = plain;

  Type* assertion = named("TypeAssertionError", 4, message_struct);
  r.type_assert_ptr = table.pointer_to(assertion);
  add_error_methods(r.type_assert_ptr, "(*TypeAssertionError)", error_message);

  Type* panic_nil = named("PanicNilError", 5, table.struct_of({}, "runtime"));
  r.panic_nil_ptr = table.pointer_to(panic_nil);
  add_error_methods(r.panic_nil_ptr, "(*PanicNilError)", panic_nil_message);

  r.nil_deref = immortal_message(error_string, "invalid memory address or nil pointer dereference");
  r.divide = immortal_message(error_string, "integer divide by zero");
  r.shift = immortal_message(error_string, "negative shift amount");
  return r;
}

const RuntimeTypes& runtime_types() {
  static const RuntimeTypes types = build_runtime_types();
  return types;
}

NativeStatus set_pending(Goroutine& g, Iface v) {
  g.pending_panic = v;
  g.has_pending_panic = true;
  return NativeStatus::Panic;
}

// Go's boundsError texts (runtime/error.go boundsErrorFmt and, for a
// negative first operand, boundsNegErrorFmt).
std::string bounds_text(SliceBound which, int64_t x, int64_t y) {
  std::string xs = std::to_string(x), ys = std::to_string(y);
  bool neg = x < 0;
  switch (which) {
    case SliceBound::HighLen:
    case SliceBound::StrHighLen:
      return neg ? "slice bounds out of range [:" + xs + "]" : "slice bounds out of range [:" + xs + "] with length " + ys;
    case SliceBound::HighCap:
      return neg ? "slice bounds out of range [:" + xs + "]" : "slice bounds out of range [:" + xs + "] with capacity " + ys;
    case SliceBound::LowHigh:
    case SliceBound::StrLowHigh:
      return neg ? "slice bounds out of range [" + xs + ":]" : "slice bounds out of range [" + xs + ":" + ys + "]";
    case SliceBound::MaxCap:
      return neg ? "slice bounds out of range [::" + xs + "]" : "slice bounds out of range [::" + xs + "] with capacity " + ys;
    case SliceBound::MaxLen:
      return neg ? "slice bounds out of range [::" + xs + "]" : "slice bounds out of range [::" + xs + "] with length " + ys;
    case SliceBound::HighMax:
      return neg ? "slice bounds out of range [:" + xs + ":]" : "slice bounds out of range [:" + xs + ":" + ys + "]";
    case SliceBound::LowMax:
      return neg ? "slice bounds out of range [" + xs + "::]" : "slice bounds out of range [" + xs + ":" + ys + ":]";
  }
  return "slice bounds out of range";
}

}  // namespace

NativeStatus raise(Goroutine& g, Iface v) {
  if (v.type == nullptr) {
    // Go 1.21+: panic(nil) panics with a *runtime.PanicNilError instead.
    v = Iface{runtime_types().panic_nil_ptr, {.p = gc_alloc(sizeof(Slot))}};
  }
  return set_pending(g, v);
}

NativeStatus panic_index(Goroutine& g, int64_t i, int64_t len) {
  std::string msg = i < 0 ? "index out of range [" + std::to_string(i) + "]"
                          : "index out of range [" + std::to_string(i) + "] with length " + std::to_string(len);
  return set_pending(g, boxed_message(runtime_types().bounds_error, "runtime error: " + msg));
}

NativeStatus panic_slice(Goroutine& g, SliceBound which, int64_t x, int64_t y) {
  return set_pending(g, boxed_message(runtime_types().bounds_error, "runtime error: " + bounds_text(which, x, y)));
}

NativeStatus panic_nil_deref(Goroutine& g) { return set_pending(g, runtime_types().nil_deref); }
NativeStatus panic_divide(Goroutine& g) { return set_pending(g, runtime_types().divide); }
NativeStatus panic_negative_shift(Goroutine& g) { return set_pending(g, runtime_types().shift); }

NativeStatus panic_nil_map_write(Goroutine& g) { return panic_plain(g, "assignment to entry in nil map"); }

// Go raises this one as a boundsError too (its code boundsConvert).
NativeStatus panic_slice_to_array(Goroutine& g, int64_t len, int64_t want) {
  return set_pending(g, boxed_message(runtime_types().bounds_error,
                                      "runtime error: cannot convert slice with length " + std::to_string(len) +
                                          " to array or pointer to array with length " + std::to_string(want)));
}

NativeStatus panic_string(Goroutine& g, std::string_view msg) {
  return set_pending(g, boxed_message(runtime_types().error_string, msg));
}

NativeStatus panic_plain(Goroutine& g, std::string_view msg) {
  return set_pending(g, boxed_message(runtime_types().plain_error, msg));
}

// cf. Go's (*TypeAssertionError).Error.
NativeStatus panic_type_assert(Goroutine& g, const Type* iface, const Type* dyn, const Type* want) {
  std::string inter = iface != nullptr ? iface->name : "interface";
  std::string msg;
  if (dyn == nullptr) {
    msg = "interface conversion: " + inter + " is nil, not " + want->name;
  } else if (want->kind == Kind::Interface) {
    msg = "interface conversion: " + dyn->name + " is not " + want->name + ": missing method " +
          std::string(missing_method(dyn, want));
  } else {
    msg = "interface conversion: " + inter + " is " + dyn->name + ", not " + want->name;
    if (dyn->name == want->name) msg += " (types from different scopes)";
  }
  auto* object = static_cast<Slot*>(gc_alloc(2 * sizeof(Slot)));
  StringHeader s = make_string(msg);
  object[0].cp = s.data;
  object[1].i = s.len;
  return set_pending(g, Iface{runtime_types().type_assert_ptr, {.p = object}});
}

// cf. Go's printpanicval / printanycustomtype.
std::string panic_value_string(const Iface& v) {
  const Type* t = v.type;
  if (t == nullptr) return "nil";
  const Slot* payload = t->slots == 1 ? &v.data : static_cast<const Slot*>(v.data.cp);
  std::string text;
  bool basic = true;
  switch (t->kind) {
    case Kind::Bool: text = payload->u != 0 ? "true" : "false"; break;
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
      text = std::to_string(payload->i);
      break;
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64: case Kind::Uintptr:
      text = std::to_string(payload->u);
      break;
    case Kind::Float32: case Kind::Float64: append_go_float(text, payload->f); break;
    case Kind::String: text.assign(static_cast<const char*>(payload[0].cp), static_cast<size_t>(payload[1].i)); break;
    default: basic = false;
  }
  bool predeclared = t->named && t->pkg_path.empty();
  if (basic && predeclared) return text;
  if (basic) return t->kind == Kind::String ? t->name + "(\"" + text + "\")" : t->name + "(" + text + ")";
  char address[24];
  std::snprintf(address, sizeof address, "0x%llx", static_cast<unsigned long long>(v.data.u));
  return "(" + t->name + ") " + address;
}

namespace interp {

bool is_nil_deref_error(const Iface& v) {
  const Iface& nil_deref = runtime_types().nil_deref;
  return v.type == nil_deref.type && v.data.p == nil_deref.data.p;
}

}  // namespace interp

}  // namespace gol::vm
