// compile_func.cc — whole functions: frames, parameters, results, returns,
// function literals, and the program's entry.
//
// Frame layout: R[0..] holds the receiver and parameters, flattened in order
// (the caller put them there: the callee's frame starts at the caller's call
// window); the result variables follow; then locals and temporaries. A
// parameter or result that lives in a heap cell is copied into a fresh cell
// at entry, and its register then holds the cell pointer.
//
// Returns: without defer, `return e...` evaluates the results into
// temporaries and RET copies them down to R[0..]. With defer, Go's order
// holds: the results are first stored in the result variables, then the
// deferred calls run (RUNDEFER, which may change named results), and only
// then are the variables' values returned. The same tail, placed once at the
// end of the function, is where a frame continues when one of its deferred
// calls recovers a panic (Proto::recover_pc).
#include "lang/compile_impl.h"

namespace gol::lang {


uint32_t FuncCompiler::slots(const Type* t) { return m_pc.rtype(t)->slots; }

uint32_t FuncCompiler::stride(const Type* t) { return m_pc.rtype(t)->stride; }

Loc FuncCompiler::var_loc(const Var* v) {
  auto it = m_vars.find(v);
  if (it != m_vars.end()) return it->second;
  if (v->is_global) {
    Loc l;
    l.kind = Loc::Kind::Global;
    l.offset = m_pc.global_slot(v);
    l.type = v->type;
    return l;
  }
  compile_fail(v->pos, "internal error: variable " + v->name + " has no location");
}

void FuncCompiler::declare_var(const Var* v, int init_reg) {
  if (v == nullptr) return;
  const uint32_t n = slots(v->type);
  if (m_escapes != nullptr && m_escapes->in_cell.count(v) != 0) {
    const int cell = alloc(1);
    emit_abx(vm::Op::NEW, cell, m_pc.type_index_of(v->type));
    Loc l;
    l.kind = Loc::Kind::Mem;
    l.reg = cell;
    l.type = v->type;
    m_vars[v] = l;
    if (init_reg >= 0) store(l, init_reg);
    return;
  }
  const int r = alloc(n);
  if (init_reg >= 0) {
    move(r, init_reg, n);
  } else {
    zero(r, n);
  }
  Loc l;
  l.kind = Loc::Kind::Reg;
  l.reg = r;
  l.type = v->type;
  m_vars[v] = l;
}

// Binds a variable that already holds its value in registers [reg, +slots):
// parameters, and results the frame zeroed.
static void bind_in_place(FuncCompiler& fc, const Var* v, int reg) {
  if (v == nullptr) return;
  if (fc.m_escapes != nullptr && fc.m_escapes->in_cell.count(v) != 0) {
    fc.declare_var(v, reg);
    return;
  }
  Loc l;
  l.kind = Loc::Kind::Reg;
  l.reg = reg;
  l.type = v->type;
  fc.m_vars[v] = l;
}

namespace {

// The parameters of a signature, receiver first.
std::vector<const Var*> params_of(const Signature* sig) {
  std::vector<const Var*> out;
  if (sig->recv != nullptr) out.push_back(sig->recv);
  for (const Var* v : sig->params->vars) out.push_back(v);
  return out;
}

}  // namespace

static void setup_frame(FuncCompiler& fc, const Signature* sig, Pos pos) {
  fc.m_sig = sig;
  fc.set_line(pos);
  vm::Proto* p = fc.m_proto;
  p->line = pos.line;
  p->file = fc.m_pc.file_index(pos.file);
  std::vector<const Var*> params = params_of(sig);
  uint32_t off = 0;
  std::vector<std::pair<const Var*, int>> where;
  for (const Var* v : params) {
    where.emplace_back(v, static_cast<int>(off));
    off += fc.slots(v->type);
  }
  p->param_slots = off;
  p->has_params = !params.empty();
  fc.m_top = static_cast<int>(off);
  fc.touch(fc.m_top);
  // Results: their registers right after the parameters, zeroed.
  fc.m_result_base = fc.m_top;
  uint32_t rslots = 0;
  for (const Var* v : sig->results->vars) rslots += fc.slots(v->type);
  fc.m_result_slots = rslots;
  p->result_slots = rslots;
  fc.alloc(rslots);
  // Result variables start at their zero value; unnamed results of a
  // function without defer are only ever written by a return.
  bool named = false;
  for (const Var* v : sig->results->vars) named = named || (!v->name.empty() && v->name != "_");
  if (named || fc.m_has_defer) fc.zero(fc.m_result_base, rslots);
  for (auto [v, reg] : where) {
    if (v->name != "_" && !v->name.empty()) bind_in_place(fc, v, reg);
  }
  uint32_t roff = 0;
  for (const Var* v : sig->results->vars) {
    fc.m_results.push_back(v);
    if (!v->name.empty() && v->name != "_") bind_in_place(fc, v, fc.m_result_base + static_cast<int>(roff));
    roff += fc.slots(v->type);
  }
}

void FuncCompiler::compile_function(const Func* f) {
  FuncDecl* decl = f->decl;
  m_has_defer = m_escapes->defers.count(decl) != 0;
  setup_frame(*this, f->sig(), decl->pos());
  block(decl->body->list);
  set_line(decl->body->rbrace);
  finish();
}

void FuncCompiler::compile_literal(const FuncLit* lit, const std::vector<const Var*>& free_vars) {
  m_has_defer = m_escapes->defers.count(lit) != 0;
  const Signature* sig = lit->type->as<Signature>();
  setup_frame(*this, sig, lit->pos());
  // Captured cells: loaded once at entry into registers.
  for (size_t i = 0; i < free_vars.size(); i++) {
    const int r = alloc(1);
    emit(vm::Op::UPVAL, r, static_cast<int>(i));
    Loc l;
    l.kind = Loc::Kind::Mem;
    l.reg = r;
    l.type = free_vars[i]->type;
    m_vars[free_vars[i]] = l;
  }
  block(lit->body->list);
  set_line(lit->body->rbrace);
  finish();
}

void FuncCompiler::finish() {
  // Falling off the end: only functions without results can (the checker
  // requires a terminating statement otherwise); emit the return anyway so
  // the code never runs past its end.
  emit_return(-1, 0);
  if (m_has_defer) {
    m_proto->recover_pc = here();
    emit_epilogue();
  }
}

// Gathers the result variables into the result registers and returns them.
void FuncCompiler::emit_epilogue() {
  if (m_has_defer) emit(vm::Op::RUNDEFER);
  uint32_t off = 0;
  for (const Var* v : m_results) {
    const uint32_t n = slots(v->type);
    auto it = m_vars.find(v);
    if (it != m_vars.end() && it->second.kind == Loc::Kind::Mem) {
      load(it->second, m_result_base + static_cast<int>(off));
    }
    off += n;
  }
  emit(vm::Op::RET, m_result_base, static_cast<int>(m_result_slots));
}

// Returns the `nslots` result slots at `from` (from < 0: the result variables).
void FuncCompiler::emit_return(int from, uint32_t nslots) {
  if (from < 0 || m_has_defer) {
    if (from >= 0) {
      // Store into the result variables first: deferred calls may read and
      // change them.
      uint32_t off = 0;
      for (const Var* v : m_results) {
        const uint32_t n = slots(v->type);
        auto it = m_vars.find(v);
        if (it != m_vars.end() && it->second.kind == Loc::Kind::Mem) {
          store(it->second, from + static_cast<int>(off));
        } else {
          move(m_result_base + static_cast<int>(off), from + static_cast<int>(off), n);
        }
        off += n;
      }
    }
    emit_epilogue();
    return;
  }
  emit(vm::Op::RET, from, static_cast<int>(nslots));
}

int FuncCompiler::func_literal(FuncLit* lit, int dst) {
  const EscapeInfo* info = m_escapes;
  std::unique_ptr<EscapeInfo> own;
  if (info == nullptr || info->free_vars.count(lit) == 0) {
    // A literal outside any function body (a package variable's initializer):
    // it is its own root.
    own = std::make_unique<EscapeInfo>(analyze_escapes(lit, lit->sig, lit->body));
    info = own.get();
  }
  const std::vector<const Var*> free = info->free_vars.count(lit) ? info->free_vars.at(lit) : std::vector<const Var*>{};
  auto* p = new vm::Proto();
  m_literal_count++;
  p->name = m_proto->name + ".func" + std::to_string(m_literal_count);
  if (m_parent != nullptr) {
    // Go names literals nested in literals main.f.func1.1, .2 ...
    p->name = m_proto->name + "." + std::to_string(m_literal_count);
  }
  const uint32_t idx = m_pc.new_proto(p);
  {
    FuncCompiler child(m_pc, p, this, info);
    child.compile_literal(lit, free);
  }
  const int r = dst >= 0 ? dst : alloc(1);
  if (free.empty()) {
    emit_abx(vm::Op::LOADFN, r, idx);
    return r;
  }
  emit(vm::Op::CLOSURE, r, 0, static_cast<int>(free.size()));
  emit_extra(idx);
  for (size_t i = 0; i < free.size(); i += 4) {
    uint64_t word = 0;
    for (size_t j = 0; j < 4 && i + j < free.size(); j++) {
      Loc l = var_loc(free[i + j]);
      if (l.kind != Loc::Kind::Mem || l.offset != 0) {
        compile_fail(lit->pos(), "internal error: captured variable " + free[i + j]->name + " is not in a cell");
      }
      word |= static_cast<uint64_t>(static_cast<uint16_t>(l.reg)) << (16 * j);
    }
    emit_extra(word);
  }
  return r;
}

// The variable initialisation of one package, in Go's order. Go compiles it
// into a function named "pkg.init" (its function literals are
// "pkg.init.func1" ...), which panic traces show.
void FuncCompiler::compile_package_init(const Package* pkg) {
  m_result_base = 0;
  bool first = true;
  for (const Initializer& init : pkg->init_order) {
    if (init.rhs == nullptr) continue;
    if (first) {
      m_proto->file = m_pc.file_index(init.rhs->pos().file);
      m_proto->line = init.rhs->pos().line;
      first = false;
    }
    if (m_pc.session() != nullptr) {
      // A REPL generation initialises only new variables: a linked one keeps
      // the value earlier inputs gave it.
      bool any_new = false;
      for (const Var* v : init.lhs) {
        m_pc.global_slot(v);
        any_new = any_new || !m_pc.global_is_linked(v);
      }
      if (!any_new) continue;
    }
    set_line(init.rhs->pos());
    const int mark = top();
    if (init.lhs.size() == 1) {
      const int r = expr_to(init.rhs, init.lhs[0]->type);
      store(var_loc(init.lhs[0]), r);
    } else {
      const int base = expr(init.rhs);
      const Tuple* tuple = init.rhs->type->as<Tuple>();
      uint32_t off = 0;
      for (size_t i = 0; i < init.lhs.size(); i++) {
        const Type* from = tuple->at(i);
        const int v = convert_value(base + static_cast<int>(off), from, init.lhs[i]->type);
        if (!m_pc.global_is_linked(init.lhs[i])) store(var_loc(init.lhs[i]), v);
        off += slots(from);
      }
    }
    free_to(mark);
  }
  emit(vm::Op::RET, 0, 0);
}

void FuncCompiler::compile_entry_body(const std::vector<Package*>& order, const Func* main_func) {
  m_proto->file = m_pc.file_index(main_func->pos.file);
  m_result_base = 0;
  for (Package* pkg : order) {
    bool has_vars = false;
    for (const Initializer& init : pkg->init_order) has_vars = has_vars || init.rhs != nullptr;
    if (has_vars) call_package_init(pkg);
    for (const Func* f : pkg->inits) call_proto(m_pc.proto_of(f));
  }
  set_line(main_func->pos);
  call_proto(m_pc.proto_of(main_func));
  emit(vm::Op::RET, 0, 0);
}

void FuncCompiler::call_package_init(const Package* pkg) {
  auto* p = new vm::Proto();
  p->name = pkg->path + ".init";
  const uint32_t idx = m_pc.new_proto(p);
  EscapeInfo none;
  FuncCompiler fc(m_pc, p, nullptr, &none);
  fc.compile_package_init(pkg);
  call_proto(idx);
}

void FuncCompiler::call_proto(uint32_t index) {
  const int base = top();
  touch(base + 1);
  emit_abx(vm::Op::CALL, base, index);
}

}  // namespace gol::lang
