// interp_resume_test.cc — a goroutine leaves the interpreter loop and comes
// back: at a safe point when the eval breaker asks it to yield, and after a
// native that blocks. This is what lets the scheduler run a goroutine on one
// M, stop it, and resume it later on any M (vm/sched_exec.cc); here the loop
// is driven by hand, without a scheduler.
#include <gtest/gtest.h>

#include "tests/vm/asm.h"

namespace gol::vm {
namespace {

using interp::Exit;
using interp::Vm;
using test::Asm;

// for i := 0; i < 1000; i++ {} ; G[0] = i
void add_loop_storing_counter(Program& p) {
  p.global_slots = 1;
  Asm m(p, "main.main", 0, 0, 2);
  m.loadi(0, 0);
  size_t top = m.here();
  m.op_s(Op::ADDI, 0, 0, 1);
  size_t back = m.jump(Op::JLTI, 0, 1000);
  m.bind(back, top);
  m.op_bc(Op::GSET, 0, 0);
  m.op(Op::RET, 0, 0);
}

class InterpResume : public testing::TestWithParam<interp::ExecuteFn> {};

TEST_P(InterpResume, PreemptRequestStopsAtASafePointAndResumes) {
  runtime_init();
  Program p;
  add_loop_storing_counter(p);
  p.finish();
  ExecContext cx;
  Goroutine* g = new_goroutine();
  Vm vm{&p, &cx, g, true};
  interp::push_frame(vm, p.protos[p.entry]->static_closure, 0, 0);
  int stops = 0;
  for (;;) {
    cx.eval_breaker.fetch_or(kBreakPreempt);
    Exit e = GetParam()(vm, 0);
    if (e == Exit::Returned) break;
    ASSERT_EQ(e, Exit::Stopped);
    EXPECT_EQ(g->stop.kind, sched::Stop::Yield);
    ASSERT_LT(++stops, 2000);
  }
  // One stop per taken back-edge (a run never stops at the safe point it
  // starts at, so each makes progress): every request was honoured, and
  // nothing was lost or repeated across the 999 resumptions.
  EXPECT_EQ(stops, 999);
  EXPECT_EQ(p.globals[0].i, 1000);
  EXPECT_EQ(g->nframes, 0u);
}

TEST_P(InterpResume, WithoutCanStopAPreemptRequestIsDropped) {
  runtime_init();
  Program p;
  add_loop_storing_counter(p);
  p.finish();
  ExecContext cx;
  cx.eval_breaker.store(kBreakPreempt);
  Goroutine* g = new_goroutine();
  Vm vm{&p, &cx, g, false};
  interp::push_frame(vm, p.protos[p.entry]->static_closure, 0, 0);
  EXPECT_EQ(GetParam()(vm, 0), Exit::Returned);
  EXPECT_EQ(p.globals[0].i, 1000);
  EXPECT_EQ(cx.eval_breaker.load(), 0u);
}

// A native that blocks once per call, then its results are "delivered" (as a
// waker would) before the goroutine resumes after the call.
NativeStatus blocking_native(Goroutine& g, Slot*) {
  g.stop = sched::Stop{};
  g.stop.kind = sched::Stop::Park;
  return NativeStatus::Block;
}

TEST_P(InterpResume, BlockingNativeResumesAfterTheCall) {
  runtime_init();
  Program p;
  p.global_slots = 1;
  Asm m(p, "main.main", 0, 0, 4);
  m.op(Op::CALLNP, 1);
  m.extra(reinterpret_cast<uint64_t>(&blocking_native));
  m.op_bc(Op::GSET, 1, 0);  // G[0] = the native's result
  m.op(Op::RET, 0, 0);
  p.finish();
  ExecContext cx;
  Goroutine* g = new_goroutine();
  Vm vm{&p, &cx, g, true};
  interp::push_frame(vm, p.protos[p.entry]->static_closure, 0, 0);
  ASSERT_EQ(GetParam()(vm, 0), Exit::Stopped);
  EXPECT_EQ(g->stop.kind, sched::Stop::Park);
  // The waker writes the result into the parked goroutine's window.
  g->stack[g->frames[0].base + 1].i = 42;
  ASSERT_EQ(GetParam()(vm, 0), Exit::Returned);
  EXPECT_EQ(p.globals[0].i, 42);
}

INSTANTIATE_TEST_SUITE_P(BothLoops, InterpResume, testing::Values(&interp::execute, &interp::execute_portable),
                         [](const testing::TestParamInfo<interp::ExecuteFn>& info) {
                           return info.param == &interp::execute ? std::string("Threaded") : std::string("Portable");
                         });

}  // namespace
}  // namespace gol::vm
