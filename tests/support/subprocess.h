// subprocess.h — running a command as a test's subprocess (the gol binary,
// Go), capturing stdout, stderr and the exit status, with a timeout.
//
// Tests of what a user sees run the real command: a crash or hang then fails
// one test instead of the suite (STYLE.md: no death tests in a multi-threaded
// runtime). Header-only: several test executables include it.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace gol::test {

struct RunResult {
  int status = -1;  // exit status; -1 if killed by a signal or not started
  int signal = 0;   // the signal that ended it, if one did
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Reads both pipes until they close or the deadline passes; kills the
// process group at the deadline.
inline void drain_pipes(int out_fd, int err_fd, pid_t pid, int timeout_seconds, RunResult& result) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      kill(-pid, SIGKILL);
      break;
    }
    int ready = poll(fds, 2, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; i++) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buffer[8192];
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        open_fds--;
      }
    }
  }
  for (pollfd& p : fds) {
    if (p.fd >= 0) close(p.fd);
  }
}

// Runs argv (PATH is searched) in dir with extra "NAME=value" environment
// entries and stdin from /dev/null, in a process group of its own that is
// killed when `timeout_seconds` pass.
// The whole file at path ("" if it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// s as one POSIX shell word (single-quoted; embedded quotes escaped).
inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

inline RunResult run(const std::vector<std::string>& argv, const std::filesystem::path& dir,
                     const std::vector<std::string>& extra_env = {}, int timeout_seconds = 60) {
  RunResult result;
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0) {
    result.err = std::string("pipe: ") + std::strerror(errno);
    return result;
  }
  if (pipe(err_pipe) != 0) {
    result.err = std::string("pipe: ") + std::strerror(errno);
    close(out_pipe[0]);
    close(out_pipe[1]);
    return result;
  }
  pid_t pid = fork();
  if (pid < 0) {
    result.err = std::string("fork: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    setpgid(0, 0);
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1], null_fd}) {
      if (fd > STDERR_FILENO) close(fd);
    }
    if (chdir(dir.c_str()) != 0) _exit(127);
    for (const std::string& entry : extra_env) {
      size_t eq = entry.find('=');
      setenv(entry.substr(0, eq).c_str(), entry.substr(eq + 1).c_str(), 1);
    }
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    std::fprintf(stderr, "exec %s: %s\n", args[0], std::strerror(errno));
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  drain_pipes(out_pipe[0], err_pipe[0], pid, timeout_seconds, result);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!result.timed_out && WIFEXITED(wstatus)) result.status = WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) result.signal = WTERMSIG(wstatus);
  return result;
}

inline std::string describe(const RunResult& r) {
  std::ostringstream s;
  if (r.timed_out) s << "(killed after its timeout)\n";
  if (r.signal != 0 && !r.timed_out) s << "(killed by signal " << r.signal << ")\n";
  s << "exit status " << r.status << "\n--- stdout ---\n" << r.out << "--- stderr ---\n" << r.err;
  return s.str();
}

}  // namespace gol::test
