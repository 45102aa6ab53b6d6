// main.cc — the gol command: check, run, version, help, and the REPL (no
// arguments; cli/repl.cc).
//
// Exit statuses follow Go's: 0 success, 1 compile errors, 2 for usage errors
// (and, once programs run, panics and fatal errors).
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/repl.h"
#include "lang/ast.h"
#include "lang/check.h"
#include "lang/compile.h"
#include "lang/parse.h"
#include "lang/registry.h"
#include "lang/source.h"
#include "stdlib/natives.h"
#include "stdlib/stdlib.h"
#include "vm/interp.h"
#include "vm/runtime.h"

namespace gol::cli {
int cmd_trace(const std::vector<std::string>& args);  // trace.cc
}  // namespace gol::cli

namespace {

constexpr int kExitOk = 0;
constexpr int kExitCompileError = 1;
constexpr int kExitUsage = 2;

const char kUsage[] =
    "gol runs programs written in a subset of Go.\n"
    "\n"
    "Usage:\n"
    "\n"
    "\tgol <command> [arguments]\n"
    "\tgol                  (no arguments: the interactive REPL, see REPL.md)\n"
    "\n"
    "The commands are:\n"
    "\n"
    "\tcheck    type-check .gol files without running them\n"
    "\trun      compile and run a gol program\n"
    "\tdisasm   print the bytecode of a program's functions\n"
    "\ttrace    summarise a runtime/trace file (goroutines and Ps)\n"
    "\tversion  print the gol version\n"
    "\thelp     print this help\n"
    "\n"
    "A program is one .gol file or a folder of them, in package main.\n"
    "`gol FILE.gol` is short for `gol run FILE.gol`.\n";

// The .gol files a command names: a file as given, or every .gol file of a folder.
bool collect_files(const std::vector<std::string>& args, std::vector<std::string>& out) {
  namespace fs = std::filesystem;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(arg, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".gol") {
          found.push_back(entry.path().string());
        }
      }
      if (found.empty()) {
        std::fprintf(stderr, "gol: no .gol files in %s\n", arg.c_str());
        return false;
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(arg);
    }
  }
  return true;
}

bool read_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // Go spells errno texts in lower case ("no such file or directory").
    std::string reason = std::strerror(errno);
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    std::fprintf(stderr, "gol: open %s: %s\n", path.c_str(), reason.c_str());
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

// A parsed and type-checked program. The arena and sources must outlive
// everything compiled from the package.
struct Checked {
  gol::lang::SourceSet sources;
  gol::lang::Arena arena;
  gol::lang::Package* package = nullptr;
};

// Parses and type-checks the program; prints errors. Returns an exit status.
int check_program(const std::vector<std::string>& paths, Checked& out) {
  using namespace gol::lang;
  SourceSet& sources = out.sources;
  Arena& arena = out.arena;
  Diagnostics diags;
  std::vector<int32_t> ids;
  for (const std::string& path : paths) {
    std::string text;
    if (!read_file(path, text)) return kExitUsage;
    ids.push_back(sources.add(path, std::move(text)));
  }
  std::vector<File*> files;
  for (int32_t id : ids) files.push_back(parse_file(sources, id, arena, diags));
  // Like Go, the program is type-checked unless a file has a syntax error;
  // the parser's and lexer's other errors leave a tree worth checking.
  const bool parsed = std::none_of(files.begin(), files.end(),
                                   [](const File* f) { return f->has_syntax_errors; });
  if (parsed) {
    PackageRegistry registry;
    gol::stdlib::register_packages(registry);
    out.package = check_package(sources, arena, files, registry, diags);
  } else {
    // Go's parser still checks labels and branches in the bodies it parsed
    // without errors.
    check_branches(sources, files, diags);
  }
  if (!diags.empty()) {
    diags.print(sources, stderr, isatty(STDERR_FILENO) != 0);
    return kExitCompileError;
  }
  return kExitOk;
}

// Compiles a checked program; on failure prints why and returns null.
std::unique_ptr<gol::vm::Program> compile(Checked& checked) {
  gol::vm::NativeRegistry natives;
  gol::stdlib::register_natives(natives);
  gol::lang::CompileError error;
  auto program = gol::lang::compile_program(checked.sources, checked.package, natives, &error);
  if (!program) {
    if (error.pos.valid()) {
      std::fprintf(stderr, "%s: %s\n", gol::lang::format_pos(checked.sources, error.pos).c_str(), error.message.c_str());
    } else {
      std::fprintf(stderr, "gol: %s\n", error.message.c_str());
    }
  }
  return program;
}

int cmd_check(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::fprintf(stderr, "gol check: no .gol files listed\n");
    return kExitUsage;
  }
  std::vector<std::string> paths;
  if (!collect_files(args, paths)) return kExitUsage;
  Checked checked;
  return check_program(paths, checked);
}

int cmd_disasm(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::fprintf(stderr, "gol disasm: no .gol files listed\n");
    return kExitUsage;
  }
  std::vector<std::string> paths;
  if (!collect_files(args, paths)) return kExitUsage;
  Checked checked;
  if (int status = check_program(paths, checked); status != kExitOk) return status;
  auto program = compile(checked);
  if (!program) return kExitUsage;
  std::fputs(gol::vm::disassemble(*program).c_str(), stdout);
  return kExitOk;
}

int cmd_run(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::fprintf(stderr, "gol run: no .gol files listed\n");
    return kExitUsage;
  }
  // The program is the leading .gol files (or one folder); the rest are its arguments.
  std::vector<std::string> program;
  size_t i = 0;
  if (std::filesystem::is_directory(args[0])) {
    program.push_back(args[0]);
    i = 1;
  } else {
    while (i < args.size() && args[i].ends_with(".gol")) program.push_back(args[i++]);
  }
  if (program.empty()) {
    std::fprintf(stderr, "gol run: no .gol files listed\n");
    return kExitUsage;
  }
  std::vector<std::string> paths;
  if (!collect_files(program, paths)) return kExitUsage;
  Checked checked;
  if (int status = check_program(paths, checked); status != kExitOk) return status;
  auto compiled = compile(checked);
  if (!compiled) return kExitUsage;
  // os.Args: the program's name, then its arguments.
  std::vector<std::string> argv{program[0]};
  argv.insert(argv.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  gol::vm::set_process_args(std::move(argv));
  gol::vm::run_program(*compiled);
}

}  // namespace

int main(int argc, char** argv) {
  gol::vm::runtime_init();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return gol::cli::run_repl();
  const std::string command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "check") return cmd_check(rest);
  if (command == "run") return cmd_run(rest);
  if (command == "disasm") return cmd_disasm(rest);
  if (command == "trace") return gol::cli::cmd_trace(rest);
  if (command == "version") {
    std::printf("gol version %s linux/amd64\n", GOL_VERSION);
    return kExitOk;
  }
  if (command == "help" || command == "-h" || command == "--help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (command.ends_with(".gol")) return cmd_run(args);
  std::fprintf(stderr, "gol %s: unknown command; run 'gol help' for usage\n", command.c_str());
  return kExitUsage;
}
