// output.cc — buffered standard output, unbuffered standard error, and the
// builtin print/println format.
//
// The core idea: gol programs print a lot through fmt.Println; one write(2)
// per call would dominate their run time. Standard output therefore goes
// through one 64 KiB buffer, flushed when full, at exit, at os.Exit, and
// before anything is written to standard error — so a panic message or a
// builtin println always appears after the output that preceded it, as it
// would in Go where nothing is buffered. Standard error is never buffered.
//
// The buffer is shared by every thread (goroutines on several Ms print to the
// same stream) and guarded by a mutex; output is not on any hot path that the
// lock would slow down measurably next to formatting.
//
// Builtin print/println (the PRINT opcode) follows Go's runtime/print.go:
// floats as +1.500000e+000, pointers as 0xc000012345, interfaces as
// (0xtype,0xdata), slices as [len/cap]0xdata.
//
// In the REPL an output hook (vm/session.h) takes both streams instead,
// unbuffered: the front end prints them above the line being edited.
//
// Rejected: stdio's FILE buffering — its flush points (exit handlers, line
// buffering on terminals) differ from what we promise, and it would need the
// same locking anyway.
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <atomic>
#include <cstring>
#include <mutex>
#include <string>

#include "vm/interp_impl.h"
#include "vm/runtime.h"
#include "vm/session.h"

namespace gol::vm {

namespace {

constexpr size_t kOutBufferBytes = 64 * 1024;

std::mutex g_out_mu;
char g_out_buf[kOutBufferBytes];  // guarded by g_out_mu
size_t g_out_len = 0;             // guarded by g_out_mu
// Set before the session starts, read by every write: acquire pairs with
// set_output_hook's release (the hook's own state is ready before it).
std::atomic<OutputHook> g_hook{nullptr};

// Writes everything, retrying on EINTR (a GC stop-the-world signal may land
// in the middle, STACK.md §3). A closed pipe ends the program as Go does on
// SIGPIPE for standard output; other errors are dropped as Go's runtime
// print does.
void write_all(int fd, const char* data, size_t len) {
  while (len > 0) {
    ssize_t n = ::write(fd, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE && (fd == 1 || fd == 2)) {
        std::signal(SIGPIPE, SIG_DFL);
        std::raise(SIGPIPE);
      }
      return;
    }
    data += n;
    len -= static_cast<size_t>(n);
  }
}

void flush_locked() {
  if (g_out_len == 0) return;
  write_all(1, g_out_buf, g_out_len);
  g_out_len = 0;
}

}  // namespace

void set_output_hook(OutputHook hook) {
  out_flush();  // what was buffered before goes out first
  g_hook.store(hook, std::memory_order_release);
}

void out_write(int fd, const char* data, size_t len) {
  if (OutputHook hook = g_hook.load(std::memory_order_acquire)) {
    // Outside the lock: the hook may block on the terminal, and it is
    // documented as called concurrently.
    hook(fd, data, len);
    return;
  }
  std::lock_guard<std::mutex> lock(g_out_mu);
  if (fd != 1) {
    flush_locked();
    write_all(fd, data, len);
    return;
  }
  if (g_out_len + len > kOutBufferBytes) {
    flush_locked();
    if (len >= kOutBufferBytes) {
      write_all(1, data, len);
      return;
    }
  }
  std::memcpy(g_out_buf + g_out_len, data, len);
  g_out_len += len;
}

void out_flush() {
  std::lock_guard<std::mutex> lock(g_out_mu);
  flush_locked();
}

// ------------------------------------------------------ builtin print

namespace {

void append_hex(std::string& out, uint64_t v) {
  char buf[20];
  int n = std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  out.append(buf, static_cast<size_t>(n));
}

}  // namespace

// Go's runtime printfloat: sign, one digit, '.', six digits, 'e', sign, three
// exponent digits, computed by repeated scaling (not by printf, whose
// rounding differs for the last digit).
void append_go_float(std::string& out, double v) {
  if (v != v) {
    out += "NaN";
    return;
  }
  if (v + v == v && v > 0) {
    out += "+Inf";
    return;
  }
  if (v + v == v && v < 0) {
    out += "-Inf";
    return;
  }
  constexpr int kDigits = 7;
  char buf[kDigits + 7];
  buf[0] = '+';
  int exp = 0;
  if (v == 0) {
    if (std::signbit(v)) buf[0] = '-';
  } else {
    if (v < 0) {
      v = -v;
      buf[0] = '-';
    }
    while (v >= 10) {
      ++exp;
      v /= 10;
    }
    while (v < 1) {
      --exp;
      v *= 10;
    }
    double half = 5.0;
    for (int i = 0; i < kDigits; ++i) half /= 10;
    v += half;
    if (v >= 10) {
      ++exp;
      v /= 10;
    }
  }
  for (int i = 0; i < kDigits; ++i) {
    int digit = static_cast<int>(v);
    buf[i + 2] = static_cast<char>('0' + digit);
    v = (v - digit) * 10;
  }
  buf[1] = buf[2];
  buf[2] = '.';
  buf[kDigits + 2] = 'e';
  buf[kDigits + 3] = '+';
  if (exp < 0) {
    exp = -exp;
    buf[kDigits + 3] = '-';
  }
  buf[kDigits + 4] = static_cast<char>('0' + exp / 100);
  buf[kDigits + 5] = static_cast<char>('0' + exp / 10 % 10);
  buf[kDigits + 6] = static_cast<char>('0' + exp % 10);
  out.append(buf, sizeof buf);
}

void print_value(PrintKind kind, const Slot* v) {
  std::string out;
  switch (kind) {
    case PrintKind::Bool: out = v[0].u != 0 ? "true" : "false"; break;
    case PrintKind::Int: out = std::to_string(v[0].i); break;
    case PrintKind::Uint: out = std::to_string(v[0].u); break;
    case PrintKind::Float: append_go_float(out, v[0].f); break;
    case PrintKind::String: out.assign(static_cast<const char*>(v[0].cp), static_cast<size_t>(v[1].i)); break;
    case PrintKind::Pointer: append_hex(out, v[0].u); break;
    case PrintKind::Iface:
      out = "(";
      append_hex(out, v[0].u);
      out += ",";
      append_hex(out, v[1].u);
      out += ")";
      break;
    case PrintKind::Slice:
      out = "[";
      out += std::to_string(v[1].i);
      out += '/';
      out += std::to_string(v[2].i);
      out += ']';
      append_hex(out, v[0].u);
      break;
    case PrintKind::Space: out = " "; break;
    case PrintKind::Newline: out = "\n"; break;
  }
  out_write(2, out.data(), out.size());
}

}  // namespace gol::vm
