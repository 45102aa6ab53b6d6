// compile_call.cc — calls, method calls, defer, conversions.
//
// A call evaluates its callee (a function value, an interface) first, then
// reserves the call window at the top of the registers and evaluates each
// argument straight into its parameter's slots there (converted to the
// parameter's type: interface boxing, variadic packing). Nested calls in the
// arguments use windows above the reserved area. The callee's frame starts
// at the window, so after the call its results sit at the window's start.
//
// Which instruction: CALL for a declared function or a method with a known
// receiver type, CALLN for a native (a standard function without a body),
// CALLM through an interface, CALLF for any other function value.
//
// defer and go: the function becomes a closure value and its arguments
// (the receiver first, for a method) are evaluated into a window that DEFER
// (or GO, into the new goroutine's first frame) copies, so they are fixed at
// the statement as Go requires. Deferred builtins (panic, print, delete ...)
// get a small generated function.
#include "lang/compile_impl.h"
#include "lang/constant.h"
#include "lang/universe.h"

namespace gol::lang {

namespace {

const Func* called_func(Expr* fun) {
  fun = unparen(fun);
  if (auto* id = fun->as<Ident>()) return id->object ? id->object->as<Func>() : nullptr;
  if (auto* sel = fun->as<SelectorExpr>(); sel != nullptr && sel->sel_kind == SelectorKind::Qualified) {
    return sel->sel->object ? sel->sel->object->as<Func>() : nullptr;
  }
  return nullptr;
}

bool is_native(const Func* f) { return f->decl != nullptr && f->decl->body == nullptr; }

uint32_t sig_slots(FuncCompiler& fc, const Tuple* t) {
  uint32_t n = 0;
  for (const Var* v : t->vars) n += fc.slots(v->type);
  return n;
}

}  // namespace

std::string native_name(const Func* f) { return f->pkg->path + "." + f->name; }

uint32_t FuncCompiler::push_args(const std::vector<Expr*>& args, const Signature* sig, bool has_ellipsis, int base) {
  const Tuple* params = sig->params;
  const uint32_t total = sig_slots(*this, params);
  free_to(base);
  alloc(total);
  std::vector<uint32_t> offs;
  uint32_t off = 0;
  for (const Var* v : params->vars) {
    offs.push_back(off);
    off += slots(v->type);
  }
  const size_t nfixed = sig->variadic ? params->size() - 1 : params->size();
  // f(g()) with g returning several values.
  if (args.size() == 1 && args[0]->type != nullptr && args[0]->type->is<Tuple>()) {
    const Tuple* got = args[0]->type->as<Tuple>();
    const int r = expr(args[0]);
    uint32_t roff = 0;
    std::vector<int> regs;
    for (size_t i = 0; i < got->size(); i++) {
      regs.push_back(r + static_cast<int>(roff));
      roff += slots(got->at(i));
    }
    for (size_t i = 0; i < nfixed; i++) {
      convert_value(regs[i], got->at(i), params->at(i), base + static_cast<int>(offs[i]));
    }
    if (sig->variadic) {
      const Type* elem = params->at(nfixed)->as<Slice>()->elem;
      const int hdr = base + static_cast<int>(offs[nfixed]);
      const size_t n = got->size() - nfixed;
      const int len = alloc(1);
      load_int(len, static_cast<int64_t>(n));
      emit(vm::Op::MAKESLICE, hdr, len, len);
      emit_extra(m_pc.type_index_of(elem));
      for (size_t i = 0; i < n; i++) {
        const int v = convert_value(regs[nfixed + i], got->at(nfixed + i), elem);
        store_mem(hdr, static_cast<uint32_t>(i) * stride(elem), v, elem, stride(elem));
      }
    }
    free_to(base + static_cast<int>(total));
    return total;
  }
  for (size_t i = 0; i < nfixed; i++) {
    const int mark = top();
    expr_to(args[i], params->at(i), base + static_cast<int>(offs[i]));
    free_to(mark);
  }
  if (sig->variadic) {
    const int hdr = base + static_cast<int>(offs[nfixed]);
    if (has_ellipsis) {
      expr_to(args.back(), params->at(nfixed), hdr);
    } else if (args.size() == nfixed) {
      zero(hdr, 3);
    } else {
      const Type* elem = params->at(nfixed)->as<Slice>()->elem;
      const size_t n = args.size() - nfixed;
      const int mark = top();
      const int len = alloc(1);
      load_int(len, static_cast<int64_t>(n));
      emit(vm::Op::MAKESLICE, hdr, len, len);
      emit_extra(m_pc.type_index_of(elem));
      const uint32_t st = stride(elem);
      for (size_t i = 0; i < n; i++) {
        const int m2 = top();
        const int v = expr_to(args[nfixed + i], elem);
        store_mem(hdr, static_cast<uint32_t>(i) * st, v, elem, st);
        free_to(m2);
      }
      free_to(mark);
    }
  }
  free_to(base + static_cast<int>(total));
  return total;
}

// Leaves the call's results as temporaries at `base` (or moves them to dst).
static int finish_call(FuncCompiler& fc, int base, const Signature* sig, int dst) {
  const uint32_t nres = sig_slots(fc, sig->results);
  fc.free_to(base);
  fc.touch(base + static_cast<int>(std::max<uint32_t>(nres, 1)));
  if (dst >= 0 && nres > 0) {
    fc.move(dst, base, nres);
    return dst;
  }
  fc.alloc(nres);
  return base;
}

int FuncCompiler::call(CallExpr* c, int dst) {
  set_line(c->pos());
  if (c->call_kind == CallExpr::Kind::Conversion) return conversion(c, dst);
  if (c->call_kind == CallExpr::Kind::Builtin) return builtin_call(c, dst);
  Expr* fun = unparen(c->fun);
  const Signature* sig = under(fun->type)->as<Signature>();
  if (const Func* f = called_func(fun)) {
    if (is_native(f) && c->args.size() == 1 && native_name(f) == "math.Sqrt") {
      // Intrinsic, as in Go's compiler: one instruction, no call.
      const int x = expr(c->args[0]);
      const int r = dst >= 0 ? dst : alloc(1);
      emit(vm::Op::FSQRT, r, x);
      return r;
    }
    const int base = top();
    push_args(c->args, sig, c->has_ellipsis(), base);
    set_line(c->lparen);
    if (is_native(f)) {
      emit_abx(vm::Op::CALLN, base, m_pc.native_index(native_name(f)));
    } else {
      emit_abx(vm::Op::CALL, base, m_pc.proto_of(f));
    }
    return finish_call(*this, base, sig, dst);
  }
  if (auto* sel = fun->as<SelectorExpr>(); sel != nullptr && sel->sel_kind == SelectorKind::MethodValue) {
    const Func* m = sel->sel->object->as<Func>();
    const Signature* msig = m->sig();
    // The value whose method it is, after any embedded fields.
    Loc base_l;
    std::vector<int> fields(sel->path.begin(), sel->path.end() - 1);
    const Type* holder = sel->x->type;
    if (!fields.empty()) {
      base_l = field_path(base_loc(sel->x), sel->x->type, fields, fields.size());
      holder = base_l.type;
    }
    if (is_interface(holder)) {
      // Through the interface value: the data word becomes the receiver.
      const int iface = fields.empty() ? expr(sel->x) : load_any(base_l);
      const int base = top();
      push_args(c->args, msig, c->has_ellipsis(), base + 1);
      free_to(base);
      touch(base + 1 + static_cast<int>(sig_slots(*this, msig->params)));
      set_line(c->lparen);
      emit(vm::Op::CALLM, base, iface, static_cast<int>(method_name_id(m)));
      return finish_call(*this, base, msig, dst);
    }
    // A concrete method: receiver, then the arguments.
    const int base = top();
    const uint32_t rslots = slots(msig->recv->type);
    alloc(rslots);
    if (!fields.empty()) {
      receiver_from(base_l, m, base);
    } else {
      receiver(sel, m, base);
    }
    free_to(base + static_cast<int>(rslots));
    push_args(c->args, msig, c->has_ellipsis(), base + static_cast<int>(rslots));
    free_to(base);
    touch(base + static_cast<int>(rslots + sig_slots(*this, msig->params)));
    set_line(c->lparen);
    if (is_native(m)) {
      emit_abx(vm::Op::CALLN, base, m_pc.native_index(ProgramCompiler::func_name(m)));
    } else {
      emit_abx(vm::Op::CALL, base, m_pc.proto_of(m));
    }
    return finish_call(*this, base, msig, dst);
  }
  // Any other function value.
  const int fv = expr(fun);
  const int base = top();
  push_args(c->args, sig, c->has_ellipsis(), base);
  set_line(c->lparen);
  emit(vm::Op::CALLF, base, fv);
  return finish_call(*this, base, sig, dst);
}

// The receiver for method m from a location holding the value whose method
// it is (after any embedded fields), into registers at dst.
void FuncCompiler::receiver_from(const Loc& loc, const Func* m, int dst) {
  const Type* t = loc.type;
  if (m->ptr_recv) {
    if (is_pointer(t)) {
      load(loc, dst);
      return;
    }
    switch (loc.kind) {
      case Loc::Kind::Mem:
        if (loc.offset == 0) {
          move(dst, loc.reg, 1);
        } else {
          emit(vm::Op::ADDP, dst, loc.reg, static_cast<int>(loc.offset));
        }
        return;
      case Loc::Kind::Global:
        emit_abx(vm::Op::GADDR, dst, loc.offset);
        return;
      default:
        compile_fail(m->pos, "internal error: pointer method on a value that is not in memory");
    }
  }
  if (is_pointer(t)) {
    const int p = load_any(loc);
    const Type* elem = under(t)->as<Pointer>()->elem;
    if (slots(elem) == 0) emit(vm::Op::NILCHK, p);
    load_mem(p, 0, dst, elem, 8);
    return;
  }
  load(loc, dst);
}

void FuncCompiler::receiver(SelectorExpr* sel, const Func* m, int dst) {
  Loc l;
  Expr* x = sel->x;
  if (m->ptr_recv && !is_pointer(x->type)) {
    // &x: x is addressable (a variable in a cell, a field behind a pointer...).
    const int p = address_of(x);
    move(dst, p, 1);
    return;
  }
  if (x->mode == ExprMode::Variable && !is_pointer(x->type)) {
    l = lvalue(x);
  } else {
    l.kind = Loc::Kind::Reg;
    l.reg = expr(x);
    l.type = x->type;
  }
  receiver_from(l, m, dst);
}

int FuncCompiler::method_value(SelectorExpr* sel, int dst) {
  const Func* m = sel->sel->object->as<Func>();
  std::vector<int> fields(sel->path.begin(), sel->path.end() - 1);
  Loc holder;
  if (!fields.empty()) holder = field_path(base_loc(sel->x), sel->x->type, fields, fields.size());
  const Type* holder_t = fields.empty() ? sel->x->type : holder.type;
  const bool via_iface = is_interface(holder_t);
  const Type* cell_t = via_iface ? holder_t : m->sig()->recv->type;
  const int value = alloc(slots(cell_t));
  if (via_iface) {
    if (fields.empty()) {
      expr(sel->x, value);
    } else {
      load(holder, value);
    }
    emit(vm::Op::NILCHK, value);
  } else if (fields.empty()) {
    receiver(sel, m, value);
  } else {
    receiver_from(holder, m, value);
  }
  const int cell = alloc(1);
  emit_abx(vm::Op::NEW, cell, m_pc.type_index_of(cell_t));
  store_mem(cell, 0, value, cell_t, 8);
  const uint32_t proto = m_pc.bound_method_proto(cell_t, m, via_iface);
  const int r = dst >= 0 ? dst : alloc(1);
  emit(vm::Op::CLOSURE, r, 0, 1);
  emit_extra(proto);
  emit_extra(static_cast<uint16_t>(cell));
  return r;
}

int FuncCompiler::method_expr(SelectorExpr* e, int dst) {
  const Func* m = e->sel->object->as<Func>();
  const Type* t = e->x->type;
  const int r = dst >= 0 ? dst : alloc(1);
  if (is_interface(t)) {
    emit_abx(vm::Op::LOADFN, r, m_pc.iface_method_expr(t, m));
    return r;
  }
  const bool ptr = is_pointer(t);
  if (e->path.size() == 1 && m->ptr_recv == ptr) {
    emit_abx(vm::Op::LOADFN, r, m_pc.proto_of(m));
    return r;
  }
  if (ptr || slots(t) == 1) {
    Selection sel = lookup_field_or_method(t, false, m->pkg, m->name);
    emit_abx(vm::Op::LOADFN, r, m_pc.iface_method_wrapper(t, m, sel));
    return r;
  }
  compile_fail(e->pos(), "the method expression " + type_string(t, nullptr) + "." + m->name +
                             " (a promoted method of a multi-word value type) is not supported yet");
}

void FuncCompiler::deferred_call(CallExpr* c, vm::Op op) {
  // Every return of this function was compiled with RUNDEFER because the
  // escape pre-pass saw this statement; it cannot be learnt this late.
  if (op == vm::Op::DEFER && !m_has_defer) {
    compile_fail(c->pos(), "internal error: defer in a function the pre-pass saw none in");
  }
  set_line(c->pos());
  if (c->call_kind == CallExpr::Kind::Builtin) {
    deferred_builtin(c, op);
    return;
  }
  Expr* fun = unparen(c->fun);
  const Signature* sig = under(fun->type)->as<Signature>();
  const int fv = alloc(1);
  if (const Func* f = called_func(fun)) {
    emit_abx(vm::Op::LOADFN, fv, m_pc.proto_of(f));
  } else if (auto* sel = fun->as<SelectorExpr>(); sel != nullptr && sel->sel_kind == SelectorKind::MethodValue) {
    // A bound method value, called later with the arguments fixed now.
    method_value(sel, fv);
    sig = sel->sel->object->as<Func>()->sig();
  } else {
    expr(fun, fv);
  }
  const int base = top();
  const uint32_t n = push_args(c->args, sig, c->has_ellipsis(), base);
  emit(op, base, static_cast<int>(n), fv);
}

}  // namespace gol::lang
