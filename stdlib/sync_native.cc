// sync_native.cc — the natives of package sync (see sync.cc): semaphores,
// notify lists, the clock, and Go's fatal errors.
//
// The semaphore natives are thin: each names the wait reason and queue
// order Go 1.23 uses for its caller and defers to vm/sema.h, whose acquire
// parks the goroutine (NativeStatus::Block) and whose release readies the
// waiter. A sync field's address is the semaphore: a uint32 in slot form,
// whose low four bytes sema.h works on (the upper four stay zero).
//
// fatal is Go's sync.fatal (runtime.fatal): "fatal error: <msg>", a blank
// line, the calling goroutine's trace, exit status 2; deferred calls do not
// run and recover cannot stop it. Standard output is flushed first.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "stdlib/natives.h"
#include "vm/runtime.h"
#include "vm/sema.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

// A field of a live sync value: never nil unless the receiver was nil.
NativeStatus with_addr(vm::Goroutine& g, const Slot& s, uint32_t** out) {
  *out = static_cast<uint32_t*>(s.p);
  return *out == nullptr ? vm::panic_nil_deref(g) : NativeStatus::Ok;
}

NativeStatus acquire(vm::Goroutine& g, Slot* w, vm::SemaOrder order, sched::WaitReason reason) {
  uint32_t* addr;
  if (with_addr(g, w[0], &addr) != NativeStatus::Ok) return NativeStatus::Panic;
  return vm::sema_acquire(g, addr, order, reason);
}

NativeStatus semacquire(vm::Goroutine& g, Slot* w) {
  // Go 1.23's WaitGroup.Wait waits as plain "semacquire" (1.24 named it).
  return acquire(g, w, vm::SemaOrder::Fifo, sched::WaitReason::Semacquire);
}

NativeStatus semacquire_mutex(vm::Goroutine& g, Slot* w) {
  const auto order = w[1].u != 0 ? vm::SemaOrder::Lifo : vm::SemaOrder::Fifo;
  return acquire(g, w, order, sched::WaitReason::MutexLock);
}

NativeStatus semacquire_rwmutex_r(vm::Goroutine& g, Slot* w) {
  return acquire(g, w, vm::SemaOrder::Fifo, sched::WaitReason::RWMutexRLock);
}

NativeStatus semacquire_rwmutex(vm::Goroutine& g, Slot* w) {
  return acquire(g, w, vm::SemaOrder::Fifo, sched::WaitReason::RWMutexLock);
}

NativeStatus semrelease(vm::Goroutine& g, Slot* w) {
  uint32_t* addr;
  if (with_addr(g, w[0], &addr) != NativeStatus::Ok) return NativeStatus::Panic;
  return vm::sema_release(g, addr, w[1].u != 0 ? vm::Handoff::Yes : vm::Handoff::No);
}

// A *notifyList points at two uint32 fields in slot form: wait in the
// first slot, notify in the second (value.h: struct fields flattened).
NativeStatus notify_list(vm::Goroutine& g, const Slot& s, vm::NotifyList* out) {
  auto* base = static_cast<Slot*>(s.p);
  if (base == nullptr) return vm::panic_nil_deref(g);
  out->wait = reinterpret_cast<uint32_t*>(&base[0]);
  out->notify = reinterpret_cast<uint32_t*>(&base[1]);
  return NativeStatus::Ok;
}

NativeStatus notify_list_add(vm::Goroutine& g, Slot* w) {
  vm::NotifyList l;
  if (notify_list(g, w[0], &l) != NativeStatus::Ok) return NativeStatus::Panic;
  w[0].u = vm::notify_list_add(l);
  return NativeStatus::Ok;
}

NativeStatus notify_list_wait(vm::Goroutine& g, Slot* w) {
  vm::NotifyList l;
  if (notify_list(g, w[0], &l) != NativeStatus::Ok) return NativeStatus::Panic;
  return vm::notify_list_wait(g, l, static_cast<uint32_t>(w[1].u));
}

NativeStatus notify_list_notify_one(vm::Goroutine& g, Slot* w) {
  vm::NotifyList l;
  if (notify_list(g, w[0], &l) != NativeStatus::Ok) return NativeStatus::Panic;
  vm::notify_list_notify_one(l);
  return NativeStatus::Ok;
}

NativeStatus notify_list_notify_all(vm::Goroutine& g, Slot* w) {
  vm::NotifyList l;
  if (notify_list(g, w[0], &l) != NativeStatus::Ok) return NativeStatus::Panic;
  vm::notify_list_notify_all(l);
  return NativeStatus::Ok;
}

NativeStatus nanotime(vm::Goroutine&, Slot* w) {
  w[0].i = vm::nanotime();
  return NativeStatus::Ok;
}

NativeStatus fatal(vm::Goroutine& g, Slot* w) {
  const vm::StringHeader msg{static_cast<const char*>(w[0].cp), w[1].i};
  vm::fatal_with_goroutines(g, msg.view());
}

}  // namespace

void register_sync_natives(vm::NativeRegistry& registry) {
  registry.add("sync.runtime_Semacquire", semacquire);
  registry.add("sync.runtime_SemacquireMutex", semacquire_mutex);
  registry.add("sync.runtime_SemacquireRWMutexR", semacquire_rwmutex_r);
  registry.add("sync.runtime_SemacquireRWMutex", semacquire_rwmutex);
  registry.add("sync.runtime_Semrelease", semrelease);
  registry.add("sync.runtime_notifyListAdd", notify_list_add);
  registry.add("sync.runtime_notifyListWait", notify_list_wait);
  registry.add("sync.runtime_notifyListNotifyOne", notify_list_notify_one);
  registry.add("sync.runtime_notifyListNotifyAll", notify_list_notify_all);
  registry.add("sync.runtime_nanotime", nanotime);
  registry.add("sync.fatal", fatal);
  registry.add("sync.throw", fatal);
}

}  // namespace gol::stdlib
