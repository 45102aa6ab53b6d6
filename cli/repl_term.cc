// repl_term.cc — the REPL in a terminal: libedit's readline-compatible API
// in callback mode, history, completion, output from running goroutines
// shown above the line being edited, and Ctrl-C.
//
// The core idea: the REPL thread never blocks inside the line editor. It
// polls standard input and an eventfd; a key feeds rl_callback_read_char,
// and the eventfd says that another thread has something for the terminal:
//   - output: vm::set_output_hook sends everything the program writes here,
//     from whichever thread writes it. While no line is being edited (an
//     input is running) the hook writes it straight through; while the user
//     edits, it queues the bytes and wakes the REPL thread, which erases the
//     prompt line, prints them, and redraws the prompt and the half-typed
//     line (rl_forced_update_display) — so output never garbles the line.
//   - SIGINT: the runtime's signal thread calls the sigint hook. During an
//     input it calls Session::interrupt (the input stops at its next safe
//     point); at the prompt it only sets a flag and wakes the REPL thread,
//     which clears the line and shows a fresh prompt. Nothing touches
//     libedit off the REPL thread.
// Multi-line input is driven from here: lines accumulate on the "... "
// prompt until Session::is_complete accepts the text, which is then
// evaluated and added to the history as one entry (libedit keeps embedded
// newlines through its history file, STACK.md §5). The history file is
// rewritten after every entry, so a crash loses nothing.
//
// Rejected: blocking readline() on the REPL thread with output printed by
// the writing threads — it garbles the line and races libedit's state; a
// separate input thread — libedit is not thread-safe and Ctrl-C handling
// would need the same wake-up anyway. GNU readline would work with this code
// unchanged, but it is GPL (STACK.md §5).
#include <editline/readline.h>
#include <langinfo.h>
#include <poll.h>
#include <pwd.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <clocale>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "cli/repl.h"
#include "cli/session.h"
#include "vm/session.h"

namespace gol::cli {
namespace {

constexpr const char* kPrompt = ">>> ";
constexpr const char* kMorePrompt = "... ";
constexpr int kHistoryMax = 1000;

// State the hooks share with the REPL thread. Hooks are plain function
// pointers, hence a file-level object.
struct Terminal {
  int event_fd = -1;
  std::atomic<Session*> session{nullptr};
  std::atomic<bool> evaluating{false};
  std::atomic<bool> sigint{false};
  std::mutex mu;  // guards editing and queued
  bool editing = false;
  std::vector<std::pair<int, std::string>> queued;
};
Terminal g_term;

// The line handed over by the editor's callback; processed by the loop
// after rl_callback_read_char returns, so no evaluation runs inside libedit.
struct LineEvent {
  bool ready = false;
  bool eof = false;
  std::string text;
};
LineEvent g_line;

// No key has reached the editor since the prompt was shown. libedit updates
// rl_line_buffer and rl_point only as keys are read, so until then they
// still describe the previous line.
bool g_fresh = true;

std::string current_line() {
  return g_fresh || rl_line_buffer == nullptr ? std::string() : std::string(rl_line_buffer);
}

void write_all(int fd, const char* data, size_t len) {
  while (len > 0) {
    const ssize_t n = ::write(fd, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // a closed terminal: nothing better to do with the bytes
    }
    data += n;
    len -= static_cast<size_t>(n);
  }
}

void wake() {
  const uint64_t one = 1;
  // EAGAIN means the counter is already nonzero: the REPL will wake anyway.
  [[maybe_unused]] ssize_t n = ::write(g_term.event_fd, &one, sizeof one);
}

void output_hook(int fd, const char* data, size_t len) {
  std::lock_guard<std::mutex> lock(g_term.mu);
  if (!g_term.editing) {
    write_all(fd, data, len);
    return;
  }
  const bool was_empty = g_term.queued.empty();
  if (!was_empty && g_term.queued.back().first == fd) {
    g_term.queued.back().second.append(data, len);
  } else {
    g_term.queued.emplace_back(fd, std::string(data, len));
  }
  if (was_empty) wake();
}

void sigint_hook() {
  if (g_term.evaluating.load()) {
    // The terminal echoed "^C"; what the interrupted input prints next
    // starts on a line of its own.
    write_all(STDOUT_FILENO, "\n", 1);
    if (Session* s = g_term.session.load()) s->interrupt();
    return;
  }
  g_term.sigint.store(true);
  wake();
}

// Columns a UTF-8 string takes, counting code points (wide characters are
// rare at a Go prompt; being off for them only misplaces a redraw).
size_t columns(const char* s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

// Moves the cursor to the start of the prompt's first row and clears
// everything below it: the edit line is gone and output can be printed.
void erase_edit_line() {
  int rows = 0, cols = 0;
  rl_get_screen_size(&rows, &cols);
  const char* prompt = rl_prompt != nullptr ? rl_prompt : "";
  size_t before = columns(prompt, std::strlen(prompt));
  const std::string line = current_line();
  if (rl_point > 0) before += columns(line.data(), std::min(line.size(), static_cast<size_t>(rl_point)));
  std::string seq;
  if (cols > 0 && before / static_cast<size_t>(cols) > 0) {
    seq += "\x1b[" + std::to_string(before / static_cast<size_t>(cols)) + "A";
  }
  seq += "\r\x1b[J";
  write_all(STDOUT_FILENO, seq.data(), seq.size());
}

// Prints data while the terminal may be in the editor's raw mode, where a
// bare '\n' need not return the carriage.
void write_cooked(int fd, const std::string& data) {
  std::string out;
  out.reserve(data.size() + 16);
  for (char c : data) {
    if (c == '\n') out += '\r';
    out += c;
  }
  write_all(fd, out.data(), out.size());
}

// Shows the queued program output above the prompt.
void show_queued_output() {
  std::vector<std::pair<int, std::string>> chunks;
  {
    std::lock_guard<std::mutex> lock(g_term.mu);
    chunks.swap(g_term.queued);
  }
  if (chunks.empty()) return;
  erase_edit_line();
  for (const auto& [fd, data] : chunks) write_cooked(fd, data);
  // Partial output (fmt.Print without a newline) still gets its own row, or
  // the redrawn prompt would be glued to it.
  if (chunks.back().second.back() != '\n') write_all(STDOUT_FILENO, "\r\n", 2);
  rl_forced_update_display();
}

std::string history_path() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') {
    const passwd* pw = getpwuid(getuid());
    if (pw == nullptr) return {};
    home = pw->pw_dir;
  }
  return std::string(home) + "/.gol_history";
}

// libedit edits UTF-8 only under a UTF-8 LC_CTYPE, and drops other bytes in
// the C locale (STACK.md §5). Only LC_CTYPE is set: LC_NUMERIC must stay "C"
// so no C library formatting in the runtime picks up a decimal comma.
void setup_locale() {
  std::setlocale(LC_CTYPE, "");
  const char* codeset = nl_langinfo(CODESET);
  if (codeset == nullptr || (std::strcmp(codeset, "UTF-8") != 0 && std::strcmp(codeset, "utf8") != 0)) {
    std::setlocale(LC_CTYPE, "C.UTF-8");
  }
}

// ---- completion ----

bool is_keyword(const std::string& word) {
  static const char* const kKeywords[] = {
      "break",  "case",   "chan",  "const", "continue", "default", "defer",  "else", "fallthrough",
      "for",    "func",   "go",    "goto",  "if",       "import",  "interface", "map", "package",
      "range",  "return", "select", "struct", "switch", "type",    "var"};
  for (const char* k : kKeywords) {
    if (word == k) return true;
  }
  return false;
}

char* dup_string(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

// rl_attempted_completion_function. The editor's word is [word_start, end)
// of the line, split at rl_basic_word_break_characters (which include '.',
// so after `fmt.` the word is what follows the dot); Session::complete says
// where its word starts, and candidates are re-based on the editor's word.
char** complete(const char* /*text*/, int word_start, int end) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  Session* session = g_term.session.load();
  if (session == nullptr || rl_line_buffer == nullptr) return nullptr;
  const std::string line(rl_line_buffer);
  const size_t cursor = std::min(static_cast<size_t>(end), line.size());
  const size_t ws = std::min(static_cast<size_t>(word_start), cursor);
  // Tab in indentation is indentation: pasted Go code is full of tabs.
  if (line.find_first_not_of(" \t", 0) >= cursor) {
    char** out = static_cast<char**>(std::malloc(3 * sizeof(char*)));
    out[0] = dup_string("\t");
    out[1] = dup_string("\t");
    out[2] = nullptr;
    rl_completion_append_character = '\0';
    return out;
  }
  size_t start = cursor;
  std::vector<std::string> found = session->complete(line, cursor, &start);
  std::vector<std::string> matches;
  for (const std::string& c : found) {
    if (start >= ws) {
      matches.push_back(line.substr(ws, start - ws) + c);
    } else if (c.compare(0, ws - start, line, start, ws - start) == 0) {
      matches.push_back(c.substr(ws - start));
    }
  }
  if (matches.empty()) return nullptr;
  size_t common = matches[0].size();
  for (const std::string& m : matches) {
    size_t i = 0;
    while (i < common && i < m.size() && m[i] == matches[0][i]) ++i;
    common = i;
  }
  // A keyword is followed by a space; a name is not (the user types `(`,
  // `.` or an operator next, and `pkg.` must stay glued to its member).
  rl_completion_append_character = matches.size() == 1 && is_keyword(matches[0]) ? ' ' : '\0';
  char** out = static_cast<char**>(std::malloc((matches.size() + 2) * sizeof(char*)));
  out[0] = dup_string(matches.size() == 1 ? matches[0] : matches[0].substr(0, common));
  for (size_t i = 0; i < matches.size(); ++i) out[i + 1] = dup_string(matches[i]);
  out[matches.size() + 1] = nullptr;
  return out;
}

// ---- the prompt loop ----

void on_line(char* line) {
  g_line.ready = true;
  g_line.eof = line == nullptr;
  g_line.text = line != nullptr ? line : "";
  std::free(line);
}

void set_editing(bool editing) {
  std::vector<std::pair<int, std::string>> chunks;
  {
    std::lock_guard<std::mutex> lock(g_term.mu);
    g_term.editing = editing;
    chunks.swap(g_term.queued);
  }
  // Output that raced the end of editing: the line is done, so it simply
  // follows it.
  for (const auto& [fd, data] : chunks) write_all(fd, data.data(), data.size());
}

void start_prompt(const char* prompt) {
  set_editing(true);
  g_fresh = true;
  rl_callback_handler_install(prompt, on_line);
}

// Ctrl-C at the prompt: the abandoned line stays visible with "^C" after
// it, as in a shell, and a fresh prompt follows.
void clear_line_after_sigint(std::string& pending) {
  const std::string shown = std::string(rl_prompt != nullptr ? rl_prompt : "") + current_line();
  erase_edit_line();
  write_cooked(STDOUT_FILENO, shown + "^C\n");
  pending.clear();
  rl_set_prompt(kPrompt);
  // Redraw first, so the editor knows where the cursor is, then empty the
  // line: libedit's rl_replace_line ignores an empty text, so the line is
  // killed by feeding the editor its own Ctrl-U (emacs-mode kill-line).
  rl_forced_update_display();
  rl_insert(1, 'U' & 0x1f);
  rl_callback_read_char();
  g_fresh = true;
}

void save_history_entry(const std::string& text, const std::string& path) {
  // An entry repeating the previous one is kept once (Up then Enter would
  // otherwise fill the history with copies).
  HIST_ENTRY* previous = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
  if (previous != nullptr && previous->line != nullptr && text == previous->line) return;
  add_history(text.c_str());
  if (!path.empty()) write_history(path.c_str());
}

// Handles one finished line; returns false to leave the REPL.
bool handle_line(ReplState& state, std::string& pending, const std::string& path) {
  rl_callback_handler_remove();
  set_editing(false);
  if (g_line.eof) {
    std::fputs("\n", stdout);
    std::fflush(stdout);
    if (pending.empty()) return false;  // Ctrl-D on an empty prompt exits
    pending.clear();                     // on "... " it abandons the input
    start_prompt(kPrompt);
    return true;
  }
  const std::string line = g_line.text;
  if (pending.empty()) {
    if (line.find_first_not_of(" \t\r\n") == std::string::npos) {
      start_prompt(kPrompt);
      return true;
    }
    if (is_command(line)) {
      save_history_entry(line, path);
      if (run_command(state, line) == InputResult::Quit) return false;
      start_prompt(kPrompt);
      return true;
    }
    pending = line;
  } else {
    pending += '\n';
    pending += line;
  }
  if (!state.session->is_complete(pending)) {
    start_prompt(kMorePrompt);
    return true;
  }
  save_history_entry(pending, path);
  g_term.evaluating.store(true);
  run_input(state, pending);
  g_term.evaluating.store(false);
  pending.clear();
  start_prompt(kPrompt);
  return true;
}

void drain_event_fd() {
  uint64_t count = 0;
  [[maybe_unused]] ssize_t n = ::read(g_term.event_fd, &count, sizeof count);
}

void setup_editor(const std::string& path) {
  rl_readline_name = "gol";
  rl_catch_signals = 0;  // the runtime owns signals; SIGINT comes through the hook
  rl_catch_sigwinch = 1;
  rl_attempted_completion_function = complete;
  static char breaks[] = " \t\n\"'`@$><=;|&{(}[]).,+-*/%^!:~";
  rl_basic_word_break_characters = breaks;
  rl_completer_word_break_characters = breaks;
  using_history();
  stifle_history(kHistoryMax);
  if (!path.empty()) read_history(path.c_str());
}

}  // namespace

int run_terminal() {
  setup_locale();
  g_term.event_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (g_term.event_fd < 0) {
    std::perror("gol: eventfd");
    return 1;
  }
  vm::set_output_hook(output_hook);
  vm::set_sigint_hook(sigint_hook);
  // Never destroyed: goroutines may still run its code at exit (run_repl).
  Session& session = *new Session;
  g_term.session.store(&session);
  ReplState state{&session};
  const std::string path = history_path();
  setup_editor(path);
  std::printf("gol %s — Go at the prompt. :help for help, Ctrl-D to exit.\n", GOL_VERSION);
  std::fflush(stdout);
  std::string pending;
  start_prompt(kPrompt);
  for (;;) {
    pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {g_term.event_fd, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;  // the collector's signals land here too
      break;
    }
    if (fds[1].revents & POLLIN) {
      drain_event_fd();
      if (g_term.sigint.exchange(false)) clear_line_after_sigint(pending);
      show_queued_output();
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      rl_callback_read_char();
      g_fresh = false;
      if (g_line.ready) {
        g_line.ready = false;
        if (!handle_line(state, pending, path)) break;
      } else if (fds[0].revents & (POLLHUP | POLLERR) && !(fds[0].revents & POLLIN)) {
        break;  // the terminal went away
      }
    }
  }
  rl_callback_handler_remove();
  set_editing(false);
  vm::set_output_hook(nullptr);
  std::fflush(stdout);
  return 0;
}

}  // namespace gol::cli
