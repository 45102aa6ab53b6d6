// compile_access.cc — variables, fields, elements, pointers: where values
// live and how they are read, written and addressed.
//
// A Loc says where a value is (registers, memory behind a pointer, globals,
// a map entry, an element of an array held in registers). lvalue() computes
// a Loc evaluating only the operands (pointer, slice, index, map and key), so
// an assignment can evaluate its right-hand side before storing, as Go
// orders it; load()/store() do the final access.
//
// Memory holds values in slot form, except array elements of 1-, 2- and
// 4-byte scalars, which are packed (vm/value.h): Loc::stride says which, and
// load_mem/store_mem pick the sized instruction.
#include "lang/compile_impl.h"
#include "lang/constant.h"
#include "lang/universe.h"

namespace gol::lang {

namespace {

bool is_signed_int(const Type* t) {
  const Basic* b = as_basic(t);
  return b != nullptr && (b->info & kIsInteger) && !(b->info & kIsUnsigned);
}

}  // namespace

int FuncCompiler::const_index(Expr* e, int64_t* out) {
  if (e->mode != ExprMode::Constant || e->constant == nullptr) return 0;
  auto i = e->constant->to_int();
  if (!i || !i->fits_signed(64)) return 0;
  *out = i->int64_value();
  return 1;
}

// Adds a large byte offset to a pointer register: returns the new pointer.
static int offset_pointer(FuncCompiler& fc, int ptr, uint32_t* off) {
  if (*off <= 0xffff) return ptr;
  const int t = fc.alloc(1);
  fc.load_int(t, *off);
  fc.emit(vm::Op::ADD, t, ptr, t);
  *off = 0;
  return t;
}

// Narrow scalars (1-, 2- and 4-byte integers and bool) are read and written
// with sized loads and stores wherever they are in memory: a *int32 may point
// into a packed []int32 (4 bytes per element) or at an 8-byte slot (a
// variable in a cell, a struct field), and the same instructions must work on
// both. So only the low bytes of a narrow slot in memory mean anything
// (sync/atomic's 32-bit operations write just those); registers always hold
// the value extended to 64 bits, and a raw copy of an aggregate from memory
// (LDN) is re-extended field by field (canonicalize).
void FuncCompiler::load_mem(int ptr, uint32_t off, int dst, const Type* t, uint32_t st) {
  ptr = offset_pointer(*this, ptr, &off);
  const uint32_t n = slots(t);
  if (const uint32_t ts = stride(t); ts > 0 && ts < 8) st = ts;
  if (st < 8) {
    const bool sgn = is_signed_int(t);
    vm::Op op = st == 1 ? (sgn ? vm::Op::LDI8 : vm::Op::LDU8)
                : st == 2 ? (sgn ? vm::Op::LDI16 : vm::Op::LDU16)
                          : (sgn ? vm::Op::LDI32 : vm::Op::LDU32);
    emit(op, dst, ptr, static_cast<int>(off));
    return;
  }
  if (n == 0) return;
  if (n == 1) {
    emit(vm::Op::LD64, dst, ptr, static_cast<int>(off));
    return;
  }
  emit(vm::Op::LDN, dst, ptr, static_cast<int>(n));
  emit_extra(off);
  canonicalize(dst, t);
}

void FuncCompiler::canonicalize(int reg, const Type* t) {
  const uint32_t ts = stride(t);
  if (ts > 0 && ts < 8) {
    wrap(reg, t);
    return;
  }
  const Type* u = under(t);
  if (const Struct* st = u->as<Struct>()) {
    int off = 0;
    for (const Var* f : st->fields) {
      canonicalize(reg + off, f->type);
      off += static_cast<int>(slots(f->type));
    }
  } else if (const Array* a = u->as<Array>()) {
    // Packed arrays (narrow elements) hold their elements' bytes, not slots.
    const uint32_t es = stride(a->elem);
    if (es > 0 && es < 8) return;
    if (!has_narrow(a->elem)) return;
    const uint32_t n = slots(a->elem);
    for (int64_t i = 0; i < a->len; i++) canonicalize(reg + static_cast<int>(i * n), a->elem);
  }
}

bool FuncCompiler::has_narrow(const Type* t) {
  const uint32_t ts = stride(t);
  if (ts > 0 && ts < 8) return true;
  const Type* u = under(t);
  if (const Struct* st = u->as<Struct>()) {
    for (const Var* f : st->fields) {
      if (has_narrow(f->type)) return true;
    }
  } else if (const Array* a = u->as<Array>()) {
    const uint32_t es = stride(a->elem);
    return !(es > 0 && es < 8) && has_narrow(a->elem);
  }
  return false;
}

void FuncCompiler::store_mem(int ptr, uint32_t off, int src, const Type* t, uint32_t st) {
  ptr = offset_pointer(*this, ptr, &off);
  const uint32_t n = slots(t);
  if (const uint32_t ts = stride(t); ts > 0 && ts < 8) st = ts;  // see load_mem
  if (st < 8) {
    vm::Op op = st == 1 ? vm::Op::ST8 : st == 2 ? vm::Op::ST16 : vm::Op::ST32;
    emit(op, ptr, static_cast<int>(off), src);
    return;
  }
  if (n == 0) {
    emit(vm::Op::NILCHK, ptr);
    return;
  }
  if (n == 1) {
    emit(vm::Op::ST64, ptr, static_cast<int>(off), src);
    return;
  }
  emit(vm::Op::STN, ptr, src, static_cast<int>(n));
  emit_extra(off);
}

// A transient pointer to a register-held array element (RegElem).
static int reg_elem_pointer(FuncCompiler& fc, const Loc& loc) {
  const int p = fc.alloc(1);
  fc.emit(vm::Op::RADDR, p, loc.reg);
  if (loc.index >= 0) {
    fc.emit(vm::Op::ARRINDEXP, p, p, loc.index);
    fc.emit_extra(static_cast<uint64_t>(loc.len) | static_cast<uint64_t>(loc.stride) << 32);
  }
  return p;
}

void FuncCompiler::load(const Loc& loc, int dst) {
  const uint32_t n = slots(loc.type);
  switch (loc.kind) {
    case Loc::Kind::None:
      return;
    case Loc::Kind::Reg:
      move(dst, loc.reg, n);
      return;
    case Loc::Kind::Mem:
      load_mem(loc.reg, loc.offset, dst, loc.type, loc.stride);
      return;
    case Loc::Kind::RegElem: {
      const int p = reg_elem_pointer(*this, loc);
      load_mem(p, loc.offset, dst, loc.type, loc.stride);
      return;
    }
    case Loc::Kind::Global:
      if (n == 1) {
        emit_abx(vm::Op::GGET, dst, loc.offset);
        canonicalize(dst, loc.type);  // a *int32 may have written its low bytes
      } else if (n > 1) {
        const int p = alloc(1);
        emit_abx(vm::Op::GADDR, p, loc.offset);
        load_mem(p, 0, dst, loc.type, 8);
      }
      return;
    case Loc::Kind::MapElem:
      emit(vm::Op::MAPGET, dst, loc.reg, loc.key);
      emit_extra(m_pc.type_index_of(loc.map));
      return;
  }
}

int FuncCompiler::load_any(const Loc& loc) {
  if (loc.kind == Loc::Kind::Reg) return loc.reg;
  const int r = alloc(slots(loc.type));
  load(loc, r);
  return r;
}

void FuncCompiler::store(const Loc& loc, int src) {
  const uint32_t n = slots(loc.type);
  switch (loc.kind) {
    case Loc::Kind::None:
      return;
    case Loc::Kind::Reg:
      move(loc.reg, src, n);
      return;
    case Loc::Kind::Mem:
      store_mem(loc.reg, loc.offset, src, loc.type, loc.stride);
      return;
    case Loc::Kind::RegElem: {
      const int p = reg_elem_pointer(*this, loc);
      store_mem(p, loc.offset, src, loc.type, loc.stride);
      return;
    }
    case Loc::Kind::Global:
      if (n == 1) {
        emit_abx(vm::Op::GSET, src, loc.offset);
      } else if (n > 1) {
        const int p = alloc(1);
        emit_abx(vm::Op::GADDR, p, loc.offset);
        store_mem(p, 0, src, loc.type, 8);
      }
      return;
    case Loc::Kind::MapElem:
      emit(vm::Op::MAPSET, loc.reg, loc.key, src);
      emit_extra(m_pc.type_index_of(loc.map));
      return;
  }
}

// Moves a Loc to the field `index` of the struct it holds.
static Loc field_of(FuncCompiler& fc, Loc loc, const Struct* st, const vm::Type* rst, int index) {
  const Var* f = st->fields[static_cast<size_t>(index)];
  const uint32_t off = rst->underlying->fields[static_cast<size_t>(index)].offset;
  switch (loc.kind) {
    case Loc::Kind::Reg: loc.reg += static_cast<int>(off); break;
    case Loc::Kind::Mem: loc.offset += off * 8; break;
    case Loc::Kind::RegElem: loc.offset += off * 8; break;
    case Loc::Kind::Global: loc.offset += off; break;
    default: compile_fail(Pos{}, "internal error: field of a non-addressable location");
  }
  loc.type = f->type;
  loc.stride = 8;
  (void)fc;
  return loc;
}

Loc FuncCompiler::field_path(Loc loc, const Type* t, const std::vector<int>& path, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (const Pointer* p = under(t)->as<Pointer>()) {
      // Through a pointer (an embedded *T, or x itself a pointer).
      const int ptr = load_any(loc);
      loc = Loc{};
      loc.kind = Loc::Kind::Mem;
      loc.reg = ptr;
      t = p->elem;
      loc.type = t;
    }
    const Struct* st = under(t)->as<Struct>();
    if (st == nullptr) compile_fail(Pos{}, "internal error: field path through a non-struct");
    loc = field_of(*this, loc, st, m_pc.rtype(t), path[i]);
    t = loc.type;
  }
  return loc;
}

// The Loc of x as a base for field selection: its variable or memory when it
// is addressable (or a pointer), else a temporary copy.
Loc FuncCompiler::base_loc(Expr* x) {
  if (x->mode == ExprMode::Variable && !is_pointer(x->type)) return lvalue(x);
  Loc l;
  l.kind = Loc::Kind::Reg;
  l.reg = expr(x);
  l.type = x->type;
  return l;
}

Loc FuncCompiler::lvalue(Expr* e) {
  e = unparen(e);
  set_line(e->pos());
  switch (e->kind) {
    case NodeKind::Ident: {
      auto* id = e->as<Ident>();
      if (id->name == "_" || id->object == nullptr) return Loc{};
      return var_loc(id->object->as<Var>());
    }
    case NodeKind::StarExpr: {
      Loc l;
      l.kind = Loc::Kind::Mem;
      l.reg = expr(e->as<StarExpr>()->x);
      l.type = e->type;
      return l;
    }
    case NodeKind::SelectorExpr: {
      auto* sel = e->as<SelectorExpr>();
      if (sel->sel_kind == SelectorKind::Qualified) return var_loc(sel->sel->object->as<Var>());
      Loc base = base_loc(sel->x);
      return field_path(base, sel->x->type, sel->path, sel->path.size());
    }
    case NodeKind::IndexExpr: {
      auto* ix = e->as<IndexExpr>();
      const Type* xt = under(ix->x->type);
      if (const Map* m = xt->as<Map>()) {
        Loc l;
        l.kind = Loc::Kind::MapElem;
        l.reg = expr(ix->x);
        l.key = expr_to(ix->index, m->key);
        l.type = m->elem;
        l.map = ix->x->type;
        return l;
      }
      if (const Slice* s = xt->as<Slice>()) {
        const int hdr = expr(ix->x);
        const int idx = expr(ix->index);
        const int p = alloc(1);
        const uint32_t st = stride(s->elem);
        emit(vm::Op::INDEXP, p, hdr, idx);
        emit_extra(st);
        Loc l;
        l.kind = Loc::Kind::Mem;
        l.reg = p;
        l.stride = st;
        l.type = s->elem;
        return l;
      }
      const Array* arr = nullptr;
      Loc base;
      if (const Pointer* p = xt->as<Pointer>()) {
        arr = under(p->elem)->as<Array>();
        base.kind = Loc::Kind::Mem;
        base.reg = expr(ix->x);
      } else {
        arr = xt->as<Array>();
        base = lvalue(ix->x);
      }
      return array_elem(base, arr, ix->index);
    }
    default:
      break;
  }
  compile_fail(e->pos(), std::string("internal error: not assignable: ") + node_kind_name(e->kind));
}

// Go evaluates the operands of every left-hand side before assigning any
// (`k, m[k] = 1, 2` stores to the old k's entry); lvalue() may hand back a
// variable's own register as an operand, which an earlier store changes.
Loc FuncCompiler::pin_operands(Loc l, int mark) {
  const auto copy = [&](int reg, uint32_t n) {
    if (reg >= mark) return reg;
    const int t = alloc(n);
    move(t, reg, n);
    return t;
  };
  switch (l.kind) {
    case Loc::Kind::Mem:
      l.reg = copy(l.reg, 1);
      break;
    case Loc::Kind::MapElem:
      l.reg = copy(l.reg, 1);
      l.key = copy(l.key, slots(under(l.map)->as<Map>()->key));
      break;
    case Loc::Kind::RegElem:  // the array is the variable itself: only its index
      if (l.index >= 0) l.index = copy(l.index, 1);
      break;
    default:
      break;
  }
  return l;
}

Loc FuncCompiler::array_elem(Loc base, const Array* arr, Expr* index) {
  const uint32_t st = stride(arr->elem);
  const uint32_t es = slots(arr->elem);
  int64_t ci;
  const bool constant = const_index(index, &ci) != 0;
  if (base.kind == Loc::Kind::Global) {
    const int p = alloc(1);
    emit_abx(vm::Op::GADDR, p, base.offset);
    base = Loc{};
    base.kind = Loc::Kind::Mem;
    base.reg = p;
  }
  if (base.kind == Loc::Kind::Reg) {
    if (constant && st == 8) {
      Loc l = base;
      l.reg += static_cast<int>(ci) * static_cast<int>(es);
      l.type = arr->elem;
      return l;
    }
    Loc l;
    l.kind = Loc::Kind::RegElem;
    l.reg = base.reg;
    l.stride = st;
    l.type = arr->elem;
    if (constant) {
      l.offset = static_cast<uint32_t>(ci) * st;
    } else {
      l.index = expr(index);
      l.len = static_cast<uint32_t>(arr->len);
    }
    return l;
  }
  if (base.kind == Loc::Kind::RegElem) {
    if (constant && base.index < 0) {
      Loc l = base;
      l.offset += static_cast<uint32_t>(ci) * st;
      l.stride = st;
      l.type = arr->elem;
      return l;
    }
    // A computed index into an array inside a register array: only for
    // values read at once (a variable indexed this way lives in a cell,
    // compile_escape.cc), so the transient pointer is used before any call.
    const int p = reg_elem_pointer(*this, base);
    const uint32_t off = base.offset;
    base = Loc{};
    base.kind = Loc::Kind::Mem;
    base.reg = p;
    base.offset = off;
  }
  if (base.kind != Loc::Kind::Mem) compile_fail(index->pos(), "internal error: array element of a map entry");
  if (constant) {
    Loc l = base;
    l.offset += static_cast<uint32_t>(ci) * st;
    l.stride = st;
    l.type = arr->elem;
    if (arr->len > 0 && base.offset == 0 && ci == 0) emit(vm::Op::NILCHK, base.reg);
    return l;
  }
  int ptr = base.reg;
  if (base.offset != 0) {
    uint32_t off = base.offset;
    ptr = offset_pointer(*this, ptr, &off);
    if (off != 0) {
      const int q = alloc(1);
      emit(vm::Op::ADDP, q, ptr, static_cast<int>(off));
      ptr = q;
    }
  }
  const int idx = expr(index);
  const int p = alloc(1);
  emit(vm::Op::ARRINDEXP, p, ptr, idx);
  emit_extra(static_cast<uint64_t>(arr->len) | static_cast<uint64_t>(st) << 32);
  Loc l;
  l.kind = Loc::Kind::Mem;
  l.reg = p;
  l.stride = st;
  l.type = arr->elem;
  return l;
}

int FuncCompiler::address_of(Expr* e) {
  e = unparen(e);
  if (auto* lit = e->as<CompositeLit>()) {
    const int v = composite(lit, lit->type, -1);
    const int p = alloc(1);
    emit_abx(vm::Op::NEW, p, m_pc.type_index_of(lit->type));
    store_mem(p, 0, v, lit->type, 8);
    return p;
  }
  if (auto* star = e->as<StarExpr>()) {
    const int p = expr(star->x);
    emit(vm::Op::NILCHK, p);
    return p;
  }
  Loc l = lvalue(e);
  switch (l.kind) {
    case Loc::Kind::Mem: {
      if (l.offset == 0) {
        if (e->is<SelectorExpr>()) emit(vm::Op::NILCHK, l.reg);
        return l.reg;
      }
      uint32_t off = l.offset;
      int ptr = offset_pointer(*this, l.reg, &off);
      const int p = alloc(1);
      emit(vm::Op::ADDP, p, ptr, static_cast<int>(off));
      return p;
    }
    case Loc::Kind::Global: {
      const int p = alloc(1);
      emit_abx(vm::Op::GADDR, p, l.offset);
      return p;
    }
    default:
      compile_fail(e->pos(), "internal error: address of a value that is not in memory");
  }
}

int FuncCompiler::index_expr(IndexExpr* e, int dst) {
  const Type* xt = under(e->x->type);
  if (const Map* m = xt->as<Map>()) {
    const int map = expr(e->x);
    const int key = expr_to(e->index, m->key);
    const int r = dst >= 0 ? dst : alloc(slots(m->elem));
    emit(vm::Op::MAPGET, r, map, key);
    emit_extra(m_pc.type_index_of(e->x->type));
    return r;
  }
  if (const Basic* b = xt->as<Basic>(); b != nullptr && (b->info & kIsString)) {
    const int s = expr(e->x);
    const int i = expr(e->index);
    const int r = dst >= 0 ? dst : alloc(1);
    emit(vm::Op::SLDU8, r, s, i);
    return r;
  }
  if (const Slice* s = xt->as<Slice>()) {
    const int hdr = expr(e->x);
    const int i = expr(e->index);
    const uint32_t st = stride(s->elem);
    const uint32_t n = slots(s->elem);
    const int r = dst >= 0 ? dst : alloc(n);
    if (st == 8 && n == 1) {
      emit(vm::Op::SLD64, r, hdr, i);
      return r;
    }
    if (st == 1 && !is_signed_int(s->elem)) {
      emit(vm::Op::SLDU8, r, hdr, i);
      return r;
    }
    const int p = alloc(1);
    emit(vm::Op::INDEXP, p, hdr, i);
    emit_extra(st);
    load_mem(p, 0, r, s->elem, st);
    return r;
  }
  // Arrays (values or through a pointer).
  const Array* arr;
  Loc base;
  if (const Pointer* p = xt->as<Pointer>()) {
    arr = under(p->elem)->as<Array>();
    base.kind = Loc::Kind::Mem;
    base.reg = expr(e->x);
  } else {
    arr = xt->as<Array>();
    if (e->x->mode == ExprMode::Variable) {
      base = lvalue(e->x);
    } else {
      base.kind = Loc::Kind::Reg;
      base.reg = expr(e->x);
    }
  }
  base.type = arr;
  Loc l = array_elem(base, arr, e->index);
  if (l.kind == Loc::Kind::Reg && dst < 0) return l.reg;
  const int r = dst >= 0 ? dst : alloc(slots(arr->elem));
  load(l, r);
  return r;
}

int FuncCompiler::map_index_ok(IndexExpr* e) {
  const Map* m = under(e->x->type)->as<Map>();
  const int map = expr(e->x);
  const int key = expr_to(e->index, m->key);
  const int r = alloc(slots(m->elem) + 1);
  emit(vm::Op::MAPGET2, r, map, key);
  emit_extra(m_pc.type_index_of(e->x->type));
  return r;
}

int FuncCompiler::slice_expr(SliceExpr* e, int dst) {
  const Type* xt = under(e->x->type);
  Expr* parts[3] = {e->low, e->high, e->max};
  uint64_t flags = 0;
  const int idx = alloc(3);
  for (int i = 0; i < 3; i++) {
    if (parts[i] == nullptr) continue;
    flags |= 1u << i;
    expr(parts[i], idx + i);
  }
  if (const Basic* b = xt->as<Basic>(); b != nullptr && (b->info & kIsString)) {
    const int s = expr(e->x);
    const int r = dst >= 0 ? dst : alloc(2);
    emit(vm::Op::SLICESTR, r, s, idx);
    emit_extra(flags);
    return r;
  }
  if (const Slice* s = xt->as<Slice>()) {
    const int hdr = expr(e->x);
    const int r = dst >= 0 ? dst : alloc(3);
    emit(vm::Op::SLICE, r, hdr, idx);
    emit_extra(stride(s->elem) | flags << 32);
    return r;
  }
  const Array* arr;
  int ptr;
  if (const Pointer* p = xt->as<Pointer>()) {
    arr = under(p->elem)->as<Array>();
    ptr = expr(e->x);
  } else {
    arr = xt->as<Array>();
    ptr = address_of(e->x);
  }
  const int r = dst >= 0 ? dst : alloc(3);
  emit(vm::Op::SLICEARR, r, ptr, idx);
  emit_extra(stride(arr->elem) | flags << 32 | static_cast<uint64_t>(arr->len) << 35);
  return r;
}

int FuncCompiler::selector(SelectorExpr* e, int dst) {
  switch (e->sel_kind) {
    case SelectorKind::Qualified: {
      Object* obj = e->sel->object;
      if (const Var* v = obj->as<Var>()) {
        const int r = dst >= 0 ? dst : alloc(slots(v->type));
        load(var_loc(v), r);
        return r;
      }
      if (const Func* f = obj->as<Func>()) {
        const int r = dst >= 0 ? dst : alloc(1);
        emit_abx(vm::Op::LOADFN, r, m_pc.proto_of(f));
        return r;
      }
      break;
    }
    case SelectorKind::Field: {
      Loc base = base_loc(e->x);
      Loc l = field_path(base, e->x->type, e->path, e->path.size());
      if (l.kind == Loc::Kind::Reg && dst < 0) return l.reg;
      const int r = dst >= 0 ? dst : alloc(slots(e->type));
      load(l, r);
      return r;
    }
    case SelectorKind::MethodValue:
      return method_value(e, dst);
    case SelectorKind::MethodExpr:
      return method_expr(e, dst);
    default:
      break;
  }
  compile_fail(e->pos(), "internal error: unresolved selector");
}

int FuncCompiler::type_assert(TypeAssertExpr* e, int dst, bool comma_ok) {
  const int x = expr(e->x);
  const Type* t = e->type;
  if (comma_ok && e->type->is<Tuple>()) t = e->type->as<Tuple>()->at(0);
  const bool to_iface = is_interface(t);
  const uint32_t n = slots(t);
  const int r = dst >= 0 ? dst : alloc(n + (comma_ok ? 1 : 0));
  const int ti = static_cast<int>(m_pc.type_index_of(t));
  if (comma_ok) {
    emit(to_iface ? vm::Op::ASSERTI2 : vm::Op::ASSERT2, r, x, ti);
    return r;
  }
  emit(to_iface ? vm::Op::ASSERTI : vm::Op::ASSERT, r, x, ti);
  emit_extra(m_pc.type_index_of(e->x->type));
  return r;
}

int FuncCompiler::composite(CompositeLit* lit, const Type* t, int dst) {
  set_line(lit->pos());
  const Type* u = under(t);
  if (const Pointer* p = u->as<Pointer>()) {
    // &T{...} elided inside an outer literal.
    const int v = composite(lit, p->elem, -1);
    const int r = dst >= 0 ? dst : alloc(1);
    emit_abx(vm::Op::NEW, r, m_pc.type_index_of(p->elem));
    store_mem(r, 0, v, p->elem, 8);
    return r;
  }
  if (const Struct* st = u->as<Struct>()) {
    const vm::Type* rst = m_pc.rtype(t);
    const int r = dst >= 0 ? dst : alloc(rst->slots);
    zero(r, rst->slots);
    for (size_t i = 0; i < lit->elts.size(); i++) {
      Expr* v = lit->elts[i];
      size_t fi = i;
      if (auto* kv = v->as<KeyValueExpr>()) {
        const std::string& name = kv->key->as<Ident>()->name;
        for (size_t j = 0; j < st->fields.size(); j++) {
          if (st->fields[j]->name == name) fi = j;
        }
        v = kv->value;
      }
      const int off = static_cast<int>(rst->underlying->fields[fi].offset);
      expr_to(v, st->fields[fi]->type, r + off);
    }
    return r;
  }
  if (const Array* arr = u->as<Array>()) {
    const uint32_t n = slots(t);
    const int r = dst >= 0 ? dst : alloc(n);
    zero(r, n);
    const uint32_t st = stride(arr->elem);
    const uint32_t es = slots(arr->elem);
    int64_t index = 0;
    for (Expr* v : lit->elts) {
      if (auto* kv = v->as<KeyValueExpr>()) {
        const_index(kv->key, &index);
        v = kv->value;
      }
      if (st == 8) {
        expr_to(v, arr->elem, r + static_cast<int>(index * es));
      } else {
        const int mark = top();
        const int val = expr_to(v, arr->elem);
        const int p = alloc(1);
        emit(vm::Op::RADDR, p, r);
        store_mem(p, static_cast<uint32_t>(index) * st, val, arr->elem, st);
        free_to(mark);
      }
      index++;
    }
    return r;
  }
  if (const Slice* s = u->as<Slice>()) {
    int64_t len = 0, index = 0;
    for (Expr* v : lit->elts) {
      if (auto* kv = v->as<KeyValueExpr>()) const_index(kv->key, &index);
      index++;
      len = std::max(len, index);
    }
    const int r = dst >= 0 ? dst : alloc(3);
    const int n = alloc(1);
    load_int(n, len);
    emit(vm::Op::MAKESLICE, r, n, n);
    emit_extra(m_pc.type_index_of(s->elem));
    const uint32_t st = stride(s->elem);
    index = 0;
    for (Expr* v : lit->elts) {
      if (auto* kv = v->as<KeyValueExpr>()) {
        const_index(kv->key, &index);
        v = kv->value;
      }
      const int mark = top();
      const int val = expr_to(v, s->elem);
      store_mem(r, static_cast<uint32_t>(index) * st, val, s->elem, st);
      free_to(mark);
      index++;
    }
    return r;
  }
  if (const Map* m = u->as<Map>()) {
    const int r = dst >= 0 ? dst : alloc(1);
    const int hint = alloc(1);
    load_int(hint, static_cast<int64_t>(lit->elts.size()));
    emit(vm::Op::MAKEMAP, r, static_cast<int>(m_pc.type_index_of(t)), hint);
    for (Expr* v : lit->elts) {
      auto* kv = v->as<KeyValueExpr>();
      const int mark = top();
      const int k = expr_to(kv->key, m->key);
      const int val = expr_to(kv->value, m->elem);
      emit(vm::Op::MAPSET, r, k, val);
      emit_extra(m_pc.type_index_of(t));
      free_to(mark);
    }
    return r;
  }
  compile_fail(lit->pos(), "internal error: composite literal of type " + type_string(t, nullptr));
}

}  // namespace gol::lang
