// net_native.cc — the natives of package net (see net.cc): sockets on the
// scheduler's netpoller, the descriptor's reference count, and the resolver.
//
// A socket is an FdRecord in collected memory, handed to Go as an opaque
// *sysFD that Go code never dereferences; the Go value holding it keeps it
// alive. Every socket is non-blocking and close-on-exec and registered with
// the netpoller (sched/netpoll.h) when created.
//
// The I/O loop (fdRead, fdWrite, fdAccept, fdConnect) follows netpoll.h:
// take the mode's lock, poll_reset, try the call, and on EAGAIN
// poll_wait_begin; kPollPark parks the goroutine (IOWait, poll_commit) after
// writing kRetry into its result, so the Go loop around the native calls it
// again once the goroutine is readied. The mode's lock stays held across
// such a park: the record remembers which goroutine owns it, and the next
// call from that goroutine goes straight to the I/O.
//
// The reference count is Go's internal/poll fdMutex, as one 64-bit word:
// closed bit, read-lock bit, write-lock bit, a 20-bit count of users, and
// 20-bit counts of goroutines waiting for each lock (parked on a vm/sema.h
// semaphore in the record). Readers are serialised (one waiter per mode is
// all a PollDesc holds); Close marks the word closed, wakes the lock
// waiters and evicts the PollDesc (which wakes the I/O waiters with
// kPollClosing); whoever drops the last reference unregisters the PollDesc
// and only then closes the descriptor, so no goroutine is ever inside a
// system call on a descriptor number that may have been reused.
//
// Results: a count (or handle) and a code: 0 success, an errno (> 0), or
// kRetry / kClosing / kTimeout (< 0), which net.cc turns into its errors.
// Reads and writes are non-blocking system calls and do not enter a
// syscall; the resolver (getaddrinfo) blocks its thread and does.
//
// Rejected: the fdMutex in Go code over sync/atomic (three or four extra
// interpreted calls per Read on the benchmark's hot path for the same
// logic); a finalizer closing unreachable sockets (Go has one; gol has no
// finalizers yet, so a socket dropped without Close leaks its descriptor).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "sched/proc.h"
#include "stdlib/natives.h"
#include "vm/runtime.h"
#include "vm/sema.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

constexpr int64_t kRetry = -1;    // parked: call again
constexpr int64_t kClosing = -2;  // ErrNetClosing
constexpr int64_t kTimeout = -3;  // os.ErrDeadlineExceeded
constexpr int64_t kMaxRW = int64_t{1} << 30;

// The fdMutex word (cf. internal/poll/fd_mutex.go's layout).
constexpr uint64_t kClosed = 1;
constexpr uint64_t kRLock = 1 << 1;
constexpr uint64_t kWLock = 1 << 2;
constexpr uint64_t kRef = 1 << 3;
constexpr uint64_t kRefMask = ((uint64_t{1} << 20) - 1) << 3;
constexpr uint64_t kRWait = uint64_t{1} << 23;
constexpr uint64_t kRWaitMask = ((uint64_t{1} << 20) - 1) << 23;
constexpr uint64_t kWWait = uint64_t{1} << 43;
constexpr uint64_t kWWaitMask = ((uint64_t{1} << 20) - 1) << 43;

struct FdRecord {
  int fd = -1;
  bool connecting = false;  // connect() issued: later calls check SO_ERROR
  sched::PollDesc* pd = nullptr;
  std::atomic<uint64_t> state{0};
  std::atomic<vm::Goroutine*> owner[2] = {nullptr, nullptr};  // holder of the read / write lock
  uint32_t sema[2] = {0, 0};                                  // lock waiters park here
};

sched::Scheduler& scheduler() {
  sched::Scheduler* s = vm::scheduler();
  if (s == nullptr) GOL_THROW("net: no scheduler");
  return *s;
}

// Unregisters and closes: the last reference is gone.
int destroy(FdRecord* f) {
  scheduler().poll_close(f->pd);
  f->pd = nullptr;
  return ::close(f->fd) != 0 ? errno : 0;
}

bool incref(FdRecord* f) {
  uint64_t old = f->state.load();
  do {
    if (old & kClosed) return false;
    if ((old & kRefMask) == kRefMask) GOL_THROW("net: too many concurrent operations on a single file or socket");
  } while (!f->state.compare_exchange_weak(old, old + kRef));
  return true;
}

// Drops a reference; destroys the descriptor when it was the last of a closed one.
int decref(FdRecord* f) {
  uint64_t now = f->state.fetch_sub(kRef) - kRef;
  return (now & (kClosed | kRefMask)) == kClosed ? destroy(f) : 0;
}

struct LockBits {
  uint64_t lock, wait, mask;
};
LockBits lock_bits(int mode) { return mode == 0 ? LockBits{kRLock, kRWait, kRWaitMask} : LockBits{kWLock, kWWait, kWWaitMask}; }

// Takes mode's lock for g (0 read, 1 write): Ok (held, results untouched),
// or results written and Ok (closed) / Block (parked on the lock's
// semaphore, results say kRetry). *held tells which.
NativeStatus lock(vm::Goroutine& g, FdRecord* f, int mode, Slot* w, bool* held) {
  *held = false;
  if (f->owner[mode].load(std::memory_order_relaxed) == &g) {
    *held = true;
    return NativeStatus::Ok;
  }
  const LockBits b = lock_bits(mode);
  for (;;) {
    uint64_t old = f->state.load();
    if (old & kClosed) {
      w[0].i = 0;
      w[1].i = kClosing;
      return NativeStatus::Ok;
    }
    const bool free = (old & b.lock) == 0;
    const uint64_t next = free ? (old | b.lock) + kRef : old + b.wait;
    if (!f->state.compare_exchange_weak(old, next)) continue;
    if (free) {
      f->owner[mode].store(&g, std::memory_order_relaxed);
      *held = true;
      return NativeStatus::Ok;
    }
    w[0].i = 0;
    w[1].i = kRetry;
    if (vm::sema_acquire(g, &f->sema[mode], vm::SemaOrder::Fifo, sched::WaitReason::Semacquire) ==
        NativeStatus::Block) {
      return NativeStatus::Block;
    }
  }
}

// Releases mode's lock, waking one waiter; destroys when it was the last user.
void unlock(vm::Goroutine& g, FdRecord* f, int mode) {
  f->owner[mode].store(nullptr, std::memory_order_relaxed);
  const LockBits b = lock_bits(mode);
  uint64_t old = f->state.load(), next;
  do {
    next = (old & ~b.lock) - kRef;
    if (old & b.mask) next -= b.wait;
  } while (!f->state.compare_exchange_weak(old, next));
  if (old & b.mask) (void)vm::sema_release(g, &f->sema[mode], vm::Handoff::No);
  if ((next & (kClosed | kRefMask)) == kClosed) destroy(f);
}

int64_t poll_code(int32_t r) { return r == sched::kPollClosing ? kClosing : r == sched::kPollTimeout ? kTimeout : 0; }

FdRecord* record(const Slot& s) { return static_cast<FdRecord*>(s.p); }

// The shared I/O loop. `call` does one non-blocking attempt and returns its
// result (< 0 with errno on failure). On success or a hard error the lock
// is released and *n, *code are the results; on kPollPark the goroutine
// parks holding the lock.
template <typename Call>
NativeStatus io_loop(vm::Goroutine& g, FdRecord* f, int mode, Slot* w, Call call) {
  bool held;
  NativeStatus s = lock(g, f, mode, w, &held);
  if (!held) return s;
  const int32_t pm = mode == 0 ? sched::kPollRead : sched::kPollWrite;
  sched::Scheduler& sc = scheduler();
  int32_t r = sc.poll_reset(f->pd, pm);
  int64_t n = 0, code = poll_code(r);
  while (code == 0) {
    n = call();
    if (n >= 0) break;
    if (errno == EINTR) continue;
    if (errno != EAGAIN) {
      code = errno;
      break;
    }
    r = sc.poll_wait_begin(f->pd, pm);
    if (r == sched::kPollPark) {
      w[0].i = 0;
      w[1].i = kRetry;
      return vm::park(g, sched::WaitReason::IOWait, sched::Scheduler::poll_commit, sched::poll_commit_arg(f->pd, pm));
    }
    code = poll_code(r);
  }
  unlock(g, f, mode);
  w[0].i = code == 0 ? n : 0;
  w[1].i = code;
  return NativeStatus::Ok;
}

// fdRead(h *sysFD, b []byte) (n int, code int)
NativeStatus fd_read(vm::Goroutine& g, Slot* w) {
  FdRecord* f = record(w[0]);
  void* p = w[1].p;
  const int64_t len = w[2].i < kMaxRW ? w[2].i : kMaxRW;
  return io_loop(g, f, 0, w, [&] { return static_cast<int64_t>(::read(f->fd, p, static_cast<size_t>(len))); });
}

// fdWrite(h *sysFD, b []byte) (n int, code int): one successful write(2)
// at most (net.cc loops until all of b is written).
NativeStatus fd_write(vm::Goroutine& g, Slot* w) {
  FdRecord* f = record(w[0]);
  const void* p = w[1].p;
  const int64_t len = w[2].i < kMaxRW ? w[2].i : kMaxRW;
  return io_loop(g, f, 1, w, [&] { return static_cast<int64_t>(::write(f->fd, p, static_cast<size_t>(len))); });
}

// Go's defaults for a TCP connection: no Nagle delay, keep-alives every 15 s.
void set_conn_options(int fd) {
  int one = 1, secs = 15, count = 9;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, sizeof secs);
  ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, sizeof secs);
  ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
}

// A record for a fresh descriptor, registered with the poller; null with
// *err set (the descriptor closed) on failure.
FdRecord* new_record(int fd, int* err) {
  sched::PollDesc* pd = scheduler().poll_open(fd, err);
  if (pd == nullptr) {
    ::close(fd);
    return nullptr;
  }
  auto* f = new (vm::gc_alloc(sizeof(FdRecord))) FdRecord;
  f->fd = fd;
  f->pd = pd;
  return f;
}

// fdAccept(h *sysFD) (c *sysFD, code int)
NativeStatus fd_accept(vm::Goroutine& g, Slot* w) {
  FdRecord* f = record(w[0]);
  NativeStatus s = io_loop(g, f, 0, w, [&] {
    return static_cast<int64_t>(::accept4(f->fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
  });
  if (s != NativeStatus::Ok || w[1].i != 0) {
    if (w[1].i == ECONNABORTED) w[1].i = kRetry;  // Go retries a connection reset before accept
    w[0].p = nullptr;
    return s;
  }
  const int nfd = static_cast<int>(w[0].i);
  set_conn_options(nfd);
  int err = 0;
  FdRecord* c = new_record(nfd, &err);
  w[0].p = c;
  w[1].i = c == nullptr ? err : 0;
  return NativeStatus::Ok;
}

// Fills a sockaddr from (family, ip, port): ip is 4 bytes for AF_INET and
// 16 for AF_INET6 (net.cc converts).
socklen_t make_sockaddr(sockaddr_storage* ss, int family, const vm::SliceHeader& ip, int64_t port) {
  std::memset(ss, 0, sizeof *ss);
  if (family == AF_INET) {
    auto* sa = reinterpret_cast<sockaddr_in*>(ss);
    sa->sin_family = AF_INET;
    sa->sin_port = htons(static_cast<uint16_t>(port));
    if (ip.len == 4) std::memcpy(&sa->sin_addr, ip.data, 4);
    return sizeof *sa;
  }
  auto* sa = reinterpret_cast<sockaddr_in6*>(ss);
  sa->sin6_family = AF_INET6;
  sa->sin6_port = htons(static_cast<uint16_t>(port));
  if (ip.len == 16) std::memcpy(&sa->sin6_addr, ip.data, 16);
  return sizeof *sa;
}

vm::SliceHeader read_slice(const Slot* s) { return vm::SliceHeader{s[0].p, s[1].i, s[2].i}; }

void write_string(Slot* s, const char* text) {
  s[0].cp = text;  // static text: a string may point outside the heap
  s[1].i = static_cast<int64_t>(std::strlen(text));
}

// A new non-blocking TCP socket of family with Go's default options, or -1
// with errno set.
int new_socket(int family, bool v6only) {
  int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (family == AF_INET6) {
    int v = v6only ? 1 : 0;
    ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v, sizeof v);
  }
  return fd;
}

// sysListen(family int, v6only bool, ip []byte, port int) (h *sysFD, code int, call string)
NativeStatus sys_listen(vm::Goroutine&, Slot* w) {
  const int family = static_cast<int>(w[0].i);
  const bool v6only = w[1].i != 0;
  sockaddr_storage ss;
  const socklen_t sl = make_sockaddr(&ss, family, read_slice(w + 2), w[5].i);
  const char* call = "socket";
  int err = 0;
  FdRecord* f = nullptr;
  int fd = new_socket(family, v6only);
  if (fd >= 0) {
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&ss), sl) != 0) {
      call = "bind";
    } else if (::listen(fd, 4096) != 0) {  // the kernel caps it at somaxconn, as Go's backlog is
      call = "listen";
    } else {
      call = "";
    }
    if (call[0] != '\0') {
      err = errno;
      ::close(fd);
    } else {
      f = new_record(fd, &err);
      if (f == nullptr) call = "epoll_ctl";
    }
  } else {
    err = errno;
  }
  w[0].p = f;
  w[1].i = err;
  write_string(w + 2, call);
  return NativeStatus::Ok;
}

// sysSocket(family int, v6only bool) (h *sysFD, code int): a socket to
// connect with fdConnect.
NativeStatus sys_socket(vm::Goroutine&, Slot* w) {
  const int family = static_cast<int>(w[0].i);
  const bool v6only = w[1].i != 0;
  int err = 0;
  FdRecord* f = nullptr;
  int fd = new_socket(family, v6only);
  if (fd < 0) {
    err = errno;
  } else {
    f = new_record(fd, &err);
  }
  w[0].p = f;
  w[1].i = err;
  return NativeStatus::Ok;
}

// fdConnect(h *sysFD, family int, ip []byte, port int) (zero int, code int):
// Go's connect: connect(2); EINPROGRESS → wait until writable, then
// SO_ERROR says how it went (still in progress: wait again).
NativeStatus fd_connect(vm::Goroutine& g, Slot* w) {
  FdRecord* f = record(w[0]);
  sockaddr_storage ss;
  const socklen_t sl = make_sockaddr(&ss, static_cast<int>(w[1].i), read_slice(w + 2), w[5].i);
  return io_loop(g, f, 1, w, [&]() -> int64_t {
    if (!f->connecting) {
      f->connecting = true;
      if (::connect(f->fd, reinterpret_cast<sockaddr*>(&ss), sl) == 0) return 0;
      if (errno == EINTR || errno == EINPROGRESS || errno == EALREADY) {
        errno = EAGAIN;  // wait for writability
        return -1;
      }
      return -1;
    }
    int soerr = 0;
    socklen_t len = sizeof soerr;
    if (::getsockopt(f->fd, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0) return -1;
    if (soerr == 0 || soerr == EISCONN) {
      // Writable with no error can still mean "not connected" (cf. Go's
      // getpeername check): ENOTCONN then is the real error, read below.
      sockaddr_storage peer;
      socklen_t pl = sizeof peer;
      if (::getpeername(f->fd, reinterpret_cast<sockaddr*>(&peer), &pl) == 0) return 0;
      errno = EAGAIN;
      return -1;
    }
    errno = (soerr == EINPROGRESS || soerr == EALREADY || soerr == EINTR) ? EAGAIN : soerr;
    return -1;
  });
}

// fdConnected(h *sysFD): sets the connection's options once dialed.
NativeStatus fd_connected(vm::Goroutine&, Slot* w) {
  set_conn_options(record(w[0])->fd);
  return NativeStatus::Ok;
}

// fdClose(h *sysFD) code: kClosing when already closed; else the close(2)
// errno when this call released the last reference.
NativeStatus fd_close(vm::Goroutine& g, Slot* w) {
  FdRecord* f = record(w[0]);
  uint64_t old = f->state.load(), next;
  do {
    if (old & kClosed) {
      w[0].i = kClosing;
      return NativeStatus::Ok;
    }
    next = ((old | kClosed) + kRef) & ~(kRWaitMask | kWWaitMask);
  } while (!f->state.compare_exchange_weak(old, next));
  // Wake every lock waiter: they see the closed bit and fail.
  for (uint64_t n = (old & kRWaitMask) / kRWait; n > 0; --n) (void)vm::sema_release(g, &f->sema[0], vm::Handoff::No);
  for (uint64_t n = (old & kWWaitMask) / kWWait; n > 0; --n) (void)vm::sema_release(g, &f->sema[1], vm::Handoff::No);
  scheduler().poll_evict(f->pd);
  w[0].i = decref(f);
  return NativeStatus::Ok;
}

// fdSetDeadline(h *sysFD, when int64, mode int) code: when is 0 (none), -1
// (passed) or a monotonic time; mode 'r', 'w' or 'r'+'w'.
NativeStatus fd_set_deadline(vm::Goroutine&, Slot* w) {
  FdRecord* f = record(w[0]);
  if (!incref(f)) {
    w[0].i = kClosing;
    return NativeStatus::Ok;
  }
  scheduler().poll_set_deadline(f->pd, w[1].i, static_cast<int32_t>(w[2].i));
  w[0].i = decref(f);
  return NativeStatus::Ok;
}

// Runs fn(fd) → errno under a reference: kClosing when closed.
template <typename Fn>
int64_t with_ref(FdRecord* f, Fn fn) {
  if (!incref(f)) return kClosing;
  int64_t e = fn(f->fd);
  int e2 = decref(f);
  return e != 0 ? e : e2;
}

// fdShutdown(h *sysFD, how int) code: CloseRead / CloseWrite.
NativeStatus fd_shutdown(vm::Goroutine&, Slot* w) {
  const int how = static_cast<int>(w[1].i);
  w[0].i = with_ref(record(w[0]), [&](int fd) { return ::shutdown(fd, how) != 0 ? errno : 0; });
  return NativeStatus::Ok;
}

// fdSetNoDelay(h *sysFD, on bool) code
NativeStatus fd_set_no_delay(vm::Goroutine&, Slot* w) {
  int on = w[1].i != 0 ? 1 : 0;
  w[0].i = with_ref(record(w[0]),
                    [&](int fd) { return ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) != 0 ? errno : 0; });
  return NativeStatus::Ok;
}

// Writes (ip []byte, port int) for a socket address into s[0..3]: 4 bytes
// for IPv4 and 16 for IPv6, as Go's sockaddrToTCP gives.
void write_addr(Slot* s, const sockaddr_storage& ss) {
  const void* src = nullptr;
  int64_t n = 0, port = 0;
  if (ss.ss_family == AF_INET) {
    const auto* sa = reinterpret_cast<const sockaddr_in*>(&ss);
    src = &sa->sin_addr;
    n = 4;
    port = ntohs(sa->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    const auto* sa = reinterpret_cast<const sockaddr_in6*>(&ss);
    src = &sa->sin6_addr;
    n = 16;
    port = ntohs(sa->sin6_port);
  }
  void* data = n > 0 ? vm::gc_alloc_atomic(static_cast<size_t>(n)) : nullptr;
  if (n > 0) std::memcpy(data, src, static_cast<size_t>(n));
  s[0].p = data;
  s[1].i = n;
  s[2].i = n;
  s[3].i = port;
}

// fdAddr(h *sysFD, peer bool) (ip []byte, port int, code int)
NativeStatus fd_addr(vm::Goroutine&, Slot* w) {
  FdRecord* f = record(w[0]);
  const bool peer = w[1].i != 0;
  sockaddr_storage ss{};
  int64_t code = with_ref(f, [&](int fd) {
    socklen_t len = sizeof ss;
    int r = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len)
                 : ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
    return r != 0 ? errno : 0;
  });
  if (code != 0) ss.ss_family = AF_UNSPEC;
  write_addr(w, ss);
  w[4].i = code;
  return NativeStatus::Ok;
}

// lookupIP(host string) (ips []string, code int, msg string): getaddrinfo
// as a blocking system call (sysmon hands the P on). Each IP is its raw 4
// or 16 bytes as a string; code is 0, or a resolver failure described by
// msg ("no such host" for a name that does not exist, as Go says).
NativeStatus lookup_ip(vm::Goroutine& g, Slot* w) {
  const std::string host(static_cast<const char*>(w[0].cp), static_cast<size_t>(w[1].i));
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  vm::enter_syscall(g);
  int r = ::getaddrinfo(host.c_str(), nullptr, &hints, &res);
  int sys_errno = errno;
  std::vector<std::string> ips;
  for (addrinfo* a = res; r == 0 && a != nullptr; a = a->ai_next) {
    std::string ip;
    if (a->ai_family == AF_INET) {
      ip.assign(reinterpret_cast<const char*>(&reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr), 4);
    } else if (a->ai_family == AF_INET6) {
      ip.assign(reinterpret_cast<const char*>(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr), 16);
    } else {
      continue;
    }
    bool seen = false;
    for (const auto& s : ips) seen = seen || s == ip;
    if (!seen) ips.push_back(ip);
  }
  if (res != nullptr) ::freeaddrinfo(res);
  auto* data = static_cast<vm::StringHeader*>(vm::gc_alloc(ips.size() * sizeof(vm::StringHeader) + 1));
  for (size_t i = 0; i < ips.size(); ++i) data[i] = vm::make_string(ips[i]);
  w[0].p = data;
  w[1].i = static_cast<int64_t>(ips.size());
  w[2].i = static_cast<int64_t>(ips.size());
  w[3].i = r;
  if (r == 0 || r == EAI_NONAME || r == EAI_NODATA) {
    write_string(w + 4, r == 0 ? "" : "no such host");
  } else if (r == EAI_SYSTEM) {
    vm::StringHeader msg = vm::make_string(std::string_view(std::strerror(sys_errno)));
    w[4].cp = msg.data;
    w[5].i = msg.len;
  } else {
    write_string(w + 4, ::gai_strerror(r));
  }
  return vm::exit_syscall(g);
}

// lookupPort(service string) (port int, ok bool): a TCP service name
// from the services database (/etc/services), as Go's lookupPort reads it.
NativeStatus lookup_port(vm::Goroutine& g, Slot* w) {
  const std::string name(static_cast<const char*>(w[0].cp), static_cast<size_t>(w[1].i));
  servent ent{}, *res = nullptr;
  char buf[1024];
  vm::enter_syscall(g);  // reads a file
  int r = ::getservbyname_r(name.c_str(), "tcp", &ent, buf, sizeof buf, &res);
  const bool ok = r == 0 && res != nullptr;
  w[0].i = ok ? ntohs(static_cast<uint16_t>(res->s_port)) : 0;
  w[1].i = ok ? 1 : 0;
  return vm::exit_syscall(g);
}

NativeStatus nanotime(vm::Goroutine&, Slot* w) {
  w[0].i = vm::nanotime();
  return NativeStatus::Ok;
}

}  // namespace

void register_net_natives(vm::NativeRegistry& registry) {
  registry.add("net.fdRead", fd_read);
  registry.add("net.fdWrite", fd_write);
  registry.add("net.fdAccept", fd_accept);
  registry.add("net.fdConnect", fd_connect);
  registry.add("net.fdConnected", fd_connected);
  registry.add("net.fdClose", fd_close);
  registry.add("net.fdSetDeadline", fd_set_deadline);
  registry.add("net.fdShutdown", fd_shutdown);
  registry.add("net.fdSetNoDelay", fd_set_no_delay);
  registry.add("net.fdAddr", fd_addr);
  registry.add("net.sysListen", sys_listen);
  registry.add("net.sysSocket", sys_socket);
  registry.add("net.lookupIP", lookup_ip);
  registry.add("net.lookupPort", lookup_port);
  registry.add("net.nanotime", nanotime);
}

}  // namespace gol::stdlib
