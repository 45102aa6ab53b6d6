// sema_test.cc — goroutine semaphores and notify lists (vm/sema.h) without a
// scheduler.
//
// The tests play the scheduler's part: an acquire that must wait returns
// Block with a Park stop, and the test calls the stop's unlock callback as
// the scheduler does once the goroutine is off its M. Wake-ups go through
// the ready hook into a list the tests read, so the order in which waiters
// are woken, and who owns the units, is observable. Programs with many
// goroutines on real threads are the golden tests' business
// (tests/run/sync/).
#include <gtest/gtest.h>

#include <cstdlib>

#include <vector>

#include "vm/runtime.h"
#include "vm/sema.h"

namespace gol::vm {
namespace {

std::vector<Goroutine*> g_woken;

void record(Goroutine& g) { g_woken.push_back(&g); }

class SemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    runtime_init();
    g_woken.clear();
    sema_set_ready_hook(record);
    // Semaphores live in GC memory in gol; a scanned cell here too.
    m_cell = static_cast<uint32_t*>(gc_alloc(16));
  }
  void TearDown() override { sema_set_ready_hook(nullptr); }

  // Acquires on behalf of a new goroutine that must wait; finishes its park.
  Goroutine* park_one(uint32_t* addr, SemaOrder order, sched::WaitReason reason) {
    Goroutine* g = new_goroutine();
    EXPECT_EQ(sema_acquire(*g, addr, order, reason), NativeStatus::Block);
    finish_park(*g, reason);
    return g;
  }
  static void finish_park(Goroutine& g, sched::WaitReason reason) {
    EXPECT_EQ(g.stop.kind, sched::Stop::Park);
    EXPECT_EQ(g.stop.reason, reason);
    ASSERT_NE(g.stop.unlock, nullptr);
    EXPECT_TRUE(g.stop.unlock(nullptr, g.stop.arg));  // the bucket lock, released as after gopark
  }

  uint32_t* m_cell = nullptr;
};

TEST_F(SemaTest, AcquireTakesAvailableUnitsWithoutParking) {
  Goroutine* g = new_goroutine();
  *m_cell = 2;
  EXPECT_EQ(sema_acquire(*g, m_cell, SemaOrder::Fifo, sched::WaitReason::Semacquire), NativeStatus::Ok);
  EXPECT_EQ(sema_acquire(*g, m_cell, SemaOrder::Fifo, sched::WaitReason::Semacquire), NativeStatus::Ok);
  EXPECT_EQ(*m_cell, 0u);
  EXPECT_EQ(sema_waiters(m_cell), 0);
}

TEST_F(SemaTest, ReleaseWithoutWaitersAddsAUnit) {
  Goroutine* g = new_goroutine();
  EXPECT_EQ(sema_release(*g, m_cell, Handoff::No), NativeStatus::Ok);
  EXPECT_EQ(*m_cell, 1u);
  EXPECT_TRUE(g_woken.empty());
}

TEST_F(SemaTest, ReleaseGivesTheUnitToTheFirstWaiter) {
  Goroutine* a = park_one(m_cell, SemaOrder::Fifo, sched::WaitReason::MutexLock);
  EXPECT_EQ(sema_waiters(m_cell), 1);
  Goroutine* releaser = new_goroutine();
  EXPECT_EQ(sema_release(*releaser, m_cell, Handoff::No), NativeStatus::Ok);
  ASSERT_EQ(g_woken.size(), 1u);
  EXPECT_EQ(g_woken[0], a);
  // The woken goroutine owns the unit: nothing is left for a newcomer.
  EXPECT_EQ(*m_cell, 0u);
  EXPECT_EQ(sema_waiters(m_cell), 0);
}

TEST_F(SemaTest, FifoWakesInArrivalOrderAndLifoJumpsTheQueue) {
  Goroutine* a = park_one(m_cell, SemaOrder::Fifo, sched::WaitReason::Semacquire);
  Goroutine* b = park_one(m_cell, SemaOrder::Fifo, sched::WaitReason::Semacquire);
  Goroutine* c = park_one(m_cell, SemaOrder::Lifo, sched::WaitReason::MutexLock);
  EXPECT_EQ(sema_waiters(m_cell), 3);
  Goroutine* releaser = new_goroutine();
  for (int i = 0; i < 3; i++) EXPECT_EQ(sema_release(*releaser, m_cell, Handoff::No), NativeStatus::Ok);
  EXPECT_EQ(g_woken, (std::vector<Goroutine*>{c, a, b}));
  EXPECT_EQ(*m_cell, 0u);
}

TEST_F(SemaTest, AddressesAreIndependent) {
  // Two semaphores in one object (a Mutex and an RWMutex field, say), and
  // one far away that may share a bucket: releasing one wakes only its own.
  uint32_t* other = m_cell + 2;
  auto* far = static_cast<uint32_t*>(gc_alloc(16));
  Goroutine* a = park_one(m_cell, SemaOrder::Fifo, sched::WaitReason::Semacquire);
  Goroutine* b = park_one(other, SemaOrder::Fifo, sched::WaitReason::Semacquire);
  Goroutine* c = park_one(far, SemaOrder::Fifo, sched::WaitReason::Semacquire);
  Goroutine* releaser = new_goroutine();
  EXPECT_EQ(sema_release(*releaser, other, Handoff::No), NativeStatus::Ok);
  EXPECT_EQ(g_woken, (std::vector<Goroutine*>{b}));
  EXPECT_EQ(sema_release(*releaser, far, Handoff::No), NativeStatus::Ok);
  EXPECT_EQ(sema_release(*releaser, m_cell, Handoff::No), NativeStatus::Ok);
  EXPECT_EQ(g_woken, (std::vector<Goroutine*>{b, c, a}));
}

TEST_F(SemaTest, HandoffYieldsTheReleaserOnlyWhenItWokeSomeone) {
  sched::G fake;  // a releaser "on the scheduler": Handoff may yield it
  Goroutine* releaser = new_goroutine();
  releaser->sched_g = &fake;
  EXPECT_EQ(sema_release(*releaser, m_cell, Handoff::Yes), NativeStatus::Ok);  // nobody waited
  EXPECT_EQ(*m_cell, 1u);
  *m_cell = 0;
  Goroutine* a = park_one(m_cell, SemaOrder::Fifo, sched::WaitReason::MutexLock);
  EXPECT_EQ(sema_release(*releaser, m_cell, Handoff::Yes), NativeStatus::Block);
  EXPECT_EQ(releaser->stop.kind, sched::Stop::Yield);
  EXPECT_EQ(g_woken, (std::vector<Goroutine*>{a}));
}

TEST_F(SemaTest, NotifyOneWakesTicketsInOrderAndRemembersEarlyNotifications) {
  NotifyList l{m_cell, m_cell + 2};
  const uint32_t t0 = notify_list_add(l);
  const uint32_t t1 = notify_list_add(l);
  const uint32_t t2 = notify_list_add(l);
  EXPECT_EQ(t1, t0 + 1);
  Goroutine* b = new_goroutine();
  ASSERT_EQ(notify_list_wait(*b, l, t1), NativeStatus::Block);
  finish_park(*b, sched::WaitReason::CondWait);
  Goroutine* a = new_goroutine();
  ASSERT_EQ(notify_list_wait(*a, l, t0), NativeStatus::Block);
  finish_park(*a, sched::WaitReason::CondWait);
  notify_list_notify_one(l);  // ticket t0, whoever holds it
  EXPECT_EQ(g_woken, (std::vector<Goroutine*>{a}));
  notify_list_notify_one(l);
  notify_list_notify_one(l);  // t2's holder has not reached Wait yet
  EXPECT_EQ(g_woken, (std::vector<Goroutine*>{a, b}));
  Goroutine* c = new_goroutine();
  EXPECT_EQ(notify_list_wait(*c, l, t2), NativeStatus::Ok);  // already notified: no park
  notify_list_notify_one(l);  // no ticket outstanding: nothing happens
  EXPECT_EQ(g_woken.size(), 2u);
  EXPECT_EQ(sema_waiters(l.wait), 0);
}

TEST_F(SemaTest, NotifyAllWakesEveryWaiterInTicketOrder) {
  NotifyList l{m_cell, m_cell + 2};
  std::vector<Goroutine*> gs;
  for (int i = 0; i < 5; i++) {
    Goroutine* g = new_goroutine();
    const uint32_t t = notify_list_add(l);
    ASSERT_EQ(notify_list_wait(*g, l, t), NativeStatus::Block);
    finish_park(*g, sched::WaitReason::CondWait);
    gs.push_back(g);
  }
  notify_list_notify_all(l);
  EXPECT_EQ(g_woken, gs);
  EXPECT_EQ(sema_waiters(l.wait), 0);
  // A later waiter waits for a later notification.
  Goroutine* late = new_goroutine();
  EXPECT_EQ(notify_list_wait(*late, l, notify_list_add(l)), NativeStatus::Block);
  finish_park(*late, sched::WaitReason::CondWait);
  notify_list_notify_all(l);
  EXPECT_EQ(g_woken.back(), late);
}

TEST_F(SemaTest, TicketsWrapAround) {
  NotifyList l{m_cell, m_cell + 2};
  *l.wait = 0xffffffffu;
  *l.notify = 0xffffffffu;
  const uint32_t t0 = notify_list_add(l);  // 0xffffffff
  const uint32_t t1 = notify_list_add(l);  // 0
  Goroutine* a = new_goroutine();
  ASSERT_EQ(notify_list_wait(*a, l, t0), NativeStatus::Block);
  finish_park(*a, sched::WaitReason::CondWait);
  notify_list_notify_one(l);
  EXPECT_EQ(g_woken, (std::vector<Goroutine*>{a}));
  Goroutine* b = new_goroutine();
  ASSERT_EQ(notify_list_wait(*b, l, t1), NativeStatus::Block);  // 0 is after 0xffffffff
  finish_park(*b, sched::WaitReason::CondWait);
  notify_list_notify_all(l);
  EXPECT_EQ(g_woken.back(), b);
}

// Parks a goroutine on a semaphore inside an object that nothing else
// references, and leaves a disappearing link to each. noinline: no copy of
// the pointers stays in the test's frame.
[[gnu::noinline]] void park_unreferenced(void** goroutine_link, void** object_link) {
  auto* object = static_cast<uint32_t*>(gc_alloc(64));
  Goroutine* g = new_goroutine();
  EXPECT_EQ(sema_acquire(*g, object + 4, SemaOrder::Fifo, sched::WaitReason::Semacquire), NativeStatus::Block);
  g->stop.unlock(nullptr, g->stop.arg);
  *goroutine_link = reinterpret_cast<void*>(GC_HIDE_POINTER(g));
  *object_link = reinterpret_cast<void*>(GC_HIDE_POINTER(object));
  GC_general_register_disappearing_link(goroutine_link, g);
  GC_general_register_disappearing_link(object_link, object);
}

[[gnu::noinline]] void make_unreferenced(void** link) {
  void* object = gc_alloc(64);
  *link = reinterpret_cast<void*>(GC_HIDE_POINTER(object));
  GC_general_register_disappearing_link(link, object);
}

[[gnu::noinline]] void scrub_stack() {
  volatile char junk[16384];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0;
}

TEST_F(SemaTest, WaitersAndTheirSemaphoresStayVisibleToTheCollector) {
  // The ThreadSanitizer run switches the collector off (GC_DONT_GC=1,
  // STACK.md §4): nothing would be collected, so the test says nothing there.
  if (const char* off = std::getenv("GC_DONT_GC"); off != nullptr && *off != '\0') {
    GTEST_SKIP() << "GC_DONT_GC is set: the collector does not run";
  }
  // The collector is conservative: a stale word may keep any one object
  // alive. So many of each: every waiter (and its semaphore's object) must
  // survive, and most control objects, referenced from nowhere, must not.
  constexpr int kN = 50;
  // The links sit in a pointer-free GC object: they must not keep their
  // objects alive themselves (hidden pointers, but not scanned either).
  auto* links = static_cast<void**>(gc_alloc_atomic(3 * kN * sizeof(void*)));
  for (int i = 0; i < kN; i++) park_unreferenced(&links[2 * i], &links[2 * i + 1]);
  for (int i = 0; i < kN; i++) make_unreferenced(&links[2 * kN + i]);
  scrub_stack();
  for (int i = 0; i < 3; i++) GC_gcollect();
  int collected_controls = 0;
  for (int i = 0; i < kN; i++) {
    EXPECT_NE(links[2 * i], nullptr) << "parked goroutine " << i << " was collected";
    EXPECT_NE(links[2 * i + 1], nullptr) << "the object holding semaphore " << i << " was collected";
    if (links[2 * kN + i] == nullptr) collected_controls++;
  }
  EXPECT_GE(collected_controls, kN / 2) << "unreferenced objects survived: this test cannot tell";
}

}  // namespace
}  // namespace gol::vm
