// compile_emit.cc — instruction emission, jumps, registers, constants.
//
// The lowest layer of FuncCompiler: appending instructions with their source
// lines, patching jump offsets once targets are known, the stack-like register
// allocator, and loading constants and moving values of any slot count.
#include <cmath>
#include <cstring>

#include "lang/compile_impl.h"
#include "lang/constant.h"

namespace gol::lang {


void compile_fail(Pos pos, std::string message) { throw CompileFailure{pos, std::move(message)}; }

FuncCompiler::FuncCompiler(ProgramCompiler& pc, vm::Proto* proto, FuncCompiler* parent, const EscapeInfo* escapes)
    : m_pc(pc), m_proto(proto), m_parent(parent), m_escapes(escapes) {}

namespace {
uint16_t reg16(int r) {
  if (r < 0 || r > 0xffff) compile_fail(Pos{}, "function too large: more than 65535 registers");
  return static_cast<uint16_t>(r);
}
}  // namespace

int FuncCompiler::emit(vm::Op op, int a, int b, int c, uint8_t x) {
  vm::Instr in{op, x, reg16(a), static_cast<uint16_t>(b), static_cast<uint16_t>(c)};
  m_proto->code.push_back(in);
  m_proto->lines.push_back(m_line);
  return here() - 1;
}

void FuncCompiler::emit_extra(uint64_t e) {
  m_proto->code.push_back(vm::Instr::from_extra(e));
  m_proto->lines.push_back(m_line);
}

int FuncCompiler::emit_abx(vm::Op op, int a, uint32_t bx) {
  return emit(op, a, static_cast<int>(bx & 0xffff), static_cast<int>(bx >> 16));
}

int FuncCompiler::emit_asbx(vm::Op op, int a, int32_t sbx) { return emit_abx(op, a, static_cast<uint32_t>(sbx)); }

int FuncCompiler::emit_jump(vm::Op op, int a) { return emit_asbx(op, a, 0); }

int FuncCompiler::emit_cmp_jump(vm::Op op, int a, int b) { return emit(op, a, b, 0); }

void FuncCompiler::patch(int jump, int target) {
  vm::Instr& in = m_proto->code[static_cast<size_t>(jump)];
  const int offset = target - (jump + 1);
  switch (in.op) {
    case vm::Op::JMP:
    case vm::Op::JT:
    case vm::Op::JF:
      in.b = static_cast<uint16_t>(static_cast<uint32_t>(offset) & 0xffff);
      in.c = static_cast<uint16_t>(static_cast<uint32_t>(offset) >> 16);
      break;
    default:
      if (offset < INT16_MIN || offset > INT16_MAX) {
        compile_fail(Pos{}, "function too large: a conditional jump spans more than 32767 instructions");
      }
      in.c = static_cast<uint16_t>(static_cast<int16_t>(offset));
      break;
  }
}

void FuncCompiler::patch_here(const std::vector<int>& jumps) {
  for (int j : jumps) patch(j, here());
}

void FuncCompiler::jump_to(int target) { patch(emit_jump(), target); }

void FuncCompiler::set_line(Pos pos) {
  if (pos.valid()) m_line = pos.line;
}

int FuncCompiler::alloc(uint32_t slots) {
  const int r = m_top;
  m_top += static_cast<int>(slots);
  touch(m_top);
  return r;
}

void FuncCompiler::free_to(int mark) { m_top = mark; }

void FuncCompiler::touch(int reg_end) {
  if (reg_end > 0xffff) compile_fail(Pos{}, "function too large: more than 65535 registers");
  if (static_cast<uint32_t>(reg_end) > m_proto->frame_slots) m_proto->frame_slots = static_cast<uint32_t>(reg_end);
}

void FuncCompiler::load_int(int reg, int64_t v) {
  if (v >= INT32_MIN && v <= INT32_MAX) {
    emit_asbx(vm::Op::LOADI, reg, static_cast<int32_t>(v));
    return;
  }
  vm::Slot s;
  s.i = v;
  m_proto->consts.push_back(s);
  emit_abx(vm::Op::LOADK, reg, static_cast<uint32_t>(m_proto->consts.size() - 1));
}

void FuncCompiler::load_float(int reg, double v) {
  vm::Slot s;
  s.f = v;
  if (s.i == 0) {
    emit_asbx(vm::Op::LOADI, reg, 0);
    return;
  }
  m_proto->consts.push_back(s);
  emit_abx(vm::Op::LOADK, reg, static_cast<uint32_t>(m_proto->consts.size() - 1));
}

void FuncCompiler::load_string(int reg, const std::string& s) {
  vm::Program& prog = m_pc.program();
  prog.string_data.push_back(s);
  const std::string& stored = prog.string_data.back();
  m_proto->strings.push_back(vm::StringHeader{stored.data(), static_cast<int64_t>(stored.size())});
  emit_abx(vm::Op::LOADS, reg, static_cast<uint32_t>(m_proto->strings.size() - 1));
}

void FuncCompiler::load_const(int reg, const Constant& c, const Type* t) {
  const Type* u = under(is_untyped(t) ? default_type(t) : t);
  const Basic* b = u->as<Basic>();
  if (b == nullptr) {
    compile_fail(Pos{}, "internal error: constant of non-basic type " + type_string(t, nullptr));
  }
  if (b->info & kIsBoolean) {
    load_int(reg, c.bool_value() ? 1 : 0);
  } else if (b->info & kIsString) {
    load_string(reg, c.string_value());
  } else if (b->info & kIsFloat) {
    auto f = c.to_float64();
    double v = f ? *f : 0;
    if (b->basic == BasicKind::Float32) v = static_cast<double>(static_cast<float>(v));
    load_float(reg, v);
  } else {
    auto i = c.to_int();
    if (!i) compile_fail(Pos{}, "internal error: non-integral integer constant");
    if (b->info & kIsUnsigned) {
      load_int(reg, static_cast<int64_t>(i->uint64_value()));
    } else {
      load_int(reg, i->int64_value());
    }
  }
}

void FuncCompiler::move(int dst, int src, uint32_t n) {
  if (dst == src || n == 0) return;
  switch (n) {
    case 1: emit(vm::Op::MOVE, dst, src); break;
    case 2: emit(vm::Op::MOVE2, dst, src); break;
    case 3: emit(vm::Op::MOVE3, dst, src); break;
    default: emit(vm::Op::MOVEN, dst, src, static_cast<int>(n)); break;
  }
}

void FuncCompiler::zero(int dst, uint32_t n) {
  if (n == 0) return;
  if (n == 1) {
    emit_asbx(vm::Op::LOADI, dst, 0);
    return;
  }
  emit(vm::Op::ZERO, dst, static_cast<int>(n));
}

}  // namespace gol::lang
