// fmt_print.cc — Go's fmt printer over the VM's values (cf. fmt/print.go:
// printArg, printValue, handleMethods, doPrintf, doPrint, doPrintln).
//
// The core idea: a value is (run-time type, pointer to its slots), the slot
// layout of vm/value.h; the walk follows the type descriptor the way Go's
// follows reflect.Value, with the same depth rules (methods are honoured at
// depth 0 and below it only where Go's CanInterface holds, i.e. not under an
// unexported field; a pointer prints as &{...} only at depth 0), the same
// error forms (%!d(string=hi), %!(EXTRA ...), %!v(PANIC=String method: ...))
// and map keys sorted as internal/fmtsort sorts them.
//
// Methods: a native cannot run gol code, so this walk runs twice (see
// fmt_impl.h and fmt.cc). handle_methods is the only code that knows which
// pass it is in: Collect records the receiver and goes on as if the method had
// returned "", Format takes the next result gol code produced. Nothing the
// walk does depends on a method's result, so both passes make the same
// decisions in the same order. If the two passes still disagree (a String
// method that mutates a value printed later), the Format pass prints the
// values whose results are missing without their methods rather than crash.
//
// Not supported, as in fmt.cc's header: Formatter, GoStringer, complex
// numbers (gol has none).
#include <algorithm>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>

#include "stdlib/fmt_impl.h"
#include "vm/runtime.h"

namespace gol::stdlib {

using vm::Iface;
using vm::Kind;
using vm::Slot;
using vm::Type;

namespace {

const Type* stringer_interface() {
  static const Type* const kStringer = [] {
    auto& table = vm::TypeTable::get();
    const Type* fn = table.func_of({}, {table.basic(Kind::String)}, false);
    return table.interface_of({{"String", fn}}, "fmt");
  }();
  return kStringer;
}

const Type* bytes_type() {
  static const Type* const kBytes = vm::TypeTable::get().slice_of(vm::TypeTable::get().basic(Kind::Uint8));
  return kBytes;
}

bool is_signed_int(Kind k) { return k >= Kind::Int && k <= Kind::Int64; }
bool is_unsigned_int(Kind k) { return k >= Kind::Uint && k <= Kind::Uintptr; }

// A value being printed. `ro`: reached through an unexported field, so its
// methods are not called (Go's flagRO / CanInterface).
struct Value {
  const Type* type;  // null: invalid (a nil interface's content)
  const Slot* slots;
  bool ro;
};

vm::StringHeader string_at(const Slot* s) { return {static_cast<const char*>(s[0].cp), s[1].i}; }
vm::SliceHeader slice_at(const Slot* s) { return {s[0].p, s[1].i, s[2].i}; }

// Element i of an array or slice backing store; packed scalars are widened
// into *tmp.
const Slot* element(const Type* elem, const void* base, int64_t i, Slot* tmp) {
  const char* addr = static_cast<const char*>(base) + i * static_cast<int64_t>(elem->stride);
  if (elem->stride < sizeof(Slot) && elem->slots == 1) {
    vm::load_elem(elem, addr, tmp);
    return tmp;
  }
  return reinterpret_cast<const Slot*>(addr);
}

// Go's internal/fmtsort compare: -1, 0, 1.
int compare_values(const Type* t, const Slot* a, const Slot* b);

template <typename T>
int three_way(T a, T b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

int compare_floats(double a, double b) {
  // NaN sorts before everything, NaNs equal among themselves (cmp.Compare).
  bool na = a != a, nb = b != b;
  if (na || nb) return na && nb ? 0 : na ? -1 : 1;
  return three_way(a, b);
}

int compare_values(const Type* t, const Slot* a, const Slot* b) {
  Kind k = t->kind;
  if (is_signed_int(k)) {
    return three_way(static_cast<int64_t>(vm::canonical_word(k, a[0].u)), static_cast<int64_t>(vm::canonical_word(k, b[0].u)));
  }
  if (is_unsigned_int(k)) return three_way(vm::canonical_word(k, a[0].u), vm::canonical_word(k, b[0].u));
  switch (k) {
    case Kind::String: {
      int c = vm::string_compare(string_at(a), string_at(b));
      return three_way(c, 0);
    }
    case Kind::Float32: case Kind::Float64: return compare_floats(a[0].f, b[0].f);
    case Kind::Bool: return three_way(a[0].u != 0, b[0].u != 0);
    case Kind::Pointer: case Kind::Chan: case Kind::UnsafePointer:
      return three_way(reinterpret_cast<uintptr_t>(a[0].p), reinterpret_cast<uintptr_t>(b[0].p));
    case Kind::Struct:
      for (const auto& f : t->fields) {
        if (int c = compare_values(f.type, a + f.offset, b + f.offset)) return c;
      }
      return 0;
    case Kind::Array: {
      Slot ta, tb;
      for (int64_t i = 0; i < t->len; i++) {
        if (int c = compare_values(t->elem, element(t->elem, a, i, &ta), element(t->elem, b, i, &tb))) return c;
      }
      return 0;
    }
    case Kind::Interface: {
      Iface x = vm::iface_at(a), y = vm::iface_at(b);
      if (!x.type || !y.type) return three_way(x.type != nullptr, y.type != nullptr);
      // Go orders different dynamic types by descriptor address; so do we.
      if (x.type != y.type) return three_way(reinterpret_cast<uintptr_t>(x.type), reinterpret_cast<uintptr_t>(y.type));
      return compare_values(x.type, vm::iface_payload(x), vm::iface_payload(y));
    }
    default:
      return 0;
  }
}

// Whether values of type t may reach a method call; `visiting` breaks cycles.
bool type_may_need_methods(const Type* t, std::unordered_set<const Type*>& visiting) {
  if (method_kind(t) != MethodKind::None) return true;
  if (!visiting.insert(t).second) return false;
  switch (t->kind) {
    case Kind::Interface: return true;
    case Kind::Struct:
      for (const auto& f : t->fields) {
        if (type_may_need_methods(f.type, visiting)) return true;
      }
      return false;
    case Kind::Array: case Kind::Slice: case Kind::Pointer:
      return type_may_need_methods(t->elem, visiting);
    case Kind::Map:
      return type_may_need_methods(t->key, visiting) || type_may_need_methods(t->elem, visiting);
    default:
      return false;
  }
}

class Printer {
 public:
  enum class Pass { Collect, Format };
  Printer(const PrintJob& job, Pass pass) : m_job(job), m_pass(pass) {}

  void run();

  PrintOutput out;
  // Collect pass: receivers, in a GC array (the only reference to boxes made
  // here, so it must be memory the collector scans).
  Iface* calls = nullptr;
  size_t ncalls = 0;

 private:
  void print_arg(const Iface& arg, int32_t verb);
  bool handle_methods(Value v, int32_t verb, const Iface* arg);
  void print_value(Value v, int32_t verb, int depth);
  void print_map(Value v, int32_t verb, int depth);
  void print_list(Value v, int32_t verb, int depth, std::string_view type_name);
  void print_struct(Value v, int32_t verb, int depth);
  void bad_verb(Value v, int32_t verb);
  void fmt_integer(uint64_t v, bool is_signed, int32_t verb);
  void fmt_float(double v, int size, int32_t verb);
  void fmt_string(std::string_view s, int32_t verb);
  void fmt_pointer(Value v, int32_t verb);
  void fmt_0x64(uint64_t v, bool leading_0x);
  void write_rune(int32_t r) { append_rune_utf8(out.text, r); }
  void record_call(const Iface& receiver);

  void do_print();
  void do_println();
  void do_printf();
  bool int_from_arg(size_t* arg_num, int* num);
  bool arg_number(size_t* arg_num, size_t* i);

  const PrintJob& m_job;
  Pass m_pass;
  size_t m_next_result = 0;
  size_t m_calls_cap = 0;
  Fmt m_fmt{&out.text};
  bool m_erroring = false;  // inside bad_verb: methods are not called (Go's p.erroring)
  bool m_reordered = false;
  bool m_good_arg_num = true;
};

void Printer::record_call(const Iface& receiver) {
  if (ncalls == m_calls_cap) {
    m_calls_cap = m_calls_cap ? 2 * m_calls_cap : 8;
    auto* grown = static_cast<Iface*>(vm::gc_alloc(m_calls_cap * sizeof(Iface)));
    if (ncalls) std::memcpy(static_cast<void*>(grown), calls, ncalls * sizeof(Iface));
    calls = grown;
  }
  calls[ncalls++] = receiver;
}

void Printer::print_arg(const Iface& arg, int32_t verb) {
  if (!arg.type) {
    if (verb == 'T' || verb == 'v') {
      m_fmt.pad("<nil>");
    } else {
      bad_verb({nullptr, nullptr, false}, verb);
    }
    return;
  }
  Value v{arg.type, vm::iface_payload(arg), false};
  if (verb == 'T') {
    m_fmt.fmt_s(arg.type->name);
    return;
  }
  if (verb == 'p') {
    fmt_pointer(v, 'p');
    return;
  }
  // An operand of type []byte itself prints its type as Go spells it there
  // (%#v gives []byte{...}, where reflect, nested or in %T, says []uint8).
  if (arg.type == bytes_type() && verb == 'v') return print_list(v, verb, 0, "[]byte");
  if (!handle_methods(v, verb, &arg)) print_value(v, verb, 0);
}

// Go's handleMethods: %w, then Error() before String(), only for the verbs
// that print a string. `arg` is the operand itself at depth 0 (no need to
// box it again).
bool Printer::handle_methods(Value v, int32_t verb, const Iface* arg) {
  if (m_erroring || v.type->kind == Kind::Interface) return false;
  MethodKind kind = method_kind(v.type);
  if (verb == 'w') {
    if (kind != MethodKind::Error || m_job.mode != PrintMode::PrintfWrap) {
      bad_verb(v, verb);
      return true;
    }
    verb = 'v';
  }
  if (m_fmt.flags.sharp_v || kind == MethodKind::None) return false;
  if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q') return false;
  MethodResult result{{nullptr, 0}, false};
  if (m_pass == Pass::Collect) {
    record_call(arg ? *arg : vm::make_iface(v.type, v.slots));
  } else if (m_next_result < m_job.nresults) {
    result = m_job.results[m_next_result++];
  } else {
    return false;  // the passes disagree (see the header): print it plainly
  }
  if (!result.panicked) {
    fmt_string(result.text.view(), verb);
    return true;
  }
  // Go's catchPanic: a nil pointer receiver prints as <nil>.
  if (v.type->kind == Kind::Pointer && v.slots[0].p == nullptr) {
    out.text += "<nil>";
    return true;
  }
  out.text += "%!";
  write_rune(verb);
  out.text += kind == MethodKind::Error ? "(PANIC=Error method: " : "(PANIC=String method: ";
  out.text.append(result.text.view());
  out.text += ')';
  return true;
}

void Printer::bad_verb(Value v, int32_t verb) {
  m_erroring = true;
  out.text += "%!";
  write_rune(verb);
  out.text += '(';
  if (v.type) {
    out.text += v.type->name;
    out.text += '=';
    print_value(v, 'v', 0);
  } else {
    out.text += "<nil>";
  }
  out.text += ')';
  m_erroring = false;
}

void Printer::fmt_0x64(uint64_t v, bool leading_0x) {
  bool sharp = m_fmt.flags.sharp;
  m_fmt.flags.sharp = leading_0x;
  m_fmt.fmt_integer(v, 16, false, 'v', false);
  m_fmt.flags.sharp = sharp;
}

void Printer::fmt_integer(uint64_t v, bool is_signed, int32_t verb) {
  switch (verb) {
    case 'v':
      if (m_fmt.flags.sharp_v && !is_signed) {
        fmt_0x64(v, true);
      } else {
        m_fmt.fmt_integer(v, 10, is_signed, verb, false);
      }
      return;
    case 'd': m_fmt.fmt_integer(v, 10, is_signed, verb, false); return;
    case 'b': m_fmt.fmt_integer(v, 2, is_signed, verb, false); return;
    case 'o': case 'O': m_fmt.fmt_integer(v, 8, is_signed, verb, false); return;
    case 'x': m_fmt.fmt_integer(v, 16, is_signed, verb, false); return;
    case 'X': m_fmt.fmt_integer(v, 16, is_signed, verb, true); return;
    case 'c': m_fmt.fmt_c(v); return;
    case 'q': m_fmt.fmt_qc(v); return;
    case 'U': m_fmt.fmt_unicode(v); return;
  }
}

void Printer::fmt_float(double v, int size, int32_t verb) {
  switch (verb) {
    case 'v': m_fmt.fmt_float(v, size, 'g', -1); return;
    case 'b': case 'g': case 'G': case 'x': case 'X': m_fmt.fmt_float(v, size, verb, -1); return;
    case 'f': case 'e': case 'E': m_fmt.fmt_float(v, size, verb, 6); return;
    case 'F': m_fmt.fmt_float(v, size, 'f', 6); return;
  }
}

void Printer::fmt_string(std::string_view s, int32_t verb) {
  switch (verb) {
    case 'v':
      if (m_fmt.flags.sharp_v) {
        m_fmt.fmt_q(s);
      } else {
        m_fmt.fmt_s(s);
      }
      return;
    case 's': m_fmt.fmt_s(s); return;
    case 'x': m_fmt.fmt_sbx(s, false); return;
    case 'X': m_fmt.fmt_sbx(s, true); return;
    case 'q': m_fmt.fmt_q(s); return;
  }
}

void Printer::fmt_pointer(Value v, int32_t verb) {
  uintptr_t u;
  switch (v.type->kind) {
    case Kind::Chan: case Kind::Func: case Kind::Map: case Kind::Pointer:
    case Kind::Slice: case Kind::UnsafePointer:
      u = reinterpret_cast<uintptr_t>(v.slots[0].p);  // a slice's data pointer is its first slot
      break;
    default:
      bad_verb(v, verb);
      return;
  }
  switch (verb) {
    case 'v':
      if (m_fmt.flags.sharp_v) {
        out.text += '(';
        out.text += v.type->name;
        out.text += ")(";
        if (u == 0) {
          out.text += "nil";
        } else {
          fmt_0x64(u, true);
        }
        out.text += ')';
      } else if (u == 0) {
        m_fmt.pad("<nil>");
      } else {
        fmt_0x64(u, !m_fmt.flags.sharp);
      }
      return;
    case 'p': fmt_0x64(u, !m_fmt.flags.sharp); return;
    case 'b': case 'o': case 'd': case 'x': case 'X': fmt_integer(u, false, verb); return;
  }
  bad_verb(v, verb);
}

bool verb_accepts(Kind k, int32_t verb) {
  auto in = [verb](std::string_view verbs) { return verb < 0x80 && verbs.find(static_cast<char>(verb)) != std::string_view::npos; };
  if (k == Kind::Bool) return in("tv");
  if (is_signed_int(k) || is_unsigned_int(k)) return in("vdboOxXcqU");
  if (k == Kind::Float32 || k == Kind::Float64) return in("vbgGxXfFeE");
  if (k == Kind::String) return in("vsxXq");
  return true;
}

void Printer::print_value(Value v, int32_t verb, int depth) {
  if (depth > 0 && v.type && !v.ro && handle_methods(v, verb, nullptr)) return;
  if (!v.type) {
    if (depth == 0) {
      out.text += "<invalid reflect.Value>";
    } else if (verb == 'v') {
      out.text += "<nil>";
    } else {
      bad_verb(v, verb);
    }
    return;
  }
  Kind k = v.type->kind;
  if (!verb_accepts(k, verb)) return bad_verb(v, verb);
  if (is_signed_int(k)) return fmt_integer(vm::canonical_word(k, v.slots[0].u), true, verb);
  if (is_unsigned_int(k)) return fmt_integer(vm::canonical_word(k, v.slots[0].u), false, verb);
  switch (k) {
    case Kind::Bool: return m_fmt.fmt_boolean(vm::canonical_word(k, v.slots[0].u) != 0);
    case Kind::Float32: return fmt_float(v.slots[0].f, 32, verb);
    case Kind::Float64: return fmt_float(v.slots[0].f, 64, verb);
    case Kind::String: return fmt_string(string_at(v.slots).view(), verb);
    case Kind::Map: return print_map(v, verb, depth);
    case Kind::Struct: return print_struct(v, verb, depth);
    case Kind::Array: case Kind::Slice: return print_list(v, verb, depth, v.type->name);
    case Kind::Interface: {
      Iface inner = vm::iface_at(v.slots);
      if (inner.type) return print_value({inner.type, vm::iface_payload(inner), v.ro}, verb, depth + 1);
      if (m_fmt.flags.sharp_v) {
        out.text += v.type->name;
        out.text += "(nil)";
      } else {
        out.text += "<nil>";
      }
      return;
    }
    case Kind::Pointer:
      if (depth == 0 && v.slots[0].p != nullptr) {
        const Type* elem = v.type->elem;
        switch (elem->kind) {
          case Kind::Array: case Kind::Slice: case Kind::Struct: case Kind::Map:
            out.text += '&';
            return print_value({elem, static_cast<const Slot*>(v.slots[0].p), v.ro}, verb, depth + 1);
          default:
            break;
        }
      }
      return fmt_pointer(v, verb);
    default:
      return fmt_pointer(v, verb);
  }
}

void Printer::print_map(Value v, int32_t verb, int depth) {
  bool sharp_v = m_fmt.flags.sharp_v;
  auto* m = static_cast<vm::Map*>(v.slots[0].p);
  if (sharp_v) {
    out.text += v.type->name;
    if (!m) {
      out.text += "(nil)";
      return;
    }
    out.text += '{';
  } else {
    out.text += "map[";
  }
  std::vector<std::pair<const Slot*, const Slot*>> entries;
  if (m) {
    vm::MapIter* it = vm::map_iter_new(m);
    const Slot *key, *value;
    while (vm::map_iter_next(it, &key, &value)) entries.emplace_back(key, value);
  }
  const Type* key_type = v.type->key;
  std::stable_sort(entries.begin(), entries.end(), [key_type](const auto& a, const auto& b) {
    return compare_values(key_type, a.first, b.first) < 0;
  });
  for (size_t i = 0; i < entries.size(); i++) {
    if (i > 0) out.text += sharp_v ? ", " : " ";
    print_value({key_type, entries[i].first, v.ro}, verb, depth + 1);
    out.text += ':';
    print_value({v.type->elem, entries[i].second, v.ro}, verb, depth + 1);
  }
  out.text += sharp_v ? '}' : ']';
}

void Printer::print_struct(Value v, int32_t verb, int depth) {
  bool sharp_v = m_fmt.flags.sharp_v;
  if (sharp_v) out.text += v.type->name;
  out.text += '{';
  for (size_t i = 0; i < v.type->fields.size(); i++) {
    const auto& f = v.type->fields[i];
    if (i > 0) out.text += sharp_v ? ", " : " ";
    if (m_fmt.flags.plus_v || sharp_v) {
      out.text += f.name;
      out.text += ':';
    }
    print_value({f.type, v.slots + f.offset, v.ro || !f.exported}, verb, depth + 1);
  }
  out.text += '}';
}

void Printer::print_list(Value v, int32_t verb, int depth, std::string_view type_name) {
  const Type* t = v.type;
  const Type* elem = t->elem;
  const void* data;
  int64_t len;
  if (t->kind == Kind::Slice) {
    vm::SliceHeader s = slice_at(v.slots);
    data = s.data, len = s.len;
  } else {
    data = v.slots, len = t->len;
  }
  if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && elem->kind == Kind::Uint8) {
    std::string_view bytes(static_cast<const char*>(data), static_cast<size_t>(len));
    switch (verb) {
      case 's': m_fmt.fmt_s(bytes); return;
      case 'x': m_fmt.fmt_sbx(bytes, false); return;
      case 'X': m_fmt.fmt_sbx(bytes, true); return;
      default: m_fmt.fmt_q(bytes); return;
    }
  }
  bool sharp_v = m_fmt.flags.sharp_v;
  if (sharp_v) {
    out.text += type_name;
    if (t->kind == Kind::Slice && data == nullptr) {
      out.text += "(nil)";
      return;
    }
    out.text += '{';
  } else {
    out.text += '[';
  }
  Slot tmp;
  for (int64_t i = 0; i < len; i++) {
    if (i > 0) out.text += sharp_v ? ", " : " ";
    print_value({elem, element(elem, data, i, &tmp), v.ro}, verb, depth + 1);
  }
  out.text += sharp_v ? '}' : ']';
}

void Printer::do_print() {
  bool prev_string = false;
  for (size_t i = 0; i < m_job.nargs; i++) {
    const Iface& arg = m_job.args[i];
    bool is_string = arg.type && arg.type->kind == Kind::String;
    if (i > 0 && !is_string && !prev_string) out.text += ' ';
    print_arg(arg, 'v');
    prev_string = is_string;
  }
}

void Printer::do_println() {
  for (size_t i = 0; i < m_job.nargs; i++) {
    if (i > 0) out.text += ' ';
    print_arg(m_job.args[i], 'v');
  }
  out.text += '\n';
}

// Go's intFromArg: the operand for a '*' width or precision must be an
// integer that fits (and is at most 1e6 in magnitude).
bool Printer::int_from_arg(size_t* arg_num, int* num) {
  *num = 0;
  if (*arg_num >= m_job.nargs) return false;
  const Iface& arg = m_job.args[(*arg_num)++];
  if (!arg.type) return false;
  const Slot* v = vm::iface_payload(arg);
  int64_t n;
  if (is_signed_int(arg.type->kind)) {
    n = v[0].i;
  } else if (is_unsigned_int(arg.type->kind) && v[0].i >= 0) {
    n = v[0].i;
  } else {
    return false;
  }
  if (n > 1000000 || n < -1000000) return false;
  *num = static_cast<int>(n);
  return true;
}

// parsenum: a decimal number at format[*i], at most 1e6 (Go's tooLarge).
bool parse_num(std::string_view format, size_t* i, int* num) {
  *num = 0;
  bool isnum = false;
  for (; *i < format.size() && format[*i] >= '0' && format[*i] <= '9'; (*i)++) {
    if (*num > 1000000 || *num < -1000000) {
      *i = format.size();
      *num = 0;
      return false;
    }
    *num = *num * 10 + (format[*i] - '0');
    isnum = true;
  }
  return isnum;
}

// Go's argNumber: an explicit [n] index at format[*i]. Returns whether one
// was found (well-formed or not: an ill-formed one sets m_good_arg_num false).
bool Printer::arg_number(size_t* arg_num, size_t* i) {
  std::string_view format = m_job.format;
  if (*i >= format.size() || format[*i] != '[') return false;
  m_reordered = true;
  // parseArgNumber on format[*i:]
  std::string_view f = format.substr(*i);
  size_t width = 1;
  bool ok = false;
  int index = 0;
  if (f.size() >= 3) {
    for (size_t j = 1; j < f.size(); j++) {
      if (f[j] == ']') {
        size_t k = 1;
        int n;
        bool isnum = parse_num(f.substr(0, j), &k, &n);
        if (!isnum || k != j) {
          width = j + 1;
        } else {
          index = n - 1, width = j + 1, ok = true;
        }
        break;
      }
    }
  }
  if (ok && index >= 0 && static_cast<size_t>(index) < m_job.nargs) {
    *arg_num = static_cast<size_t>(index);
    *i += width;
    return true;
  }
  m_good_arg_num = false;
  *i += width;
  return ok;
}

void Printer::do_printf() {
  std::string_view format = m_job.format;
  size_t end = format.size();
  size_t arg_num = 0;
  bool after_index = false;
  m_reordered = false;
  for (size_t i = 0; i < end;) {
    m_good_arg_num = true;
    size_t lasti = i;
    while (i < end && format[i] != '%') i++;
    if (i > lasti) out.text.append(format.substr(lasti, i - lasti));
    if (i >= end) break;
    i++;  // skip %
    m_fmt.clear_flags();
    FmtFlags& fl = m_fmt.flags;
    bool simple_done = false;
    for (; i < end; i++) {
      char c = format[i];
      if (c == '#') { fl.sharp = true; continue; }
      if (c == '0') { fl.zero = true; continue; }
      if (c == '+') { fl.plus = true; continue; }
      if (c == '-') { fl.minus = true; continue; }
      if (c == ' ') { fl.space = true; continue; }
      // Fast path: a lower-case verb right after the flags.
      if (c >= 'a' && c <= 'z' && arg_num < m_job.nargs) {
        if (c == 'w') out.wrapped.push_back(static_cast<int64_t>(arg_num));
        if (c == 'v' || c == 'w') {
          fl.sharp_v = fl.sharp, fl.sharp = false;
          fl.plus_v = fl.plus, fl.plus = false;
        }
        print_arg(m_job.args[arg_num], c);
        arg_num++;
        i++;
        simple_done = true;
      }
      break;
    }
    if (simple_done) continue;

    after_index = arg_number(&arg_num, &i);
    if (i < end && format[i] == '*') {
      i++;
      fl.wid_present = int_from_arg(&arg_num, &m_fmt.wid);
      if (!fl.wid_present) out.text += "%!(BADWIDTH)";
      if (m_fmt.wid < 0) {
        m_fmt.wid = -m_fmt.wid;
        fl.minus = true;
        fl.zero = false;
      }
      after_index = false;
    } else {
      fl.wid_present = parse_num(format, &i, &m_fmt.wid);
      if (after_index && fl.wid_present) m_good_arg_num = false;  // "%[3]2d"
    }
    if (i + 1 < end && format[i] == '.') {
      i++;
      if (after_index) m_good_arg_num = false;  // "%[3].2d"
      after_index = arg_number(&arg_num, &i);
      if (i < end && format[i] == '*') {
        i++;
        fl.prec_present = int_from_arg(&arg_num, &m_fmt.prec);
        if (m_fmt.prec < 0) {
          m_fmt.prec = 0;
          fl.prec_present = false;
        }
        if (!fl.prec_present) out.text += "%!(BADPREC)";
        after_index = false;
      } else {
        fl.prec_present = parse_num(format, &i, &m_fmt.prec);
        if (!fl.prec_present) {
          m_fmt.prec = 0;
          fl.prec_present = true;
        }
      }
    }
    if (!after_index) after_index = arg_number(&arg_num, &i);
    if (i >= end) {
      out.text += "%!(NOVERB)";
      break;
    }
    size_t width = 1;
    int32_t verb = static_cast<uint8_t>(format[i]);
    if (verb >= 0x80) verb = decode_rune_at(format, i, &width);
    i += width;
    if (verb == '%') {
      out.text += '%';  // absorbs no operand, ignores width and precision
    } else if (!m_good_arg_num) {
      out.text += "%!";
      write_rune(verb);
      out.text += "(BADINDEX)";
    } else if (arg_num >= m_job.nargs) {
      out.text += "%!";
      write_rune(verb);
      out.text += "(MISSING)";
    } else {
      if (verb == 'w') out.wrapped.push_back(static_cast<int64_t>(arg_num));
      if (verb == 'v' || verb == 'w') {
        fl.sharp_v = fl.sharp, fl.sharp = false;
        fl.plus_v = fl.plus, fl.plus = false;
      }
      print_arg(m_job.args[arg_num], verb);
      arg_num++;
    }
  }
  if (!m_reordered && arg_num < m_job.nargs) {
    m_fmt.clear_flags();
    out.text += "%!(EXTRA ";
    for (size_t k = arg_num; k < m_job.nargs; k++) {
      if (k > arg_num) out.text += ", ";
      const Iface& arg = m_job.args[k];
      if (!arg.type) {
        out.text += "<nil>";
      } else {
        out.text += arg.type->name;
        out.text += '=';
        print_arg(arg, 'v');
      }
    }
    out.text += ')';
  }
}

void Printer::run() {
  switch (m_job.mode) {
    case PrintMode::Print: return do_print();
    case PrintMode::Println: return do_println();
    case PrintMode::Printf: case PrintMode::PrintfWrap: return do_printf();
  }
}

}  // namespace

MethodKind method_kind(const Type* t) {
  if (!t || t->methods.empty() || t->kind == Kind::Interface) return MethodKind::None;
  if (vm::implements(t, vm::TypeTable::get().error_type())) return MethodKind::Error;
  if (vm::implements(t, stringer_interface())) return MethodKind::String;
  return MethodKind::None;
}

bool args_may_need_methods(const Iface* args, size_t nargs) {
  // Per root type, computed once (descriptors are immortal). Lookups share
  // the lock, so goroutines printing on several threads do not serialise.
  static std::shared_mutex mu;
  static std::unordered_map<const Type*, bool> cache;  // guarded by mu
  for (size_t i = 0; i < nargs; i++) {
    const Type* t = args[i].type;
    if (!t) continue;
    bool may;
    {
      std::shared_lock lock(mu);
      auto it = cache.find(t);
      if (it != cache.end()) {
        if (it->second) return true;
        continue;
      }
    }
    std::unordered_set<const Type*> visiting;
    may = type_may_need_methods(t, visiting);
    {
      std::unique_lock lock(mu);
      cache.emplace(t, may);
    }
    if (may) return true;
  }
  return false;
}

}  // namespace gol::stdlib

namespace gol::stdlib {

vm::Iface* collect_method_calls(const PrintJob& job, size_t* count) {
  *count = 0;
  if (!args_may_need_methods(job.args, job.nargs)) return nullptr;
  Printer p(job, Printer::Pass::Collect);
  p.run();
  *count = p.ncalls;
  return p.calls;
}

PrintOutput format_job(const PrintJob& job) {
  Printer p(job, Printer::Pass::Format);
  p.run();
  return std::move(p.out);
}

}  // namespace gol::stdlib
