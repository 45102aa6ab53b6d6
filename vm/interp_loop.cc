// interp_loop.cc — the dispatch loop: every opcode of opcodes.def.
//
// The core idea (cf. Lua 5.4 luaV_execute, Luau luau_execute): one function
// holds the whole fetch-decode-execute cycle with the running frame's state
// in locals — pc, the register base R, the frame record — and gol calls
// push a frame and keep going in the same loop, so nothing recurses on the
// C++ stack. Everything that is not a couple of machine instructions (stack
// growth, panics, runtime services, slices, maps) is a call out of line, so
// the loop's hot cases stay small and the compiler keeps pc/R in registers.
//
// Calls and returns are the hot path of recursive code (fib: ~7 million
// each), so they touch as little as possible: CALL reaches the callee's
// proto directly (not through its closure), the new frame record is the one
// after the caller's (no index arithmetic), and the constant pool is not
// cached in a local — gcc spilled it to the C stack anyway, so every call
// and return paid a load and a store for it, while LOADK reading it through
// frame->proto costs one more load only where constants are used.
//
// Dispatch is threaded (computed goto, one indirect jump per opcode, which
// the branch predictor learns per site) unless GOL_PORTABLE_DISPATCH selects
// the portable switch. The tests compile this file a second time in portable
// mode under another function name (GOL_EXECUTE_NAME), so both stay correct.
//
// Rejected: a `switch` only (one shared indirect jump predicts worse; the
// portable build measured 5-12% slower on fib(32) and the 100M-iteration
// loop with gcc 12 -O2); tail-calling handler functions (needs musttail, and
// every handler then reloads pc/R from memory); RET1, a RET specialised for
// one result slot (no faster: RET's count test is a predicted branch);
// DIVI/REMI by a multiply with a reciprocal table instead of IDIV (slower
// on the loop benchmark on AMD Zen 4, whose 64-bit divider is fast: the
// multiply-and-fix-up sequence has the longer latency).
#include <cmath>
#include <cstring>

#include "vm/chan.h"
#include "vm/interp_impl.h"
#include "vm/runtime.h"

#if !defined(__GNUC__) && !defined(GOL_PORTABLE_DISPATCH)
#define GOL_PORTABLE_DISPATCH 1
#endif
#ifndef GOL_EXECUTE_NAME
#define GOL_EXECUTE_NAME execute
#endif

namespace gol::vm::interp {

namespace {

inline uint64_t extra_word(const Instr* p) {
  uint64_t e;
  std::memcpy(&e, p, sizeof e);
  return e;
}

// Division with a 32-bit fast path: when both operands are non-negative and
// fit in 31 bits (the common case: i % 7, n / 2), a 32-bit divide gives the
// same result and costs a fraction of a 64-bit IDIV on many x86 cores (gcc,
// unlike clang, does not do this "division bypass" by itself). The callers
// have handled d == 0 and d == -1.
inline int64_t div_signed(int64_t n, int64_t d) {
  if (((static_cast<uint64_t>(n) | static_cast<uint64_t>(d)) >> 31) == 0)
    return static_cast<uint32_t>(n) / static_cast<uint32_t>(d);
  return n / d;
}
inline int64_t rem_signed(int64_t n, int64_t d) {
  if (((static_cast<uint64_t>(n) | static_cast<uint64_t>(d)) >> 31) == 0)
    return static_cast<uint32_t>(n) % static_cast<uint32_t>(d);
  return n % d;
}
inline uint64_t div_unsigned(uint64_t n, uint64_t d) {
  if (((n | d) >> 32) == 0) return static_cast<uint32_t>(n) / static_cast<uint32_t>(d);
  return n / d;
}
inline uint64_t rem_unsigned(uint64_t n, uint64_t d) {
  if (((n | d) >> 32) == 0) return static_cast<uint32_t>(n) % static_cast<uint32_t>(d);
  return n % d;
}

// No deferred call is left to run for the innermost panic: the goroutine
// dies of it, or ends quietly if it is runtime.Goexit's.
inline Exit died(const Goroutine& g) { return g.panic != nullptr && g.panic->goexit ? Exit::Goexit : Exit::Panicked; }

inline Instr to_instr(uint64_t word) {
  Instr ins;
  std::memcpy(&ins, &word, sizeof ins);
  return ins;
}

inline StringHeader str_at(const Slot* r) { return {static_cast<const char*>(r[0].cp), r[1].i}; }

inline void put_str(Slot* r, StringHeader s) {
  r[0].cp = s.data;
  r[1].i = s.len;
}

inline void put_slice(Slot* r, SliceHeader s) {
  r[0].p = s.data;
  r[1].i = s.len;
  r[2].i = s.cap;
}

template <typename T>
inline T load_at(const void* base, size_t offset) {
  T v;
  std::memcpy(&v, static_cast<const char*>(base) + offset, sizeof v);
  return v;
}

template <typename T>
inline void store_at(void* base, size_t offset, T v) {
  std::memcpy(static_cast<char*>(base) + offset, &v, sizeof v);
}

inline bool str_equal(StringHeader a, StringHeader b) {
  // memcmp must not see a null pointer, even for 0 bytes: the empty string's data may be null.
  return a.len == b.len &&
         (a.len == 0 || a.data == b.data || std::memcmp(a.data, b.data, static_cast<size_t>(a.len)) == 0);
}

}  // namespace

// Correctness rules of the loop (read before changing a case):
//  1. `frame` and `R` describe the top frame g.frames[g.nframes-1].
//     Anything that may push or pop frames or grow the stack (calls, RET,
//     defer, panics, safe points) is followed by GOL_LOAD_FRAME or updates
//     both itself. Never keep a Slot* into the stack across a call.
//  2. Before any out-of-line call that may panic or look at the frames
//     (natives, safe points, panics), store pc into frame->pc: traces and
//     recovery read it. do_panic does it for the panic paths.
//  3. A saved pc points after the instruction and its extra words; a trace
//     prints the line of pc[-1] (extra words carry their instruction's line).
//  4. Operands are read before results are written: the result register may
//     be one of the operands (R[A] = R[A] + R[B]), and a native's results
//     overlap its arguments.
//  5. Every negative jump and every function entry is a safe point
//     (GOL_SAFE_POINT: one relaxed load of the eval breaker).
//  6. Integer arithmetic is done on .u (unsigned) so it wraps without
//     undefined behaviour; the compiler re-extends narrow types.
//  7. No opcode tests a value's type tag: types come from the instruction.
Exit GOL_EXECUTE_NAME(Vm& vm, uint32_t stop_depth) {
  Goroutine& g = *vm.g;
  const Program& prog = *vm.program;
  ExecContext& cx = *vm.cx;
  Proto* const* const P = prog.protos.data();
  const Type* const* const T = prog.types.data();
  Slot* const G = prog.globals;

  Frame* frame;
  const Instr* pc;
  Slot* R;
  uint64_t word;  // the current instruction, decoded by the GOL_A.. macros

#define GOL_LOAD_FRAME()                 \
  do {                                   \
    frame = &g.frames[g.nframes - 1];    \
    pc = frame->pc;                      \
    R = g.stack + frame->base;           \
  } while (0)

  // A safe point may also start a Goexit (the REPL's interrupt): unwind.
#define GOL_SAFE_POINT()                                                              \
  do {                                                                                \
    if (cx.eval_breaker.load(std::memory_order_relaxed) != 0) [[unlikely]] {          \
      frame->pc = pc;                                                                 \
      if (safe_point(vm)) return Exit::Stopped;                                       \
      GOL_LOAD_FRAME();                                                               \
      if (g.has_pending_panic) goto do_panic;                                         \
    }                                                                                 \
  } while (0)

#define GOL_JUMP(offset)                 \
  do {                                   \
    int32_t off_ = (offset);             \
    pc += off_;                          \
    if (off_ < 0) GOL_SAFE_POINT();      \
  } while (0)

  // Pushes a frame for `callee` (the proto of closure `fn`) at window
  // R[window] and enters it (stackless call, cf. Lua's luaD_precall returning
  // to the loop). CALL passes the proto it indexed and its static closure,
  // so the closure's load is off the critical path: everything the new frame
  // needs (frame size, code, constants) hangs off the proto.
#define GOL_ENTER(callee, fn, window)                                                   \
  do {                                                                                  \
    const Proto* callee_ = (callee);                                                    \
    const Closure* fn_ = (fn);                                                          \
    uint32_t base_ = frame->base + (window);                                            \
    frame->pc = pc;                                                                     \
    if (base_ + callee_->frame_slots > g.stack_cap || g.nframes == g.frames_cap) [[unlikely]] { \
      grow_stack(vm, uint64_t{base_} + callee_->frame_slots);                           \
      frame = &g.frames[g.nframes - 1];                                                 \
    }                                                                                   \
    ++frame; /* the caller's frame is the top one (rule 1) */                           \
    ++g.nframes;                                                                        \
    frame->proto = callee_;                                                             \
    frame->base = base_;                                                                \
    frame->flags = 0;                                                                   \
    frame->closure = fn_;                                                               \
    pc = callee_->code.data();                                                          \
    R = g.stack + base_;                                                                \
    GOL_SAFE_POINT();                                                                   \
  } while (0)

  // Raises a runtime error (the helper sets g.pending_panic) and unwinds.
#define GOL_RAISE(expr) \
  do {                  \
    (void)(expr);       \
    goto do_panic;      \
  } while (0)

#define GOL_EXTRA() extra_word(pc++)

  // Operand fields of the current instruction word (program.h Instr layout:
  // op, x, a, b, c from the low byte up). Decoding from one 64-bit register
  // in each case, rather than an Instr struct, keeps gcc from extracting and
  // spilling every field at every dispatch.
#define GOL_X static_cast<uint32_t>((word >> 8) & 0xff)
#define GOL_A static_cast<uint32_t>((word >> 16) & 0xffff)
#define GOL_B static_cast<uint32_t>((word >> 32) & 0xffff)
#define GOL_C static_cast<uint32_t>(word >> 48)
#define GOL_SB static_cast<int16_t>(word >> 32)
#define GOL_SC static_cast<int16_t>(word >> 48)
#define GOL_BC static_cast<uint32_t>(word >> 32)
#define GOL_SBC static_cast<int32_t>(word >> 32)
#define GOL_INSTR to_instr(word)

#ifdef GOL_PORTABLE_DISPATCH
#define GOL_CASE(name) case static_cast<uint8_t>(Op::name):
#define GOL_NEXT() goto next_instr
#else
  static const void* const kDispatch[] = {
#define GOL_OP(name, format, semantics) &&op_##name,
#include "vm/opcodes.def"
#undef GOL_OP
  };
#define GOL_CASE(name) op_##name:
#define GOL_NEXT()                                          \
  do {                                                      \
    word = extra_word(pc++);                                \
    goto* kDispatch[word & 0xff];                           \
  } while (0)
#endif

  GOL_LOAD_FRAME();
  // Resuming after a send or select that parked: finish it first.
  if ((g.chan_wait != nullptr || g.select_wait != nullptr) && vm.can_stop) [[unlikely]] {
    if (chan_finish_wait(g) != NativeStatus::Ok) goto do_panic;
  }
  // The entry of the first function is a safe point — except when the
  // goroutine may stop there: it may be resuming (its top frame's pc is
  // mid-function, or at the entry where it was stopped), and a request that
  // is already pending would stop it again before it made any progress.
  // Its next call or back-edge honours the request.
  if (!vm.can_stop) GOL_SAFE_POINT();

#ifdef GOL_PORTABLE_DISPATCH
next_instr:
  word = extra_word(pc++);
  switch (word & 0xff) {
#else
  GOL_NEXT();
  {
#endif

    // ---------------------------------------------------- moves and constants
    GOL_CASE(NOP) { GOL_NEXT(); }
    GOL_CASE(MOVE) {
      R[GOL_A] = R[GOL_B];
      GOL_NEXT();
    }
    GOL_CASE(MOVE2) {
      Slot s0 = R[GOL_B], s1 = R[GOL_B + 1];
      R[GOL_A] = s0;
      R[GOL_A + 1] = s1;
      GOL_NEXT();
    }
    GOL_CASE(MOVE3) {
      Slot s0 = R[GOL_B], s1 = R[GOL_B + 1], s2 = R[GOL_B + 2];
      R[GOL_A] = s0;
      R[GOL_A + 1] = s1;
      R[GOL_A + 2] = s2;
      GOL_NEXT();
    }
    GOL_CASE(MOVEN) {
      copy_slots(R + GOL_A, R + GOL_B, GOL_C);
      GOL_NEXT();
    }
    GOL_CASE(ZERO) {
      std::memset(static_cast<void*>(R + GOL_A), 0, size_t{GOL_B} * sizeof(Slot));
      GOL_NEXT();
    }
    GOL_CASE(LOADI) {
      R[GOL_A].i = GOL_SBC;
      GOL_NEXT();
    }
    GOL_CASE(LOADK) {
      R[GOL_A] = frame->proto->consts[GOL_BC];
      GOL_NEXT();
    }
    GOL_CASE(LOADS) {
      put_str(R + GOL_A, frame->proto->strings[GOL_BC]);
      GOL_NEXT();
    }
    GOL_CASE(LOADFN) {
      R[GOL_A].cp = P[GOL_BC]->static_closure;
      GOL_NEXT();
    }
    GOL_CASE(LOADTYPE) {
      R[GOL_A].cp = T[GOL_BC];
      GOL_NEXT();
    }
    GOL_CASE(GADDR) {
      R[GOL_A].p = G + GOL_BC;
      GOL_NEXT();
    }
    GOL_CASE(GGET) {
      R[GOL_A] = G[GOL_BC];
      GOL_NEXT();
    }
    GOL_CASE(GSET) {
      G[GOL_BC] = R[GOL_A];
      GOL_NEXT();
    }

    // ---------------------------------------------------- integer arithmetic
    GOL_CASE(ADD) {
      R[GOL_A].u = R[GOL_B].u + R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(SUB) {
      R[GOL_A].u = R[GOL_B].u - R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(MUL) {
      R[GOL_A].u = R[GOL_B].u * R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(DIV) {
      int64_t d = R[GOL_C].i;
      if (d == 0) [[unlikely]]
        GOL_RAISE(panic_divide(g));
      // -1 separately: MinInt64 / -1 overflows in C++ (Go wraps to MinInt64).
      R[GOL_A].u = d == -1 ? 0 - R[GOL_B].u : static_cast<uint64_t>(div_signed(R[GOL_B].i, d));
      GOL_NEXT();
    }
    GOL_CASE(DIVU) {
      uint64_t d = R[GOL_C].u;
      if (d == 0) [[unlikely]]
        GOL_RAISE(panic_divide(g));
      R[GOL_A].u = div_unsigned(R[GOL_B].u, d);
      GOL_NEXT();
    }
    GOL_CASE(REM) {
      int64_t d = R[GOL_C].i;
      if (d == 0) [[unlikely]]
        GOL_RAISE(panic_divide(g));
      R[GOL_A].i = d == -1 ? 0 : rem_signed(R[GOL_B].i, d);
      GOL_NEXT();
    }
    GOL_CASE(REMU) {
      uint64_t d = R[GOL_C].u;
      if (d == 0) [[unlikely]]
        GOL_RAISE(panic_divide(g));
      R[GOL_A].u = rem_unsigned(R[GOL_B].u, d);
      GOL_NEXT();
    }
    GOL_CASE(AND) {
      R[GOL_A].u = R[GOL_B].u & R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(OR) {
      R[GOL_A].u = R[GOL_B].u | R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(XOR) {
      R[GOL_A].u = R[GOL_B].u ^ R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(ANDNOT) {
      R[GOL_A].u = R[GOL_B].u & ~R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(SHL) {
      uint64_t n = R[GOL_C].u;
      R[GOL_A].u = n >= 64 ? 0 : R[GOL_B].u << n;
      GOL_NEXT();
    }
    GOL_CASE(SHR) {
      uint64_t n = R[GOL_C].u;
      R[GOL_A].i = R[GOL_B].i >> (n >= 64 ? 63 : n);
      GOL_NEXT();
    }
    GOL_CASE(SHRU) {
      uint64_t n = R[GOL_C].u;
      R[GOL_A].u = n >= 64 ? 0 : R[GOL_B].u >> n;
      GOL_NEXT();
    }
    GOL_CASE(CHKSHIFT) {
      if (R[GOL_A].i < 0) [[unlikely]]
        GOL_RAISE(panic_negative_shift(g));
      GOL_NEXT();
    }
    GOL_CASE(ADDI) {
      R[GOL_A].u = R[GOL_B].u + static_cast<uint64_t>(int64_t{GOL_SC});
      GOL_NEXT();
    }
    GOL_CASE(MULI) {
      R[GOL_A].u = R[GOL_B].u * static_cast<uint64_t>(int64_t{GOL_SC});
      GOL_NEXT();
    }
    GOL_CASE(DIVI) {
      int64_t d = GOL_SC;
      R[GOL_A].u = d == -1 ? 0 - R[GOL_B].u : static_cast<uint64_t>(div_signed(R[GOL_B].i, d));
      GOL_NEXT();
    }
    GOL_CASE(REMI) {
      int64_t d = GOL_SC;
      R[GOL_A].i = d == -1 ? 0 : rem_signed(R[GOL_B].i, d);
      GOL_NEXT();
    }
    GOL_CASE(ANDI) {
      R[GOL_A].i = R[GOL_B].i & int64_t{GOL_SC};
      GOL_NEXT();
    }
    GOL_CASE(SHLI) {
      R[GOL_A].u = R[GOL_B].u << (GOL_C & 63);
      GOL_NEXT();
    }
    GOL_CASE(SHRI) {
      R[GOL_A].i = R[GOL_B].i >> (GOL_C & 63);
      GOL_NEXT();
    }
    GOL_CASE(SHRUI) {
      R[GOL_A].u = R[GOL_B].u >> (GOL_C & 63);
      GOL_NEXT();
    }
    GOL_CASE(NEG) {
      R[GOL_A].u = 0 - R[GOL_B].u;
      GOL_NEXT();
    }
    GOL_CASE(COM) {
      R[GOL_A].u = ~R[GOL_B].u;
      GOL_NEXT();
    }
    GOL_CASE(NOT) {
      R[GOL_A].u = R[GOL_B].u == 0;
      GOL_NEXT();
    }
    GOL_CASE(SEXT8) {
      R[GOL_A].i = static_cast<int8_t>(R[GOL_B].u);
      GOL_NEXT();
    }
    GOL_CASE(SEXT16) {
      R[GOL_A].i = static_cast<int16_t>(R[GOL_B].u);
      GOL_NEXT();
    }
    GOL_CASE(SEXT32) {
      R[GOL_A].i = static_cast<int32_t>(R[GOL_B].u);
      GOL_NEXT();
    }
    GOL_CASE(ZEXT8) {
      R[GOL_A].u = static_cast<uint8_t>(R[GOL_B].u);
      GOL_NEXT();
    }
    GOL_CASE(ZEXT16) {
      R[GOL_A].u = static_cast<uint16_t>(R[GOL_B].u);
      GOL_NEXT();
    }
    GOL_CASE(ZEXT32) {
      R[GOL_A].u = static_cast<uint32_t>(R[GOL_B].u);
      GOL_NEXT();
    }
    GOL_CASE(EQ) {
      R[GOL_A].u = R[GOL_B].u == R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(NE) {
      R[GOL_A].u = R[GOL_B].u != R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(LT) {
      R[GOL_A].u = R[GOL_B].i < R[GOL_C].i;
      GOL_NEXT();
    }
    GOL_CASE(LE) {
      R[GOL_A].u = R[GOL_B].i <= R[GOL_C].i;
      GOL_NEXT();
    }
    GOL_CASE(LTU) {
      R[GOL_A].u = R[GOL_B].u < R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(LEU) {
      R[GOL_A].u = R[GOL_B].u <= R[GOL_C].u;
      GOL_NEXT();
    }
    GOL_CASE(MIN) {
      int64_t x = R[GOL_B].i, y = R[GOL_C].i;
      R[GOL_A].i = y < x ? y : x;
      GOL_NEXT();
    }
    GOL_CASE(MAX) {
      int64_t x = R[GOL_B].i, y = R[GOL_C].i;
      R[GOL_A].i = y > x ? y : x;
      GOL_NEXT();
    }
    GOL_CASE(MINU) {
      uint64_t x = R[GOL_B].u, y = R[GOL_C].u;
      R[GOL_A].u = y < x ? y : x;
      GOL_NEXT();
    }
    GOL_CASE(MAXU) {
      uint64_t x = R[GOL_B].u, y = R[GOL_C].u;
      R[GOL_A].u = y > x ? y : x;
      GOL_NEXT();
    }

    // ---------------------------------------------------- floating point
    GOL_CASE(FADD) {
      R[GOL_A].f = R[GOL_B].f + R[GOL_C].f;
      GOL_NEXT();
    }
    GOL_CASE(FSUB) {
      R[GOL_A].f = R[GOL_B].f - R[GOL_C].f;
      GOL_NEXT();
    }
    GOL_CASE(FMUL) {
      R[GOL_A].f = R[GOL_B].f * R[GOL_C].f;
      GOL_NEXT();
    }
    GOL_CASE(FDIV) {
      R[GOL_A].f = R[GOL_B].f / R[GOL_C].f;
      GOL_NEXT();
    }
    GOL_CASE(FNEG) {
      R[GOL_A].f = -R[GOL_B].f;
      GOL_NEXT();
    }
    GOL_CASE(FEQ) {
      R[GOL_A].u = R[GOL_B].f == R[GOL_C].f;
      GOL_NEXT();
    }
    GOL_CASE(FNE) {
      R[GOL_A].u = R[GOL_B].f != R[GOL_C].f;
      GOL_NEXT();
    }
    GOL_CASE(FLT) {
      R[GOL_A].u = R[GOL_B].f < R[GOL_C].f;
      GOL_NEXT();
    }
    GOL_CASE(FLE) {
      R[GOL_A].u = R[GOL_B].f <= R[GOL_C].f;
      GOL_NEXT();
    }
    GOL_CASE(FMIN) {
      R[GOL_A].f = float_min(R[GOL_B].f, R[GOL_C].f);
      GOL_NEXT();
    }
    GOL_CASE(FMAX) {
      R[GOL_A].f = float_max(R[GOL_B].f, R[GOL_C].f);
      GOL_NEXT();
    }
    GOL_CASE(FSQRT) {
      R[GOL_A].f = std::sqrt(R[GOL_B].f);
      GOL_NEXT();
    }
    GOL_CASE(F32) {
      R[GOL_A].f = static_cast<double>(static_cast<float>(R[GOL_B].f));
      GOL_NEXT();
    }
    GOL_CASE(I2F) {
      R[GOL_A].f = static_cast<double>(R[GOL_B].i);
      GOL_NEXT();
    }
    GOL_CASE(U2F) {
      R[GOL_A].f = static_cast<double>(R[GOL_B].u);
      GOL_NEXT();
    }
    GOL_CASE(F2I) {
      R[GOL_A].i = float_to_int(R[GOL_B].f);
      GOL_NEXT();
    }
    GOL_CASE(F2U) {
      R[GOL_A].u = float_to_uint(R[GOL_B].f);
      GOL_NEXT();
    }

    // ---------------------------------------------------- branches
    GOL_CASE(JMP) {
      GOL_JUMP(GOL_SBC);
      GOL_NEXT();
    }
    GOL_CASE(JT) {
      if (R[GOL_A].u != 0) GOL_JUMP(GOL_SBC);
      GOL_NEXT();
    }
    GOL_CASE(JF) {
      if (R[GOL_A].u == 0) GOL_JUMP(GOL_SBC);
      GOL_NEXT();
    }
    GOL_CASE(JEQ) {
      if (R[GOL_A].u == R[GOL_B].u) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JNE) {
      if (R[GOL_A].u != R[GOL_B].u) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JLT) {
      if (R[GOL_A].i < R[GOL_B].i) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JLE) {
      if (R[GOL_A].i <= R[GOL_B].i) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JLTU) {
      if (R[GOL_A].u < R[GOL_B].u) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JLEU) {
      if (R[GOL_A].u <= R[GOL_B].u) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JEQI) {
      if (R[GOL_A].i == GOL_SB) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JNEI) {
      if (R[GOL_A].i != GOL_SB) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JLTI) {
      if (R[GOL_A].i < GOL_SB) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JLEI) {
      if (R[GOL_A].i <= GOL_SB) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JGTI) {
      if (R[GOL_A].i > GOL_SB) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }
    GOL_CASE(JGEI) {
      if (R[GOL_A].i >= GOL_SB) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }

    GOL_CASE(FORLOOP) {
      R[GOL_A].u += 1;
      if (R[GOL_A].i < R[GOL_B].i) GOL_JUMP(GOL_SC);
      GOL_NEXT();
    }

    // ---------------------------------------------------- strings
    GOL_CASE(SCONCAT) {
      put_str(R + GOL_A, string_concat(str_at(R + GOL_B), str_at(R + GOL_C)));
      GOL_NEXT();
    }
    GOL_CASE(SCONCATN) {
      put_str(R + GOL_A, string_concat_n(R + GOL_B, GOL_C));
      GOL_NEXT();
    }
    GOL_CASE(SEQ) {
      R[GOL_A].u = str_equal(str_at(R + GOL_B), str_at(R + GOL_C));
      GOL_NEXT();
    }
    GOL_CASE(SNE) {
      R[GOL_A].u = !str_equal(str_at(R + GOL_B), str_at(R + GOL_C));
      GOL_NEXT();
    }
    GOL_CASE(SLT) {
      R[GOL_A].u = string_compare(str_at(R + GOL_B), str_at(R + GOL_C)) < 0;
      GOL_NEXT();
    }
    GOL_CASE(SLE) {
      R[GOL_A].u = string_compare(str_at(R + GOL_B), str_at(R + GOL_C)) <= 0;
      GOL_NEXT();
    }
    GOL_CASE(SMIN) {
      StringHeader x = str_at(R + GOL_B), y = str_at(R + GOL_C);
      put_str(R + GOL_A, string_compare(y, x) < 0 ? y : x);
      GOL_NEXT();
    }
    GOL_CASE(SMAX) {
      StringHeader x = str_at(R + GOL_B), y = str_at(R + GOL_C);
      put_str(R + GOL_A, string_compare(y, x) > 0 ? y : x);
      GOL_NEXT();
    }
    GOL_CASE(SNEXT) {
      StringHeader s = str_at(R + GOL_B);
      int64_t i = R[GOL_C].i;
      auto byte = static_cast<uint8_t>(s.data[i]);
      if (byte < 0x80) {  // ASCII: the common case of range over a string
        R[GOL_A].i = byte;
        R[GOL_A + 1].i = 1;
      } else {
        int64_t width;
        int32_t r = decode_rune(s, i, &width);
        R[GOL_A].i = r;
        R[GOL_A + 1].i = width;
      }
      GOL_NEXT();
    }
    GOL_CASE(RUNESTR) {
      put_str(R + GOL_A, string_from_rune(R[GOL_B].i));
      GOL_NEXT();
    }
    GOL_CASE(BYTESSTR) {
      put_str(R + GOL_A, string_from_bytes(static_cast<const uint8_t*>(R[GOL_B].cp), R[GOL_B + 1].i));
      GOL_NEXT();
    }
    GOL_CASE(RUNESSTR) {
      put_str(R + GOL_A, string_from_runes(static_cast<const int32_t*>(R[GOL_B].cp), R[GOL_B + 1].i));
      GOL_NEXT();
    }
    GOL_CASE(STRBYTES) {
      put_slice(R + GOL_A, bytes_from_string(str_at(R + GOL_B)));
      GOL_NEXT();
    }
    GOL_CASE(STRRUNES) {
      put_slice(R + GOL_A, runes_from_string(str_at(R + GOL_B)));
      GOL_NEXT();
    }

    // ---------------------------------------------------- memory
    GOL_CASE(NEW) {
      const Type* t = T[GOL_BC];
      // A zero-size type still gets its own object: &struct{}{} values are
      // distinct pointers in our implementation (Go allows either).
      size_t bytes = t->slots > 0 ? size_t{t->slots} * sizeof(Slot) : sizeof(Slot);
      R[GOL_A].p = t->has_pointers ? gc_alloc(bytes) : gc_alloc_atomic(bytes);
      GOL_NEXT();
    }
#define GOL_LOAD_CASE(name, type, member)                           \
  GOL_CASE(name) {                                                  \
    const void* p_ = R[GOL_B].cp;                                   \
    if (p_ == nullptr) [[unlikely]]                                 \
      GOL_RAISE(panic_nil_deref(g));                                \
    R[GOL_A].member = load_at<type>(p_, GOL_C);                     \
    GOL_NEXT();                                                     \
  }
    GOL_LOAD_CASE(LDI8, int8_t, i)
    GOL_LOAD_CASE(LDU8, uint8_t, u)
    GOL_LOAD_CASE(LDI16, int16_t, i)
    GOL_LOAD_CASE(LDU16, uint16_t, u)
    GOL_LOAD_CASE(LDI32, int32_t, i)
    GOL_LOAD_CASE(LDU32, uint32_t, u)
    GOL_LOAD_CASE(LD64, uint64_t, u)
#undef GOL_LOAD_CASE
    GOL_CASE(LDN) {
      uint64_t offset = GOL_EXTRA();
      const char* p = static_cast<const char*>(R[GOL_B].cp);
      if (p == nullptr) [[unlikely]]
        GOL_RAISE(panic_nil_deref(g));
      copy_slots(R + GOL_A, reinterpret_cast<const Slot*>(p + offset), GOL_C);
      GOL_NEXT();
    }
#define GOL_STORE_CASE(name, type)                                  \
  GOL_CASE(name) {                                                  \
    void* p_ = R[GOL_A].p;                                          \
    if (p_ == nullptr) [[unlikely]]                                 \
      GOL_RAISE(panic_nil_deref(g));                                \
    store_at<type>(p_, GOL_B, static_cast<type>(R[GOL_C].u));       \
    GOL_NEXT();                                                     \
  }
    GOL_STORE_CASE(ST8, uint8_t)
    GOL_STORE_CASE(ST16, uint16_t)
    GOL_STORE_CASE(ST32, uint32_t)
    GOL_STORE_CASE(ST64, uint64_t)
#undef GOL_STORE_CASE
    GOL_CASE(STN) {
      uint64_t offset = GOL_EXTRA();
      char* p = static_cast<char*>(R[GOL_A].p);
      if (p == nullptr) [[unlikely]]
        GOL_RAISE(panic_nil_deref(g));
      copy_slots(reinterpret_cast<Slot*>(p + offset), R + GOL_B, GOL_C);
      GOL_NEXT();
    }
    GOL_CASE(NILCHK) {
      if (R[GOL_A].p == nullptr) [[unlikely]]
        GOL_RAISE(panic_nil_deref(g));
      GOL_NEXT();
    }
    GOL_CASE(ADDP) {
      char* p = static_cast<char*>(R[GOL_B].p);
      if (p == nullptr) [[unlikely]]
        GOL_RAISE(panic_nil_deref(g));
      R[GOL_A].p = p + GOL_C;
      GOL_NEXT();
    }
    GOL_CASE(RADDR) {
      R[GOL_A].p = R + GOL_B;
      GOL_NEXT();
    }
    GOL_CASE(INDEXP) {
      uint64_t stride = GOL_EXTRA();
      int64_t i = R[GOL_C].i, n = R[GOL_B + 1].i;
      if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
        GOL_RAISE(panic_index(g, i, n));
      R[GOL_A].p = static_cast<char*>(R[GOL_B].p) + static_cast<uint64_t>(i) * stride;
      GOL_NEXT();
    }
    GOL_CASE(ARRINDEXP) {
      uint64_t e = GOL_EXTRA();
      int64_t i = R[GOL_C].i, n = static_cast<int64_t>(e & 0xffffffff);
      if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
        GOL_RAISE(panic_index(g, i, n));
      char* p = static_cast<char*>(R[GOL_B].p);
      if (p == nullptr) [[unlikely]]
        GOL_RAISE(panic_nil_deref(g));
      R[GOL_A].p = p + static_cast<uint64_t>(i) * (e >> 32);
      GOL_NEXT();
    }
    GOL_CASE(SLD64) {
      int64_t i = R[GOL_C].i, n = R[GOL_B + 1].i;
      if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
        GOL_RAISE(panic_index(g, i, n));
      R[GOL_A] = static_cast<const Slot*>(R[GOL_B].cp)[i];
      GOL_NEXT();
    }
    GOL_CASE(SLDU8) {
      int64_t i = R[GOL_C].i, n = R[GOL_B + 1].i;
      if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
        GOL_RAISE(panic_index(g, i, n));
      R[GOL_A].u = static_cast<const uint8_t*>(R[GOL_B].cp)[i];
      GOL_NEXT();
    }
    GOL_CASE(SST64) {
      int64_t i = R[GOL_B].i, n = R[GOL_A + 1].i;
      if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
        GOL_RAISE(panic_index(g, i, n));
      static_cast<Slot*>(R[GOL_A].p)[i] = R[GOL_C];
      GOL_NEXT();
    }
    GOL_CASE(SST8) {
      int64_t i = R[GOL_B].i, n = R[GOL_A + 1].i;
      if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
        GOL_RAISE(panic_index(g, i, n));
      static_cast<uint8_t*>(R[GOL_A].p)[i] = static_cast<uint8_t>(R[GOL_C].u);
      GOL_NEXT();
    }
    GOL_CASE(CHKIDX) {
      int64_t i = R[GOL_A].i, n = R[GOL_B].i;
      if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
        GOL_RAISE(panic_index(g, i, n));
      GOL_NEXT();
    }
    GOL_CASE(SLICE2ARR) {
      const int64_t want = static_cast<int64_t>(GOL_EXTRA());
      const int64_t len = R[GOL_B + 1].i;
      if (len < want) [[unlikely]]
        GOL_RAISE(panic_slice_to_array(g, len, want));
      R[GOL_A] = R[GOL_B];
      GOL_NEXT();
    }
    GOL_CASE(CHKIDXK) {
      int64_t i = R[GOL_A].i, n = GOL_BC;
      if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
        GOL_RAISE(panic_index(g, i, n));
      GOL_NEXT();
    }

    // ---------------------------------------------------- slices
    GOL_CASE(MAKESLICE) {
      const Type* elem = T[GOL_EXTRA()];
      if (!op_makeslice(g, R, GOL_INSTR, elem)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(SLICE) {
      uint64_t e = GOL_EXTRA();
      if (!op_slice(g, R, GOL_INSTR, e)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(SLICEARR) {
      uint64_t e = GOL_EXTRA();
      if (!op_slice_array(g, R, GOL_INSTR, e)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(SLICESTR) {
      uint64_t e = GOL_EXTRA();
      if (!op_slice_string(g, R, GOL_INSTR, e)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(APPEND) {
      op_append(R, GOL_INSTR, T[GOL_EXTRA()]);
      GOL_NEXT();
    }
    GOL_CASE(APPENDS) {
      op_append_slice(R, GOL_INSTR, T[GOL_EXTRA()]);
      GOL_NEXT();
    }
    GOL_CASE(COPY) {
      op_copy(R, GOL_INSTR, GOL_EXTRA());
      GOL_NEXT();
    }
    GOL_CASE(CLEARS) {
      uint64_t stride = GOL_EXTRA();
      if (R[GOL_A + 1].i > 0) std::memset(R[GOL_A].p, 0, static_cast<size_t>(R[GOL_A + 1].i) * stride);
      GOL_NEXT();
    }

    // ---------------------------------------------------- maps
    GOL_CASE(MAKEMAP) {
      R[GOL_A].p = map_new(T[GOL_B], GOL_C == 0xffff ? 0 : R[GOL_C].i);
      GOL_NEXT();
    }
    GOL_CASE(MAPGET) {
      if (!op_mapget(g, R, GOL_INSTR, T[GOL_EXTRA()], false)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(MAPGET2) {
      if (!op_mapget(g, R, GOL_INSTR, T[GOL_EXTRA()], true)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(MAPSET) {
      if (!op_mapset(g, R, GOL_INSTR, T[GOL_EXTRA()])) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(MAPDEL) {
      if (!op_mapdel(g, R, GOL_INSTR)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(MAPLEN) {
      const Map* m = static_cast<const Map*>(R[GOL_B].cp);
      R[GOL_A].i = m == nullptr ? 0 : map_len(m);
      GOL_NEXT();
    }
    GOL_CASE(MAPCLEAR) {
      if (R[GOL_A].p != nullptr) map_clear(static_cast<Map*>(R[GOL_A].p));
      GOL_NEXT();
    }
    GOL_CASE(MAPITER) {
      R[GOL_A].p = map_iter_new(static_cast<Map*>(R[GOL_B].p));
      GOL_NEXT();
    }
    GOL_CASE(MAPNEXT) {
      op_mapnext(R, GOL_INSTR, T[GOL_EXTRA()]);
      GOL_NEXT();
    }

    // ---------------------------------------------------- interfaces
    GOL_CASE(IFACE) {
      const Type* t = T[GOL_C];
      if (t->slots == 1) {
        Slot v = R[GOL_B];
        R[GOL_A].cp = t;
        R[GOL_A + 1] = v;
      } else {
        Iface v = make_iface(t, R + GOL_B);
        R[GOL_A].cp = v.type;
        R[GOL_A + 1] = v.data;
      }
      GOL_NEXT();
    }
    GOL_CASE(ASSERT) {
      const Type* static_iface = T[GOL_EXTRA()];
      const Type* want = T[GOL_C];
      if (R[GOL_B].cp == want && want->slots == 1) {
        R[GOL_A] = R[GOL_B + 1];
      } else if (!op_assert(g, R, GOL_INSTR, want, static_iface)) [[unlikely]] {
        goto do_panic;
      }
      GOL_NEXT();
    }
    GOL_CASE(ASSERT2) {
      op_assert_ok(R, GOL_INSTR, T[GOL_C]);
      GOL_NEXT();
    }
    GOL_CASE(ASSERTI) {
      (void)GOL_EXTRA();  // the static type: Go's message for this form does not name it
      if (!op_assert_iface(g, R, GOL_INSTR, T[GOL_C])) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(ASSERTI2) {
      op_assert_iface_ok(R, GOL_INSTR, T[GOL_C]);
      GOL_NEXT();
    }
    GOL_CASE(ISTYPE) {
      R[GOL_A].u = R[GOL_B].cp == T[GOL_C];
      GOL_NEXT();
    }
    GOL_CASE(IMPL) {
      const Type* t = static_cast<const Type*>(R[GOL_B].cp);
      R[GOL_A].u = t != nullptr && implements_cached(t, T[GOL_C]);
      GOL_NEXT();
    }
    GOL_CASE(IEQ) {
      if (!op_iface_equal(g, R, GOL_INSTR, true)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(INE) {
      if (!op_iface_equal(g, R, GOL_INSTR, false)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(VEQ) {
      if (!op_value_equal(g, R, GOL_INSTR, T[GOL_EXTRA()], true)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(VNE) {
      if (!op_value_equal(g, R, GOL_INSTR, T[GOL_EXTRA()], false)) [[unlikely]]
        goto do_panic;
      GOL_NEXT();
    }

    // ---------------------------------------------------- calls
    GOL_CASE(CALL) {
      const Proto* callee = P[GOL_BC];
      GOL_ENTER(callee, callee->static_closure, GOL_A);
      GOL_NEXT();
    }
    GOL_CASE(CALLF) {
      const Closure* fn = static_cast<const Closure*>(R[GOL_B].cp);
      if (fn == nullptr) [[unlikely]]
        GOL_RAISE(panic_nil_deref(g));
      GOL_ENTER(fn->proto, fn, GOL_A);
      GOL_NEXT();
    }
    GOL_CASE(CALLM) {
      const Type* t = static_cast<const Type*>(R[GOL_B].cp);
      if (t == nullptr) [[unlikely]]
        GOL_RAISE(panic_nil_deref(g));
      const Method* m = t->find_method(GOL_C);
      if (m == nullptr || m->fn == nullptr) [[unlikely]]
        GOL_THROW("method table has no entry for " + std::string(name_of(GOL_C)) + " in " + t->name);
      R[GOL_A] = R[GOL_B + 1];
      GOL_ENTER(m->fn->proto, m->fn, GOL_A);
      GOL_NEXT();
    }
    GOL_CASE(CALLN) {
      const NativeEntry& native = prog.natives[GOL_BC];
      if (native.fn == nullptr) [[unlikely]]
        native_missing(native);
      frame->pc = pc;
      if (NativeStatus st = native.fn(g, R + GOL_A); st != NativeStatus::Ok) [[unlikely]] {
        if (st == NativeStatus::Panic) goto do_panic;
        goto native_block;
      }
      GOL_NEXT();
    }
    GOL_CASE(CALLNP) {
      auto fn = reinterpret_cast<NativeFn>(GOL_EXTRA());
      frame->pc = pc;
      if (NativeStatus st = fn(g, R + GOL_A); st != NativeStatus::Ok) [[unlikely]] {
        if (st == NativeStatus::Panic) goto do_panic;
        goto native_block;
      }
      GOL_NEXT();
    }
    GOL_CASE(RET) {
      if (GOL_B == 1) [[likely]]
        R[0] = R[GOL_A];
      else if (GOL_B != 0)
        copy_slots(R, R + GOL_A, GOL_B);
      if (frame->flags != 0 || g.nframes - 1 == stop_depth) [[unlikely]]
        goto slow_return;
      --g.nframes;
      --frame;
      pc = frame->pc;
      R = g.stack + frame->base;
      GOL_NEXT();
    }
    GOL_CASE(CLOSURE) {
      const Proto* proto = P[extra_word(pc)];
      uint32_t n = GOL_C;
      R[GOL_A].p = op_closure(R, proto, n, pc + 1);
      pc += 1 + (n + 3) / 4;
      GOL_NEXT();
    }
    GOL_CASE(UPVAL) {
      R[GOL_A] = frame->closure->captured[GOL_B];
      GOL_NEXT();
    }
    // ---------------------------------------------------- channels and select
    GOL_CASE(MAKECHAN) {
      Chan* c;
      if (chan_make(g, T[GOL_EXTRA()], R[GOL_B].i, &c) != NativeStatus::Ok) [[unlikely]]
        goto do_panic;
      R[GOL_A].p = c;
      GOL_NEXT();
    }
    GOL_CASE(SEND) {
      frame->pc = pc;
      if (NativeStatus st = chan_send(g, static_cast<Chan*>(R[GOL_A].p), R + GOL_B); st != NativeStatus::Ok) {
        if (st == NativeStatus::Panic) goto do_panic;
        goto native_block;
      }
      GOL_NEXT();
    }
    GOL_CASE(RECV) {
      frame->pc = pc;
      if (NativeStatus st = chan_recv(g, static_cast<Chan*>(R[GOL_B].p), R + GOL_A, nullptr); st != NativeStatus::Ok) {
        if (st == NativeStatus::Panic) goto do_panic;
        goto native_block;
      }
      GOL_NEXT();
    }
    GOL_CASE(RECV2) {
      frame->pc = pc;
      Slot* ok = R + GOL_A + GOL_C;
      if (NativeStatus st = chan_recv(g, static_cast<Chan*>(R[GOL_B].p), R + GOL_A, ok); st != NativeStatus::Ok) {
        if (st == NativeStatus::Panic) goto do_panic;
        goto native_block;
      }
      GOL_NEXT();
    }
    GOL_CASE(CLOSE) {
      frame->pc = pc;
      if (chan_close(g, static_cast<Chan*>(R[GOL_A].p)) != NativeStatus::Ok) goto do_panic;
      GOL_NEXT();
    }
    GOL_CASE(CHLEN) {
      R[GOL_A].i = chan_len(static_cast<const Chan*>(R[GOL_B].p));
      GOL_NEXT();
    }
    GOL_CASE(CHCAP) {
      R[GOL_A].i = chan_cap(static_cast<const Chan*>(R[GOL_B].p));
      GOL_NEXT();
    }
    GOL_CASE(SELECT) {
      const uint32_t ncases = GOL_B;
      const Instr* extras = pc;
      pc += ncases;
      frame->pc = pc;
      if (NativeStatus st = op_select(g, R, GOL_INSTR, extras); st != NativeStatus::Ok) {
        if (st == NativeStatus::Panic) goto do_panic;
        goto native_block;
      }
      GOL_NEXT();
    }

    GOL_CASE(GO) {
      frame->pc = pc;  // "created by" reads it
      go_statement(vm, static_cast<const Closure*>(R[GOL_C].cp), R + GOL_A, GOL_B);
      GOL_NEXT();
    }

    // ---------------------------------------------------- defer, panic, recover
    GOL_CASE(DEFER) {
      push_defer(vm, static_cast<const Closure*>(R[GOL_C].cp), R + GOL_A, GOL_B);
      GOL_NEXT();
    }
    GOL_CASE(RUNDEFER) {
      const Defer* d = g.defers;
      if (d != nullptr && d->frame == g.nframes - 1) {
        frame->pc = pc;
        (void)run_defer(vm);
        if (g.has_pending_panic) [[unlikely]]
          goto do_panic;
        GOL_LOAD_FRAME();
        GOL_SAFE_POINT();
      }
      GOL_NEXT();
    }
    GOL_CASE(PANIC) {
      GOL_RAISE(raise(g, iface_at(R + GOL_A)));
    }
    GOL_CASE(RECOVER) {
      do_recover(vm, R + GOL_A);
      GOL_NEXT();
    }
    GOL_CASE(PRINT) {
      print_value(static_cast<PrintKind>(GOL_X), R + GOL_A);
      GOL_NEXT();
    }

    // ---------------------------------------------------- fused instructions
    // Speed only: each gives exactly what its basic sequence gives
    // (opcodes.def; tests/vm/interp_fused_test.cc compares them bit for bit).
#define GOL_FIELD_RMW_CASE(name, member, op)                        \
  GOL_CASE(name) {                                                  \
    char* p_ = static_cast<char*>(R[GOL_A].p);                      \
    if (p_ == nullptr) [[unlikely]]                                 \
      GOL_RAISE(panic_nil_deref(g));                                \
    Slot v_ = load_at<Slot>(p_, GOL_B);                             \
    v_.member = v_.member op R[GOL_C].member;                       \
    store_at<Slot>(p_, GOL_B, v_);                                  \
    GOL_NEXT();                                                     \
  }
    GOL_FIELD_RMW_CASE(FADDM, f, +)
    GOL_FIELD_RMW_CASE(FSUBM, f, -)
    GOL_FIELD_RMW_CASE(ADDM, u, +)
    GOL_FIELD_RMW_CASE(SUBM, u, -)
#undef GOL_FIELD_RMW_CASE
#define GOL_FIELD_OPERAND_CASE(name, op)                            \
  GOL_CASE(name) {                                                  \
    const char* p_ = static_cast<const char*>(R[GOL_C].cp);         \
    if (p_ == nullptr) [[unlikely]]                                 \
      GOL_RAISE(panic_nil_deref(g));                                \
    double field_ = load_at<double>(p_, size_t{GOL_X} * sizeof(Slot)); \
    R[GOL_A].f = R[GOL_B].f op field_;                              \
    GOL_NEXT();                                                     \
  }
    GOL_FIELD_OPERAND_CASE(FADDF, +)
    GOL_FIELD_OPERAND_CASE(FSUBF, -)
    GOL_FIELD_OPERAND_CASE(FMULF, *)
#undef GOL_FIELD_OPERAND_CASE
    GOL_CASE(FMAC) {
      double product = R[GOL_B].f * R[GOL_C].f;
      R[GOL_A].f = R[GOL_A].f + product;
      GOL_NEXT();
    }

#ifdef GOL_PORTABLE_DISPATCH
    default: break;
#endif
  }
#ifdef GOL_PORTABLE_DISPATCH
  GOL_THROW("bad opcode");
#endif

slow_return: {
  // A deferred call, a panic's deferred call, or the last frame of this run.
  uint32_t flags = frame->flags;
  --g.nframes;
  if (g.nframes == stop_depth) return Exit::Returned;
  if (flags & kFramePanicDefer) {
    if (panic_defer_returned(vm, stop_depth) == Unwind::Died) return died(g);
    GOL_LOAD_FRAME();
    GOL_NEXT();
  }
  GOL_LOAD_FRAME();
  if (flags & kFrameDeferCall) --pc;  // back to the RUNDEFER that called it
  GOL_NEXT();
}

do_panic:
  // The one unwind path (STYLE.md "Errors"): every panic, from PANIC, a
  // runtime error or a native, comes here with g.pending_panic set.
  frame->pc = pc;
  if (start_panic(vm, stop_depth) == Unwind::Died) return died(g);
  GOL_LOAD_FRAME();
  GOL_NEXT();

native_block:
  // A native asked the goroutine to stop; frame->pc (after the call) is
  // where it resumes.
  if (native_blocked(vm)) return Exit::Stopped;
  GOL_LOAD_FRAME();
  GOL_NEXT();

#undef GOL_LOAD_FRAME
#undef GOL_SAFE_POINT
#undef GOL_JUMP
#undef GOL_ENTER
#undef GOL_RAISE
#undef GOL_EXTRA
#undef GOL_X
#undef GOL_A
#undef GOL_B
#undef GOL_C
#undef GOL_SB
#undef GOL_SC
#undef GOL_BC
#undef GOL_SBC
#undef GOL_INSTR
#undef GOL_CASE
#undef GOL_NEXT
}

}  // namespace gol::vm::interp
