// note.cc — futex-backed one-shot wake-ups (see note.h).
#include "sched/note.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

#include "sched/fatal.h"

namespace gol::sched {

namespace {

// futex(FUTEX_WAIT_BITSET) takes an absolute CLOCK_MONOTONIC timeout.
int futex_wait(std::atomic<uint32_t>* addr, uint32_t value, const timespec* deadline) {
  return static_cast<int>(syscall(SYS_futex, reinterpret_cast<uint32_t*>(addr), FUTEX_WAIT_BITSET_PRIVATE, value,
                                  deadline, nullptr, FUTEX_BITSET_MATCH_ANY));
}

void futex_wake(std::atomic<uint32_t>* addr) {
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(addr), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}

}  // namespace

int64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void Note::wakeup() {
  // Release pairs with the acquire loads in sleep/woken.
  const uint32_t old = m_key.exchange(1, std::memory_order_release);
  if (old != 0) fatal("notewakeup - double wakeup");
  futex_wake(&m_key);
}

void Note::sleep() {
  while (m_key.load(std::memory_order_acquire) == 0) {
    // EINTR (a collection's signal), EAGAIN (already woken) and spurious
    // returns all just re-check the word.
    futex_wait(&m_key, 0, nullptr);
  }
}

bool Note::sleep_until(int64_t deadline_ns) {
  const timespec deadline{static_cast<time_t>(deadline_ns / 1000000000), static_cast<long>(deadline_ns % 1000000000)};
  while (m_key.load(std::memory_order_acquire) == 0) {
    if (futex_wait(&m_key, 0, &deadline) != 0 && errno == ETIMEDOUT) {
      return m_key.load(std::memory_order_acquire) != 0;
    }
    if (monotonic_ns() >= deadline_ns) return m_key.load(std::memory_order_acquire) != 0;
  }
  return true;
}

}  // namespace gol::sched
