// front_end_fuzz.cc — libFuzzer target for the whole front end.
//
// Feeds arbitrary bytes to the lexer and parser (parse_file) as one source
// file and, when the file parses without errors, type-checks it as package
// main with the standard packages registered (check_package), exactly as
// `gol check` does. Then it prints the diagnostics (to /dev/null), so the
// position and source-line code behind every message runs too. Source errors
// are expected and fine; what the fuzzer hunts is anything else: a crash, an
// assertion, an ASan/UBSan report, an input that takes more than the
// per-input timeout (a hang), or one that needs more memory than the limit.
//
// The bounded run that CI does, with the seed corpus, the dictionary gol.dict
// and the limits, is run_fuzz.sh beside this file (which also says why leak
// detection is off); README.md says how to fuzz longer and replay a crash.
//
// Rejected: a structure-aware (grammar-based) generator. Plain byte mutation
// from a corpus of real programs, with a dictionary of Go's tokens, reaches
// deep into the checker already, and it also covers the malformed inputs
// (bad UTF-8, NUL bytes, unterminated literals) that a grammar would never
// produce and that the lexer must survive.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "lang/ast.h"
#include "lang/check.h"
#include "lang/parse.h"
#include "lang/registry.h"
#include "lang/source.h"
#include "stdlib/stdlib.h"

namespace {

// The registry is only read by check_package, so one serves every input; its
// sources are static strings.
const gol::lang::PackageRegistry& standard_packages() {
  static const gol::lang::PackageRegistry registry = [] {
    gol::lang::PackageRegistry r;
    gol::stdlib::register_packages(r);
    return r;
  }();
  return registry;
}

std::FILE* null_output() {
  static std::FILE* out = std::fopen("/dev/null", "w");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gol::lang;
  SourceSet sources;
  int32_t id = sources.add("fuzz.gol", std::string(reinterpret_cast<const char*>(data), size));
  Arena arena;
  Diagnostics diags;
  File* file = parse_file(sources, id, arena, diags);
  if (!file->has_syntax_errors) {
    std::vector<File*> files{file};
    check_package(sources, arena, files, standard_packages(), diags);
  }
  if (std::FILE* out = null_output()) diags.print(sources, out, /*context=*/true);
  return 0;
}
