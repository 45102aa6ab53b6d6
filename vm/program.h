// program.h — a compiled program: instructions, function prototypes, tables.
//
// The compiler (lang/compile*.cc) produces a Program; the interpreter runs it
// and never changes it (so several Ms can run the same code at once). Each
// Proto is one function: its bytecode, its line table, its constant pools and
// its frame size. Program-wide tables hold what instructions index: protos
// (CALL, LOADFN, CLOSURE), types (NEW, IFACE, ASSERT ...), natives (CALLN)
// and method-name ids (CALLM, via vm/type.h intern_name).
//
// The meaning of every opcode is in opcodes.def; this file is the data.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "vm/native.h"
#include "vm/type.h"
#include "vm/value.h"

namespace gol::vm {

enum class Op : uint8_t {
#define GOL_OP(name, format, semantics) name,
#include "vm/opcodes.def"
#undef GOL_OP
  kCount
};
const char* op_name(Op op);
const char* op_format(Op op);  // the format column of opcodes.def: "A B C", "A sBC +E" ...

// One instruction word (see opcodes.def for formats). Extra words that follow
// some instructions are the same 8 bytes read as a uint64 (Instr::extra).
struct Instr {
  Op op;
  uint8_t x;
  uint16_t a;
  uint16_t b;
  uint16_t c;

  int16_t sb() const { return static_cast<int16_t>(b); }
  int16_t sc() const { return static_cast<int16_t>(c); }
  uint32_t bc() const { return static_cast<uint32_t>(b) | static_cast<uint32_t>(c) << 16; }
  int32_t sbc() const { return static_cast<int32_t>(bc()); }
  uint64_t extra() const;  // this word read as a raw 64-bit operand
  static Instr from_extra(uint64_t e);
};
static_assert(sizeof(Instr) == 8);

// PRINT's X operand: how to print the value at R[A] (Go's runtime print).
enum class PrintKind : uint8_t { Bool, Int, Uint, Float, String, Pointer, Iface, Slice, Space, Newline };

struct Proto {
  std::string name;         // as Go's traces name it: main.main, main.(*T).M, main.T.M, main.main.func1
  uint32_t param_slots = 0; // receiver + parameters, flattened
  uint32_t result_slots = 0;
  uint32_t frame_slots = 0; // registers used; >= param_slots and >= result_slots
  bool has_params = false;  // for traces: "f(...)" vs "f()"
  bool is_wrapper = false;  // compiler-generated (method wrappers, bound methods): hidden from traces
  uint32_t file = 0;        // index into Program::files
  int32_t line = 0;         // line of the declaration
  std::vector<Instr> code;
  std::vector<int32_t> lines;       // the source line of each code word
  std::vector<Slot> consts;         // LOADK
  std::vector<StringHeader> strings;// LOADS (bytes owned by Program::string_data)
  // Where a frame continues when a panic is recovered in one of its deferred
  // calls: an epilogue "RUNDEFER; RET <results>" that returns the current
  // values of the result variables. -1 for functions without defer.
  int32_t recover_pc = -1;
  const Closure* static_closure = nullptr;  // LOADFN; built by Program::finish
};

struct NativeEntry {
  std::string name;        // "strings.Index", "os.sysWrite"
  NativeFn fn = nullptr;   // null: not implemented; calling it is a fatal error naming it
};

struct Program {
  std::vector<Proto*> protos;        // owned; index = P[n]
  std::vector<const Type*> types;    // T[n]
  std::vector<NativeEntry> natives;  // N[n]
  std::vector<std::string> files;    // source paths as traces print them
  uint32_t global_slots = 0;
  // The entry: runs package initialization (variables in Go's order, then
  // init functions, imported packages first) and then main.main.
  uint32_t entry = 0;
  std::deque<std::string> string_data;  // storage of string constants

  // Builds what the protos added since the last call need (static
  // closures) and, the first time, the globals area. A program compiled at
  // once calls it once, before running; a REPL session's program after
  // every generation it appends (lang/session.h).
  void finish();
  Slot* globals = nullptr;  // immortal, scanned
  size_t finished_protos = 0;  // protos[0, finished_protos) are finished

  // For a REPL session, whose program grows while goroutines run its older
  // code: reserves the tables so appending never moves them, and allocates
  // a globals area of `global_capacity` slots once (finish then never
  // reallocates it; the compiler refuses to go past it). Call before any
  // code is added.
  void reserve_session(size_t protos, size_t types, size_t natives, size_t files, uint32_t global_capacity);
  uint32_t global_capacity = 0;  // 0: the area is sized by finish

  Program() = default;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;
  ~Program();
};

}  // namespace gol::vm
