// sync_native_test.cc — the natives of package sync: each semaphore native
// parks with the wait reason Go 1.23 prints for its caller, and the notify
// list natives find Cond's two counters in their slots.
//
// No scheduler runs here: a parking native returns Block, and the test
// performs the scheduler's part (the stop's unlock callback) and records
// wake-ups through sema.h's ready hook. Whole programs (contention, dumps,
// the fatal errors, which end the process) are golden tests run through
// the gol binary (tests/run/sync/).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stdlib/natives.h"
#include "vm/goroutine.h"
#include "vm/runtime.h"
#include "vm/sema.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

std::vector<vm::Goroutine*> g_woken;
void record(vm::Goroutine& g) { g_woken.push_back(&g); }

class SyncNative : public ::testing::Test {
 protected:
  void SetUp() override {
    vm::runtime_init();
    register_sync_natives(m_registry);
    g_woken.clear();
    vm::sema_set_ready_hook(record);
    m_cell = static_cast<Slot*>(vm::gc_alloc(4 * sizeof(Slot)));  // a sync value's fields, in slot form
  }
  void TearDown() override { vm::sema_set_ready_hook(nullptr); }

  NativeStatus call(const std::string& name, vm::Goroutine& g, Slot* w) {
    vm::NativeFn fn = m_registry.find("sync." + name);
    EXPECT_NE(fn, nullptr) << name;
    return fn == nullptr ? NativeStatus::Panic : fn(g, w);
  }

  // Runs an acquire native that must park; checks the reason; completes the park.
  vm::Goroutine* park(const std::string& name, Slot* w, sched::WaitReason reason) {
    vm::Goroutine* g = vm::new_goroutine();
    EXPECT_EQ(call(name, *g, w), NativeStatus::Block) << name;
    EXPECT_EQ(g->stop.kind, sched::Stop::Park) << name;
    EXPECT_STREQ(sched::wait_reason_name(g->stop.reason), sched::wait_reason_name(reason)) << name;
    if (g->stop.unlock != nullptr) g->stop.unlock(nullptr, g->stop.arg);
    return g;
  }

  vm::NativeRegistry m_registry;
  Slot* m_cell = nullptr;
};

TEST_F(SyncNative, EachAcquireParksWithGo123sWaitReason) {
  Slot w[2];
  w[0].p = &m_cell[0];
  w[1].u = 0;
  vm::Goroutine* a = park("runtime_Semacquire", w, sched::WaitReason::Semacquire);  // WaitGroup.Wait in 1.23
  w[0].p = &m_cell[1];
  vm::Goroutine* b = park("runtime_SemacquireMutex", w, sched::WaitReason::MutexLock);
  w[0].p = &m_cell[2];
  vm::Goroutine* c = park("runtime_SemacquireRWMutexR", w, sched::WaitReason::RWMutexRLock);
  w[0].p = &m_cell[3];
  vm::Goroutine* d = park("runtime_SemacquireRWMutex", w, sched::WaitReason::RWMutexLock);

  vm::Goroutine* releaser = vm::new_goroutine();
  for (int i = 3; i >= 0; i--) {
    Slot r[2];
    r[0].p = &m_cell[i];
    r[1].u = 0;
    EXPECT_EQ(call("runtime_Semrelease", *releaser, r), NativeStatus::Ok);
  }
  EXPECT_EQ(g_woken, (std::vector<vm::Goroutine*>{d, c, b, a}));
  for (int i = 0; i < 4; i++) EXPECT_EQ(m_cell[i].u, 0u) << "slot " << i << " (the unit went to the waiter)";
}

TEST_F(SyncNative, AnAvailableUnitIsTakenWithoutParking) {
  m_cell[0].u = 1;
  Slot w[2];
  w[0].p = &m_cell[0];
  w[1].u = 1;
  vm::Goroutine* g = vm::new_goroutine();
  EXPECT_EQ(call("runtime_SemacquireMutex", *g, w), NativeStatus::Ok);
  EXPECT_EQ(m_cell[0].u, 0u);
}

TEST_F(SyncNative, CondTicketsLiveInTheNotifyListsTwoSlots) {
  // notifyList{wait, notify uint32}: two slots.
  vm::Goroutine* g = vm::new_goroutine();
  Slot w[2];
  w[0].p = m_cell;
  ASSERT_EQ(call("runtime_notifyListAdd", *g, w), NativeStatus::Ok);
  EXPECT_EQ(w[0].u, 0u);
  EXPECT_EQ(m_cell[0].u, 1u);
  w[0].p = m_cell;
  w[1].u = 0;
  vm::Goroutine* waiter = park("runtime_notifyListWait", w, sched::WaitReason::CondWait);
  w[0].p = m_cell;
  ASSERT_EQ(call("runtime_notifyListNotifyOne", *g, w), NativeStatus::Ok);
  EXPECT_EQ(m_cell[1].u, 1u);
  EXPECT_EQ(g_woken, (std::vector<vm::Goroutine*>{waiter}));
  // Broadcast with nobody waiting changes nothing.
  w[0].p = m_cell;
  ASSERT_EQ(call("runtime_notifyListNotifyAll", *g, w), NativeStatus::Ok);
  EXPECT_EQ(m_cell[1].u, 1u);
  EXPECT_EQ(g_woken.size(), 1u);
}

TEST_F(SyncNative, NilReceiverPanics) {
  vm::Goroutine* g = vm::new_goroutine();
  for (const char* name : {"runtime_Semacquire", "runtime_Semrelease", "runtime_notifyListAdd"}) {
    Slot w[2] = {};
    g->has_pending_panic = false;
    EXPECT_EQ(call(name, *g, w), NativeStatus::Panic) << name;
    EXPECT_TRUE(g->has_pending_panic) << name;
  }
}

TEST_F(SyncNative, NanotimeIsMonotonic) {
  vm::Goroutine* g = vm::new_goroutine();
  Slot a[1], b[1];
  ASSERT_EQ(call("runtime_nanotime", *g, a), NativeStatus::Ok);
  ASSERT_EQ(call("runtime_nanotime", *g, b), NativeStatus::Ok);
  EXPECT_GT(a[0].i, 0);
  EXPECT_GE(b[0].i, a[0].i);
}

}  // namespace
}  // namespace gol::stdlib
