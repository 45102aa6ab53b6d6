// compile_range.cc — range loops, switch and type switch statements.
//
// A range loop evaluates its operand once into hidden registers (a copy of an
// array operand when its values are used, as Go copies it), keeps a hidden
// counter, and assigns the iteration variables at the top of each iteration
// (fresh ones, Go 1.22: a variable in a heap cell gets a new cell each time).
//
// A switch evaluates its tag once, then tests the cases in source order,
// jumping to the first body that matches; bodies follow each other in clause
// order, so fallthrough is a jump to the next body's first instruction.
#include "lang/compile_impl.h"
#include "lang/universe.h"

namespace gol::lang {


namespace {

// The iteration variables of a range statement: declared (:=) or assigned (=).
struct RangeVar {
  Expr* expr = nullptr;
  const Var* var = nullptr;  // for :=
  int reg = -1;              // its register (non-cell variables of :=)
  bool cell = false;
};

}  // namespace

// Assigns the value at `value` (type `from`) to a range iteration variable.
static void assign_range_var(FuncCompiler& fc, RangeVar& rv, int value, const Type* from) {
  if (rv.expr == nullptr) return;
  if (auto* id = rv.expr->as<Ident>(); id != nullptr && id->name == "_") return;
  if (rv.var != nullptr) {
    Loc l;
    l.type = rv.var->type;
    l.reg = rv.reg;
    if (rv.cell) {
      fc.emit_abx(vm::Op::NEW, rv.reg, fc.m_pc.type_index_of(rv.var->type));
      l.kind = Loc::Kind::Mem;
    } else {
      l.kind = Loc::Kind::Reg;
    }
    fc.m_vars[rv.var] = l;
    fc.store(l, fc.convert_value(value, from, rv.var->type));
    return;
  }
  Loc l = fc.lvalue(rv.expr);
  fc.store(l, fc.convert_value(value, from, l.type));
}

// Assigns both iteration values. With `=`, as in an assignment statement,
// the operands of both left-hand sides (`k, a[k] = range ...`: the old k)
// are evaluated before either is assigned.
static void assign_range_vars(FuncCompiler& fc, RangeVar& key, int kvalue, const Type* kfrom, RangeVar& value,
                              int vvalue, const Type* vfrom) {
  const auto blank = [](const RangeVar& rv) {
    auto* id = rv.expr != nullptr ? rv.expr->as<Ident>() : nullptr;
    return rv.expr == nullptr || (id != nullptr && id->name == "_");
  };
  if (key.var != nullptr || value.var != nullptr || blank(key) || blank(value)) {
    assign_range_var(fc, key, kvalue, kfrom);
    assign_range_var(fc, value, vvalue, vfrom);
    return;
  }
  const int mark = fc.top();
  Loc kl = fc.pin_operands(fc.lvalue(key.expr), mark);
  Loc vl = fc.pin_operands(fc.lvalue(value.expr), mark);
  fc.store(kl, fc.convert_value(kvalue, kfrom, kl.type));
  fc.store(vl, fc.convert_value(vvalue, vfrom, vl.type));
}

void FuncCompiler::range_stmt(RangeStmt* s) {
  const int mark = top();
  const LabeledStmt* label = m_labels_for_next;
  m_labels_for_next = nullptr;
  RangeVar key, value;
  key.expr = s->key;
  value.expr = s->value;
  if (s->op == Op::Define) {
    for (RangeVar* rv : {&key, &value}) {
      auto* id = rv->expr ? rv->expr->as<Ident>() : nullptr;
      if (id == nullptr || id->name == "_" || id->object == nullptr) continue;
      rv->var = id->object->as<Var>();
      rv->cell = m_escapes != nullptr && m_escapes->in_cell.count(rv->var) != 0;
      rv->reg = alloc(rv->cell ? 1 : slots(rv->var->type));
    }
  }
  const bool want_value = value.expr != nullptr && !(value.expr->is<Ident>() && value.expr->as<Ident>()->name == "_");
  const Type* xt = under(s->x->type);
  if (const Pointer* p = xt->as<Pointer>()) xt = under(p->elem);

  m_targets.push_back(Target{s, label, {}, {}, false});
  std::vector<int> exits;
  int loop_top;  // where a back-edge goes
  const int counter = alloc(1);

  if (const Basic* b = xt->as<Basic>(); b != nullptr && (b->info & kIsInteger)) {
    // for i := range n
    const int n = alloc(1);
    expr_to(s->x, s->x->type, n);
    load_int(counter, 0);
    const int to_cond = emit_jump();
    loop_top = here();
    assign_range_var(*this, key, counter, s->x->type);
    stmt(s->body);
    patch_here(m_targets.back().continues);
    emit(vm::Op::ADDI, counter, counter, 1);
    patch(to_cond, here());
    patch(emit_cmp_jump(vm::Op::JLT, counter, n), loop_top);
  } else if (b != nullptr && (b->info & kIsString)) {
    const int str = alloc(2);
    expr(s->x, str);
    const int rune = alloc(2);  // rune, width
    load_int(counter, 0);
    const int to_cond = emit_jump();
    loop_top = here();
    emit(vm::Op::SNEXT, rune, str, counter);
    if (want_value) {
      assign_range_vars(*this, key, counter, universe_int(), value, rune, universe_rune());
    } else {
      assign_range_var(*this, key, counter, universe_int());
    }
    stmt(s->body);
    patch_here(m_targets.back().continues);
    emit(vm::Op::ADD, counter, counter, rune + 1);
    patch(to_cond, here());
    patch(emit_cmp_jump(vm::Op::JLT, counter, str + 1), loop_top);
  } else if (const Map* m = xt->as<Map>()) {
    const int map = alloc(1);
    expr(s->x, map);
    const int iter = alloc(1);
    emit(vm::Op::MAPITER, iter, map);
    const uint32_t kslots = slots(m->key);
    const int kv = alloc(kslots + slots(m->elem));
    const int ok = alloc(1);
    loop_top = here();
    emit(vm::Op::MAPNEXT, kv, iter, ok);
    emit_extra(m_pc.type_index_of(s->x->type));
    exits.push_back(emit_jump(vm::Op::JF, ok));
    if (want_value) {
      assign_range_vars(*this, key, kv, m->key, value, kv + static_cast<int>(kslots), m->elem);
    } else {
      assign_range_var(*this, key, kv, m->key);
    }
    stmt(s->body);
    patch_here(m_targets.back().continues);
    jump_to(loop_top);
  } else if (xt->is<Slice>() || xt->is<Array>()) {
    const Type* elem = xt->is<Slice>() ? xt->as<Slice>()->elem : xt->as<Array>()->elem;
    const uint32_t es = slots(elem);
    const uint32_t st = stride(elem);
    // The operand as a slice header (data, len): a slice as is; an array
    // (copied when its values are used) or a pointer to one by address.
    const int hdr = alloc(3);
    int copy = -1;
    const Type* operand = under(s->x->type);
    if (operand->is<Slice>()) {
      expr(s->x, hdr);
    } else {
      const int64_t len = xt->as<Array>()->len;
      if (operand->is<Pointer>()) {
        expr(s->x, hdr);
        if (want_value) emit(vm::Op::NILCHK, hdr);
      } else if (want_value) {
        copy = alloc(slots(s->x->type));
        expr(s->x, copy);
        emit(vm::Op::RADDR, hdr, copy);
      } else {
        if (!s->x->is<Ident>()) expr(s->x);  // for effects
        zero(hdr, 1);
      }
      load_int(hdr + 1, len);
    }
    const bool array_copy = !operand->is<Slice>() && !operand->is<Pointer>() && want_value;
    const int elem_reg = want_value ? alloc(es) : -1;
    load_int(counter, 0);
    const int to_cond = emit_jump();
    loop_top = here();
    if (want_value) {
      if (array_copy) emit(vm::Op::RADDR, hdr, copy);  // the frame may have moved since
      const int p = alloc(1);
      emit(vm::Op::INDEXP, p, hdr, counter);
      emit_extra(st);
      load_mem(p, 0, elem_reg, elem, st);
      assign_range_vars(*this, key, counter, universe_int(), value, elem_reg, elem);
    } else {
      assign_range_var(*this, key, counter, universe_int());
    }
    stmt(s->body);
    patch_here(m_targets.back().continues);
    emit(vm::Op::ADDI, counter, counter, 1);
    patch(to_cond, here());
    patch(emit_cmp_jump(vm::Op::JLT, counter, hdr + 1), loop_top);
  } else if (const Chan* ch = xt->as<Chan>()) {
    const int v = alloc(slots(ch->elem) + 1);
    range_chan(s, v, ch->elem, &loop_top, exits);
    assign_range_var(*this, key, v, ch->elem);
    stmt(s->body);
    patch_here(m_targets.back().continues);
    jump_to(loop_top);
  } else {
    compile_fail(s->pos(), "range over " + type_string(s->x->type, nullptr) + " is not supported");
  }
  Target t = std::move(m_targets.back());
  m_targets.pop_back();
  patch_here(exits);
  patch_here(t.breaks);
  free_to(mark);
}

void FuncCompiler::switch_stmt(SwitchStmt* s) {
  const int mark = top();
  const LabeledStmt* label = m_labels_for_next;
  m_labels_for_next = nullptr;
  stmt(s->init);
  const Type* tag_type = s->tag != nullptr ? s->tag->type : universe_bool();
  int tag = -1;
  if (s->tag != nullptr) {
    tag = alloc(slots(tag_type));
    expr(s->tag, tag);
  }
  // Tests, in source order.
  std::vector<std::vector<int>> to_body(s->clauses.size());
  int default_clause = -1;
  for (size_t i = 0; i < s->clauses.size(); i++) {
    CaseClause* c = s->clauses[i];
    if (c->is_default) default_clause = static_cast<int>(i);
    for (Expr* e : c->list) {
      set_line(e->pos());
      const int m2 = top();
      if (tag < 0) {
        cond_jump(e, true, to_body[i]);
      } else {
        const int v = expr(e);
        const int eq = equal_values(tag, tag_type, v, e->type, Op::Eql, -1);
        to_body[i].push_back(emit_jump(vm::Op::JT, eq));
      }
      free_to(m2);
    }
  }
  const int to_default = emit_jump();
  m_targets.push_back(Target{s, label, {}, {}, true});
  std::vector<int> fall;
  std::vector<int> to_end;
  std::vector<int>* saved_fall = m_fallthrough;
  for (size_t i = 0; i < s->clauses.size(); i++) {
    patch_here(to_body[i]);
    patch_here(fall);
    fall.clear();
    if (static_cast<int>(i) == default_clause) patch(to_default, here());
    m_fallthrough = &fall;
    block(s->clauses[i]->body);
    if (fall.empty()) to_end.push_back(emit_jump());
  }
  m_fallthrough = saved_fall;
  if (default_clause < 0) patch(to_default, here());
  Target t = std::move(m_targets.back());
  m_targets.pop_back();
  patch_here(to_end);
  patch_here(t.breaks);
  free_to(mark);
}

void FuncCompiler::type_switch(TypeSwitchStmt* s) {
  const int mark = top();
  const LabeledStmt* label = m_labels_for_next;
  m_labels_for_next = nullptr;
  stmt(s->init);
  TypeAssertExpr* ta = nullptr;
  if (auto* a = s->assign->as<AssignStmt>()) {
    ta = unparen(a->rhs[0])->as<TypeAssertExpr>();
  } else {
    ta = unparen(s->assign->as<ExprStmt>()->x)->as<TypeAssertExpr>();
  }
  const Type* xt = ta->x->type;
  const int x = alloc(2);
  expr(ta->x, x);
  std::vector<std::vector<int>> to_body(s->clauses.size());
  int default_clause = -1;
  const int test = alloc(1);
  for (size_t i = 0; i < s->clauses.size(); i++) {
    CaseClause* c = s->clauses[i];
    if (c->is_default) default_clause = static_cast<int>(i);
    for (Expr* e : c->list) {
      if (e->mode != ExprMode::TypeExpr) {  // nil
        to_body[i].push_back(emit_cmp_jump(vm::Op::JEQI, x, 0));
        continue;
      }
      const uint32_t ti = m_pc.type_index_of(e->type);
      emit(is_interface(e->type) ? vm::Op::IMPL : vm::Op::ISTYPE, test, x, static_cast<int>(ti));
      to_body[i].push_back(emit_jump(vm::Op::JT, test));
    }
  }
  const int to_default = emit_jump();
  m_targets.push_back(Target{s, label, {}, {}, true});
  std::vector<int> to_end;
  for (size_t i = 0; i < s->clauses.size(); i++) {
    CaseClause* c = s->clauses[i];
    patch_here(to_body[i]);
    if (static_cast<int>(i) == default_clause) patch(to_default, here());
    const int m2 = top();
    if (c->implicit != nullptr) {
      const Var* v = c->implicit->as<Var>();
      const bool single = c->list.size() == 1 && c->list[0]->mode == ExprMode::TypeExpr;
      if (single && !is_interface(v->type)) {
        const int val = alloc(slots(v->type));
        emit(vm::Op::ASSERT, val, x, static_cast<int>(m_pc.type_index_of(v->type)));
        emit_extra(m_pc.type_index_of(xt));
        declare_var(v, val);
      } else {
        declare_var(v, x);
      }
    }
    block(c->body);
    free_to(m2);
    to_end.push_back(emit_jump());
  }
  if (default_clause < 0) patch(to_default, here());
  Target t = std::move(m_targets.back());
  m_targets.pop_back();
  patch_here(to_end);
  patch_here(t.breaks);
  free_to(mark);
}

}  // namespace gol::lang
