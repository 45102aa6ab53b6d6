// globrunq_test.cc — the global run queue: FIFO batches, and get taking a
// fair share into the local queue.
#include "sched/globrunq.h"

#include <gtest/gtest.h>

#include <vector>

#include "sched/g.h"

namespace gol::sched {
namespace {

TEST(GlobalRunQueue, GetTakesAFairShareIntoTheLocalQueue) {
  std::vector<G> gs(40);
  for (size_t i = 0; i < gs.size(); i++) gs[i].goid = static_cast<int64_t>(i + 1);
  GlobalRunQueue q;
  for (auto& g : gs) q.put(&g);
  EXPECT_EQ(q.size(), 40u);
  RunQueue local;
  // 4 Ps: 40/4 + 1 = 11 taken: one to run, ten into the local queue.
  G* g = q.get(local, 4, 0);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->goid, 1);
  EXPECT_EQ(local.size(), 10u);
  EXPECT_EQ(q.size(), 29u);
  bool inherit;
  EXPECT_EQ(local.get(&inherit)->goid, 2);
  // max bounds the batch (Go's globrunqget(pp, 1) on the 61st tick).
  RunQueue other;
  EXPECT_EQ(q.get(other, 4, 1)->goid, 12);
  EXPECT_TRUE(other.empty());
}

TEST(GlobalRunQueue, BatchesKeepTheirOrder) {
  std::vector<G> gs(5);
  for (size_t i = 0; i < gs.size(); i++) gs[i].goid = static_cast<int64_t>(i + 1);
  GlobalRunQueue q;
  q.put(&gs[0]);
  GList batch{&gs[1], &gs[3], 3};
  gs[1].sched_link = &gs[2];
  gs[2].sched_link = &gs[3];
  q.put_batch(batch);
  q.put(&gs[4]);
  RunQueue local;
  std::vector<int64_t> order;
  while (G* g = q.get(local, 1, 1)) order.push_back(g->goid);
  EXPECT_EQ(order, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(q.get(local, 1, 0), nullptr);
}

}  // namespace
}  // namespace gol::sched
