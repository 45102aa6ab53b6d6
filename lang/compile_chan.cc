// compile_chan.cc — channel operations and select.
//
// Sends and receives are single instructions (SEND, RECV, RECV2) whose
// bodies may park the goroutine (vm/chan.cc): a parked receive gets its
// value delivered into its destination registers, so the code after it
// needs nothing special. `for v := range c` is a RECV2 loop that ends when
// ok is false.
//
// select evaluates, in source order, every case's channel and every value
// to send (Go's rule: once, on entering the statement), reserves the
// destination registers of each receive (its value, then its ok), and
// emits one SELECT listing the cases; the chosen case's index comes back in
// a register and a chain of compare-and-branch picks the body. A receive
// case's assignment (`v, ok := <-c`) is then compiled as an ordinary
// assignment whose right-hand side, that same receive expression, reads the
// already received registers (m_received).
#include "lang/compile_impl.h"
#include "lang/universe.h"

namespace gol::lang {

namespace {

const Type* elem_of(Expr* chan) { return under(chan->type)->as<Chan>()->elem; }

// The receive of a select case's communication, or null for a send/default.
UnaryExpr* receive_of(Stmt* comm) {
  Expr* x = nullptr;
  if (auto* es = comm->as<ExprStmt>()) x = es->x;
  if (auto* as = comm->as<AssignStmt>()) x = as->rhs[0];
  if (x == nullptr) return nullptr;
  auto* u = unparen(x)->as<UnaryExpr>();
  return u != nullptr && u->op == Op::Arrow ? u : nullptr;
}

}  // namespace

int FuncCompiler::recv_expr(UnaryExpr* u, int dst, bool comma_ok) {
  const uint32_t n = slots(elem_of(u->x));
  if (auto it = m_received.find(u); it != m_received.end()) {
    // A select case's receive: the value (and ok) are in registers already.
    if (comma_ok || dst < 0) return it->second;
    move(dst, it->second, n);
    return dst;
  }
  set_line(u->pos());
  const int c = expr(u->x);
  const int r = dst >= 0 && !comma_ok ? dst : alloc(n + (comma_ok ? 1 : 0));
  emit(comma_ok ? vm::Op::RECV2 : vm::Op::RECV, r, c, static_cast<int>(n));
  return r;
}

void FuncCompiler::send_stmt(SendStmt* s) {
  const Type* elem = elem_of(s->chan);
  const int c = expr(s->chan);
  const int v = alloc(slots(elem));
  expr_to(s->value, elem, v);
  set_line(s->arrow);
  emit(vm::Op::SEND, c, v, static_cast<int>(slots(elem)));
}

void FuncCompiler::range_chan(RangeStmt* s, int value_reg, const Type* elem, int* loop_top, std::vector<int>& exits) {
  const int c = alloc(1);
  expr(s->x, c);
  *loop_top = here();
  const uint32_t n = slots(elem);
  emit(vm::Op::RECV2, value_reg, c, static_cast<int>(n));
  exits.push_back(emit_jump(vm::Op::JF, value_reg + static_cast<int>(n)));
}

void FuncCompiler::select_stmt(SelectStmt* s) {
  const int mark = top();
  const LabeledStmt* label = m_labels_for_next;
  m_labels_for_next = nullptr;
  set_line(s->pos());

  // Operands, in source order.
  struct Case {
    CommClause* clause;
    int chan = -1;
    int elem = -1;  // send: the value; receive: value then ok
    bool send = false;
  };
  std::vector<Case> cases;
  int default_clause = -1;
  for (size_t i = 0; i < s->clauses.size(); i++) {
    CommClause* cl = s->clauses[i];
    if (cl->comm == nullptr) {
      default_clause = static_cast<int>(i);
      continue;
    }
    Case k;
    k.clause = cl;
    if (auto* send = cl->comm->as<SendStmt>()) {
      const Type* elem = elem_of(send->chan);
      k.send = true;
      k.chan = alloc(1);
      expr(send->chan, k.chan);
      k.elem = alloc(slots(elem));
      expr_to(send->value, elem, k.elem);
    } else {
      UnaryExpr* u = receive_of(cl->comm);
      if (u == nullptr) compile_fail(cl->pos(), "internal error: select case is neither a send nor a receive");
      k.chan = alloc(1);
      expr(u->x, k.chan);
      k.elem = alloc(slots(elem_of(u->x)) + 1);
    }
    cases.push_back(k);
  }
  if (cases.size() > 0xffff) compile_fail(s->pos(), "select with more than 65535 cases");
  const int result = alloc(2);
  set_line(s->pos());
  emit(vm::Op::SELECT, result, static_cast<int>(cases.size()), default_clause >= 0 ? 1 : 0);
  for (const Case& k : cases) {
    emit_extra(static_cast<uint64_t>(k.chan) | static_cast<uint64_t>(k.elem) << 16 |
               static_cast<uint64_t>(k.send ? 1 : 0) << 32);
  }

  // Dispatch on the chosen case.
  std::vector<int> to_case;
  for (size_t k = 0; k < cases.size(); k++) {
    const int idx = alloc(1);
    load_int(idx, static_cast<int64_t>(k));
    to_case.push_back(emit_cmp_jump(vm::Op::JEQ, result, idx));
  }
  const int to_default = emit_jump();

  m_targets.push_back(Target{s, label, {}, {}, true});
  std::vector<int> to_end;
  size_t next_case = 0;
  for (size_t i = 0; i < s->clauses.size(); i++) {
    CommClause* cl = s->clauses[i];
    const int clause_mark = top();
    if (static_cast<int>(i) == default_clause) {
      patch(to_default, here());
    } else {
      const Case& k = cases[next_case];
      patch(to_case[next_case], here());
      ++next_case;
      if (!k.send) {
        UnaryExpr* u = receive_of(cl->comm);
        const uint32_t n = slots(elem_of(u->x));
        move(k.elem + static_cast<int>(n), result + 1, 1);  // ok beside the value
        if (auto* as = cl->comm->as<AssignStmt>()) {
          m_received[u] = k.elem;
          define_or_assign(as->lhs, as->rhs, as->op == Op::Define);
          m_received.erase(u);
        }
      }
    }
    block(cl->body);
    free_to(clause_mark);
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
