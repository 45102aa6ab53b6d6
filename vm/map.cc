// map.cc — Go's maps: a hash table on the GC heap, keys and values in slot form.
//
// The core idea: an insertion-ordered entry array plus an open-addressing
// index (the layout of CPython's and PyPy's dicts). Entries are appended to a
// dense array — [meta][key slots][value slots] each — and never move while the
// array lives; the index is a power-of-two table of 64-bit words, probed
// linearly, each naming an entry (low 32 bits: entry + 2; 0 empty, 1 deleted)
// and carrying the top 32 bits of its hash as a tag, so a probe touches an
// entry only when the tag matches. A deleted entry keeps its place in the
// array with meta 0 (its slots zeroed, so the collector lets go of what it
// referenced); the index word becomes a tombstone. Every index word names an
// array position, so the index is at most half full (it has twice the array's
// capacity) and needs no rehash of its own. When the array is full it is
// rebuilt: live entries are copied, in order, to a new array (twice as big
// unless at least half of the old one was deleted).
//
// Keys are hashed and compared by a strategy fixed when the map is made:
// one-slot integer-like keys as words, strings by bytes, everything else
// through the type walk of equal.cc (floats, interfaces, structs, arrays).
// Each map has its own random seed (hash flooding, and no two maps iterate
// alike).
//
// Iteration, with Go's rules: it starts at a random entry and wraps around,
// so each range loop sees a rotation of the insertion order; an entry
// deleted before the loop reaches it has meta 0 and is skipped; an entry
// added during the loop lands past the end the loop noted when it began and
// is not produced (Go allows either; producing them would let a loop that
// inserts as it goes run forever, which Go's loops never do). A rebuild during a loop must not make the
// loop repeat or miss an entry, so entry arrays hang off small scanned
// headers (EntryBlock) that a rebuild links to their successor: the old
// array is left as it was, except that each meta becomes "moved to position
// k" (k + 1) or 0 for deleted entries. An iterator whose block has been
// forwarded translates its positions (pos, start, end: each becomes the new
// position of the next entry that was live) and continues in the new array;
// chains of several rebuilds are followed one link at a time. Iterators and blocks are GC objects, so an abandoned
// loop costs nothing.
//
// Memory: the Map header and EntryBlocks are scanned; an entry array is
// scanned only when its keys or values hold pointers (map[int]int's entries
// are atomic); the index is atomic.
//
// Lives elsewhere: nil-map reads and the nil-map write panic (interpreter),
// hashing and equality of generic keys (equal.cc).
//
// Rejected: Go's bucket array with incremental evacuation (its iterator must
// cope with half-evacuated tables: much more code for the same guarantees);
// Swiss tables (faster probes, but deletion during iteration and in-order
// rebuilds are harder to get right, and the entry array is what makes Go's
// iteration rules simple here).
#include <cstring>

#include "vm/runtime.h"

namespace gol::vm {

namespace {

enum class KeyKind : uint8_t {
  Word,     // one slot compared as a 64-bit word: ints, bools, pointers, chans
  String,   // (data, len) compared by bytes
  Generic,  // hash_value / values_equal
};

constexpr uint64_t kIndexEmpty = 0;
constexpr uint64_t kIndexDeleted = 1;
constexpr int64_t kMinCapacity = 8;
// Preallocation from make's hint stops here; beyond it the map grows as used.
constexpr int64_t kMaxHintCapacity = int64_t{1} << 24;
// Index words keep the entry number in 32 bits.
constexpr int64_t kMaxEntries = (int64_t{1} << 32) - 4;

}  // namespace

// An entry array and its forwarding state. Scanned (gc_alloc).
struct EntryBlock {
  EntryBlock* forward;   // the array that replaced this one; null while current
  Slot* entries;         // capacity × entry_slots slots
  int64_t used_at_move;  // entries this array held when it was replaced
  int64_t moved;         // live entries carried to `forward`
};

struct Map {
  const Type* key_type;
  const Type* elem_type;
  KeyKind kind;
  bool entries_scanned;  // keys or values hold pointers
  uint32_t key_slots;
  uint32_t value_slots;
  uint32_t entry_slots;  // 1 + key_slots + value_slots
  uint64_t seed;
  int64_t count;         // live entries
  int64_t used;          // entries appended to the current array, live or deleted
  int64_t capacity;      // entries the current array holds; 0 before the first insert
  EntryBlock* block;     // null before the first insert
  Slot* entries;         // block->entries, cached
  uint64_t* index;       // index_mask + 1 words
  uint64_t index_mask;
};

struct MapIter {
  Map* map;
  EntryBlock* block;  // null when finished
  int64_t pos;        // next entry to look at, in block's numbering
  int64_t start;      // where the loop began
  int64_t end;        // entries the array held when the loop began
  bool wrapped;       // first pass: [start, end); second pass: [0, start)
};

namespace {

KeyKind key_kind(const Type* k) {
  switch (k->kind) {
    case Kind::Bool: case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32:
    case Kind::Int64: case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32:
    case Kind::Uint64: case Kind::Uintptr: case Kind::Pointer: case Kind::Chan:
    case Kind::UnsafePointer:
      return KeyKind::Word;
    case Kind::String: return KeyKind::String;
    default: return KeyKind::Generic;
  }
}

inline Slot* entry_at(Slot* entries, uint32_t entry_slots, int64_t i) {
  return entries + i * static_cast<int64_t>(entry_slots);
}

// The low bit is always set, so a live entry's meta is never 0.
template <KeyKind K>
inline uint64_t key_hash(const Map* m, const Slot* key, const Type** bad) {
  if constexpr (K == KeyKind::Word) {
    return hash_word(key->u, m->seed) | 1;
  } else if constexpr (K == KeyKind::String) {
    return hash_bytes(key[0].cp, static_cast<size_t>(key[1].i), m->seed) | 1;
  } else {
    return hash_value(m->key_type, key, m->seed, bad) | 1;
  }
}

template <KeyKind K>
inline bool key_equal(const Map* m, const Slot* a, const Slot* b) {
  if constexpr (K == KeyKind::Word) {
    return a->u == b->u;
  } else if constexpr (K == KeyKind::String) {
    return a[1].i == b[1].i &&
           (a[0].cp == b[0].cp || a[1].i == 0 || std::memcmp(a[0].cp, b[0].cp, static_cast<size_t>(a[1].i)) == 0);
  } else {
    // The probe key hashed without error, so every dynamic type in it is
    // comparable: equality cannot fail here.
    const Type* bad = nullptr;
    return values_equal(m->key_type, a, b, &bad);
  }
}

inline uint64_t index_word(uint64_t h, int64_t entry) {
  return (h & 0xFFFFFFFF00000000ULL) | static_cast<uint64_t>(entry + 2);
}

// Probes for key (hash h). Returns its entry number or -1; *slot receives the
// index position where it would be inserted (the first tombstone on the way,
// else the empty word that ended the probe).
template <KeyKind K>
int64_t probe(const Map* m, const Slot* key, uint64_t h, uint64_t* slot) {
  uint64_t i = h & m->index_mask;
  uint64_t tag = h & 0xFFFFFFFF00000000ULL;
  uint64_t first_free = UINT64_MAX;
  while (true) {
    uint64_t w = m->index[i];
    if (w == kIndexEmpty) {
      *slot = first_free != UINT64_MAX ? first_free : i;
      return -1;
    }
    if (w == kIndexDeleted) {
      if (first_free == UINT64_MAX) first_free = i;
    } else if ((w & 0xFFFFFFFF00000000ULL) == tag) {
      int64_t e = static_cast<int64_t>(w & 0xFFFFFFFF) - 2;
      if (key_equal<K>(m, entry_at(m->entries, m->entry_slots, e) + 1, key)) {
        *slot = i;
        return e;
      }
    }
    i = (i + 1) & m->index_mask;
  }
}

// Places entry e (hash h, known absent) in the index.
void index_insert(Map* m, uint64_t h, int64_t e) {
  uint64_t i = h & m->index_mask;
  while (m->index[i] != kIndexEmpty && m->index[i] != kIndexDeleted) i = (i + 1) & m->index_mask;
  m->index[i] = index_word(h, e);
}

Slot* alloc_entries(const Map* m, int64_t capacity) {
  size_t bytes = static_cast<size_t>(capacity) * m->entry_slots * sizeof(Slot);
  return static_cast<Slot*>(m->entries_scanned ? gc_alloc(bytes) : gc_alloc_atomic(bytes));
}

// Replaces the entry array with a new one of `capacity` holding the live
// entries in order, and forwards the old block (see the header comment).
void rebuild(Map* m, int64_t capacity) {
  auto* block = static_cast<EntryBlock*>(gc_alloc(sizeof(EntryBlock)));
  block->entries = alloc_entries(m, capacity);
  uint64_t index_size = static_cast<uint64_t>(capacity) * 2;
  auto* index = static_cast<uint64_t*>(gc_alloc_atomic(index_size * sizeof(uint64_t)));
  EntryBlock* old = m->block;
  Slot* old_entries = m->entries;
  int64_t old_used = m->used;

  m->block = block;
  m->entries = block->entries;
  m->capacity = capacity;
  m->index = index;
  m->index_mask = index_size - 1;
  int64_t n = 0;
  for (int64_t i = 0; i < old_used; i++) {
    Slot* from = entry_at(old_entries, m->entry_slots, i);
    if (from[0].u == 0) continue;
    Slot* to = entry_at(m->entries, m->entry_slots, n);
    copy_slots(to, from, m->entry_slots);
    index_insert(m, from[0].u, n);
    from[0].u = static_cast<uint64_t>(n + 1);  // moved to n
    n++;
  }
  m->used = n;
  if (old != nullptr) {
    old->used_at_move = old_used;
    old->moved = n;
    old->forward = block;  // last: the old metas are now positions
  }
}

void reserve_for_insert(Map* m) {
  if (m->used < m->capacity) return;
  int64_t capacity = m->capacity == 0 ? kMinCapacity : m->capacity;
  // Grow unless at least half of the array is deleted entries.
  if (m->count >= m->capacity / 2) capacity *= 2;
  if (capacity > kMaxEntries) GOL_THROW("map too large");
  rebuild(m, capacity);
}

template <KeyKind K>
const Slot* find(const Map* m, const Slot* key, const Type** bad) {
  uint64_t h = key_hash<K>(m, key, bad);
  if constexpr (K == KeyKind::Generic) {
    if (*bad) return nullptr;
  }
  uint64_t slot;
  int64_t e = probe<K>(m, key, h, &slot);
  if (e < 0) return nullptr;
  return entry_at(m->entries, m->entry_slots, e) + 1 + m->key_slots;
}

template <KeyKind K>
Slot* assign(Map* m, const Slot* key, const Type** bad) {
  uint64_t h = key_hash<K>(m, key, bad);
  if constexpr (K == KeyKind::Generic) {
    if (*bad) return nullptr;
  }
  uint64_t slot = 0;
  if (m->count > 0) {
    int64_t e = probe<K>(m, key, h, &slot);
    if (e >= 0) {
      Slot* entry = entry_at(m->entries, m->entry_slots, e);
      // Go stores the new key too where keys equal without being identical
      // (+0 and -0, strings that no longer need the old bytes).
      if constexpr (K != KeyKind::Word) copy_slots(entry + 1, key, m->key_slots);
      return entry + 1 + m->key_slots;
    }
  }
  if (m->used == m->capacity) {
    reserve_for_insert(m);
    probe<K>(m, key, h, &slot);
  } else if (m->count == 0) {
    probe<K>(m, key, h, &slot);
  }
  int64_t e = m->used++;
  Slot* entry = entry_at(m->entries, m->entry_slots, e);
  entry[0].u = h;
  copy_slots(entry + 1, key, m->key_slots);
  m->index[slot] = index_word(h, e);
  m->count++;
  return entry + 1 + m->key_slots;
}

template <KeyKind K>
void remove(Map* m, const Slot* key, const Type** bad) {
  uint64_t h = key_hash<K>(m, key, bad);
  if constexpr (K == KeyKind::Generic) {
    if (*bad) return;
  }
  uint64_t slot;
  int64_t e = probe<K>(m, key, h, &slot);
  if (e < 0) return;
  Slot* entry = entry_at(m->entries, m->entry_slots, e);
  std::memset(entry, 0, m->entry_slots * sizeof(Slot));
  m->index[slot] = kIndexDeleted;
  m->count--;
}

// The position in old's successor of the first entry at or after pos that
// was live when old was replaced.
int64_t forward_position(const Map* m, const EntryBlock* old, int64_t pos) {
  for (int64_t i = pos; i < old->used_at_move; i++) {
    uint64_t meta = entry_at(old->entries, m->entry_slots, i)[0].u;
    if (meta != 0) return static_cast<int64_t>(meta) - 1;
  }
  return old->moved;
}

}  // namespace

// ------------------------------------------------------------ the API

Map* map_new(const Type* map_type, int64_t hint) {
  auto* m = static_cast<Map*>(gc_alloc(sizeof(Map)));
  m->key_type = map_type->key;
  m->elem_type = map_type->elem;
  m->kind = key_kind(map_type->key);
  m->entries_scanned = map_type->key->has_pointers || map_type->elem->has_pointers;
  m->key_slots = map_type->key->slots;
  m->value_slots = map_type->elem->slots;
  m->entry_slots = 1 + m->key_slots + m->value_slots;
  m->seed = fast_rand();
  if (hint > kMinCapacity) {
    int64_t capacity = kMinCapacity;
    while (capacity < hint && capacity < kMaxHintCapacity) capacity *= 2;
    rebuild(m, capacity);
  }
  return m;
}

int64_t map_len(const Map* m) { return m == nullptr ? 0 : m->count; }

const Slot* map_find(const Map* m, const Slot* key, const Type** bad) {
  *bad = nullptr;
  if (m == nullptr || m->count == 0) {
    // Go hashes the key even for an empty map, so m[[]int-in-interface]
    // panics whatever the map holds.
    if (m != nullptr && m->kind == KeyKind::Generic) hash_value(m->key_type, key, 0, bad);
    return nullptr;
  }
  switch (m->kind) {
    case KeyKind::Word: return find<KeyKind::Word>(m, key, bad);
    case KeyKind::String: return find<KeyKind::String>(m, key, bad);
    case KeyKind::Generic: return find<KeyKind::Generic>(m, key, bad);
  }
  return nullptr;
}

Slot* map_assign(Map* m, const Slot* key, const Type** bad) {
  *bad = nullptr;
  switch (m->kind) {
    case KeyKind::Word: return assign<KeyKind::Word>(m, key, bad);
    case KeyKind::String: return assign<KeyKind::String>(m, key, bad);
    case KeyKind::Generic: return assign<KeyKind::Generic>(m, key, bad);
  }
  return nullptr;
}

void map_delete(Map* m, const Slot* key, const Type** bad) {
  *bad = nullptr;
  if (m == nullptr || m->count == 0) {
    if (m != nullptr && m->kind == KeyKind::Generic) hash_value(m->key_type, key, 0, bad);
    return;
  }
  switch (m->kind) {
    case KeyKind::Word: remove<KeyKind::Word>(m, key, bad); return;
    case KeyKind::String: remove<KeyKind::String>(m, key, bad); return;
    case KeyKind::Generic: remove<KeyKind::Generic>(m, key, bad); return;
  }
}

void map_clear(Map* m) {
  if (m == nullptr || m->used == 0) return;
  // Loops in progress hold the old array: mark every entry deleted there and
  // forward them to a fresh, empty array.
  EntryBlock* old = m->block;
  for (int64_t i = 0; i < m->used; i++) entry_at(m->entries, m->entry_slots, i)[0].u = 0;
  auto* block = static_cast<EntryBlock*>(gc_alloc(sizeof(EntryBlock)));
  block->entries = alloc_entries(m, m->capacity);
  old->used_at_move = m->used;
  old->moved = 0;
  old->forward = block;
  m->block = block;
  m->entries = block->entries;
  std::memset(m->index, 0, (m->index_mask + 1) * sizeof(uint64_t));
  m->used = 0;
  m->count = 0;
}

MapIter* map_iter_new(Map* m) {
  auto* it = static_cast<MapIter*>(gc_alloc(sizeof(MapIter)));
  it->map = m;
  if (m == nullptr || m->count == 0) return it;  // block null: finished
  it->block = m->block;
  it->start = static_cast<int64_t>(fast_rand() % static_cast<uint64_t>(m->used));
  it->pos = it->start;
  it->end = m->used;
  return it;
}

bool map_iter_next(MapIter* it, const Slot** key, const Slot** value) {
  if (it->block == nullptr) return false;
  const Map* m = it->map;
  while (it->block->forward != nullptr) {
    it->pos = forward_position(m, it->block, it->pos);
    it->start = forward_position(m, it->block, it->start);
    it->end = forward_position(m, it->block, it->end);
    it->block = it->block->forward;
  }
  Slot* entries = it->block->entries;
  while (true) {
    int64_t limit = it->wrapped ? it->start : it->end;
    while (it->pos < limit) {
      Slot* entry = entry_at(entries, m->entry_slots, it->pos++);
      if (entry[0].u != 0) {
        *key = entry + 1;
        *value = entry + 1 + m->key_slots;
        return true;
      }
    }
    if (it->wrapped) break;
    it->wrapped = true;
    it->pos = 0;
  }
  it->block = nullptr;
  return false;
}

}  // namespace gol::vm
