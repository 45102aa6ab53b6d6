// os_native_test.cc — the natives of package os: environment, files,
// error texts, exit.
//
// Expected error texts are Go 1.23's syscall.Errno strings (linux/amd64);
// the environment rules are Go's syscall.Setenv/Getenv ones (EINVAL for an
// empty key or one holding '=' or NUL; a key holding '=' is never found).
#include <fcntl.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "stdlib/natives.h"
#include "vm/interp.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::Slot;

class OsNative : public ::testing::Test {
 protected:
  void SetUp() override {
    vm::runtime_init();
    register_os_natives(m_registry);
    m_g = vm::new_goroutine();
  }

  void call(const char* name, Slot* window) {
    vm::NativeFn fn = m_registry.find(std::string("os.") + name);
    ASSERT_NE(fn, nullptr) << name;
    ASSERT_EQ(fn(*m_g, window), vm::NativeStatus::Ok);
  }

  static void put_string(Slot* w, std::string_view s) {
    w[0].cp = s.data();
    w[1].i = static_cast<int64_t>(s.size());
  }
  static std::string get_string(const Slot* w) {
    return std::string(static_cast<const char*>(w[0].cp), static_cast<size_t>(w[1].i));
  }
  static std::vector<std::string> get_strings(const Slot* w) {
    const auto* data = static_cast<const vm::StringHeader*>(w[0].p);
    std::vector<std::string> out;
    for (int64_t i = 0; i < w[1].i; ++i) out.emplace_back(data[i].view());
    return out;
  }

  std::string errno_string(int64_t e) {
    Slot w[2];
    w[0].i = e;
    call("errnoString", w);
    return get_string(w);
  }

  int64_t set_env(std::string_view key, std::string_view value) {
    Slot w[4];
    put_string(w, key);
    put_string(w + 2, value);
    call("setenv", w);
    return w[0].i;
  }

  // LookupEnv: the value, or "<unset>".
  std::string lookup(std::string_view key) {
    Slot w[3];
    put_string(w, key);
    call("LookupEnv", w);
    return w[2].i != 0 ? get_string(w) : "<unset>";
  }

  std::string getenv(std::string_view key) {
    Slot w[2];
    put_string(w, key);
    call("Getenv", w);
    return get_string(w);
  }

  // sysOpen: {fd, errno}.
  std::pair<int64_t, int64_t> open(std::string_view name, int64_t flag, uint32_t perm) {
    Slot w[4];
    put_string(w, name);
    w[2].i = flag;
    w[3].u = perm;
    call("sysOpen", w);
    return {w[0].i, w[1].i};
  }

  std::pair<int64_t, int64_t> io(const char* name, int64_t fd, char* data, int64_t len) {
    Slot w[4];
    w[0].i = fd;
    w[1].p = data;
    w[2].i = len;
    w[3].i = len;
    call(name, w);
    return {w[0].i, w[1].i};
  }

  int64_t close(int64_t fd) {
    Slot w[1];
    w[0].i = fd;
    call("sysClose", w);
    return w[0].i;
  }

  vm::NativeRegistry m_registry;
  vm::Goroutine* m_g = nullptr;
};

TEST_F(OsNative, ErrnoStringsAreGos) {
  EXPECT_EQ(errno_string(1), "operation not permitted");
  EXPECT_EQ(errno_string(2), "no such file or directory");
  EXPECT_EQ(errno_string(5), "input/output error");
  EXPECT_EQ(errno_string(11), "resource temporarily unavailable");
  EXPECT_EQ(errno_string(13), "permission denied");
  EXPECT_EQ(errno_string(17), "file exists");
  EXPECT_EQ(errno_string(32), "broken pipe");
  EXPECT_EQ(errno_string(110), "connection timed out");
  EXPECT_EQ(errno_string(132), "operation not possible due to RF-kill");
  EXPECT_EQ(errno_string(133), "errno 133");
  EXPECT_EQ(errno_string(0), "errno 0");
  EXPECT_EQ(errno_string(41), "errno 41");  // a hole in Go's table
  EXPECT_EQ(errno_string(134), "errno 134");
  EXPECT_EQ(errno_string(-1), "errno -1");
}

TEST_F(OsNative, EnvironmentFollowsGosRules) {
  EXPECT_EQ(set_env("GOL_NATIVE_TEST", "v1"), 0);
  EXPECT_EQ(getenv("GOL_NATIVE_TEST"), "v1");
  EXPECT_EQ(lookup("GOL_NATIVE_TEST"), "v1");
  EXPECT_EQ(set_env("GOL_NATIVE_TEST", ""), 0);
  EXPECT_EQ(lookup("GOL_NATIVE_TEST"), "");  // set, but empty
  EXPECT_EQ(set_env("GOL_NATIVE_TEST", "a=b"), 0);
  EXPECT_EQ(getenv("GOL_NATIVE_TEST"), "a=b");
  // A key holding '=' never matches, even where a prefix would.
  EXPECT_EQ(lookup("GOL_NATIVE_TEST=a"), "<unset>");

  EXPECT_EQ(set_env("", "x"), EINVAL);
  EXPECT_EQ(set_env("A=B", "x"), EINVAL);
  EXPECT_EQ(set_env(std::string_view("A\0B", 3), "x"), EINVAL);
  EXPECT_EQ(set_env("GOL_NATIVE_TEST", std::string_view("x\0y", 3)), EINVAL);

  Slot w[3];
  call("Environ", w);
  std::vector<std::string> env = get_strings(w);
  EXPECT_NE(std::find(env.begin(), env.end(), "GOL_NATIVE_TEST=a=b"), env.end());

  put_string(w, "GOL_NATIVE_TEST");
  call("unsetenv", w);
  EXPECT_EQ(w[0].i, 0);
  EXPECT_EQ(lookup("GOL_NATIVE_TEST"), "<unset>");
  EXPECT_EQ(getenv("GOL_NATIVE_TEST"), "");
  put_string(w, "BAD=KEY");
  call("unsetenv", w);
  EXPECT_EQ(w[0].i, 0);  // Go's Unsetenv does not fail
  call("Environ", w);
  env = get_strings(w);
  for (const std::string& e : env) EXPECT_NE(e.rfind("GOL_NATIVE_TEST=", 0), 0u) << e;
}

TEST_F(OsNative, FilesOpenReadWriteClose) {
  char path[] = "/tmp/gol_os_native_XXXXXX";
  int tmp = ::mkstemp(path);
  ASSERT_GE(tmp, 0);
  ::close(tmp);

  auto [fd, e] = open(path, O_WRONLY | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(e, 0);
  EXPECT_EQ(::fcntl(static_cast<int>(fd), F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
  char text[] = "hello, file";
  auto [n, we] = io("sysWrite", fd, text, 11);
  EXPECT_EQ(n, 11);
  EXPECT_EQ(we, 0);
  EXPECT_EQ(close(fd), 0);
  EXPECT_EQ(close(fd), EBADF);

  std::tie(fd, e) = open(path, O_RDONLY, 0);
  ASSERT_GE(fd, 0);
  char buf[32] = {};
  auto [r, re] = io("sysRead", fd, buf, 5);
  EXPECT_EQ(r, 5);
  EXPECT_EQ(re, 0);
  EXPECT_EQ(std::string(buf, 5), "hello");
  std::tie(r, re) = io("sysRead", fd, buf, 32);
  EXPECT_EQ(r, 6);
  EXPECT_EQ(std::string(buf, 6), ", file");
  std::tie(r, re) = io("sysRead", fd, buf, 32);
  EXPECT_EQ(r, 0);  // end of file
  EXPECT_EQ(re, 0);
  // Writing to a read-only descriptor: EBADF, nothing written.
  std::tie(n, we) = io("sysWrite", fd, text, 3);
  EXPECT_EQ(n, 0);
  EXPECT_EQ(we, EBADF);
  EXPECT_EQ(close(fd), 0);

  std::tie(r, re) = io("sysRead", fd, buf, 4);
  EXPECT_EQ(r, -1);
  EXPECT_EQ(re, EBADF);

  std::tie(fd, e) = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  EXPECT_EQ(fd, -1);
  EXPECT_EQ(e, EEXIST);
  ::unlink(path);
  std::tie(fd, e) = open(path, O_RDONLY, 0);
  EXPECT_EQ(fd, -1);
  EXPECT_EQ(e, ENOENT);
  std::tie(fd, e) = open(std::string_view("/tmp/a\0b", 8), O_RDONLY, 0);
  EXPECT_EQ(fd, -1);
  EXPECT_EQ(e, EINVAL);
}

TEST_F(OsNative, ProcessFacts) {
  Slot w[3];
  call("Getpid", w);
  EXPECT_EQ(w[0].i, ::getpid());
  call("hostname", w);
  struct utsname u;
  ASSERT_EQ(::uname(&u), 0);
  EXPECT_EQ(get_string(w), u.nodename);
  EXPECT_EQ(w[2].i, 0);

  vm::set_process_args({"prog", "one", "two words"});
  call("runtimeArgs", w);
  EXPECT_EQ(get_strings(w), (std::vector<std::string>{"prog", "one", "two words"}));
  EXPECT_EQ(w[2].i, 3);
}

// Runs `body` in a child whose standard output is a pipe; returns what it
// printed, and its exit status in *status.
template <typename Body>
std::string run_in_child(Body body, int* status) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::close(fds[0]);
    ::close(fds[1]);
    body();
    std::_Exit(99);  // body must not return
  }
  ::close(fds[1]);
  std::string out;
  char buf[256];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  ::waitpid(pid, status, 0);
  return out;
}

TEST_F(OsNative, ExitFlushesBufferedOutputAndUsesTheCode) {
  vm::NativeFn write = m_registry.find("os.sysWrite");
  vm::NativeFn exit = m_registry.find("os.Exit");
  vm::Goroutine* g = m_g;
  int status = 0;
  std::string out = run_in_child(
      [&] {
        char text[] = "buffered\n";
        Slot w[4];
        w[0].i = 1;
        w[1].p = text;
        w[2].i = 9;
        w[3].i = 9;
        (void)write(*g, w);
        w[0].i = 3;
        (void)exit(*g, w);
      },
      &status);
  EXPECT_EQ(out, "buffered\n");
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3);
}

}  // namespace
}  // namespace gol::stdlib
