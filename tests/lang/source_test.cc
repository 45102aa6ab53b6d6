// source_test.cc — SourceSet, positions and the Diagnostics list (source.h):
// Go's "file:line:col: message" form, sorting, de-duplication, the ten-error
// cap with "too many errors", and the caret context line.
#include "lang/source.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace gol::lang {
namespace {

// Runs Diagnostics::print into a string through a temporary FILE.
std::string printed(const SourceSet& sources, const Diagnostics& diags, bool context) {
  std::FILE* f = std::tmpfile();
  diags.print(sources, f, context);
  std::rewind(f);
  std::string out;
  char buf[256];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

TEST(SourceTest, FilesAndLines) {
  SourceSet sources;
  EXPECT_EQ(sources.add("a.gol", "line one\nline two\n\nlast"), 0);
  EXPECT_EQ(sources.add("b.gol", ""), 1);
  EXPECT_EQ(sources.size(), 2u);
  const SourceFile& a = sources.file(0);
  EXPECT_EQ(a.name, "a.gol");
  EXPECT_EQ(a.line_text(1), "line one");
  EXPECT_EQ(a.line_text(2), "line two");
  EXPECT_EQ(a.line_text(3), "");
  EXPECT_EQ(a.line_text(4), "last");
  EXPECT_EQ(a.line_text(5), "");
  EXPECT_EQ(a.line_text(0), "");
  EXPECT_EQ(a.text.c_str()[a.text.size()], '\0');  // the lexer's sentinel
}

TEST(SourceTest, PositionsCompareAndFormat) {
  SourceSet sources;
  sources.add("x.gol", "x");
  const Pos p{0, 3, 7};
  EXPECT_EQ(format_pos(sources, p), "x.gol:3:7");
  EXPECT_TRUE(p.valid());
  EXPECT_FALSE(Pos{}.valid());
  EXPECT_LT((Pos{0, 1, 9}), (Pos{0, 2, 1}));
  EXPECT_LT((Pos{0, 2, 1}), (Pos{0, 2, 3}));
  EXPECT_LT((Pos{0, 9, 9}), (Pos{1, 1, 1}));
  EXPECT_EQ((Pos{0, 1, 1}), (Pos{0, 1, 1}));
}

TEST(SourceTest, DiagnosticsSortAndDeduplicate) {
  Diagnostics diags;
  EXPECT_TRUE(diags.empty());
  diags.error(Pos{0, 5, 1}, "later");
  diags.error(Pos{0, 2, 4}, "earlier");
  diags.error(Pos{0, 2, 4}, "earlier");  // same line, same text as the last: dropped
  diags.error(Pos{0, 2, 4}, "other");    // same place, other text: kept
  EXPECT_EQ(diags.count(), 3u);
  auto list = diags.sorted();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].message, "earlier");
  EXPECT_EQ(list[1].message, "other");
  EXPECT_EQ(list[2].message, "later");
}

TEST(SourceTest, PrintInGoForm) {
  SourceSet sources;
  sources.add("p.gol", "package main\n\tx := @\n");
  Diagnostics diags;
  diags.error(Pos{0, 2, 7}, "invalid character U+0040 '@'");
  EXPECT_EQ(printed(sources, diags, false), "p.gol:2:7: invalid character U+0040 '@'\n");
  // With context: the line, then a caret under the column (tabs kept).
  EXPECT_EQ(printed(sources, diags, true),
            "p.gol:2:7: invalid character U+0040 '@'\n\t\tx := @\n\t\t     ^\n");
}

TEST(SourceTest, PrintStopsAfterTenErrors) {
  SourceSet sources;
  sources.add("m.gol", "");
  Diagnostics diags;
  for (int i = 1; i <= 12; i++) diags.error(Pos{0, i, 1}, "e" + std::to_string(i));
  const std::string out = printed(sources, diags, false);
  std::string want;
  for (int i = 1; i <= 10; i++) want += "m.gol:" + std::to_string(i) + ":1: e" + std::to_string(i) + "\n";
  want += "m.gol:10:1: too many errors\n";
  EXPECT_EQ(out, want);
}

// cf. cmd/compile base.ErrorfAt: one syntax error per line; a non-syntax
// error is dropped only when it repeats the previous one on its line.
TEST(SourceTest, GoDropsRepeatedErrorsPerLine) {
  Diagnostics diags;
  diags.error(Pos{0, 3, 5}, "syntax error: unexpected x");
  diags.error(Pos{0, 3, 9}, "syntax error: unexpected y");  // same line: dropped
  diags.error(Pos{1, 3, 9}, "syntax error: unexpected y");  // other file: kept
  diags.error(Pos{0, 4, 2}, "cannot index n");
  diags.error(Pos{0, 4, 9}, "cannot index n");  // same line, same text: dropped
  diags.error(Pos{0, 4, 12}, "undefined: m");
  diags.error(Pos{0, 4, 15}, "cannot index n");  // the previous error differs: kept
  EXPECT_EQ(diags.count(), 5u);
  EXPECT_EQ(diags.syntax_errors(), 3u);
  auto list = diags.sorted();
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[0].pos, (Pos{0, 3, 5}));
  EXPECT_EQ(list[1].pos, (Pos{0, 4, 2}));
  EXPECT_EQ(list[2].message, "undefined: m");
  EXPECT_EQ(list[3].pos, (Pos{0, 4, 15}));
  EXPECT_EQ(list[4].pos, (Pos{1, 3, 9}));
}

// The ten errors kept are the first ten REPORTED; "too many errors" names the
// tenth reported, though the list prints sorted.
TEST(SourceTest, TooManyErrorsKeepsTheFirstTenReported) {
  SourceSet sources;
  sources.add("m.gol", "");
  Diagnostics diags;
  diags.error(Pos{0, 1, 8}, "late");
  for (int i = 12; i >= 4; i--) diags.error(Pos{0, i, 1}, "e" + std::to_string(i));
  EXPECT_TRUE(diags.closed());
  diags.error(Pos{0, 2, 1}, "ignored");
  diags.error(Pos{0, 3, 1}, "syntax error: ignored");
  EXPECT_EQ(diags.syntax_errors(), 1u);
  std::string want = "m.gol:1:8: late\n";
  for (int i = 4; i <= 12; i++) want += "m.gol:" + std::to_string(i) + ":1: e" + std::to_string(i) + "\n";
  want += "m.gol:4:1: too many errors\n";
  EXPECT_EQ(printed(sources, diags, false), want);
}

}  // namespace
}  // namespace gol::lang
