// compile_builtin.cc — builtin functions and conversions.
//
// Each builtin maps onto one typed instruction or a short sequence (len of a
// slice is a move of its length slot; append packs the new elements right
// after the slice header so APPEND finds them in order). Calls the checker
// folded to constants (len of an array, min of constants) never get here.
// Conversions pick their instruction from the operand and result types.
#include "lang/compile_impl.h"
#include "lang/constant.h"
#include "lang/universe.h"

namespace gol::lang {

namespace {

const Type* defaulted(const Type* t) { return is_untyped(t) ? default_type(t) : t; }

// How the builtin print shows a value of type t.
vm::PrintKind print_kind(const Type* t) {
  const Type* u = under(defaulted(t));
  if (const Basic* b = u->as<Basic>()) {
    if (b->info & kIsBoolean) return vm::PrintKind::Bool;
    if (b->info & kIsString) return vm::PrintKind::String;
    if (b->info & kIsFloat) return vm::PrintKind::Float;
    if (b->info & kIsUnsigned) return vm::PrintKind::Uint;
    if (b->basic == BasicKind::UntypedNil) return vm::PrintKind::Pointer;
    return vm::PrintKind::Int;
  }
  if (u->is<Interface>()) return vm::PrintKind::Iface;
  if (u->is<Slice>()) return vm::PrintKind::Slice;
  return vm::PrintKind::Pointer;
}

}  // namespace

// print/println of values already in registers.
static void emit_prints(FuncCompiler& fc, const std::vector<std::pair<int, const Type*>>& values, bool ln) {
  for (size_t i = 0; i < values.size(); i++) {
    if (ln && i > 0) fc.emit(vm::Op::PRINT, 0, 0, 0, static_cast<uint8_t>(vm::PrintKind::Space));
    fc.emit(vm::Op::PRINT, values[i].first, 0, 0, static_cast<uint8_t>(print_kind(values[i].second)));
  }
  if (ln) fc.emit(vm::Op::PRINT, 0, 0, 0, static_cast<uint8_t>(vm::PrintKind::Newline));
}

int FuncCompiler::builtin_call(CallExpr* c, int dst) {
  const auto id = static_cast<BuiltinId>(c->builtin);
  const std::vector<Expr*>& args = c->args;
  auto result = [&](uint32_t n) { return dst >= 0 ? dst : alloc(n); };
  switch (id) {
    case BuiltinId::Len:
    case BuiltinId::Cap: {
      const Type* t = under(args[0]->type);
      if (const Pointer* p = t->as<Pointer>()) t = under(p->elem);
      if (const Array* a = t->as<Array>()) {
        expr(args[0]);  // for its effects
        const int r = result(1);
        load_int(r, a->len);
        return r;
      }
      if (t->is<Map>()) {
        const int m = expr(args[0]);
        const int r = result(1);
        emit(vm::Op::MAPLEN, r, m);
        return r;
      }
      if (t->is<Chan>()) {
        const int ch = expr(args[0]);
        const int r = result(1);
        emit(id == BuiltinId::Len ? vm::Op::CHLEN : vm::Op::CHCAP, r, ch);
        return r;
      }
      const int h = expr(args[0]);
      const int r = result(1);
      emit(vm::Op::MOVE, r, h + (id == BuiltinId::Len ? 1 : 2));
      return r;
    }
    case BuiltinId::Append: {
      const Slice* s = under(c->type)->as<Slice>();
      const uint32_t es = slots(s->elem);
      if (c->has_ellipsis()) {
        const int base = alloc(3);
        expr(args[0], base);
        const int src = expr(args[1]);
        const int r = result(3);
        emit(vm::Op::APPENDS, r, base, src);
        emit_extra(m_pc.type_index_of(s->elem));
        return r;
      }
      const size_t n = args.size() - 1;
      if (n == 0) return expr(args[0], dst);
      const int base = alloc(3 + static_cast<uint32_t>(n) * es);
      expr_to(args[0], c->type, base);
      for (size_t i = 0; i < n; i++) {
        const int mark = top();
        expr_to(args[1 + i], s->elem, base + 3 + static_cast<int>(i * es));
        free_to(mark);
      }
      const int r = result(3);
      emit(vm::Op::APPEND, r, base, static_cast<int>(n));
      emit_extra(m_pc.type_index_of(s->elem));
      return r;
    }
    case BuiltinId::Copy: {
      const Slice* s = under(args[0]->type)->as<Slice>();
      const int d = expr(args[0]);
      const int src = expr(args[1]);
      const int r = result(1);
      emit(vm::Op::COPY, r, d, src);
      emit_extra(stride(s->elem));
      return r;
    }
    case BuiltinId::Delete: {
      const Map* m = under(args[0]->type)->as<Map>();
      const int mr = expr(args[0]);
      const int k = expr_to(args[1], m->key);
      emit(vm::Op::MAPDEL, mr, k);
      return mr;
    }
    case BuiltinId::Clear: {
      const Type* t = under(args[0]->type);
      const int x = expr(args[0]);
      if (t->is<Map>()) {
        emit(vm::Op::MAPCLEAR, x);
      } else {
        emit(vm::Op::CLEARS, x);
        emit_extra(stride(t->as<Slice>()->elem));
      }
      return x;
    }
    case BuiltinId::Make: {
      const Type* t = c->type;
      const Type* u = under(t);
      if (const Slice* s = u->as<Slice>()) {
        const int len = alloc(1);
        expr(args[1], len);
        int cap = len;
        if (args.size() > 2) {
          cap = alloc(1);
          expr(args[2], cap);
        }
        const int r = result(3);
        emit(vm::Op::MAKESLICE, r, len, cap);
        emit_extra(m_pc.type_index_of(s->elem));
        return r;
      }
      if (u->is<Map>()) {
        int hint = 0xffff;
        if (args.size() > 1) hint = expr(args[1]);
        const int r = result(1);
        emit(vm::Op::MAKEMAP, r, static_cast<int>(m_pc.type_index_of(t)), hint);
        return r;
      }
      // make(chan T[, size])
      int size;
      if (args.size() > 1) {
        size = expr(args[1]);
      } else {
        size = alloc(1);
        load_int(size, 0);
      }
      const int r = result(1);
      emit(vm::Op::MAKECHAN, r, size);
      emit_extra(m_pc.type_index_of(u));
      return r;
    }
    case BuiltinId::New: {
      const int r = result(1);
      emit_abx(vm::Op::NEW, r, m_pc.type_index_of(under(c->type)->as<Pointer>()->elem));
      return r;
    }
    case BuiltinId::Panic: {
      const int v = expr_to(args[0], universe_any());
      set_line(c->pos());
      emit(vm::Op::PANIC, v);
      return v;
    }
    case BuiltinId::Recover: {
      const int r = result(2);
      emit(vm::Op::RECOVER, r);
      return r;
    }
    case BuiltinId::Print:
    case BuiltinId::Println: {
      std::vector<std::pair<int, const Type*>> values;
      for (Expr* a : args) values.emplace_back(expr(a), a->type);
      emit_prints(*this, values, id == BuiltinId::Println);
      return 0;
    }
    case BuiltinId::Min:
    case BuiltinId::Max: {
      const Type* t = defaulted(c->type);
      const Basic* b = as_basic(t);
      const bool is_min = id == BuiltinId::Min;
      const uint32_t n = slots(t);
      const int r = result(n);
      expr_to(args[0], t, r);
      for (size_t i = 1; i < args.size(); i++) {
        const int mark = top();
        const int y = expr_to(args[i], t);
        vm::Op op;
        if (b->info & kIsString) {
          op = is_min ? vm::Op::SMIN : vm::Op::SMAX;
        } else if (b->info & kIsFloat) {
          op = is_min ? vm::Op::FMIN : vm::Op::FMAX;
        } else if (b->info & kIsUnsigned) {
          op = is_min ? vm::Op::MINU : vm::Op::MAXU;
        } else {
          op = is_min ? vm::Op::MIN : vm::Op::MAX;
        }
        emit(op, r, r, y);
        free_to(mark);
      }
      return r;
    }
    case BuiltinId::Close: {
      const int ch = expr(args[0]);
      emit(vm::Op::CLOSE, ch);
      return ch;
    }
    default:
      break;
  }
  compile_fail(c->pos(), std::string("the builtin ") + builtin_name(id) + " is not supported");
}

// A deferred builtin, or one started by go: a generated function taking the
// builtin's arguments, evaluated now.
void FuncCompiler::deferred_builtin(CallExpr* c, vm::Op op) {
  const auto id = static_cast<BuiltinId>(c->builtin);
  const char* keyword = op == vm::Op::GO ? "go " : "defer ";
  if (id == BuiltinId::Recover) return;  // `defer recover()` never recovers: nothing to run
  std::vector<const Type*> types;
  for (Expr* a : c->args) types.push_back(defaulted(a->type));
  if (id == BuiltinId::Panic) types = {universe_any()};
  if (id != BuiltinId::Panic && id != BuiltinId::Print && id != BuiltinId::Println && id != BuiltinId::Delete &&
      id != BuiltinId::Close) {
    compile_fail(c->pos(), std::string(keyword) + builtin_name(id) + " is not supported yet");
  }
  auto* p = new vm::Proto();
  p->name = std::string("runtime.defer.") + builtin_name(id);
  p->is_wrapper = true;
  p->file = m_proto->file;
  const uint32_t idx = m_pc.new_proto(p);
  uint32_t nargs = 0;
  for (const Type* t : types) nargs += slots(t);
  {
    FuncCompiler w(m_pc, p, nullptr, nullptr);
    w.m_line = m_line;
    p->param_slots = nargs;
    p->has_params = nargs > 0;
    w.m_top = static_cast<int>(nargs);
    w.touch(w.m_top);
    std::vector<std::pair<int, const Type*>> regs;
    int off = 0;
    for (const Type* t : types) {
      regs.emplace_back(off, t);
      off += static_cast<int>(slots(t));
    }
    if (id == BuiltinId::Panic) {
      w.emit(vm::Op::PANIC, 0);
    } else if (id == BuiltinId::Delete) {
      w.emit(vm::Op::MAPDEL, 0, 1);
    } else if (id == BuiltinId::Close) {
      w.emit(vm::Op::CLOSE, 0);
    } else {
      emit_prints(w, regs, id == BuiltinId::Println);
    }
    w.emit(vm::Op::RET, 0, 0);
  }
  const int fv = alloc(1);
  emit_abx(vm::Op::LOADFN, fv, idx);
  const int base = top();
  int off = 0;
  for (size_t i = 0; i < c->args.size(); i++) {
    alloc(slots(types[i]));
    expr_to(c->args[i], types[i], base + off);
    off += static_cast<int>(slots(types[i]));
    free_to(base + off);
  }
  emit(op, base, off, fv);
}

int FuncCompiler::conversion(CallExpr* c, int dst) {
  Expr* x = c->args[0];
  const Type* to = c->type;
  const Type* from = defaulted(x->type);
  if (is_interface(to)) return expr_to(x, to, dst);
  if (auto* id = unparen(x)->as<Ident>(); id != nullptr && id->object != nullptr && id->object->is<Nil>()) {
    const int r = dst >= 0 ? dst : alloc(slots(to));
    zero(r, slots(to));
    return r;
  }
  const Type* tu = under(to);
  const Type* fu = under(from);
  const Basic* tb = tu->as<Basic>();
  const Basic* fb = fu->as<Basic>();
  if (tb != nullptr && (tb->info & kIsString)) {
    if (fb != nullptr && (fb->info & kIsInteger)) {
      const int v = expr(x);
      const int r = dst >= 0 ? dst : alloc(2);
      emit(vm::Op::RUNESTR, r, v);
      return r;
    }
    if (const Slice* s = fu->as<Slice>()) {
      const int v = expr(x);
      const int r = dst >= 0 ? dst : alloc(2);
      const Basic* eb = as_basic(s->elem);
      emit(eb != nullptr && eb->basic == BasicKind::Int32 ? vm::Op::RUNESSTR : vm::Op::BYTESSTR, r, v);
      return r;
    }
    return expr(x, dst);
  }
  if (const Slice* s = tu->as<Slice>(); s != nullptr && fb != nullptr && (fb->info & kIsString)) {
    const int v = expr(x);
    const int r = dst >= 0 ? dst : alloc(3);
    const Basic* eb = as_basic(s->elem);
    emit(eb != nullptr && eb->basic == BasicKind::Int32 ? vm::Op::STRRUNES : vm::Op::STRBYTES, r, v);
    return r;
  }
  if (tb != nullptr && fb != nullptr && (tb->info & kIsNumeric) && (fb->info & kIsNumeric)) {
    const int v = expr(x);
    const int r = dst >= 0 ? dst : alloc(1);
    const bool to_float = (tb->info & kIsFloat) != 0;
    const bool from_float = (fb->info & kIsFloat) != 0;
    if (to_float && from_float) {
      move(r, v, 1);
      if (tb->basic == BasicKind::Float32) emit(vm::Op::F32, r, r);
    } else if (to_float) {
      emit((fb->info & kIsUnsigned) ? vm::Op::U2F : vm::Op::I2F, r, v);
      if (tb->basic == BasicKind::Float32) emit(vm::Op::F32, r, r);
    } else if (from_float) {
      float_to_int(r, v, tb->basic);
      wrap(r, to);
    } else {
      move(r, v, 1);
      wrap(r, to);
    }
    return r;
  }
  if (fu->is<Slice>() && (tu->is<Array>() || tu->is<Pointer>())) {
    // Go 1.17/1.20: *[N]T(s) shares s's array; [N]T(s) copies it.
    const Array* arr = tu->is<Array>() ? tu->as<Array>() : under(tu->as<Pointer>()->elem)->as<Array>();
    const int s = expr(x);
    const int p = tu->is<Pointer>() && dst >= 0 ? dst : alloc(1);
    emit(vm::Op::SLICE2ARR, p, s);
    emit_extra(static_cast<uint64_t>(arr->len));
    if (tu->is<Pointer>()) return p;
    const int r = dst >= 0 ? dst : alloc(slots(to));
    if (arr->len == 0) return r;
    const uint32_t st = stride(arr->elem);
    if (st == 8) {
      load_mem(p, 0, r, to, 8);
      return r;
    }
    // Packed elements: copy them one by one, never reading past the last.
    zero(r, slots(to));
    const int v = alloc(1);
    const int q = alloc(1);
    for (int64_t i = 0; i < arr->len; i++) {
      const uint32_t off = static_cast<uint32_t>(i) * st;
      load_mem(p, off, v, arr->elem, st);
      emit(vm::Op::RADDR, q, r);
      store_mem(q, off, v, arr->elem, st);
    }
    return r;
  }
  // Same underlying type, or pointers to identical base types: the bits stay.
  return expr(x, dst);
}

}  // namespace gol::lang
