// program.cc — the opcode name table and a Program's run-time preparation.
//
// Names and formats come from opcodes.def (the single table of truth), so the
// disassembler and error messages can never disagree with the interpreter.
// Program::finish builds what the interpreter needs besides the compiler's
// tables: one immortal static closure per proto (LOADFN, CALL's frame
// closure) and the zeroed globals area (once; a REPL session reserves a
// fixed area up front instead, since its globals must never move). Both are
// immortal (scanned, never collected) because a Program lives as long as the
// code that runs it, and globals hold GC pointers the collector must see.
#include <cstring>

#include "vm/program.h"
#include "vm/runtime.h"

namespace gol::vm {

namespace {

const char* const kOpNames[] = {
#define GOL_OP(name, format, semantics) #name,
#include "vm/opcodes.def"
#undef GOL_OP
};

const char* const kOpFormats[] = {
#define GOL_OP(name, format, semantics) format,
#include "vm/opcodes.def"
#undef GOL_OP
};

static_assert(sizeof(kOpNames) / sizeof(kOpNames[0]) == static_cast<size_t>(Op::kCount));

}  // namespace

const char* op_name(Op op) {
  auto i = static_cast<size_t>(op);
  return i < static_cast<size_t>(Op::kCount) ? kOpNames[i] : "?";
}

const char* op_format(Op op) {
  auto i = static_cast<size_t>(op);
  return i < static_cast<size_t>(Op::kCount) ? kOpFormats[i] : "";
}

uint64_t Instr::extra() const {
  uint64_t e;
  std::memcpy(&e, this, sizeof e);
  return e;
}

Instr Instr::from_extra(uint64_t e) {
  Instr ins;
  std::memcpy(&ins, &e, sizeof ins);
  return ins;
}

void Program::finish() {
  for (; finished_protos < protos.size(); finished_protos++) {
    Proto* p = protos[finished_protos];
    if (p->static_closure != nullptr) continue;
    auto* c = static_cast<Closure*>(gc_alloc_immortal(sizeof(Closure)));
    c->proto = p;
    c->ncaptured = 0;
    p->static_closure = c;
  }
  if (globals == nullptr) {
    // At least one slot, so GADDR of an empty area is still a valid pointer.
    size_t n = global_slots > 0 ? global_slots : 1;
    globals = static_cast<Slot*>(gc_alloc_immortal(n * sizeof(Slot)));
  }
}

void Program::reserve_session(size_t nprotos, size_t ntypes, size_t nnatives, size_t nfiles,
                              uint32_t capacity) {
  protos.reserve(nprotos);
  types.reserve(ntypes);
  natives.reserve(nnatives);
  files.reserve(nfiles);
  if (globals == nullptr && capacity > 0) {
    global_capacity = capacity;
    globals = static_cast<Slot*>(gc_alloc_immortal(size_t{capacity} * sizeof(Slot)));
  }
}

Program::~Program() {
  for (Proto* p : protos) {
    if (p->static_closure != nullptr) GC_FREE(const_cast<Closure*>(p->static_closure));
    delete p;
  }
  if (globals != nullptr) GC_FREE(globals);
}

}  // namespace gol::vm
