// asm.h — a tiny assembler for hand-built Programs in the VM's tests.
//
// The VM is tested without the compiler: each test writes its functions
// instruction by instruction (opcodes.def formats), with labels for jumps,
// and runs the Program. Results are left in globals for the test to read.
//
//   Program prog;
//   Asm f(prog, "main.main", /*params*/0, /*results*/0, /*frame*/4);
//   f.loadi(0, 40); f.op(Op::ADDI, 0, 0, 2); f.op_bc(Op::GSET, 0, 0); f.op(Op::RET, 0, 0);
//   EXPECT_EQ(run(prog), 0);  EXPECT_EQ(prog.globals[0].i, 42);
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "vm/interp.h"
#include "vm/interp_impl.h"
#include "vm/program.h"
#include "vm/runtime.h"

namespace gol::vm::test {

class Asm {
 public:
  // Appends a new proto to the program; the first one made is the entry
  // unless entry is changed.
  Asm(Program& program, std::string name, uint32_t params, uint32_t results, uint32_t frame)
      : m_program(program), m_proto(new Proto) {
    m_proto->name = std::move(name);
    m_proto->param_slots = params;
    m_proto->result_slots = results;
    m_proto->frame_slots = frame;
    m_proto->has_params = params > 0;
    m_proto->file = file_index(program);
    m_proto->line = m_line;
    m_index = static_cast<uint32_t>(program.protos.size());
    program.protos.push_back(m_proto);
  }

  uint32_t index() const { return m_index; }  // P[index]
  Proto& proto() { return *m_proto; }
  size_t here() const { return m_proto->code.size(); }
  void line(int32_t l) { m_line = l; }

  size_t op(Op o, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0, uint8_t x = 0) {
    Instr ins{o, x, static_cast<uint16_t>(a), static_cast<uint16_t>(b), static_cast<uint16_t>(c)};
    return push(ins);
  }
  // "A BC" / "A sBC" forms.
  size_t op_bc(Op o, uint32_t a, int64_t bc) {
    auto v = static_cast<uint32_t>(bc);
    return op(o, a, v & 0xffff, v >> 16);
  }
  // "A B sC" / "A sB sC" forms: signed operands.
  size_t op_s(Op o, uint32_t a, int32_t b, int32_t c) {
    return op(o, a, static_cast<uint16_t>(b), static_cast<uint16_t>(c));
  }
  void extra(uint64_t e) { push(Instr::from_extra(e)); }

  void loadi(uint32_t r, int32_t v) { op_bc(Op::LOADI, r, v); }
  void loadk(uint32_t r, Slot v) {
    m_proto->consts.push_back(v);
    op_bc(Op::LOADK, r, static_cast<int64_t>(m_proto->consts.size() - 1));
  }
  void loadk_int(uint32_t r, int64_t v) { loadk(r, Slot{.i = v}); }
  void loadk_float(uint32_t r, double v) { loadk(r, Slot{.f = v}); }
  void loads(uint32_t r, const std::string& s) {
    m_program.string_data.push_back(s);
    const std::string& stored = m_program.string_data.back();
    m_proto->strings.push_back(StringHeader{stored.data(), static_cast<int64_t>(stored.size())});
    op_bc(Op::LOADS, r, static_cast<int64_t>(m_proto->strings.size() - 1));
  }
  // A type in the program's table (T[n]).
  uint32_t type(const Type* t) {
    m_program.types.push_back(t);
    return static_cast<uint32_t>(m_program.types.size() - 1);
  }

  // Jumps: emit with a placeholder, then bind to a target index. `sbc` ops
  // (JMP, JT, JF) carry the offset in b|c<<16, the others in c.
  size_t jump(Op o, uint32_t a = 0, int32_t b = 0) { return op(o, a, static_cast<uint16_t>(b), 0); }
  void bind(size_t at, size_t target) {
    int32_t off = static_cast<int32_t>(target) - static_cast<int32_t>(at + 1);
    Instr& ins = m_proto->code[at];
    if (ins.op == Op::JMP || ins.op == Op::JT || ins.op == Op::JF) {
      auto v = static_cast<uint32_t>(off);
      ins.b = static_cast<uint16_t>(v & 0xffff);
      ins.c = static_cast<uint16_t>(v >> 16);
    } else {
      ins.c = static_cast<uint16_t>(off);
    }
  }
  void bind_here(size_t at) { bind(at, here()); }

  void recover_here() { m_proto->recover_pc = static_cast<int32_t>(here()); }

 private:
  static uint32_t file_index(Program& program) {
    if (program.files.empty()) program.files.push_back("main.go");
    return 0;
  }
  size_t push(Instr ins) {
    m_proto->code.push_back(ins);
    m_proto->lines.push_back(m_line);
    return m_proto->code.size() - 1;
  }

  Program& m_program;
  Proto* m_proto;
  uint32_t m_index = 0;
  int32_t m_line = 1;
};

// Runs a program (finishing it first) with the given loop build.
inline int run(Program& program, interp::ExecuteFn execute_fn = interp::execute, ExecContext* cx = nullptr) {
  runtime_init();
  program.finish();
  ExecContext local;
  return interp::run_with(program, cx != nullptr ? *cx : local, execute_fn);
}

// Captures what fn writes to file descriptor 2.
template <typename Fn>
std::string capture_stderr(Fn fn) {
  out_flush();
  std::FILE* tmp = std::tmpfile();
  int saved = dup(2);
  dup2(fileno(tmp), 2);
  fn();
  out_flush();
  dup2(saved, 2);
  close(saved);
  std::string text;
  std::rewind(tmp);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, tmp)) > 0) text.append(buf, n);
  std::fclose(tmp);
  return text;
}

}  // namespace gol::vm::test
