// compile_expr.cc — expressions: dispatch, conversions of assignment,
// operators and conditions.
//
// expr(e, dst) leaves e's value in registers and says where: in `dst` when
// the caller gives one, else in fresh temporaries or — for a variable held in
// registers, read as is — in the variable's own registers (no copy). The
// caller must not write to a register it did not allocate.
//
// Typed instructions come from the checker's types: an int8 addition is ADD
// followed by SEXT8, a float32 one FADD then F32; nothing is decided at run
// time. Conditions compile to jumps directly (cond_jump), with fused
// compare-and-branch instructions for integers, so `i < n` in a loop header
// is one instruction.
#include "lang/compile_impl.h"
#include "lang/constant.h"
#include "lang/universe.h"

namespace gol::lang {

namespace {

bool is_nil(const Expr* e) {
  e = unparen(e);
  if (const auto* id = e->as<Ident>()) return id->object != nullptr && id->object->is<Nil>();
  return false;
}

const Basic* basic_of(const Type* t) { return as_basic(is_untyped(t) ? default_type(t) : t); }

bool fits16(int64_t v) { return v >= INT16_MIN && v <= INT16_MAX; }

// A constant integer operand, if e is one (typed or untyped).
bool small_const(const Expr* e, int64_t* out) {
  if (e->mode != ExprMode::Constant || e->constant == nullptr) return false;
  if (e->constant->kind() != Constant::Kind::Int) return false;
  if (!e->constant->fits_signed(64)) return false;
  *out = e->constant->int64_value();
  return fits16(*out);
}

}  // namespace

void FuncCompiler::wrap(int reg, const Type* t) {
  const Basic* b = basic_of(t);
  if (b == nullptr) return;
  switch (b->basic) {
    case BasicKind::Int8: emit(vm::Op::SEXT8, reg, reg); break;
    case BasicKind::Int16: emit(vm::Op::SEXT16, reg, reg); break;
    case BasicKind::Int32: emit(vm::Op::SEXT32, reg, reg); break;
    case BasicKind::Uint8: emit(vm::Op::ZEXT8, reg, reg); break;
    case BasicKind::Uint16: emit(vm::Op::ZEXT16, reg, reg); break;
    case BasicKind::Uint32: emit(vm::Op::ZEXT32, reg, reg); break;
    case BasicKind::Float32: emit(vm::Op::F32, reg, reg); break;
    default: break;
  }
}

// Go on amd64 converts a float to int8/16/32 and uint8/16 with the 32-bit
// CVTTSD2SL (out of range or NaN: 0x80000000, then truncated), to uint32 and
// int64 with the 64-bit CVTTSD2SQ (0x8000000000000000), and to uint64 by
// its own split at 2^63 (F2U). F2I gives the 64-bit result; a value that
// does not fit 32 bits becomes the 32-bit "integer indefinite".
void FuncCompiler::float_to_int(int dst, int src, BasicKind to) {
  switch (to) {
    case BasicKind::Uint:
    case BasicKind::Uint64:
    case BasicKind::Uintptr:
      emit(vm::Op::F2U, dst, src);
      return;
    case BasicKind::Int8:
    case BasicKind::Int16:
    case BasicKind::Int32:
    case BasicKind::Uint8:
    case BasicKind::Uint16: {
      emit(vm::Op::F2I, dst, src);
      const int t = alloc(1);
      emit(vm::Op::SEXT32, t, dst);
      const int fits = emit_cmp_jump(vm::Op::JEQ, t, dst);
      emit_asbx(vm::Op::LOADI, dst, INT32_MIN);
      patch(fits, here());
      return;
    }
    default:
      emit(vm::Op::F2I, dst, src);
      return;
  }
}

int FuncCompiler::expr_to(Expr* e, const Type* to, int dst) {
  if (to == nullptr) return expr(e, dst);
  if (is_nil(e)) {
    const int r = dst >= 0 ? dst : alloc(slots(to));
    zero(r, slots(to));
    return r;
  }
  const bool boxing = is_interface(to) && !is_interface(e->type);
  if (!boxing) {
    const int r = expr(e, dst);
    if (dst >= 0 && r != dst) move(dst, r, slots(to));
    return dst >= 0 ? dst : r;
  }
  const int v = expr(e);
  return convert_value(v, e->type, to, dst);
}

int FuncCompiler::convert_value(int src, const Type* from, const Type* to, int dst) {
  if (from == nullptr || to == nullptr) return src;
  if (is_interface(to) && !is_interface(from)) {
    const int r = dst >= 0 ? dst : alloc(2);
    if (from->is<Basic>() && from->as<Basic>()->basic == BasicKind::UntypedNil) {
      zero(r, 2);
      return r;
    }
    const Type* concrete = is_untyped(from) ? default_type(from) : from;
    emit(vm::Op::IFACE, r, src, static_cast<int>(m_pc.type_index_of(concrete)));
    return r;
  }
  if (dst >= 0 && dst != src) move(dst, src, slots(to));
  return dst >= 0 ? dst : src;
}

int FuncCompiler::expr(Expr* e, int dst) {
  if (e->mode == ExprMode::Constant && e->constant != nullptr) {
    const int r = dst >= 0 ? dst : alloc(slots(is_untyped(e->type) ? default_type(e->type) : e->type));
    load_const(r, *e->constant, e->type);
    return r;
  }
  set_line(e->pos());
  switch (e->kind) {
    case NodeKind::ParenExpr:
      return expr(e->as<ParenExpr>()->x, dst);
    case NodeKind::Ident: {
      auto* id = e->as<Ident>();
      Object* obj = id->object;
      if (obj == nullptr) break;
      if (obj->is<Nil>()) {
        const uint32_t n = is_untyped(e->type) ? 1 : slots(e->type);
        const int r = dst >= 0 ? dst : alloc(n);
        zero(r, n);
        return r;
      }
      if (const Var* v = obj->as<Var>()) {
        Loc l = var_loc(v);
        if (l.kind == Loc::Kind::Reg && dst < 0) return l.reg;
        const int r = dst >= 0 ? dst : alloc(slots(v->type));
        load(l, r);
        return r;
      }
      if (const Func* f = obj->as<Func>()) {
        const int r = dst >= 0 ? dst : alloc(1);
        emit_abx(vm::Op::LOADFN, r, m_pc.proto_of(f));
        return r;
      }
      break;
    }
    case NodeKind::FuncLit:
      return func_literal(e->as<FuncLit>(), dst);
    case NodeKind::CompositeLit:
      return composite(e->as<CompositeLit>(), e->type, dst);
    case NodeKind::SelectorExpr:
      return selector(e->as<SelectorExpr>(), dst);
    case NodeKind::IndexExpr:
      return index_expr(e->as<IndexExpr>(), dst);
    case NodeKind::SliceExpr:
      return slice_expr(e->as<SliceExpr>(), dst);
    case NodeKind::TypeAssertExpr:
      return type_assert(e->as<TypeAssertExpr>(), dst, false);
    case NodeKind::CallExpr:
      return call(e->as<CallExpr>(), dst);
    case NodeKind::StarExpr: {
      const int p = expr(e->as<StarExpr>()->x);
      const int r = dst >= 0 ? dst : alloc(slots(e->type));
      if (slots(e->type) == 0) emit(vm::Op::NILCHK, p);
      load_mem(p, 0, r, e->type, 8);
      return r;
    }
    case NodeKind::UnaryExpr:
      return unary(e->as<UnaryExpr>(), dst);
    case NodeKind::BinaryExpr:
      return binary(e->as<BinaryExpr>(), dst);
    default:
      break;
  }
  compile_fail(e->pos(), std::string("internal error: cannot compile expression ") + node_kind_name(e->kind));
}

int FuncCompiler::unary(UnaryExpr* u, int dst) {
  switch (u->op) {
    case Op::Add:
      return expr(u->x, dst);
    case Op::Sub: {
      const int x = expr(u->x);
      const int r = dst >= 0 ? dst : alloc(1);
      if (is_float(u->type)) {
        emit(vm::Op::FNEG, r, x);
      } else {
        emit(vm::Op::NEG, r, x);
        wrap(r, u->type);
      }
      return r;
    }
    case Op::Not: {
      const int x = expr(u->x);
      const int r = dst >= 0 ? dst : alloc(1);
      emit(vm::Op::NOT, r, x);
      return r;
    }
    case Op::Xor: {
      const int x = expr(u->x);
      const int r = dst >= 0 ? dst : alloc(1);
      emit(vm::Op::COM, r, x);
      wrap(r, u->type);
      return r;
    }
    case Op::And: {
      const int p = address_of(u->x);
      if (dst >= 0) {
        move(dst, p, 1);
        return dst;
      }
      return p;
    }
    case Op::Arrow:
      return recv_expr(u, dst, false);
    default:
      compile_fail(u->pos(), "internal error: unknown unary operator");
  }
}

// Collects the operands of a chain of string concatenations a + b + c ...
static void concat_operands(Expr* e, std::vector<Expr*>& out) {
  Expr* u = unparen(e);
  if (auto* b = u->as<BinaryExpr>(); b != nullptr && b->op == Op::Add && b->mode != ExprMode::Constant &&
                                     is_string(b->type)) {
    concat_operands(b->x, out);
    concat_operands(b->y, out);
    return;
  }
  out.push_back(e);
}

int FuncCompiler::binary(BinaryExpr* b, int dst) {
  const Op op = b->op;
  if (op == Op::LAnd || op == Op::LOr) {
    const int r = dst >= 0 ? dst : alloc(1);
    std::vector<int> if_false;
    cond_jump(b, false, if_false);
    load_int(r, 1);
    const int to_end = emit_jump();
    patch_here(if_false);
    load_int(r, 0);
    patch(to_end, here());
    return r;
  }
  if (op == Op::Eql || op == Op::Neq || op == Op::Lss || op == Op::Leq || op == Op::Gtr || op == Op::Geq) {
    if (is_nil(b->x) || is_nil(b->y)) {
      Expr* other = is_nil(b->x) ? b->y : b->x;
      const int v = expr(other);
      const int z = alloc(1);
      load_int(z, 0);
      const int r = dst >= 0 ? dst : alloc(1);
      emit(op == Op::Eql ? vm::Op::EQ : vm::Op::NE, r, v, z);
      return r;
    }
    const int mark = top();
    const int x = expr(b->x);
    const int y = expr(b->y);
    const int r = dst >= 0 ? dst : alloc(1);
    equal_values(x, b->x->type, y, b->y->type, op, r);
    if (dst < 0 && r > mark) {
      // Keep the result at the lowest free register.
      move(mark, r, 1);
      free_to(mark + 1);
      return mark;
    }
    return r;
  }
  if (op == Op::Shl || op == Op::Shr) {
    const int x = expr(b->x);
    int64_t c;
    if (small_const(b->y, &c)) return shift(op, x, -1, b->type, b->y, dst);
    const int y = expr(b->y);
    return shift(op, x, y, b->type, b->y, dst);
  }
  if (op == Op::Add && is_string(b->type)) {
    std::vector<Expr*> parts;
    concat_operands(b, parts);
    if (parts.size() == 2) {
      const int x = expr(parts[0]);
      const int y = expr(parts[1]);
      const int r = dst >= 0 ? dst : alloc(2);
      emit(vm::Op::SCONCAT, r, x, y);
      return r;
    }
    const int base = alloc(static_cast<uint32_t>(2 * parts.size()));
    for (size_t i = 0; i < parts.size(); i++) expr(parts[i], base + static_cast<int>(2 * i));
    const int r = dst >= 0 ? dst : base;
    emit(vm::Op::SCONCATN, r, base, static_cast<int>(parts.size()));
    return r;
  }
  // Integer operations with a small constant right operand.
  int64_t c;
  const Basic* bt = basic_of(b->type);
  if (bt != nullptr && (bt->info & kIsInteger) && small_const(b->y, &c)) {
    const bool is_signed = !(bt->info & kIsUnsigned);
    vm::Op imm = vm::Op::NOP;
    int64_t k = c;
    switch (op) {
      case Op::Add: imm = vm::Op::ADDI; break;
      case Op::Sub: imm = vm::Op::ADDI; k = -c; break;
      case Op::Mul: imm = vm::Op::MULI; break;
      case Op::Quo: if (is_signed && c != 0) imm = vm::Op::DIVI; break;
      case Op::Rem: if (is_signed && c != 0) imm = vm::Op::REMI; break;
      case Op::And: if (c >= 0) imm = vm::Op::ANDI; break;
      default: break;
    }
    if (imm != vm::Op::NOP && fits16(k)) {
      const int x = expr(b->x);
      const int r = dst >= 0 ? dst : alloc(1);
      emit(imm, r, x, static_cast<uint16_t>(static_cast<int16_t>(k)));
      if (op != Op::And && op != Op::Rem) wrap(r, b->type);
      return r;
    }
  }
  // float64 x + a*b with a and b register variables: one FMAC (rounded
  // twice, as Go on amd64 computes it: no fused multiply-add).
  if (bt != nullptr && bt->basic == BasicKind::Float64 && op == Op::Add) {
    Expr* ye = unparen(b->y);
    if (ye->kind == NodeKind::BinaryExpr && ye->as<BinaryExpr>()->op == Op::Mul) {
      auto* mul = ye->as<BinaryExpr>();
      auto plain_reg = [&](Expr* e) -> int {
        e = unparen(e);
        if (e->kind != NodeKind::Ident) return -1;
        auto* id = e->as<Ident>();
        if (id->object == nullptr || id->object->as<Var>() == nullptr) return -1;
        Loc l = var_loc(id->object->as<Var>());
        return l.kind == Loc::Kind::Reg ? l.reg : -1;
      };
      const int ra = plain_reg(mul->x), rb = plain_reg(mul->y);
      if (ra >= 0 && rb >= 0 && ra != dst && rb != dst) {
        const int r = dst >= 0 ? dst : alloc(1);
        expr(b->x, r);
        emit(vm::Op::FMAC, r, ra, rb);
        return r;
      }
    }
  }
  // float64 x op p.f with the field in memory: the field is an operand of
  // FADDF/FSUBF/FMULF instead of a separate load (nbody's inner loop).
  if (bt != nullptr && bt->basic == BasicKind::Float64 && (op == Op::Add || op == Op::Sub || op == Op::Mul)) {
    Expr* ye = unparen(b->y);
    if (ye->kind == NodeKind::SelectorExpr && ye->as<SelectorExpr>()->sel_kind == SelectorKind::Field) {
      auto* sel = ye->as<SelectorExpr>();
      const int x = expr(b->x);
      Loc base = base_loc(sel->x);
      Loc l = field_path(base, sel->x->type, sel->path, sel->path.size());
      if (l.kind == Loc::Kind::Mem && l.stride == 8 && l.offset % 8 == 0 && l.offset / 8 < 256) {
        const int r = dst >= 0 ? dst : alloc(1);
        vm::Op fop = op == Op::Add ? vm::Op::FADDF : op == Op::Sub ? vm::Op::FSUBF : vm::Op::FMULF;
        emit(fop, r, x, l.reg, static_cast<uint8_t>(l.offset / 8));
        return r;
      }
      int y;
      if (l.kind == Loc::Kind::Reg) {
        y = l.reg;
      } else {
        y = alloc(1);
        load(l, y);
      }
      return arith(op, x, y, b->type, dst, b->op_pos);
    }
  }
  const int x = expr(b->x);
  const int y = expr(b->y);
  return arith(op, x, y, b->type, dst, b->op_pos);
}

int FuncCompiler::arith(Op op, int x, int y, const Type* t, int dst, Pos pos) {
  const Basic* b = basic_of(t);
  if (b == nullptr) compile_fail(pos, "internal error: arithmetic on " + type_string(t, nullptr));
  if (b->info & kIsString) {
    const int r = dst >= 0 ? dst : alloc(2);
    emit(vm::Op::SCONCAT, r, x, y);
    return r;
  }
  const int r = dst >= 0 ? dst : alloc(1);
  if (b->info & kIsFloat) {
    vm::Op fop;
    switch (op) {
      case Op::Add: fop = vm::Op::FADD; break;
      case Op::Sub: fop = vm::Op::FSUB; break;
      case Op::Mul: fop = vm::Op::FMUL; break;
      case Op::Quo: fop = vm::Op::FDIV; break;
      default: compile_fail(pos, "internal error: float operator");
    }
    emit(fop, r, x, y);
    wrap(r, t);
    return r;
  }
  const bool u = (b->info & kIsUnsigned) != 0;
  vm::Op iop;
  bool needs_wrap = false;
  switch (op) {
    case Op::Add: iop = vm::Op::ADD; needs_wrap = true; break;
    case Op::Sub: iop = vm::Op::SUB; needs_wrap = true; break;
    case Op::Mul: iop = vm::Op::MUL; needs_wrap = true; break;
    case Op::Quo: iop = u ? vm::Op::DIVU : vm::Op::DIV; needs_wrap = !u; break;
    case Op::Rem: iop = u ? vm::Op::REMU : vm::Op::REM; break;
    case Op::And: iop = vm::Op::AND; break;
    case Op::Or: iop = vm::Op::OR; break;
    case Op::Xor: iop = vm::Op::XOR; break;
    case Op::AndNot: iop = vm::Op::ANDNOT; break;
    default: compile_fail(pos, "internal error: integer operator");
  }
  emit(iop, r, x, y);
  if (needs_wrap) wrap(r, t);
  return r;
}

int FuncCompiler::shift(Op op, int x, int y, const Type* t, Expr* count, int dst) {
  const Basic* b = basic_of(t);
  const bool u = b != nullptr && (b->info & kIsUnsigned) != 0;
  const int r = dst >= 0 ? dst : alloc(1);
  int64_t c;
  if (y < 0 && small_const(count, &c)) {
    if (c >= 64) {
      if (op == Op::Shl || u) {
        load_int(r, 0);
      } else {
        emit(vm::Op::SHRI, r, x, 63);
      }
      return r;
    }
    emit(op == Op::Shl ? vm::Op::SHLI : (u ? vm::Op::SHRUI : vm::Op::SHRI), r, x, static_cast<int>(c));
  } else {
    if (y < 0) y = expr(count);
    if (!is_unsigned(count->type) && count->mode != ExprMode::Constant) emit(vm::Op::CHKSHIFT, y);
    emit(op == Op::Shl ? vm::Op::SHL : (u ? vm::Op::SHRU : vm::Op::SHR), r, x, y);
  }
  if (op == Op::Shl) wrap(r, t);
  return r;
}

int FuncCompiler::equal_values(int x, const Type* tx, int y, const Type* ty, Op op, int dst) {
  const bool ix = is_interface(tx), iy = is_interface(ty);
  if (ix != iy) {
    if (!ix) x = convert_value(x, tx, ty);
    if (!iy) y = convert_value(y, ty, tx);
    tx = ix ? tx : ty;
  }
  return compare(op, x, y, tx, dst);
}

int FuncCompiler::compare(Op op, int x, int y, const Type* t, int dst) {
  const int r = dst >= 0 ? dst : alloc(1);
  const Type* u = under(is_untyped(t) ? default_type(t) : t);
  const bool swap = op == Op::Gtr || op == Op::Geq;
  if (swap) std::swap(x, y);
  const bool strict = op == Op::Lss || op == Op::Gtr;
  if (const Basic* b = u->as<Basic>()) {
    if (b->info & kIsString) {
      vm::Op o = op == Op::Eql ? vm::Op::SEQ : op == Op::Neq ? vm::Op::SNE : strict ? vm::Op::SLT : vm::Op::SLE;
      emit(o, r, x, y);
      return r;
    }
    if (b->info & kIsFloat) {
      vm::Op o = op == Op::Eql ? vm::Op::FEQ : op == Op::Neq ? vm::Op::FNE : strict ? vm::Op::FLT : vm::Op::FLE;
      emit(o, r, x, y);
      return r;
    }
    if (op == Op::Eql || op == Op::Neq) {
      emit(op == Op::Eql ? vm::Op::EQ : vm::Op::NE, r, x, y);
      return r;
    }
    const bool uns = (b->info & kIsUnsigned) != 0;
    emit(strict ? (uns ? vm::Op::LTU : vm::Op::LT) : (uns ? vm::Op::LEU : vm::Op::LE), r, x, y);
    return r;
  }
  if (u->is<Interface>()) {
    emit(op == Op::Eql ? vm::Op::IEQ : vm::Op::INE, r, x, y);
    return r;
  }
  if (u->is<Struct>() || u->is<Array>()) {
    emit(op == Op::Eql ? vm::Op::VEQ : vm::Op::VNE, r, x, y);
    emit_extra(m_pc.type_index_of(t));
    return r;
  }
  emit(op == Op::Eql ? vm::Op::EQ : vm::Op::NE, r, x, y);
  return r;
}

void FuncCompiler::cond_jump(Expr* e, bool jump_if, std::vector<int>& jumps) {
  e = unparen(e);
  if (e->mode == ExprMode::Constant && e->constant != nullptr && e->constant->kind() == Constant::Kind::Bool) {
    if (e->constant->bool_value() == jump_if) jumps.push_back(emit_jump());
    return;
  }
  set_line(e->pos());
  if (auto* u = e->as<UnaryExpr>(); u != nullptr && u->op == Op::Not) {
    cond_jump(u->x, !jump_if, jumps);
    return;
  }
  if (auto* b = e->as<BinaryExpr>()) {
    if (b->op == Op::LAnd || b->op == Op::LOr) {
      const bool is_and = b->op == Op::LAnd;
      if (jump_if == is_and) {
        // (a && b) jumps when true: a false skips; (a || b) jumps when false: a true skips.
        std::vector<int> skip;
        cond_jump(b->x, !jump_if, skip);
        cond_jump(b->y, jump_if, jumps);
        patch_here(skip);
      } else {
        cond_jump(b->x, jump_if, jumps);
        cond_jump(b->y, jump_if, jumps);
      }
      return;
    }
    const Basic* bt = basic_of(b->x->type);
    const bool ints = bt != nullptr && (bt->info & kIsInteger) && !is_nil(b->x) && !is_nil(b->y);
    const bool cmp = b->op == Op::Eql || b->op == Op::Neq || b->op == Op::Lss || b->op == Op::Leq ||
                     b->op == Op::Gtr || b->op == Op::Geq;
    if (ints && cmp) {
      Op op = b->op;
      if (!jump_if) {
        switch (op) {
          case Op::Eql: op = Op::Neq; break;
          case Op::Neq: op = Op::Eql; break;
          case Op::Lss: op = Op::Geq; break;
          case Op::Leq: op = Op::Gtr; break;
          case Op::Gtr: op = Op::Leq; break;
          default: op = Op::Lss; break;
        }
      }
      const bool uns = (bt->info & kIsUnsigned) != 0;
      const int mark = top();
      const int x = expr(b->x);
      int64_t c;
      if (small_const(b->y, &c) && (!uns || op == Op::Eql || op == Op::Neq)) {
        vm::Op o;
        switch (op) {
          case Op::Eql: o = vm::Op::JEQI; break;
          case Op::Neq: o = vm::Op::JNEI; break;
          case Op::Lss: o = vm::Op::JLTI; break;
          case Op::Leq: o = vm::Op::JLEI; break;
          case Op::Gtr: o = vm::Op::JGTI; break;
          default: o = vm::Op::JGEI; break;
        }
        jumps.push_back(emit(o, x, static_cast<uint16_t>(static_cast<int16_t>(c)), 0));
        free_to(mark);
        return;
      }
      int y = expr(b->y);
      int l = x, r = y;
      vm::Op o;
      switch (op) {
        case Op::Eql: o = vm::Op::JEQ; break;
        case Op::Neq: o = vm::Op::JNE; break;
        case Op::Lss: o = uns ? vm::Op::JLTU : vm::Op::JLT; break;
        case Op::Leq: o = uns ? vm::Op::JLEU : vm::Op::JLE; break;
        case Op::Gtr: o = uns ? vm::Op::JLTU : vm::Op::JLT; std::swap(l, r); break;
        default: o = uns ? vm::Op::JLEU : vm::Op::JLE; std::swap(l, r); break;
      }
      jumps.push_back(emit_cmp_jump(o, l, r));
      free_to(mark);
      return;
    }
  }
  const int mark = top();
  const int r = expr(e);
  jumps.push_back(emit_jump(jump_if ? vm::Op::JT : vm::Op::JF, r));
  free_to(mark);
}

}  // namespace gol::lang
