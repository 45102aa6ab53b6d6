// compile_stmt.cc — statements.
//
// Each statement frees the temporaries it used when it ends; a block frees
// its locals. Loops put their condition at the bottom, so each iteration
// runs one conditional back-edge (which is also the loop's safe point).
//
// Go 1.22 loop variables are per iteration: a loop variable that lives in a
// heap cell (a closure captured it, or its address was taken) gets a fresh
// cell at the start of every iteration, holding the value the previous
// iteration left, before the post statement runs.
//
// Goroutines, channels and select arrive with the scheduler: until then they
// are reported as not supported, at their position.
#include "lang/compile_impl.h"

namespace gol::lang {


void FuncCompiler::block(const std::vector<Stmt*>& list) {
  const int mark = top();
  for (Stmt* s : list) stmt(s);
  free_to(mark);
}

void FuncCompiler::stmt(Stmt* s) {
  if (s == nullptr) return;
  set_line(s->pos());
  const int mark = top();
  switch (s->kind) {
    case NodeKind::EmptyStmt:
    case NodeKind::BadStmt:
      return;
    case NodeKind::BlockStmt:
      block(s->as<BlockStmt>()->list);
      return;
    case NodeKind::ExprStmt: {
      Expr* x = s->as<ExprStmt>()->x;
      if (auto* c = unparen(x)->as<CallExpr>()) {
        call(c);
      } else {
        expr(x);
      }
      break;
    }
    case NodeKind::DeclStmt: {
      GenDecl* d = s->as<DeclStmt>()->decl;
      if (d->op != Op::Var) return;
      for (Node* spec : d->specs) {
        auto* vs = spec->as<ValueSpec>();
        std::vector<Expr*> lhs(vs->names.begin(), vs->names.end());
        define_or_assign(lhs, vs->values, true);
      }
      return;
    }
    case NodeKind::AssignStmt: {
      auto* a = s->as<AssignStmt>();
      if (a->op == Op::Define) {
        define_or_assign(a->lhs, a->rhs, true);
        return;
      }
      if (a->op == Op::Assign) {
        define_or_assign(a->lhs, a->rhs, false);
      } else {
        op_assign(a);
      }
      break;
    }
    case NodeKind::IncDecStmt:
      inc_dec(s->as<IncDecStmt>());
      break;
    case NodeKind::IfStmt:
      if_stmt(s->as<IfStmt>());
      break;
    case NodeKind::ForStmt:
      for_stmt(s->as<ForStmt>(), nullptr);
      break;
    case NodeKind::RangeStmt:
      range_stmt(s->as<RangeStmt>());
      break;
    case NodeKind::SwitchStmt:
      switch_stmt(s->as<SwitchStmt>());
      break;
    case NodeKind::TypeSwitchStmt:
      type_switch(s->as<TypeSwitchStmt>());
      break;
    case NodeKind::ReturnStmt:
      return_stmt(s->as<ReturnStmt>());
      break;
    case NodeKind::BranchStmt:
      branch(s->as<BranchStmt>());
      return;
    case NodeKind::LabeledStmt: {
      auto* l = s->as<LabeledStmt>();
      m_label_pc[l] = here();
      m_label_pc[l->stmt] = here();
      for (const Stmt* key : {static_cast<const Stmt*>(l), static_cast<const Stmt*>(l->stmt)}) {
        auto it = m_label_fwd.find(key);
        if (it != m_label_fwd.end()) {
          patch_here(it->second);
          m_label_fwd.erase(it);
        }
      }
      if (auto* f = l->stmt->as<ForStmt>()) {
        for_stmt(f, l);
        break;
      }
      m_labels_for_next = l;
      stmt(l->stmt);
      m_labels_for_next = nullptr;
      return;
    }
    case NodeKind::DeferStmt:
      deferred_call(unparen(s->as<DeferStmt>()->call)->as<CallExpr>(), vm::Op::DEFER);
      break;
    case NodeKind::GoStmt:
      deferred_call(unparen(s->as<GoStmt>()->call)->as<CallExpr>(), vm::Op::GO);
      break;
    case NodeKind::SelectStmt:
      select_stmt(s->as<SelectStmt>());
      break;
    case NodeKind::SendStmt:
      send_stmt(s->as<SendStmt>());
      break;
    default:
      compile_fail(s->pos(), std::string("internal error: unexpected statement ") + node_kind_name(s->kind));
  }
  // Statements that declare nothing free their temporaries here; the ones
  // that keep new locals (declarations, :=, labels) returned above.
  free_to(mark);
}

// The registers a new variable will occupy, reserved before its initial
// value is computed (so the value's temporaries sit above it).
struct NewVar {
  const Var* var;
  int reg;
  bool cell;
};

void FuncCompiler::define_or_assign(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs, bool define) {
  // Which left-hand sides declare a new variable.
  std::vector<NewVar> fresh(lhs.size(), NewVar{nullptr, -1, false});
  if (define) {
    for (size_t i = 0; i < lhs.size(); i++) {
      auto* id = lhs[i]->as<Ident>();
      if (id == nullptr || id->name == "_" || id->object == nullptr) continue;
      const Var* v = id->object->as<Var>();
      if (v == nullptr || m_vars.count(v) != 0) continue;
      const bool cell = m_escapes != nullptr && m_escapes->in_cell.count(v) != 0;
      fresh[i] = NewVar{v, alloc(cell ? 1 : slots(v->type)), cell};
    }
  }
  const int mark = top();
  auto bind = [&](size_t i, int value, const Type* from) {
    if (fresh[i].var != nullptr) {
      const Var* v = fresh[i].var;
      Loc l;
      l.type = v->type;
      l.reg = fresh[i].reg;
      if (fresh[i].cell) {
        emit_abx(vm::Op::NEW, l.reg, m_pc.type_index_of(v->type));
        l.kind = Loc::Kind::Mem;
      } else {
        l.kind = Loc::Kind::Reg;
      }
      m_vars[v] = l;
      if (value >= 0) {
        store(l, convert_value(value, from, v->type));
      } else if (!fresh[i].cell) {
        zero(l.reg, slots(v->type));
      }
      return;
    }
    if (auto* id = lhs[i]->as<Ident>(); id != nullptr && id->name == "_") return;
    (void)from;
  };

  if (rhs.empty()) {  // var x T
    for (size_t i = 0; i < lhs.size(); i++) bind(i, -1, nullptr);
    free_to(mark);
    return;
  }
  // Single new register variable = single value: evaluate in place.
  if (lhs.size() == 1 && rhs.size() == 1 && fresh[0].var != nullptr && !fresh[0].cell &&
      !unparen(rhs[0])->is<CompositeLit>()) {
    expr_to(rhs[0], fresh[0].var->type, fresh[0].reg);
    Loc l;
    l.kind = Loc::Kind::Reg;
    l.reg = fresh[0].reg;
    l.type = fresh[0].var->type;
    m_vars[fresh[0].var] = l;
    free_to(mark);
    return;
  }
  // Assignments: left operands first (index and pointer operands), then the
  // right-hand sides, then the stores from left to right (Go's order).
  std::vector<Loc> locs(lhs.size());
  for (size_t i = 0; i < lhs.size(); i++) {
    if (fresh[i].var != nullptr) continue;
    if (auto* id = lhs[i]->as<Ident>(); id != nullptr && id->name == "_") continue;
    locs[i] = lvalue(lhs[i]);
    if (lhs.size() > 1) locs[i] = pin_operands(locs[i], mark);
  }
  std::vector<int> values(lhs.size(), -1);
  std::vector<const Type*> types(lhs.size(), nullptr);
  if (rhs.size() == lhs.size()) {
    for (size_t i = 0; i < rhs.size(); i++) {
      const Type* to = fresh[i].var ? fresh[i].var->type : (locs[i].kind != Loc::Kind::None ? locs[i].type : nullptr);
      if (to == nullptr) {
        values[i] = expr(rhs[i]);  // assigned to _: evaluated for effects only
        types[i] = rhs[i]->type;
        continue;
      }
      // A fresh copy (never a variable's own register): a later store may
      // overwrite that variable (a, b = b, a).
      const int dst = alloc(slots(to));
      expr_to(rhs[i], to, dst);
      values[i] = dst;
      types[i] = to;
    }
  } else {
    // One multi-value right-hand side: a call, a map index, a type
    // assertion (comma-ok forms).
    Expr* r = unparen(rhs[0]);
    int base;
    std::vector<const Type*> parts;
    if (auto* ix = r->as<IndexExpr>()) {
      base = map_index_ok(ix);
      parts = {ix->type, universe_bool()};
    } else if (auto* ta = r->as<TypeAssertExpr>()) {
      base = type_assert(ta, -1, true);
      parts = {ta->type, universe_bool()};
    } else if (auto* u = r->as<UnaryExpr>(); u != nullptr && u->op == Op::Arrow) {
      base = recv_expr(u, -1, true);
      parts = {under(u->x->type)->as<Chan>()->elem, universe_bool()};
    } else {
      base = expr(r);
      const Tuple* t = r->type->as<Tuple>();
      for (size_t i = 0; i < t->size(); i++) parts.push_back(t->at(i));
    }
    uint32_t off = 0;
    for (size_t i = 0; i < lhs.size(); i++) {
      values[i] = base + static_cast<int>(off);
      types[i] = parts[i];
      off += slots(parts[i]);
    }
  }
  for (size_t i = 0; i < lhs.size(); i++) {
    if (fresh[i].var != nullptr) {
      bind(i, values[i], types[i]);
    } else if (locs[i].kind != Loc::Kind::None) {
      store(locs[i], convert_value(values[i], types[i], locs[i].type));
    }
  }
  free_to(mark);
}

// x op= y: x's operands (pointer, index, map and key) first, then y, then
// x is read and written once — gc's order, which Go programs can observe
// when y's evaluation changes x (Go leaves it unspecified).
void FuncCompiler::op_assign(AssignStmt* s) {
  Loc loc = lvalue(s->lhs[0]);
  const Op op = op_assign_base(s->op);
  const Basic* b = as_basic(loc.type);
  // A word-sized field or element updated in memory: one instruction.
  if (loc.kind == Loc::Kind::Mem && loc.stride == 8 && loc.offset <= 0xffff && b != nullptr &&
      (op == Op::Add || op == Op::Sub)) {
    vm::Op fused = vm::Op::NOP;
    switch (b->basic) {
      case BasicKind::Float64: fused = op == Op::Add ? vm::Op::FADDM : vm::Op::FSUBM; break;
      case BasicKind::Int: case BasicKind::Int64: case BasicKind::Uint: case BasicKind::Uint64:
      case BasicKind::Uintptr: fused = op == Op::Add ? vm::Op::ADDM : vm::Op::SUBM; break;
      default: break;
    }
    if (fused != vm::Op::NOP) {
      const int y = expr(s->rhs[0]);
      emit(fused, loc.reg, static_cast<int>(loc.offset), y);
      return;
    }
  }
  const int y = expr(s->rhs[0]);
  const int x = load_any(loc);
  // A register variable is updated in place (instructions read their
  // operands before writing).
  const int dst = loc.kind == Loc::Kind::Reg ? loc.reg : -1;
  int r;
  if (op == Op::Shl || op == Op::Shr) {
    r = shift(op, x, y, loc.type, s->rhs[0], dst);
  } else {
    r = arith(op, x, y, loc.type, dst, s->op_pos);
  }
  if (dst < 0) store(loc, r);
}

void FuncCompiler::inc_dec(IncDecStmt* s) {
  Loc loc = lvalue(s->x);
  const Type* t = loc.type;
  if (loc.kind == Loc::Kind::Reg && is_integer(t) && slots(t) == 1) {
    emit(vm::Op::ADDI, loc.reg, loc.reg, s->op == Op::Inc ? 1 : 0xffff);
    wrap(loc.reg, t);
    return;
  }
  const int x = load_any(loc);
  const int one = alloc(1);
  if (is_float(t)) {
    load_float(one, 1.0);
  } else {
    load_int(one, 1);
  }
  store(loc, arith(s->op == Op::Inc ? Op::Add : Op::Sub, x, one, t, -1, s->op_pos));
}

void FuncCompiler::if_stmt(IfStmt* s) {
  const int mark = top();
  stmt(s->init);
  const int after_init = top();
  std::vector<int> to_else;
  cond_jump(s->cond, false, to_else);
  free_to(after_init);
  stmt(s->then);
  if (s->els != nullptr) {
    const int to_end = emit_jump();
    patch_here(to_else);
    stmt(s->els);
    patch(to_end, here());
  } else {
    patch_here(to_else);
  }
  free_to(mark);
}

// Loop variables that live in cells get a fresh cell per iteration.
void FuncCompiler::fresh_cell(const Var* v) {
  auto it = m_vars.find(v);
  if (it == m_vars.end() || it->second.kind != Loc::Kind::Mem) return;
  const Loc old = it->second;
  const int mark = top();
  const int value = alloc(slots(v->type));
  load(old, value);
  const int cell = alloc(1);
  emit_abx(vm::Op::NEW, cell, m_pc.type_index_of(v->type));
  Loc fresh = old;
  fresh.reg = cell;
  store(fresh, value);
  emit(vm::Op::MOVE, old.reg, cell);
  free_to(mark);
}

void FuncCompiler::for_stmt(ForStmt* s, LabeledStmt* label) {
  const int mark = top();
  stmt(s->init);
  std::vector<const Var*> loop_vars;
  if (auto* a = s->init ? s->init->as<AssignStmt>() : nullptr; a != nullptr && a->op == Op::Define) {
    for (Expr* l : a->lhs) {
      if (auto* id = l->as<Ident>(); id && id->object && id->object->is<Var>()) loop_vars.push_back(id->object->as<Var>());
    }
  }
  if (counting_loop(s, label)) {
    free_to(mark);
    return;
  }
  const int to_cond = s->cond != nullptr ? emit_jump() : -1;
  const int body = here();
  m_targets.push_back(Target{s, label, {}, {}, false});
  stmt(s->body);
  Target t = std::move(m_targets.back());
  m_targets.pop_back();
  patch_here(t.continues);
  set_line(s->pos());
  for (const Var* v : loop_vars) fresh_cell(v);
  stmt(s->post);
  if (s->cond != nullptr) {
    patch(to_cond, here());
    std::vector<int> back;
    cond_jump(s->cond, true, back);
    for (int j : back) patch(j, body);
  } else {
    jump_to(body);
  }
  patch_here(t.breaks);
  free_to(mark);
}

// `for ...; i < n; i++` with i a 64-bit signed integer in a register and n
// a constant or a register variable: the post statement and the condition
// become one FORLOOP back-edge (n is re-read each time, as Go re-evaluates
// it). Returns false, having emitted nothing, when the loop is not of that
// shape.
bool FuncCompiler::counting_loop(ForStmt* s, LabeledStmt* label) {
  auto* cond = s->cond ? unparen(s->cond)->as<BinaryExpr>() : nullptr;
  auto* post = s->post ? s->post->as<IncDecStmt>() : nullptr;
  if (cond == nullptr || post == nullptr || cond->op != Op::Lss || post->op != Op::Inc) return false;
  auto* i = unparen(cond->x)->as<Ident>();
  auto* pi = unparen(post->x)->as<Ident>();
  if (i == nullptr || pi == nullptr || i->object == nullptr || i->object != pi->object) return false;
  const Basic* b = as_basic(i->type);
  if (b == nullptr || !(b->basic == BasicKind::Int || b->basic == BasicKind::Int64)) return false;
  auto it = m_vars.find(i->object->as<Var>());
  if (it == m_vars.end() || it->second.kind != Loc::Kind::Reg) return false;
  const int ireg = it->second.reg;
  int limit;
  Expr* n = unparen(cond->y);
  if (n->mode == ExprMode::Constant) {
    limit = alloc(1);
    expr(n, limit);
  } else if (auto* nid = n->as<Ident>(); nid != nullptr && nid->object != nullptr && nid->object->is<Var>()) {
    auto nit = m_vars.find(nid->object->as<Var>());
    if (nit == m_vars.end() || nit->second.kind != Loc::Kind::Reg) return false;
    limit = nit->second.reg;
  } else {
    return false;
  }
  set_line(s->cond->pos());
  const int to_exit = emit_cmp_jump(vm::Op::JLE, limit, ireg);
  const int body = here();
  m_targets.push_back(Target{s, label, {}, {}, false});
  stmt(s->body);
  Target t = std::move(m_targets.back());
  m_targets.pop_back();
  patch_here(t.continues);
  set_line(s->post->pos());
  patch(emit_cmp_jump(vm::Op::FORLOOP, ireg, limit), body);
  patch(to_exit, here());
  patch_here(t.breaks);
  return true;
}

void FuncCompiler::return_stmt(ReturnStmt* s) {
  if (s->results.empty()) {
    emit_return(-1, 0);
    return;
  }
  const Tuple* want = m_sig->results;
  if (s->results.size() == 1 && want->size() > 1) {
    // return f() with f returning several values.
    Expr* e = s->results[0];
    const int base = expr(e);
    const Tuple* got = e->type->as<Tuple>();
    const int out = alloc(m_result_slots);
    uint32_t in_off = 0, out_off = 0;
    for (size_t i = 0; i < want->size(); i++) {
      convert_value(base + static_cast<int>(in_off), got->at(i), want->at(i), out + static_cast<int>(out_off));
      in_off += slots(got->at(i));
      out_off += slots(want->at(i));
    }
    emit_return(out, m_result_slots);
    return;
  }
  if (s->results.size() == 1 && !m_has_defer) {
    // The value's own registers will do (RET copies them down).
    const int r = expr_to(s->results[0], want->at(0));
    emit_return(r, m_result_slots);
    return;
  }
  const int out = alloc(m_result_slots);
  uint32_t off = 0;
  for (size_t i = 0; i < s->results.size(); i++) {
    expr_to(s->results[i], want->at(i), out + static_cast<int>(off));
    off += slots(want->at(i));
  }
  emit_return(out, m_result_slots);
}

void FuncCompiler::branch(BranchStmt* s) {
  const Stmt* target = s->target;
  switch (s->op) {
    case Op::Break:
    case Op::Continue: {
      for (size_t i = m_targets.size(); i-- > 0;) {
        Target& t = m_targets[i];
        const bool match = target == nullptr ? (s->op == Op::Break || !t.is_switch)
                                             : (t.stmt == target || (t.label != nullptr && t.label == target));
        if (!match) continue;
        if (s->op == Op::Continue && t.is_switch) continue;
        (s->op == Op::Break ? t.breaks : t.continues).push_back(emit_jump());
        return;
      }
      compile_fail(s->pos(), "internal error: branch target not found");
    }
    case Op::Goto: {
      auto it = m_label_pc.find(target);
      if (it != m_label_pc.end()) {
        jump_to(it->second);
      } else {
        m_label_fwd[target].push_back(emit_jump());
      }
      return;
    }
    case Op::Fallthrough:
      if (m_fallthrough == nullptr) compile_fail(s->pos(), "internal error: fallthrough outside switch");
      m_fallthrough->push_back(emit_jump());
      return;
    default:
      compile_fail(s->pos(), "internal error: unknown branch");
  }
}

}  // namespace gol::lang
