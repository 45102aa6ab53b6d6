// source.h — source files, positions and the diagnostics list.
//
// A program is a set of source files; a Pos names a file by its index in the
// SourceSet, and a line and column counted as Go counts them: both 1-based,
// the column in bytes (a tab is one column, a multi-byte rune is several).
//
// Diagnostics are source errors (syntax, type): collected, never thrown. The
// front end reports every error it finds and goes on; Diagnostics::print sorts
// them by position and prints Go's form, `file:line:col: message`, stopping
// after ten as Go's compiler does (`too many errors`).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace gol::lang {

struct Pos {
  int32_t file = -1;
  int32_t line = 0;
  int32_t col = 0;

  bool valid() const { return line > 0; }
  friend bool operator==(const Pos&, const Pos&) = default;
  friend bool operator<(const Pos& a, const Pos& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.col < b.col;
  }
};

// A half-open source range: `end` is the position just past the last byte.
struct Range {
  Pos begin;
  Pos end;
};

struct SourceFile {
  std::string name;  // as the user named it: printed in diagnostics
  std::string text;  // the bytes; always followed by a NUL (std::string guarantees it)

  // The text of line `line` (1-based) without its newline; empty if out of range.
  std::string_view line_text(int32_t line) const;
};

class SourceSet {
 public:
  // Adds a file and returns its index (the Pos::file of positions in it).
  int32_t add(std::string name, std::string text);
  const SourceFile& file(int32_t index) const { return m_files.at(static_cast<size_t>(index)); }
  size_t size() const { return m_files.size(); }

 private:
  std::vector<SourceFile> m_files;
};

// The position as Go prints it: "name:line:col".
std::string format_pos(const SourceSet& sources, Pos pos);

struct Diagnostic {
  Pos pos;
  std::string message;
};

class Diagnostics {
 public:
  // Go's compiler stops listing after this many errors.
  static constexpr size_t kMaxPrinted = 10;

  void error(Pos pos, std::string message);
  bool empty() const { return m_list.empty(); }
  size_t count() const { return m_list.size(); }

  // The errors in source order; two errors at one position with the same
  // text are reported once, as Go does.
  std::vector<Diagnostic> sorted() const;

  // Prints the sorted errors in Go's form. With `context`, each is followed by
  // its source line and a caret under the column (for terminals).
  void print(const SourceSet& sources, std::FILE* out, bool context) const;

 private:
  std::vector<Diagnostic> m_list;
};

}  // namespace gol::lang
