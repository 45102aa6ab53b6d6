// source.h — source files, positions and the diagnostics list.
//
// A program is a set of source files; a Pos names a file by its index in the
// SourceSet, and a line and column counted as Go counts them: both 1-based,
// the column in bytes (a tab is one column, a multi-byte rune is several).
//
// Diagnostics are source errors (syntax, type): collected, never thrown. The
// front end reports every error it finds and goes on; Diagnostics::print sorts
// them by position and prints Go's form, `file:line:col: message`.
//
// Which errors are kept follows cmd/compile's base.ErrorfAt, not a later
// filter over the sorted list: Go decides as errors are REPORTED, so the
// order the front end reports them in matters (as it does in Go: unused
// imports come last). An error is dropped when it is a syntax error on the
// line of the previous syntax error, or when it repeats the text of the
// previous non-syntax error on that error's line. The tenth kept error
// closes the list (Go flushes and exits there): later ones are ignored and
// `too many errors` is printed at the tenth's position. Rejected: limiting
// after sorting — it keeps a different ten whenever the report order is not
// the source order (diff_too_many_errors_order).
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
  // Go's compiler stops after this many errors.
  static constexpr size_t kMaxPrinted = 10;

  // Reports an error; it may be dropped by Go's rules (see the header).
  void error(Pos pos, std::string message);
  bool empty() const { return m_list.empty(); }
  // The errors kept.
  size_t count() const { return m_list.size(); }
  // Errors whose text starts with "syntax error", dropped ones included: Go
  // type-checks only when there are none (cf. noder's base.SyntaxErrors()).
  size_t syntax_errors() const { return m_syntax_errors; }
  // Whether the list is full and ignores further errors.
  bool closed() const { return m_list.size() >= kMaxPrinted; }

  // The errors in source order (stable for one position); an error repeating
  // the previous one's position and text is listed once, as Go does.
  std::vector<Diagnostic> sorted() const;

  // Prints the sorted errors in Go's form. With `context`, each is followed by
  // its source line and a caret under the column (for terminals).
  void print(const SourceSet& sources, std::FILE* out, bool context) const;

 private:
  std::vector<Diagnostic> m_list;
  size_t m_syntax_errors = 0;
  Pos m_last_syntax;  // position of the last syntax error kept
  Pos m_last_other;   // position and text of the last other error kept
  std::string m_last_message;
};

}  // namespace gol::lang
