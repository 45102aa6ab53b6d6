// disasm.cc — `gol disasm`: every function's bytecode, readably.
//
// One header per proto (name, parameter/result/frame slots, source
// position), then one line per instruction: its index, its source line, the
// opcode's name and its operands decoded by meaning — registers as r3,
// constants by value (LOADK r1 = 42, LOADS r2 = "hi"), callees, natives,
// method and type names by name, jump offsets as target indexes, and extra
// words folded into the instruction that owns them.
//
// The operand roles come from opcodes.def's format column plus a table of
// the operands that are not registers (counts, byte offsets, table indexes),
// so a new opcode disassembles sensibly before anyone touches this file.
#include <cinttypes>
#include <cstdio>
#include <string>

#include "vm/interp.h"
#include "vm/program.h"
#include "vm/runtime.h"

namespace gol::vm {

namespace {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string reg(uint32_t r) {
  std::string s = "r";
  s += std::to_string(r);
  return s;
}

std::string type_name(const Program& program, uint64_t index) {
  if (index < program.types.size() && program.types[index] != nullptr) return program.types[index]->name;
  return "T[" + std::to_string(index) + "]";
}

std::string proto_name(const Program& program, uint64_t index) {
  if (index < program.protos.size()) return program.protos[index]->name;
  return "P[" + std::to_string(index) + "]";
}

// A constant slot: its integer value, plus the float reading when the bits
// are not a small integer (the pool does not record which it is).
std::string constant(Slot k) {
  std::string out = std::to_string(k.i);
  if ((k.i > (int64_t{1} << 40) || k.i < -(int64_t{1} << 40))) {
    char buf[40];
    std::snprintf(buf, sizeof buf, " (float %.17g)", k.f);
    out += buf;
  }
  return out;
}

uint32_t extra_words(Op op, const Instr& ins) {
  std::string_view format = op_format(op);
  if (op == Op::CLOSURE) return 1 + (ins.c + 3u) / 4;
  if (op == Op::SELECT) return ins.b;
  if (format.find("+E2") != std::string_view::npos) return 2;
  if (format.find("+E") != std::string_view::npos) return 1;
  return 0;
}

std::string jump_target(size_t index, uint32_t words, int32_t offset) {
  return "-> " + std::to_string(static_cast<int64_t>(index) + 1 + words + offset);
}

// The operands of one instruction at `index` (extra words follow it).
std::string operands(const Program& program, const Proto& proto, size_t index) {
  const Instr& ins = proto.code[index];
  Op op = ins.op;
  uint32_t words = extra_words(op, ins);
  uint64_t e = words > 0 && index + 1 < proto.code.size() ? proto.code[index + 1].extra() : 0;
  auto r = [](uint32_t n) { return reg(n); };
  auto n = [](int64_t v) { return std::to_string(v); };
  switch (op) {
    case Op::NOP: case Op::RUNDEFER: return "";
    case Op::LOADI: return r(ins.a) + " = " + n(ins.sbc());
    case Op::LOADK:
      return r(ins.a) + " = " + (ins.bc() < proto.consts.size() ? constant(proto.consts[ins.bc()]) : "K[?]");
    case Op::LOADS:
      return r(ins.a) + " = " + (ins.bc() < proto.strings.size() ? quote(proto.strings[ins.bc()].view()) : "S[?]");
    case Op::LOADFN: return r(ins.a) + " = " + proto_name(program, ins.bc());
    case Op::LOADTYPE: return r(ins.a) + " = " + type_name(program, ins.bc());
    case Op::GADDR: return r(ins.a) + " = &G[" + n(ins.bc()) + "]";
    case Op::GGET: return r(ins.a) + " = G[" + n(ins.bc()) + "]";
    case Op::GSET: return "G[" + n(ins.bc()) + "] = " + r(ins.a);
    case Op::ZERO: return r(ins.a) + " " + n(ins.b) + " slots";
    case Op::MOVEN: return r(ins.a) + " " + r(ins.b) + " " + n(ins.c) + " slots";
    case Op::ADDI: case Op::MULI: case Op::DIVI: case Op::REMI: case Op::ANDI:
      return r(ins.a) + " " + r(ins.b) + " " + n(ins.sc());
    case Op::SHLI: case Op::SHRI: case Op::SHRUI: return r(ins.a) + " " + r(ins.b) + " " + n(ins.c);
    case Op::JMP: return jump_target(index, 0, ins.sbc());
    case Op::JT: case Op::JF: return r(ins.a) + " " + jump_target(index, 0, ins.sbc());
    case Op::JEQ: case Op::JNE: case Op::JLT: case Op::JLE: case Op::JLTU: case Op::JLEU: case Op::FORLOOP:
      return r(ins.a) + " " + r(ins.b) + " " + jump_target(index, 0, ins.sc());
    case Op::JEQI: case Op::JNEI: case Op::JLTI: case Op::JLEI: case Op::JGTI: case Op::JGEI:
      return r(ins.a) + " " + n(ins.sb()) + " " + jump_target(index, 0, ins.sc());
    case Op::SCONCATN: return r(ins.a) + " " + r(ins.b) + " " + n(ins.c) + " strings";
    case Op::NEW: return r(ins.a) + " " + type_name(program, ins.bc());
    case Op::LDI8: case Op::LDU8: case Op::LDI16: case Op::LDU16: case Op::LDI32: case Op::LDU32: case Op::LD64:
    case Op::ADDP:
      return r(ins.a) + " " + r(ins.b) + "+" + n(ins.c);
    case Op::LDN: return r(ins.a) + " " + r(ins.b) + "+" + n(static_cast<int64_t>(e)) + " " + n(ins.c) + " slots";
    case Op::ST8: case Op::ST16: case Op::ST32: case Op::ST64:
    case Op::FADDM: case Op::FSUBM: case Op::ADDM: case Op::SUBM: return r(ins.a) + "+" + n(ins.b) + " " + r(ins.c);
    case Op::STN: return r(ins.a) + "+" + n(static_cast<int64_t>(e)) + " " + r(ins.b) + " " + n(ins.c) + " slots";
    case Op::INDEXP: return r(ins.a) + " " + r(ins.b) + " " + r(ins.c) + " stride " + n(static_cast<int64_t>(e));
    case Op::ARRINDEXP:
      return r(ins.a) + " " + r(ins.b) + " " + r(ins.c) + " stride " + n(static_cast<int64_t>(e >> 32)) + " len " +
             n(static_cast<int64_t>(e & 0xffffffff));
    case Op::CHKIDXK: return r(ins.a) + " " + n(ins.bc());
    case Op::SLICE2ARR: return r(ins.a) + " " + r(ins.b) + " len " + n(static_cast<int64_t>(e));
    case Op::MAKESLICE: case Op::APPENDS: return r(ins.a) + " " + r(ins.b) + " " + r(ins.c) + " " + type_name(program, e);
    case Op::APPEND: return r(ins.a) + " " + r(ins.b) + " " + n(ins.c) + " values " + type_name(program, e);
    case Op::SLICE: case Op::SLICEARR: case Op::SLICESTR: case Op::COPY: case Op::CLEARS: {
      char buf[32];
      std::snprintf(buf, sizeof buf, " 0x%" PRIx64, e);
      return r(ins.a) + " " + r(ins.b) + " " + r(ins.c) + buf;
    }
    case Op::MAKEMAP:
      return r(ins.a) + " " + type_name(program, ins.b) + (ins.c == 0xffff ? std::string() : " hint " + r(ins.c));
    case Op::MAPGET: case Op::MAPGET2: case Op::MAPSET: case Op::MAPNEXT:
      return r(ins.a) + " " + r(ins.b) + " " + r(ins.c) + " " + type_name(program, e);
    case Op::IFACE: case Op::ASSERT2: case Op::ASSERTI2: case Op::ISTYPE: case Op::IMPL:
      return r(ins.a) + " " + r(ins.b) + " " + type_name(program, ins.c);
    case Op::ASSERT: case Op::ASSERTI:
      return r(ins.a) + " " + r(ins.b) + " " + type_name(program, ins.c) + " from " + type_name(program, e);
    case Op::VEQ: case Op::VNE: return r(ins.a) + " " + r(ins.b) + " " + r(ins.c) + " " + type_name(program, e);
    case Op::CALL: return r(ins.a) + " " + proto_name(program, ins.bc());
    case Op::CALLF: return r(ins.a) + " " + r(ins.b);
    case Op::CALLM: return r(ins.a) + " " + r(ins.b) + " ." + std::string(name_of(ins.c));
    case Op::CALLN:
      return r(ins.a) + " " + (ins.bc() < program.natives.size() ? program.natives[ins.bc()].name : "N[?]");
    case Op::CALLNP: {
      char buf[32];
      std::snprintf(buf, sizeof buf, " native@0x%" PRIx64, e);
      return r(ins.a) + buf;
    }
    case Op::RET: return r(ins.a) + " " + n(ins.b) + " slots";
    case Op::MAKECHAN: return r(ins.a) + " = make " + type_name(program, e) + " " + r(ins.b);
    case Op::SEND: return r(ins.a) + " <- " + r(ins.b) + " " + n(ins.c) + " slots";
    case Op::RECV: case Op::RECV2: return r(ins.a) + " = <-" + r(ins.b) + " " + n(ins.c) + " slots";
    case Op::CLOSE: return r(ins.a);
    case Op::CHLEN: case Op::CHCAP: return r(ins.a) + " " + r(ins.b);
    case Op::SELECT: {
      std::string out = r(ins.a) + " " + n(ins.b) + " cases" + (ins.c ? " default" : "");
      for (uint32_t k = 0; k < ins.b && index + 1 + k < proto.code.size(); k++) {
        uint64_t w = proto.code[index + 1 + k].extra();
        out += (w >> 32) & 1 ? " [" + r(w & 0xffff) + " <- " + r((w >> 16) & 0xffff) + "]"
                             : " [" + r((w >> 16) & 0xffff) + " = <-" + r(w & 0xffff) + "]";
      }
      return out;
    }
    case Op::CLOSURE: {
      std::string out = r(ins.a) + " = " + proto_name(program, e) + " [";
      for (uint32_t k = 0; k < ins.c; ++k) {
        size_t word = index + 2 + k / 4;
        uint64_t w = word < proto.code.size() ? proto.code[word].extra() : 0;
        if (k > 0) out += ' ';
        out += reg(static_cast<uint16_t>(w >> (16 * (k % 4))));
      }
      return out + "]";
    }
    case Op::FADDF: case Op::FSUBF: case Op::FMULF:
      return r(ins.a) + " " + r(ins.b) + " " + r(ins.c) + "+" + n(int64_t{ins.x} * 8);
    case Op::UPVAL: return r(ins.a) + " = captured[" + n(ins.b) + "]";
    case Op::DEFER: case Op::GO: return r(ins.c) + " args " + r(ins.a) + " " + n(ins.b) + " slots";
    case Op::PANIC: case Op::RECOVER: case Op::NILCHK: case Op::CHKSHIFT: case Op::MAPCLEAR: return r(ins.a);
    case Op::PRINT: {
      static const char* const kKinds[] = {"bool", "int", "uint", "float", "string", "pointer", "iface", "slice", "space", "newline"};
      return r(ins.a) + " " + (ins.x < 10 ? kKinds[ins.x] : "?");
    }
    default: break;
  }
  // Everything else: the format's A/B/C operands are registers.
  std::string_view format = op_format(op);
  std::string out;
  auto add = [&](std::string s) {
    if (!out.empty()) out += ' ';
    out += s;
  };
  if (format.find('A') != std::string_view::npos) add(r(ins.a));
  if (format.find('B') != std::string_view::npos) add(r(ins.b));
  if (format.find('C') != std::string_view::npos && format.find("BC") == std::string_view::npos) add(r(ins.c));
  return out;
}

}  // namespace

std::string disassemble(const Program& program, const Proto& proto) {
  std::string out = "func " + proto.name + "  params=" + std::to_string(proto.param_slots) +
                    " results=" + std::to_string(proto.result_slots) + " frame=" + std::to_string(proto.frame_slots);
  if (proto.file < program.files.size()) out += "  " + program.files[proto.file] + ":" + std::to_string(proto.line);
  if (proto.recover_pc >= 0) out += "  recover=" + std::to_string(proto.recover_pc);
  out += '\n';
  for (size_t i = 0; i < proto.code.size();) {
    const Instr& ins = proto.code[i];
    char head[48];
    int line = i < proto.lines.size() ? proto.lines[i] : 0;
    std::snprintf(head, sizeof head, "  %5zu %5d  %-10s ", i, line, op_name(ins.op));
    std::string text = head;
    text += operands(program, proto, i);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text;
    out += '\n';
    i += 1 + (ins.op < Op::kCount ? extra_words(ins.op, ins) : 0);
  }
  return out;
}

std::string disassemble(const Program& program) {
  std::string out;
  for (size_t i = 0; i < program.protos.size(); ++i) {
    if (i > 0) out += '\n';
    out += disassemble(program, *program.protos[i]);
  }
  return out;
}

}  // namespace gol::vm
