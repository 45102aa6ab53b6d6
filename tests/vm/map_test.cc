// map_test.cc — Go's map semantics: lookups, overwrites, deletes, growth,
// NaN keys, interface keys, and the iteration rules (random start, deleted
// entries never produced, inserts during the loop allowed, rebuilds during
// the loop neither repeat nor lose entries).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "vm/runtime.h"

namespace gol::vm {
namespace {

class MapTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_init(); }
  TypeTable& tt = TypeTable::get();
  const Type* int_t = tt.basic(Kind::Int);
  const Type* str_t = tt.basic(Kind::String);
  const Type* f64 = tt.basic(Kind::Float64);
  const Type* bad = nullptr;

  // map[int]int helpers.
  void set_ii(Map* m, int64_t k, int64_t v) {
    Slot key{.i = k};
    Slot* slot = map_assign(m, &key, &bad);
    ASSERT_NE(slot, nullptr);
    slot->i = v;
  }
  const Slot* get_ii(const Map* m, int64_t k) {
    Slot key{.i = k};
    return map_find(m, &key, &bad);
  }
  void del_ii(Map* m, int64_t k) {
    Slot key{.i = k};
    map_delete(m, &key, &bad);
  }
  // Every (key, value) of a map[int]int, in iteration order.
  std::vector<std::pair<int64_t, int64_t>> entries_ii(Map* m) {
    std::vector<std::pair<int64_t, int64_t>> out;
    MapIter* it = map_iter_new(m);
    const Slot *k, *v;
    while (map_iter_next(it, &k, &v)) out.emplace_back(k->i, v->i);
    return out;
  }
};

// Keeps string keys' bytes alive and addressable (made by make_string so
// they live on the GC heap as a program's strings do).
Slot* str_key(Slot* slots, std::string_view s) {
  StringHeader h = make_string(s);
  slots[0].cp = h.data;
  slots[1].i = h.len;
  return slots;
}

TEST_F(MapTest, InsertFindOverwriteDelete) {
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  EXPECT_EQ(map_len(m), 0);
  EXPECT_EQ(get_ii(m, 1), nullptr);
  set_ii(m, 1, 10);
  set_ii(m, 2, 20);
  EXPECT_EQ(map_len(m), 2);
  ASSERT_NE(get_ii(m, 1), nullptr);
  EXPECT_EQ(get_ii(m, 1)->i, 10);
  set_ii(m, 1, 11);
  EXPECT_EQ(map_len(m), 2);
  EXPECT_EQ(get_ii(m, 1)->i, 11);
  del_ii(m, 1);
  EXPECT_EQ(map_len(m), 1);
  EXPECT_EQ(get_ii(m, 1), nullptr);
  del_ii(m, 1);  // deleting a missing key is a no-op
  del_ii(m, 99);
  EXPECT_EQ(map_len(m), 1);
  set_ii(m, 1, 12);  // re-insert after delete
  EXPECT_EQ(get_ii(m, 1)->i, 12);
  EXPECT_EQ(get_ii(m, 2)->i, 20);
  EXPECT_EQ(map_len(m), 2);
  // A new key's value starts at zero.
  Slot key{.i = 3};
  EXPECT_EQ(map_assign(m, &key, &bad)->i, 0);
}

TEST_F(MapTest, NilMapReads) {
  EXPECT_EQ(map_len(nullptr), 0);
  Slot key{.i = 1};
  EXPECT_EQ(map_find(nullptr, &key, &bad), nullptr);
  map_delete(nullptr, &key, &bad);
  const Slot *k, *v;
  EXPECT_FALSE(map_iter_next(map_iter_new(nullptr), &k, &v));
  map_clear(nullptr);
}

TEST_F(MapTest, HundredThousandIntKeys) {
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  constexpr int64_t kN = 100000;
  for (int64_t i = 0; i < kN; i++) set_ii(m, i * 7919, i);
  EXPECT_EQ(map_len(m), kN);
  for (int64_t i = 0; i < kN; i++) {
    const Slot* v = get_ii(m, i * 7919);
    ASSERT_NE(v, nullptr) << i;
    ASSERT_EQ(v->i, i);
  }
  EXPECT_EQ(get_ii(m, 1), nullptr);
  for (int64_t i = 0; i < kN; i += 2) del_ii(m, i * 7919);
  EXPECT_EQ(map_len(m), kN / 2);
  for (int64_t i = 0; i < kN; i++) ASSERT_EQ(get_ii(m, i * 7919) != nullptr, i % 2 == 1) << i;
  auto all = entries_ii(m);
  EXPECT_EQ(static_cast<int64_t>(all.size()), kN / 2);
  std::set<int64_t> keys;
  for (auto& [k, v] : all) {
    keys.insert(k);
    EXPECT_EQ(k, v * 7919);
  }
  EXPECT_EQ(static_cast<int64_t>(keys.size()), kN / 2);
}

TEST_F(MapTest, HundredThousandStringKeys) {
  Map* m = map_new(tt.map_of(str_t, int_t), 0);
  constexpr int kN = 100000;
  for (int i = 0; i < kN; i++) {
    Slot k[2];
    Slot* v = map_assign(m, str_key(k, "word" + std::to_string(i)), &bad);
    v->i += i;
  }
  // Counting, word-frequency style: a second pass increments.
  for (int i = 0; i < kN; i += 3) {
    Slot k[2];
    map_assign(m, str_key(k, "word" + std::to_string(i)), &bad)->i += 1;
  }
  EXPECT_EQ(map_len(m), kN);
  GC_gcollect();  // keys must survive a collection (entries are scanned)
  for (int i = 0; i < kN; i++) {
    Slot k[2];
    const Slot* v = map_find(m, str_key(k, "word" + std::to_string(i)), &bad);
    ASSERT_NE(v, nullptr) << i;
    ASSERT_EQ(v->i, i + (i % 3 == 0 ? 1 : 0));
  }
  Slot k[2];
  EXPECT_EQ(map_find(m, str_key(k, "word"), &bad), nullptr);
  EXPECT_EQ(map_find(m, str_key(k, ""), &bad), nullptr);
  map_assign(m, str_key(k, ""), &bad)->i = 5;
  EXPECT_EQ(map_find(m, str_key(k, ""), &bad)->i, 5);
}

TEST_F(MapTest, HintPreallocates) {
  Map* m = map_new(tt.map_of(int_t, int_t), 1000);
  for (int64_t i = 0; i < 1000; i++) set_ii(m, i, i);
  EXPECT_EQ(map_len(m), 1000);
  for (int64_t i = 0; i < 1000; i++) ASSERT_EQ(get_ii(m, i)->i, i);
}

TEST_F(MapTest, ChurnKeepsWorking) {
  // Many inserts and deletes on a small live set: compaction without growth.
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  for (int64_t i = 0; i < 50000; i++) {
    set_ii(m, i, i);
    if (i >= 10) del_ii(m, i - 10);
  }
  EXPECT_EQ(map_len(m), 10);
  for (int64_t i = 49990; i < 50000; i++) EXPECT_EQ(get_ii(m, i)->i, i);
  EXPECT_EQ(entries_ii(m).size(), 10u);
}

TEST_F(MapTest, NaNKeys) {
  Map* m = map_new(tt.map_of(f64, int_t), 0);
  Slot nan{.f = std::nan("")};
  for (int i = 0; i < 3; i++) map_assign(m, &nan, &bad)->i = i;
  // Every NaN is a new key, and none can be found again.
  EXPECT_EQ(map_len(m), 3);
  EXPECT_EQ(map_find(m, &nan, &bad), nullptr);
  map_delete(m, &nan, &bad);
  EXPECT_EQ(map_len(m), 3);
  int seen = 0;
  MapIter* it = map_iter_new(m);
  const Slot *k, *v;
  while (map_iter_next(it, &k, &v)) {
    EXPECT_TRUE(std::isnan(k->f));
    seen++;
  }
  EXPECT_EQ(seen, 3);
  // +0 and -0 are one key; the stored key is the last one assigned (as Go).
  Slot pz{.f = 0.0}, nz{.f = -0.0};
  map_assign(m, &pz, &bad)->i = 1;
  map_assign(m, &nz, &bad)->i = 2;
  EXPECT_EQ(map_len(m), 4);
  EXPECT_EQ(map_find(m, &pz, &bad)->i, 2);
  map_clear(m);
  EXPECT_EQ(map_len(m), 0);
}

TEST_F(MapTest, StructAndInterfaceKeys) {
  const Type* point = tt.struct_of({{"X", int_t, false, ""}, {"Name", str_t, false, ""}}, "main");
  Map* m = map_new(tt.map_of(point, int_t), 0);
  Slot p[3] = {{.i = 1}, {}, {}};
  str_key(p + 1, "a");
  map_assign(m, p, &bad)->i = 7;
  Slot q[3] = {{.i = 1}, {}, {}};
  str_key(q + 1, "a");
  ASSERT_NE(map_find(m, q, &bad), nullptr);
  EXPECT_EQ(map_find(m, q, &bad)->i, 7);
  q[0].i = 2;
  EXPECT_EQ(map_find(m, q, &bad), nullptr);

  const Type* any = tt.empty_interface();
  Map* mi = map_new(tt.map_of(any, int_t), 0);
  Slot one{.i = 1};
  Iface a = make_iface(int_t, &one);
  Iface b = make_iface(tt.basic(Kind::Int64), &one);
  Slot ka[2] = {{.cp = a.type}, a.data}, kb[2] = {{.cp = b.type}, b.data};
  map_assign(mi, ka, &bad)->i = 10;
  map_assign(mi, kb, &bad)->i = 20;
  EXPECT_EQ(map_len(mi), 2);
  EXPECT_EQ(map_find(mi, ka, &bad)->i, 10);
  EXPECT_EQ(map_find(mi, kb, &bad)->i, 20);
  // A slice inside an interface key: hash of unhashable type.
  Slot sv[3] = {};
  Iface s = make_iface(tt.slice_of(int_t), sv);
  Slot ks[2] = {{.cp = s.type}, s.data};
  EXPECT_EQ(map_assign(mi, ks, &bad), nullptr);
  EXPECT_EQ(bad, s.type);
  EXPECT_EQ(map_len(mi), 2);
  bad = nullptr;
  EXPECT_EQ(map_find(mi, ks, &bad), nullptr);
  EXPECT_EQ(bad, s.type);
  // Even on an empty map (Go hashes the key first).
  Map* empty = map_new(tt.map_of(any, int_t), 0);
  bad = nullptr;
  EXPECT_EQ(map_find(empty, ks, &bad), nullptr);
  EXPECT_EQ(bad, s.type);
  // Successful operations leave bad null.
  map_find(mi, ka, &bad);
  EXPECT_EQ(bad, nullptr);
}

TEST_F(MapTest, IterationVisitsEveryEntryOnce) {
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  for (int64_t i = 0; i < 1000; i++) set_ii(m, i, -i);
  auto all = entries_ii(m);
  ASSERT_EQ(all.size(), 1000u);
  std::set<int64_t> keys;
  for (auto& [k, v] : all) {
    EXPECT_EQ(v, -k);
    keys.insert(k);
  }
  EXPECT_EQ(keys.size(), 1000u);
}

TEST_F(MapTest, IterationOrderIsRandomized) {
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  for (int64_t i = 0; i < 50; i++) set_ii(m, i, i);
  std::set<std::vector<std::pair<int64_t, int64_t>>> orders;
  for (int i = 0; i < 20; i++) orders.insert(entries_ii(m));
  EXPECT_GT(orders.size(), 1u);
}

TEST_F(MapTest, DeleteDuringIteration) {
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  for (int64_t i = 0; i < 100; i++) set_ii(m, i, i);
  std::set<int64_t> deleted, seen;
  MapIter* it = map_iter_new(m);
  const Slot *k, *v;
  while (map_iter_next(it, &k, &v)) {
    int64_t key = k->i;
    EXPECT_FALSE(deleted.count(key)) << key;
    EXPECT_TRUE(seen.insert(key).second) << key;
    // Delete two entries not yet seen (if any): they must never appear.
    for (int64_t d = 0; d < 100 && deleted.size() < 2 * seen.size(); d++) {
      if (!seen.count(d) && !deleted.count(d)) {
        del_ii(m, d);
        deleted.insert(d);
      }
    }
  }
  EXPECT_EQ(seen.size() + deleted.size(), 100u);
  EXPECT_EQ(map_len(m), static_cast<int64_t>(100 - deleted.size()));
}

TEST_F(MapTest, DeleteCurrentDuringIteration) {
  // for k := range m { delete(m, k) } empties the map.
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  for (int64_t i = 0; i < 500; i++) set_ii(m, i, i);
  MapIter* it = map_iter_new(m);
  const Slot *k, *v;
  int n = 0;
  while (map_iter_next(it, &k, &v)) {
    del_ii(m, k->i);
    n++;
  }
  EXPECT_EQ(n, 500);
  EXPECT_EQ(map_len(m), 0);
}

TEST_F(MapTest, InsertDuringIterationWithGrowth) {
  // Inserting during the loop forces several rebuilds; every original entry
  // is produced exactly once, new ones at most once, and the loop ends.
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  for (int64_t i = 0; i < 100; i++) set_ii(m, i, i);
  std::map<int64_t, int> seen;
  MapIter* it = map_iter_new(m);
  const Slot *k, *v;
  int64_t next = 1000;
  while (map_iter_next(it, &k, &v)) {
    seen[k->i]++;
    for (int j = 0; j < 20; j++) set_ii(m, next++, 0);
  }
  for (int64_t i = 0; i < 100; i++) EXPECT_EQ(seen[i], 1) << i;
  for (auto& [key, count] : seen) EXPECT_EQ(count, 1) << key;
  EXPECT_EQ(map_len(m), 100 + (next - 1000));
}

TEST_F(MapTest, DeleteAndInsertDuringIterationAcrossRebuilds) {
  // Deletes create tombstones, inserts trigger compactions and growth while
  // the iterator is mid-way: deleted keys never appear, survivors exactly once.
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  constexpr int64_t kN = 300;
  for (int64_t i = 0; i < kN; i++) set_ii(m, i, i);
  std::set<int64_t> deleted;
  std::map<int64_t, int> seen;
  MapIter* it = map_iter_new(m);
  const Slot *k, *v;
  int64_t next = 10000;
  int64_t victim = 0;
  while (map_iter_next(it, &k, &v)) {
    EXPECT_FALSE(deleted.count(k->i)) << k->i;
    seen[k->i]++;
    // Delete the next original key not yet seen, then insert a few.
    while (victim < kN && (seen.count(victim) || deleted.count(victim))) victim++;
    if (victim < kN) {
      del_ii(m, victim);
      deleted.insert(victim);
    }
    for (int j = 0; j < 7; j++) set_ii(m, next++, 0);
    for (int j = 0; j < 5; j++) del_ii(m, next - 1 - j * 2);
  }
  for (auto& [key, count] : seen) EXPECT_EQ(count, 1) << key;
  for (int64_t i = 0; i < kN; i++) EXPECT_TRUE(seen.count(i) != deleted.count(i)) << i;
}

TEST_F(MapTest, ClearDuringIteration) {
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  for (int64_t i = 0; i < 100; i++) set_ii(m, i, i);
  MapIter* it = map_iter_new(m);
  const Slot *k, *v;
  ASSERT_TRUE(map_iter_next(it, &k, &v));
  map_clear(m);
  EXPECT_EQ(map_len(m), 0);
  EXPECT_FALSE(map_iter_next(it, &k, &v));
  // The map is usable after clear.
  set_ii(m, 5, 50);
  EXPECT_EQ(get_ii(m, 5)->i, 50);
  EXPECT_EQ(get_ii(m, 6), nullptr);
  EXPECT_EQ(entries_ii(m).size(), 1u);
}

TEST_F(MapTest, AbandonedIteratorsAreHarmless) {
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  for (int64_t i = 0; i < 100; i++) set_ii(m, i, i);
  for (int round = 0; round < 100; round++) {
    MapIter* it = map_iter_new(m);
    const Slot *k, *v;
    ASSERT_TRUE(map_iter_next(it, &k, &v));
  }
  EXPECT_EQ(entries_ii(m).size(), 100u);
}

TEST_F(MapTest, RandomOperationsMatchAModel) {
  // Random inserts, deletes and loops that mutate as they go, checked against
  // std::map: lookups agree, and every loop produces each entry that lived
  // through the whole loop exactly once, and nothing that was absent when
  // produced.
  Map* m = map_new(tt.map_of(int_t, int_t), 0);
  std::map<int64_t, int64_t> model;
  uint64_t state = 12345;
  auto rnd = [&state](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  for (int round = 0; round < 300; round++) {
    int ops = static_cast<int>(rnd(200));
    for (int i = 0; i < ops; i++) {
      int64_t k = static_cast<int64_t>(rnd(500));
      if (rnd(3) == 0) {
        del_ii(m, k);
        model.erase(k);
      } else {
        set_ii(m, k, k * 3 + round);
        model[k] = k * 3 + round;
      }
    }
    ASSERT_EQ(map_len(m), static_cast<int64_t>(model.size()));
    for (int64_t k = 0; k < 500; k++) {
      const Slot* v = get_ii(m, k);
      auto it = model.find(k);
      ASSERT_EQ(v != nullptr, it != model.end()) << k;
      if (v != nullptr) {
        ASSERT_EQ(v->i, it->second);
      }
    }
    // A loop that mutates.
    std::set<int64_t> survivors;
    for (auto& [k, v] : model) survivors.insert(k);
    std::map<int64_t, int> produced;
    MapIter* it = map_iter_new(m);
    const Slot *kp, *vp;
    while (map_iter_next(it, &kp, &vp)) {
      int64_t k = kp->i;
      ASSERT_TRUE(model.count(k)) << "produced an absent key " << k;
      ASSERT_EQ(vp->i, model[k]);
      produced[k]++;
      int mutations = static_cast<int>(rnd(4));
      for (int j = 0; j < mutations; j++) {
        int64_t x = static_cast<int64_t>(rnd(500));
        if (rnd(2) == 0) {
          del_ii(m, x);
          model.erase(x);
          survivors.erase(x);
        } else {
          set_ii(m, x, x * 3 + round);
          model[x] = x * 3 + round;
        }
      }
      if (rnd(500) == 0) {
        map_clear(m);
        model.clear();
        survivors.clear();
      }
    }
    for (auto& [k, n] : produced) ASSERT_EQ(n, 1) << k;
    for (int64_t k : survivors) ASSERT_EQ(produced.count(k), 1u) << k;
  }
}

TEST_F(MapTest, MultiSlotValuesAndZeroSizeKeys) {
  const Type* s3 = tt.slice_of(int_t);
  Map* m = map_new(tt.map_of(str_t, s3), 0);
  Slot k[2];
  Slot* v = map_assign(m, str_key(k, "xs"), &bad);
  v[0].p = gc_alloc_atomic(8);
  v[1].i = 1;
  v[2].i = 1;
  const Slot* got = map_find(m, str_key(k, "xs"), &bad);
  EXPECT_EQ(got[1].i, 1);
  EXPECT_EQ(got[2].i, 1);

  const Type* empty = tt.struct_of({}, "main");
  Map* z = map_new(tt.map_of(empty, int_t), 0);
  Slot none{.u = 0};
  map_assign(z, &none, &bad)->i = 3;
  map_assign(z, &none, &bad)->i = 4;
  EXPECT_EQ(map_len(z), 1);
  EXPECT_EQ(map_find(z, &none, &bad)->i, 4);
}

}  // namespace
}  // namespace gol::vm
