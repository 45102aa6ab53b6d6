// source.cc — source files, positions, diagnostics (see source.h).
#include "lang/source.h"

#include <algorithm>

namespace gol::lang {

std::string_view SourceFile::line_text(int32_t line) const {
  if (line < 1) return {};
  size_t start = 0;
  for (int32_t l = 1; l < line; l++) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  return std::string_view(text).substr(start, end - start);
}

int32_t SourceSet::add(std::string name, std::string text) {
  m_files.push_back(SourceFile{std::move(name), std::move(text)});
  return static_cast<int32_t>(m_files.size() - 1);
}

std::string format_pos(const SourceSet& sources, Pos pos) {
  std::string out;
  if (pos.file >= 0 && static_cast<size_t>(pos.file) < sources.size()) {
    out = sources.file(pos.file).name;
  }
  out += ':' + std::to_string(pos.line) + ':' + std::to_string(pos.col);
  return out;
}

namespace {

bool same_line(Pos a, Pos b) { return a.valid() && b.valid() && a.file == b.file && a.line == b.line; }

}  // namespace

// cf. cmd/compile base.ErrorfAt.
void Diagnostics::error(Pos pos, std::string message) {
  if (message.starts_with("syntax error")) {
    m_syntax_errors++;
    if (closed() || same_line(m_last_syntax, pos)) return;
    m_last_syntax = pos;
  } else {
    if (closed() || (same_line(m_last_other, pos) && m_last_message == message)) return;
    m_last_other = pos;
    m_last_message = message;
  }
  m_list.push_back(Diagnostic{pos, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = m_list;
  std::stable_sort(out.begin(), out.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos == b.pos && a.message == b.message;
  };
  out.erase(std::unique(out.begin(), out.end(), same), out.end());
  return out;
}

void Diagnostics::print(const SourceSet& sources, std::FILE* out, bool context) const {
  std::vector<Diagnostic> list = sorted();
  for (size_t i = 0; i < list.size(); i++) {
    const Diagnostic& d = list[i];
    if (!d.pos.valid()) {
      // An error without a position (Go's link-time "function main is undeclared").
      std::fprintf(out, "%s\n", d.message.c_str());
      continue;
    }
    std::fprintf(out, "%s: %s\n", format_pos(sources, d.pos).c_str(), d.message.c_str());
    if (context && d.pos.file >= 0 && static_cast<size_t>(d.pos.file) < sources.size()) {
      std::string_view line = sources.file(d.pos.file).line_text(d.pos.line);
      std::fprintf(out, "\t%.*s\n\t", static_cast<int>(line.size()), line.data());
      // Keep tabs so the caret lines up under tab-indented code.
      for (int32_t c = 1; c < d.pos.col && static_cast<size_t>(c - 1) < line.size(); c++) {
        std::fputc(line[static_cast<size_t>(c - 1)] == '\t' ? '\t' : ' ', out);
      }
      std::fputs("^\n", out);
    }
  }
  // Go names the position of the error that filled the list, the last one
  // REPORTED, which need not be the last one printed.
  if (closed()) std::fprintf(out, "%s: too many errors\n", format_pos(sources, m_list.back().pos).c_str());
}

}  // namespace gol::lang
