// atomic_native.cc — the natives of package sync/atomic (see atomic.cc).
//
// Each integer function is one sequentially consistent __atomic builtin on
// the pointee, at the width of its Go type: a *int32 or *uint32 is operated
// on as 4 bytes (a packed array element, or the low half of a slot, which
// is where a little-endian slot keeps a 32-bit value), a *int64, *uint64 or
// *uintptr as 8. Results go back to slot form: 32-bit signed values
// sign-extended, unsigned ones zero-extended (value.h). A nil address
// panics with Go's nil dereference.
//
// Value: its interface (two slots, type and data) is read and written under
// one of kStripes mutexes chosen by the Value's address, so a Load never
// sees the type of one Store with the data of another. Go does this with a
// "first store in progress" marker and pointer-sized atomics; with two words
// that must change together and no 16-byte atomic guaranteed, a short
// critical section is the simple equivalent. The lock is never held across
// anything that allocates or blocks.
#include <mutex>

#include "stdlib/natives.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

constexpr int kOrder = __ATOMIC_SEQ_CST;

// The slot form of a 32- or 64-bit value of the Go type that T stands for.
template <typename T>
Slot to_slot(T v) {
  Slot s;
  if constexpr (std::is_signed_v<T>) {
    s.i = static_cast<int64_t>(v);
  } else {
    s.u = static_cast<uint64_t>(v);
  }
  return s;
}

template <typename T>
T from_slot(const Slot& s) {
  return static_cast<T>(s.u);
}

// Each template is one Go function for T in {int32, uint32, int64, uint64}
// (uintptr is uint64 here). Arguments: w[0] the address, then the operands.
template <typename T>
NativeStatus op_load(vm::Goroutine& g, Slot* w) {
  auto* addr = static_cast<T*>(w[0].p);
  if (addr == nullptr) return vm::panic_nil_deref(g);
  w[0] = to_slot<T>(__atomic_load_n(addr, kOrder));
  return NativeStatus::Ok;
}

template <typename T>
NativeStatus op_store(vm::Goroutine& g, Slot* w) {
  auto* addr = static_cast<T*>(w[0].p);
  if (addr == nullptr) return vm::panic_nil_deref(g);
  __atomic_store_n(addr, from_slot<T>(w[1]), kOrder);
  return NativeStatus::Ok;
}

template <typename T>
NativeStatus op_swap(vm::Goroutine& g, Slot* w) {
  auto* addr = static_cast<T*>(w[0].p);
  if (addr == nullptr) return vm::panic_nil_deref(g);
  w[0] = to_slot<T>(__atomic_exchange_n(addr, from_slot<T>(w[1]), kOrder));
  return NativeStatus::Ok;
}

template <typename T>
NativeStatus op_cas(vm::Goroutine& g, Slot* w) {
  auto* addr = static_cast<T*>(w[0].p);
  if (addr == nullptr) return vm::panic_nil_deref(g);
  T expected = from_slot<T>(w[1]);
  const T desired = from_slot<T>(w[2]);
  w[0].u = __atomic_compare_exchange_n(addr, &expected, desired, false, kOrder, kOrder) ? 1 : 0;
  return NativeStatus::Ok;
}

template <typename T>
NativeStatus op_add(vm::Goroutine& g, Slot* w) {
  auto* addr = static_cast<T*>(w[0].p);
  if (addr == nullptr) return vm::panic_nil_deref(g);
  // Unsigned arithmetic: wraps as Go's does, with no signed-overflow UB.
  using U = std::make_unsigned_t<T>;
  const U sum = __atomic_add_fetch(reinterpret_cast<U*>(addr), static_cast<U>(from_slot<T>(w[1])), kOrder);
  w[0] = to_slot<T>(static_cast<T>(sum));
  return NativeStatus::Ok;
}

template <typename T>
NativeStatus op_and(vm::Goroutine& g, Slot* w) {
  auto* addr = static_cast<T*>(w[0].p);
  if (addr == nullptr) return vm::panic_nil_deref(g);
  w[0] = to_slot<T>(__atomic_fetch_and(addr, from_slot<T>(w[1]), kOrder));
  return NativeStatus::Ok;
}

template <typename T>
NativeStatus op_or(vm::Goroutine& g, Slot* w) {
  auto* addr = static_cast<T*>(w[0].p);
  if (addr == nullptr) return vm::panic_nil_deref(g);
  w[0] = to_slot<T>(__atomic_fetch_or(addr, from_slot<T>(w[1]), kOrder));
  return NativeStatus::Ok;
}

template <typename T>
void add_family(vm::NativeRegistry& registry, const std::string& name) {
  const std::string p = "sync/atomic.";
  registry.add(p + "Load" + name, op_load<T>);
  registry.add(p + "Store" + name, op_store<T>);
  registry.add(p + "Swap" + name, op_swap<T>);
  registry.add(p + "CompareAndSwap" + name, op_cas<T>);
  registry.add(p + "Add" + name, op_add<T>);
  registry.add(p + "And" + name, op_and<T>);
  registry.add(p + "Or" + name, op_or<T>);
}

// ---- Value

constexpr size_t kStripes = 64;
std::mutex g_value_locks[kStripes];

std::mutex& value_lock(const void* v) { return g_value_locks[(reinterpret_cast<uintptr_t>(v) >> 4) % kStripes]; }

NativeStatus value_load(vm::Goroutine& g, Slot* w) {
  auto* v = static_cast<Slot*>(w[0].p);
  if (v == nullptr) return vm::panic_nil_deref(g);
  std::lock_guard<std::mutex> lock(value_lock(v));
  w[0] = v[0];
  w[1] = v[1];
  return NativeStatus::Ok;
}

// val (non-nil, checked in Go) replaces the stored value if the types agree.
NativeStatus value_store(vm::Goroutine& g, Slot* w) {
  auto* v = static_cast<Slot*>(w[0].p);
  if (v == nullptr) return vm::panic_nil_deref(g);
  const Slot type = w[1], data = w[2];
  std::lock_guard<std::mutex> lock(value_lock(v));
  const bool ok = v[0].cp == nullptr || v[0].cp == type.cp;  // Type* are interned (type.h)
  if (ok) {
    v[0] = type;
    v[1] = data;
  }
  w[0].u = ok ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus value_swap(vm::Goroutine& g, Slot* w) {
  auto* v = static_cast<Slot*>(w[0].p);
  if (v == nullptr) return vm::panic_nil_deref(g);
  const Slot type = w[1], data = w[2];
  std::lock_guard<std::mutex> lock(value_lock(v));
  const bool ok = v[0].cp == nullptr || v[0].cp == type.cp;
  w[0] = v[0];
  w[1] = v[1];
  w[2].u = ok ? 1 : 0;
  if (ok) {
    v[0] = type;
    v[1] = data;
  }
  return NativeStatus::Ok;
}

// Swaps in new if v still holds exactly cur's two words (cur came from a
// Load, so a boxed value is the same box: cf. Go's CompareAndSwapPointer on
// the data word).
NativeStatus value_cas(vm::Goroutine& g, Slot* w) {
  auto* v = static_cast<Slot*>(w[0].p);
  if (v == nullptr) return vm::panic_nil_deref(g);
  const Slot cur_type = w[1], cur_data = w[2], new_type = w[3], new_data = w[4];
  std::lock_guard<std::mutex> lock(value_lock(v));
  const bool same = v[0].cp == cur_type.cp && (cur_type.cp == nullptr || v[1].u == cur_data.u);
  if (same) {
    v[0] = new_type;
    v[1] = new_data;
  }
  w[0].u = same ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus same_type(vm::Goroutine&, Slot* w) {
  w[0].u = w[0].cp == w[2].cp ? 1 : 0;
  return NativeStatus::Ok;
}

}  // namespace

void register_atomic_natives(vm::NativeRegistry& registry) {
  add_family<int32_t>(registry, "Int32");
  add_family<uint32_t>(registry, "Uint32");
  add_family<int64_t>(registry, "Int64");
  add_family<uint64_t>(registry, "Uint64");
  add_family<uint64_t>(registry, "Uintptr");
  registry.add("sync/atomic.valueLoad", value_load);
  registry.add("sync/atomic.valueStore", value_store);
  registry.add("sync/atomic.valueSwap", value_swap);
  registry.add("sync/atomic.valueCompareAndSwap", value_cas);
  registry.add("sync/atomic.sameType", same_type);
}

}  // namespace gol::stdlib
