// os_native.cc — the natives of package os (see os.cc): process arguments,
// environment, exit, the system calls under File, and the file-system calls
// (stat, mkdir, unlink, rename, readdir).
//
// Each native takes and returns plain values; a failing system call returns
// its errno and the Go code in os.cc wraps it (PathError, SyscallError), so
// this file builds no Go structs. Conventions follow Go's runtime/syscall:
//   - every call that can be interrupted is retried on EINTR (the collector's
//     stop-the-world signals interrupt blocking calls, STACK.md §3);
//   - reads and writes move at most 1 GiB per system call (Go's maxRW; Linux
//     caps a transfer just below 2 GiB anyway);
//   - writes to descriptors 1 and 2 go through the VM's output buffer
//     (vm::out_write), so fmt.Println, os.Stdout.Write and print() keep their
//     order, and a broken pipe there ends the program as Go's SIGPIPE does;
//   - the environment is the C library's (environ), read the way Go's
//     syscall package reads its copy: a key is what precedes the first '=',
//     the first entry for a key wins, and keys holding '=' or NUL never match.
// Error texts are Go's own (syscall/zerrors_linux_amd64.go), not strerror's:
// they differ in case and wording ("no such file or directory" vs "No such
// file or directory", "input/output error" ...).
//
// Rejected: keeping a private copy of the environment as Go does. The C
// library's is the one child processes and C code see, and setenv/unsetenv on
// it give the same observable order Go's copy gives.
#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/natives.h"
#include "vm/interp.h"
#include "vm/runtime.h"

extern char** environ;

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;
using vm::StringHeader;

constexpr int64_t kMaxRW = int64_t{1} << 30;

StringHeader read_string(const Slot* s) {
  return StringHeader{static_cast<const char*>(s[0].cp), s[1].i};
}
void write_string(Slot* s, StringHeader v) {
  s[0].cp = v.data;
  s[1].i = v.len;
}

// A []string of the given strings (copied onto the GC heap).
template <typename Range>
vm::SliceHeader make_string_slice(const Range& items, int64_t n) {
  auto* data = static_cast<StringHeader*>(vm::gc_alloc(static_cast<size_t>(n) * sizeof(StringHeader)));
  int64_t i = 0;
  for (const auto& item : items) data[i++] = vm::make_string(item);
  return vm::SliceHeader{data, n, n};
}

void write_slice(Slot* s, vm::SliceHeader v) {
  s[0].p = v.data;
  s[1].i = v.len;
  s[2].i = v.cap;
}

// ---------------------------------------------------------- process

// runtimeArgs() []string
NativeStatus runtime_args(vm::Goroutine&, Slot* w) {
  const auto& args = vm::process_args();
  write_slice(w, make_string_slice(args, static_cast<int64_t>(args.size())));
  return NativeStatus::Ok;
}

// Exit(code int): buffered output is flushed, nothing else runs (no deferred
// calls, no C++ destructors), as Go's os.Exit.
NativeStatus exit_process(vm::Goroutine&, Slot* w) {
  int code = static_cast<int>(w[0].i);
  vm::out_flush();
  std::_Exit(code);
}

// Getpid() int
NativeStatus get_pid(vm::Goroutine&, Slot* w) {
  w[0].i = ::getpid();
  return NativeStatus::Ok;
}

// hostname() (name string, errno int)
NativeStatus host_name(vm::Goroutine&, Slot* w) {
  struct utsname u;
  if (::uname(&u) != 0) {
    int e = errno;
    write_string(w, StringHeader{nullptr, 0});
    w[2].i = e;
    return NativeStatus::Ok;
  }
  write_string(w, vm::make_string(std::string_view(u.nodename)));
  w[2].i = 0;
  return NativeStatus::Ok;
}

// ------------------------------------------------------- environment

bool valid_key(std::string_view key) {
  return !key.empty() && key.find('=') == std::string_view::npos && key.find('\0') == std::string_view::npos;
}

// The value of the first environment entry whose key is `key`.
bool lookup_env(std::string_view key, std::string_view* value) {
  if (!valid_key(key)) return false;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    if (entry.size() > key.size() && entry[key.size()] == '=' && entry.substr(0, key.size()) == key) {
      *value = entry.substr(key.size() + 1);
      return true;
    }
  }
  return false;
}

// Getenv(key string) string
NativeStatus get_env(vm::Goroutine&, Slot* w) {
  std::string_view value;
  bool found = lookup_env(read_string(w).view(), &value);
  write_string(w, found ? vm::make_string(value) : StringHeader{nullptr, 0});
  return NativeStatus::Ok;
}

// LookupEnv(key string) (string, bool)
NativeStatus lookup_env_native(vm::Goroutine&, Slot* w) {
  std::string_view value;
  bool found = lookup_env(read_string(w).view(), &value);
  write_string(w, found ? vm::make_string(value) : StringHeader{nullptr, 0});
  w[2].i = found ? 1 : 0;
  return NativeStatus::Ok;
}

// Environ() []string: every entry once; a later entry repeating an earlier
// key is hidden, as Go's copy of the environment drops it.
NativeStatus environ_native(vm::Goroutine&, Slot* w) {
  std::vector<std::string_view> entries;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    size_t eq = entry.find('=');
    bool duplicate = false;
    if (eq != std::string_view::npos) {
      std::string_view key = entry.substr(0, eq + 1);
      for (std::string_view earlier : entries) {
        if (earlier.substr(0, key.size()) == key) {
          duplicate = true;
          break;
        }
      }
    }
    if (!duplicate) entries.push_back(entry);
  }
  write_slice(w, make_string_slice(entries, static_cast<int64_t>(entries.size())));
  return NativeStatus::Ok;
}

// setenv(key, value string) int: Go's validation (empty key, '=' or NUL in
// the key, NUL in the value: EINVAL), then the C library's setenv.
NativeStatus set_env(vm::Goroutine&, Slot* w) {
  std::string_view key = read_string(w).view();
  std::string_view value = read_string(w + 2).view();
  int e = 0;
  if (!valid_key(key) || value.find('\0') != std::string_view::npos) {
    e = EINVAL;
  } else if (::setenv(std::string(key).c_str(), std::string(value).c_str(), 1) != 0) {
    e = errno;
  }
  w[0].i = e;
  return NativeStatus::Ok;
}

// unsetenv(key string) int. Go's Unsetenv never fails: a key that cannot be
// in the environment is simply not there.
NativeStatus unset_env(vm::Goroutine&, Slot* w) {
  std::string_view key = read_string(w).view();
  if (valid_key(key)) ::unsetenv(std::string(key).c_str());
  w[0].i = 0;
  return NativeStatus::Ok;
}

// ------------------------------------------------------------- files

// sysOpen(name string, flag int, perm uint32) (fd int, errno int)
NativeStatus sys_open(vm::Goroutine& g, Slot* w) {
  std::string_view name = read_string(w).view();
  int flag = static_cast<int>(w[2].i);
  auto perm = static_cast<mode_t>(w[3].u);
  int fd = -1, e = 0;
  if (name.find('\0') != std::string_view::npos) {
    e = EINVAL;  // Go's BytePtrFromString refuses it before any system call
  } else {
    std::string path(name);
    vm::enter_syscall(g);  // opening a FIFO or a file on a slow disk may block
    do {
      fd = ::open(path.c_str(), flag | O_CLOEXEC, perm);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) e = errno;
    w[0].i = fd < 0 ? -1 : fd;
    w[1].i = e;
    return vm::exit_syscall(g);
  }
  w[0].i = fd < 0 ? -1 : fd;
  w[1].i = e;
  return NativeStatus::Ok;
}

vm::SliceHeader read_slice(const Slot* s) { return vm::SliceHeader{s[0].p, s[1].i, s[2].i}; }

// sysRead(fd int, b []byte) (n int, errno int): one read(2).
NativeStatus sys_read(vm::Goroutine& g, Slot* w) {
  int fd = static_cast<int>(w[0].i);
  vm::SliceHeader b = read_slice(w + 1);
  int64_t want = b.len < kMaxRW ? b.len : kMaxRW;
  ssize_t n = 0;
  int e = 0;
  if (want > 0) {
    // A read of a terminal, pipe or slow file blocks the thread: the P is
    // left for sysmon to hand to another M meanwhile.
    vm::enter_syscall(g);
    do {
      n = ::read(fd, b.data, static_cast<size_t>(want));
    } while (n < 0 && errno == EINTR);
    if (n < 0) e = errno;
    w[0].i = n < 0 ? -1 : n;
    w[1].i = e;
    return vm::exit_syscall(g);
  }
  w[0].i = 0;
  w[1].i = 0;
  return NativeStatus::Ok;
}

// sysWrite(fd int, b []byte) (n int, errno int): all of b, or the error that
// stopped it with the count written before.
NativeStatus sys_write(vm::Goroutine& g, Slot* w) {
  int fd = static_cast<int>(w[0].i);
  vm::SliceHeader b = read_slice(w + 1);
  const char* p = static_cast<const char*>(b.data);
  if (fd == 1 || fd == 2) {
    vm::out_write(fd, p, static_cast<size_t>(b.len));
    w[0].i = b.len;
    w[1].i = 0;
    return NativeStatus::Ok;
  }
  int64_t done = 0;
  int e = 0;
  vm::enter_syscall(g);
  while (done < b.len) {
    int64_t chunk = b.len - done < kMaxRW ? b.len - done : kMaxRW;
    ssize_t n = ::write(fd, p + done, static_cast<size_t>(chunk));
    if (n < 0) {
      if (errno == EINTR) continue;
      e = errno;
      break;
    }
    done += n;
  }
  w[0].i = done;
  w[1].i = e;
  return vm::exit_syscall(g);
}

// sysClose(fd int) int. Not retried on EINTR: Linux has released the
// descriptor by then, and a retry could close one opened meanwhile.
NativeStatus sys_close(vm::Goroutine&, Slot* w) {
  int fd = static_cast<int>(w[0].i);
  w[0].i = ::close(fd) != 0 ? errno : 0;
  return NativeStatus::Ok;
}

// --------------------------------------------------- file-system calls
//
// Each takes path strings and returns an errno (0 for success). A path
// holding NUL is EINVAL before any system call, as Go's BytePtrFromString.

bool has_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// Runs `call` (returning -1 and setting errno on failure) bracketed as a
// blocking system call, retrying EINTR; writes the errno to *e.
template <typename Call>
void blocking_call(vm::Goroutine& g, int* e, Call call) {
  vm::enter_syscall(g);
  int r;
  do {
    r = call();
  } while (r < 0 && errno == EINTR);
  *e = r < 0 ? errno : 0;
}

// The results of sysStat/sysFstat: (mode uint32, size, sec, nsec int64,
// dev, ino uint64, errno int). mode is the raw st_mode; os.cc turns it into
// a FileMode as Go's fillFileStatFromSys does.
void write_stat(Slot* w, const struct stat& st, int e) {
  w[0].u = e == 0 ? st.st_mode : 0;
  w[1].i = e == 0 ? st.st_size : 0;
  w[2].i = e == 0 ? st.st_mtim.tv_sec : 0;
  w[3].i = e == 0 ? st.st_mtim.tv_nsec : 0;
  w[4].u = e == 0 ? st.st_dev : 0;
  w[5].u = e == 0 ? st.st_ino : 0;
  w[6].i = e;
}

// sysStat(name string, follow bool) (stat results): stat(2) or lstat(2).
NativeStatus sys_stat(vm::Goroutine& g, Slot* w) {
  std::string_view name = read_string(w).view();
  bool follow = w[2].i != 0;
  struct stat st {};
  if (has_nul(name)) {
    write_stat(w, st, EINVAL);
    return NativeStatus::Ok;
  }
  std::string path(name);
  int e = 0;
  blocking_call(g, &e, [&] { return follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st); });
  write_stat(w, st, e);
  return vm::exit_syscall(g);
}

// sysFstat(fd int) (stat results)
NativeStatus sys_fstat(vm::Goroutine& g, Slot* w) {
  int fd = static_cast<int>(w[0].i);
  struct stat st {};
  int e = 0;
  blocking_call(g, &e, [&] { return ::fstat(fd, &st); });
  write_stat(w, st, e);
  return vm::exit_syscall(g);
}

// One path argument, errno result: sysUnlink, sysRmdir.
template <int (*Fn)(const char*)>
NativeStatus path_errno(vm::Goroutine& g, Slot* w) {
  std::string_view name = read_string(w).view();
  if (has_nul(name)) {
    w[0].i = EINVAL;
    return NativeStatus::Ok;
  }
  std::string path(name);
  int e = 0;
  blocking_call(g, &e, [&] { return Fn(path.c_str()); });
  w[0].i = e;
  return vm::exit_syscall(g);
}

// sysMkdir(name string, mode uint32) errno
NativeStatus sys_mkdir(vm::Goroutine& g, Slot* w) {
  std::string_view name = read_string(w).view();
  auto mode = static_cast<mode_t>(w[2].u);
  if (has_nul(name)) {
    w[0].i = EINVAL;
    return NativeStatus::Ok;
  }
  std::string path(name);
  int e = 0;
  blocking_call(g, &e, [&] { return ::mkdir(path.c_str(), mode); });
  w[0].i = e;
  return vm::exit_syscall(g);
}

// sysRename(from, to string) errno
NativeStatus sys_rename(vm::Goroutine& g, Slot* w) {
  std::string_view from = read_string(w).view();
  std::string_view to = read_string(w + 2).view();
  if (has_nul(from) || has_nul(to)) {
    w[0].i = EINVAL;
    return NativeStatus::Ok;
  }
  std::string a(from), b(to);
  int e = 0;
  blocking_call(g, &e, [&] { return ::rename(a.c_str(), b.c_str()); });
  w[0].i = e;
  return vm::exit_syscall(g);
}

// sysSeek(fd int, offset int64, whence int) (off int64, errno int)
NativeStatus sys_seek(vm::Goroutine&, Slot* w) {
  int fd = static_cast<int>(w[0].i);
  off_t off = w[1].i;
  int whence = static_cast<int>(w[2].i);
  off_t r = ::lseek(fd, off, whence);  // never blocks, never EINTR
  w[0].i = r < 0 ? 0 : r;
  w[1].i = r < 0 ? errno : 0;
  return NativeStatus::Ok;
}

// sysPread / sysPwrite(fd int, b []byte, off int64) (n int, errno int):
// one pread(2) / pwrite(2).
template <typename Call>
NativeStatus positioned_io(vm::Goroutine& g, Slot* w, Call call) {
  const int fd = static_cast<int>(w[0].i);
  const vm::SliceHeader b = read_slice(w + 1);
  const off_t off = w[4].i;
  const auto want = static_cast<size_t>(b.len < kMaxRW ? b.len : kMaxRW);
  ssize_t n = 0;
  int e = 0;
  blocking_call(g, &e, [&] { return static_cast<int>((n = call(fd, b.data, want, off)) < 0 ? -1 : 0); });
  w[0].i = e != 0 ? -1 : n;
  w[1].i = e;
  return vm::exit_syscall(g);
}

NativeStatus sys_pread(vm::Goroutine& g, Slot* w) {
  return positioned_io(g, w, [](int fd, void* p, size_t len, off_t off) { return ::pread(fd, p, len, off); });
}

NativeStatus sys_pwrite(vm::Goroutine& g, Slot* w) {
  return positioned_io(g, w, [](int fd, void* p, size_t len, off_t off) { return ::pwrite(fd, p, len, off); });
}

// sysFsync(fd int) errno
NativeStatus sys_fsync(vm::Goroutine& g, Slot* w) {
  int fd = static_cast<int>(w[0].i);
  int e = 0;
  blocking_call(g, &e, [&] { return ::fsync(fd); });
  w[0].i = e;
  return vm::exit_syscall(g);
}

// sysReadDirNames(name string) (names []string, errno int): the entries of
// a directory other than "." and "..", in the order the system gives them.
NativeStatus sys_read_dir_names(vm::Goroutine& g, Slot* w) {
  std::string_view name = read_string(w).view();
  if (has_nul(name)) {
    write_slice(w, vm::SliceHeader{nullptr, 0, 0});
    w[3].i = EINVAL;
    return NativeStatus::Ok;
  }
  std::string path(name);
  std::vector<std::string> names;
  int e = 0;
  vm::enter_syscall(g);
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) {
    e = errno;
  } else {
    errno = 0;
    while (dirent* ent = ::readdir(dir)) {
      std::string_view n(ent->d_name);
      if (n != "." && n != "..") names.emplace_back(n);
      errno = 0;
    }
    if (errno != 0) e = errno;
    ::closedir(dir);
  }
  write_slice(w, make_string_slice(names, static_cast<int64_t>(names.size())));
  w[3].i = e;
  return vm::exit_syscall(g);
}

// randUint32() uint32: the random part of CreateTemp's and MkdirTemp's
// names (Go's runtime_rand), from the kernel's generator.
NativeStatus rand_uint32(vm::Goroutine&, Slot* w) {
  uint32_t v = 0;
  while (::getrandom(&v, sizeof v, 0) != static_cast<ssize_t>(sizeof v)) {
  }
  w[0].u = v;
  return NativeStatus::Ok;
}

// Go's texts for errno values (syscall.Errno.Error on linux/amd64), by
// number; "" where Go has none.
constexpr const char* kErrnoText[] = {
    "", "operation not permitted", "no such file or directory", "no such process", "interrupted system call",
    "input/output error", "no such device or address", "argument list too long", "exec format error",
    "bad file descriptor", "no child processes", "resource temporarily unavailable", "cannot allocate memory",
    "permission denied", "bad address", "block device required", "device or resource busy", "file exists",
    "invalid cross-device link", "no such device", "not a directory", "is a directory", "invalid argument",
    "too many open files in system", "too many open files", "inappropriate ioctl for device",
    "text file busy", "file too large", "no space left on device", "illegal seek", "read-only file system",
    "too many links", "broken pipe", "numerical argument out of domain", "numerical result out of range",
    "resource deadlock avoided", "file name too long", "no locks available", "function not implemented",
    "directory not empty", "too many levels of symbolic links", "", "no message of desired type",
    "identifier removed", "channel number out of range", "level 2 not synchronized", "level 3 halted",
    "level 3 reset", "link number out of range", "protocol driver not attached", "no CSI structure available",
    "level 2 halted", "invalid exchange", "invalid request descriptor", "exchange full", "no anode",
    "invalid request code", "invalid slot", "", "bad font file format", "device not a stream",
    "no data available", "timer expired", "out of streams resources", "machine is not on the network",
    "package not installed", "object is remote", "link has been severed", "advertise error", "srmount error",
    "communication error on send", "protocol error", "multihop attempted", "RFS specific error",
    "bad message", "value too large for defined data type", "name not unique on network",
    "file descriptor in bad state", "remote address changed", "can not access a needed shared library",
    "accessing a corrupted shared library", ".lib section in a.out corrupted",
    "attempting to link in too many shared libraries", "cannot exec a shared library directly",
    "invalid or incomplete multibyte or wide character", "interrupted system call should be restarted",
    "streams pipe error", "too many users", "socket operation on non-socket", "destination address required",
    "message too long", "protocol wrong type for socket", "protocol not available", "protocol not supported",
    "socket type not supported", "operation not supported", "protocol family not supported",
    "address family not supported by protocol", "address already in use", "cannot assign requested address",
    "network is down", "network is unreachable", "network dropped connection on reset",
    "software caused connection abort", "connection reset by peer", "no buffer space available",
    "transport endpoint is already connected", "transport endpoint is not connected",
    "cannot send after transport endpoint shutdown", "too many references: cannot splice",
    "connection timed out", "connection refused", "host is down", "no route to host",
    "operation already in progress", "operation now in progress", "stale NFS file handle",
    "structure needs cleaning", "not a XENIX named type file", "no XENIX semaphores available",
    "is a named type file", "remote I/O error", "disk quota exceeded", "no medium found", "wrong medium type",
    "operation canceled", "required key not available", "key has expired", "key has been revoked",
    "key was rejected by service", "owner died", "state not recoverable",
    "operation not possible due to RF-kill",
};

// errnoString(e int) string
NativeStatus errno_string(vm::Goroutine&, Slot* w) {
  int64_t e = w[0].i;
  constexpr int64_t n = sizeof kErrnoText / sizeof kErrnoText[0];
  if (e >= 0 && e < n && kErrnoText[e][0] != '\0') {
    // Static text: a string may point outside the GC heap (value.h).
    write_string(w, StringHeader{kErrnoText[e], static_cast<int64_t>(std::strlen(kErrnoText[e]))});
  } else {
    write_string(w, vm::make_string("errno " + std::to_string(e)));
  }
  return NativeStatus::Ok;
}

}  // namespace

void register_os_natives(vm::NativeRegistry& registry) {
  registry.add("os.runtimeArgs", runtime_args);
  registry.add("os.Exit", exit_process);
  registry.add("os.Getpid", get_pid);
  registry.add("os.Getenv", get_env);
  registry.add("os.LookupEnv", lookup_env_native);
  registry.add("os.Environ", environ_native);
  registry.add("os.setenv", set_env);
  registry.add("os.unsetenv", unset_env);
  registry.add("os.hostname", host_name);
  registry.add("os.sysOpen", sys_open);
  registry.add("os.sysRead", sys_read);
  registry.add("os.sysWrite", sys_write);
  registry.add("os.sysClose", sys_close);
  registry.add("os.errnoString", errno_string);
  registry.add("os.sysStat", sys_stat);
  registry.add("os.sysFstat", sys_fstat);
  registry.add("os.sysUnlink", path_errno<::unlink>);
  registry.add("os.sysRmdir", path_errno<::rmdir>);
  registry.add("os.sysMkdir", sys_mkdir);
  registry.add("os.sysRename", sys_rename);
  registry.add("os.sysSeek", sys_seek);
  registry.add("os.sysPread", sys_pread);
  registry.add("os.sysPwrite", sys_pwrite);
  registry.add("os.sysFsync", sys_fsync);
  registry.add("os.sysReadDirNames", sys_read_dir_names);
  registry.add("os.randUint32", rand_uint32);
}

}  // namespace gol::stdlib
