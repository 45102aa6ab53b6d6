// runq_test.cc — the P-local run queue: order, runnext, overflow, and
// concurrent get/steal losing or duplicating nothing (also run under
// ThreadSanitizer by scripts/test.sh).
#include "sched/runq.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "sched/g.h"

namespace gol::sched {
namespace {

std::vector<G> make_gs(size_t n) {
  std::vector<G> gs(n);
  for (size_t i = 0; i < n; i++) gs[i].goid = static_cast<int64_t>(i + 1);
  return gs;
}

TEST(RunQueue, FifoWithRunnextFirst) {
  auto gs = make_gs(4);
  RunQueue q;
  GList overflow;
  EXPECT_TRUE(q.put(&gs[0], false, &overflow));
  EXPECT_TRUE(q.put(&gs[1], false, &overflow));
  EXPECT_TRUE(q.put(&gs[2], true, &overflow));  // runnext
  EXPECT_TRUE(q.put(&gs[3], true, &overflow));  // kicks gs[2] to the tail
  EXPECT_EQ(q.size(), 4u);
  bool inherit = false;
  EXPECT_EQ(q.get(&inherit), &gs[3]);
  EXPECT_TRUE(inherit);
  EXPECT_EQ(q.get(&inherit), &gs[0]);
  EXPECT_FALSE(inherit);
  EXPECT_EQ(q.get(&inherit), &gs[1]);
  EXPECT_EQ(q.get(&inherit), &gs[2]);
  EXPECT_EQ(q.get(&inherit), nullptr);
  EXPECT_TRUE(q.empty());
}

TEST(RunQueue, OverflowMovesHalfPlusOneToTheGlobalBatch) {
  auto gs = make_gs(RunQueue::kSize + 1);
  RunQueue q;
  GList overflow;
  for (uint32_t i = 0; i < RunQueue::kSize; i++) ASSERT_TRUE(q.put(&gs[i], false, &overflow));
  EXPECT_FALSE(q.put(&gs[RunQueue::kSize], false, &overflow));
  ASSERT_EQ(overflow.size, RunQueue::kSize / 2 + 1);
  // The batch is the oldest half, in order, then the new G.
  int64_t want = 1;
  for (G* g = overflow.head; g != nullptr; g = g->sched_link) {
    if (g == overflow.tail) {
      EXPECT_EQ(g, &gs[RunQueue::kSize]);
    } else {
      EXPECT_EQ(g->goid, want++);
    }
  }
  EXPECT_EQ(q.size(), RunQueue::kSize / 2);
  bool inherit;
  EXPECT_EQ(q.get(&inherit)->goid, static_cast<int64_t>(RunQueue::kSize / 2 + 1));
}

TEST(RunQueue, StealTakesHalf) {
  auto gs = make_gs(10);
  RunQueue victim, thief;
  GList overflow;
  for (auto& g : gs) ASSERT_TRUE(victim.put(&g, false, &overflow));
  G* g = thief.steal(victim, false);
  ASSERT_NE(g, nullptr);
  // 5 taken: one returned to run, four left in the thief's queue.
  EXPECT_EQ(thief.size(), 4u);
  EXPECT_EQ(victim.size(), 5u);
  EXPECT_EQ(g->goid, 5);  // the last of the stolen half
}

TEST(RunQueue, StealTakesRunnextOnlyWhenAllowedAndTheRingIsEmpty) {
  auto gs = make_gs(1);
  RunQueue victim, thief;
  GList overflow;
  ASSERT_TRUE(victim.put(&gs[0], true, &overflow));
  EXPECT_EQ(thief.steal(victim, false), nullptr);
  EXPECT_EQ(thief.steal(victim, true), &gs[0]);
  EXPECT_TRUE(victim.empty());
}

// One owner puts and gets while thieves steal: every G comes out exactly
// once, whoever takes it.
TEST(RunQueue, ConcurrentGetAndStealLoseAndDuplicateNothing) {
  constexpr size_t kGs = 200000;
  constexpr int kThieves = 3;
  auto gs = make_gs(kGs);
  RunQueue owner;
  std::vector<RunQueue> thieves(kThieves);
  std::vector<std::vector<int64_t>> taken(kThieves + 1);
  std::atomic<bool> done{false};
  std::vector<G*> global;  // overflow batches, owner thread only

  std::vector<std::thread> threads;
  for (int t = 0; t < kThieves; t++) {
    threads.emplace_back([&, t] {
      bool inherit;
      while (!done.load(std::memory_order_acquire) || !owner.empty()) {
        if (G* g = thieves[t].steal(owner, (t & 1) != 0)) {
          taken[t].push_back(g->goid);
          while (G* h = thieves[t].get(&inherit)) taken[t].push_back(h->goid);
        }
      }
    });
  }
  bool inherit;
  for (size_t i = 0; i < kGs; i++) {
    GList overflow;
    if (!owner.put(&gs[i], i % 7 == 0, &overflow)) {
      for (G* g = overflow.head; g != nullptr; g = g->sched_link) global.push_back(g);
    }
    if (i % 3 == 0) {
      if (G* g = owner.get(&inherit)) taken[kThieves].push_back(g->goid);
    }
  }
  while (G* g = owner.get(&inherit)) taken[kThieves].push_back(g->goid);
  done.store(true, std::memory_order_release);
  for (auto& th : threads) th.join();
  for (G* g : global) taken[kThieves].push_back(g->goid);

  std::set<int64_t> seen;
  size_t total = 0;
  for (const auto& list : taken) {
    for (int64_t id : list) {
      EXPECT_TRUE(seen.insert(id).second) << "goroutine " << id << " taken twice";
      total++;
    }
  }
  EXPECT_EQ(total, kGs);
  EXPECT_EQ(seen.size(), kGs);
}

}  // namespace
}  // namespace gol::sched
