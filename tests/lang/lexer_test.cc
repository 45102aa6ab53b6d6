// lexer_test.cc — the lexer on its own: token streams, literal forms,
// automatic semicolons, byte-counted positions, and every lexical error in
// Go's words at Go's position (expectations checked against the gc compiler).
#include "lang/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gol::lang {
namespace {

struct Lexed {
  std::vector<Token> tokens;  // without the final Eof
  std::vector<std::string> errors;  // "line:col: message"
};

// Keeps the SourceSet alive as long as the tokens' text views.
class LexerTest : public ::testing::Test {
 protected:
  Lexed lex(std::string src) {
    const int32_t id = m_sources.add("t.go", std::move(src));
    Diagnostics diags;
    Lexer lexer(m_sources, id, diags);
    Lexed out;
    for (int guard = 0; guard < 100000; guard++) {
      Token t = lexer.next();
      if (t.tok == Tok::Eof) break;
      out.tokens.push_back(t);
    }
    for (const Diagnostic& d : diags.sorted()) {
      out.errors.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " +
                           d.message);
    }
    return out;
  }

  // The token stream as "text" words; semicolons as ";" (written) or "\n"/EOF.
  std::string stream(std::string src) {
    Lexed l = lex(std::move(src));
    std::string out;
    for (const Token& t : l.tokens) {
      if (!out.empty()) out += ' ';
      if (t.tok == Tok::Semicolon) {
        out += t.text == "semicolon" ? ";" : t.text == "newline" ? "<nl>" : "<eof>";
      } else {
        out += std::string(t.text);
      }
    }
    return out;
  }

  std::vector<std::string> errors(std::string src) { return lex(std::move(src)).errors; }

  Tok single(std::string src) {
    Lexed l = lex(std::move(src));
    EXPECT_EQ(l.errors, std::vector<std::string>{});
    EXPECT_GE(l.tokens.size(), 1u);
    return l.tokens.empty() ? Tok::Eof : l.tokens[0].tok;
  }

 private:
  SourceSet m_sources;
};

using Errors = std::vector<std::string>;

TEST_F(LexerTest, Keywords) {
  const std::pair<const char*, Tok> keywords[] = {
      {"break", Tok::Break},     {"case", Tok::Case},       {"chan", Tok::Chan},
      {"const", Tok::Const},     {"continue", Tok::Continue}, {"default", Tok::Default},
      {"defer", Tok::Defer},     {"else", Tok::Else},       {"fallthrough", Tok::Fallthrough},
      {"for", Tok::For},         {"func", Tok::Func},       {"go", Tok::Go},
      {"goto", Tok::Goto},       {"if", Tok::If},           {"import", Tok::Import},
      {"interface", Tok::Interface}, {"map", Tok::Map},     {"package", Tok::Package},
      {"range", Tok::Range},     {"return", Tok::Return},   {"select", Tok::Select},
      {"struct", Tok::Struct},   {"switch", Tok::Switch},   {"type", Tok::Type},
      {"var", Tok::Var},
  };
  for (const auto& [text, tok] : keywords) {
    EXPECT_EQ(single(text), tok) << text;
    EXPECT_TRUE(is_keyword(tok));
  }
  // A keyword prefix is a name.
  EXPECT_EQ(single("format"), Tok::Name);
  EXPECT_EQ(single("types"), Tok::Name);
  EXPECT_EQ(single("_"), Tok::Name);
  EXPECT_FALSE(is_keyword(Tok::Name));
}

TEST_F(LexerTest, Operators) {
  const std::pair<const char*, Tok> ops[] = {
      {"+", Tok::Add},        {"-", Tok::Sub},         {"*", Tok::Mul},       {"/", Tok::Quo},
      {"%", Tok::Rem},        {"&", Tok::And},         {"|", Tok::Or},        {"^", Tok::Xor},
      {"<<", Tok::Shl},       {">>", Tok::Shr},        {"&^", Tok::AndNot},   {"+=", Tok::AddAssign},
      {"-=", Tok::SubAssign}, {"*=", Tok::MulAssign},  {"/=", Tok::QuoAssign}, {"%=", Tok::RemAssign},
      {"&=", Tok::AndAssign}, {"|=", Tok::OrAssign},   {"^=", Tok::XorAssign}, {"<<=", Tok::ShlAssign},
      {">>=", Tok::ShrAssign}, {"&^=", Tok::AndNotAssign}, {"&&", Tok::LAnd}, {"||", Tok::LOr},
      {"<-", Tok::Arrow},     {"++", Tok::Inc},        {"--", Tok::Dec},      {"==", Tok::Eql},
      {"<", Tok::Lss},        {">", Tok::Gtr},         {"=", Tok::Assign},    {"!", Tok::Not},
      {"~", Tok::Tilde},      {"!=", Tok::Neq},        {"<=", Tok::Leq},      {">=", Tok::Geq},
      {":=", Tok::Define},    {"...", Tok::Ellipsis},  {"(", Tok::LParen},    {"[", Tok::LBrack},
      {"{", Tok::LBrace},     {",", Tok::Comma},       {".", Tok::Period},    {")", Tok::RParen},
      {"]", Tok::RBrack},     {"}", Tok::RBrace},      {";", Tok::Semicolon}, {":", Tok::Colon},
  };
  for (const auto& [text, tok] : ops) EXPECT_EQ(single(text), tok) << text;
  // Longest match, and ".." is two periods (as in Go).
  EXPECT_EQ(stream("a<<=b&^c"), "a <<= b &^ c <eof>");
  EXPECT_EQ(stream("x.."), "x . .");
  EXPECT_EQ(stream("f(a...)"), "f ( a ... ) <eof>");
  EXPECT_EQ(stream("a<-b"), "a <- b <eof>");
  EXPECT_EQ(stream("a< -b"), "a < - b <eof>");
}

TEST_F(LexerTest, Identifiers) {
  EXPECT_EQ(stream("αβ x1 _y ǅ日本語 a٣"), "αβ x1 _y ǅ日本語 a٣ <eof>");
  Lexed l = lex("héllo");
  ASSERT_EQ(l.tokens.size(), 2u);
  EXPECT_EQ(l.tokens[0].tok, Tok::Name);
  EXPECT_EQ(l.tokens[0].text, "héllo");
}

TEST_F(LexerTest, IntegerLiterals) {
  for (const char* lit : {"0", "42", "1_000_000", "0x1F", "0X_ff", "0o17", "0O7", "017", "0b1010",
                          "0B_1", "0_7"}) {
    Lexed l = lex(lit);
    EXPECT_EQ(l.errors, Errors{}) << lit;
    ASSERT_EQ(l.tokens.size(), 2u) << lit;
    EXPECT_EQ(l.tokens[0].tok, Tok::Int) << lit;
    EXPECT_EQ(l.tokens[0].text, lit);
  }
}

TEST_F(LexerTest, FloatAndImaginaryLiterals) {
  for (const char* lit : {"1.5", ".5", "1.", "1e10", "1E+3", "6.02e-23", "0x1p-2", "0x1.8p3",
                          "0X.8P0", "1_0.2_5", "09.5", "0e0"}) {
    Lexed l = lex(lit);
    EXPECT_EQ(l.errors, Errors{}) << lit;
    ASSERT_EQ(l.tokens.size(), 2u) << lit;
    EXPECT_EQ(l.tokens[0].tok, Tok::Float) << lit;
    EXPECT_EQ(l.tokens[0].text, lit);
  }
  for (const char* lit : {"2i", "1.5i", "0x1p2i", "1e3i", "0i", "01i"}) {
    Lexed l = lex(lit);
    EXPECT_EQ(l.errors, Errors{}) << lit;
    EXPECT_EQ(l.tokens[0].tok, Tok::Imag) << lit;
  }
  // A number ends where Go's scanner stops.
  EXPECT_EQ(stream("0x1g 1..2 1.5.x"), "0x1 g 1. .2 1.5 . x <eof>");
}

TEST_F(LexerTest, RuneAndStringLiterals) {
  for (const char* lit : {"'a'", "'é'", "'\\n'", "'\\''", "'\\\\'", "'\\x41'", "'\\101'",
                          "'\\u00e9'", "'\\U0001F600'", "'\\a'", "'\\b'", "'\\f'", "'\\r'",
                          "'\\t'", "'\\v'", "'日'"}) {
    Lexed l = lex(lit);
    EXPECT_EQ(l.errors, Errors{}) << lit;
    EXPECT_EQ(l.tokens[0].tok, Tok::Char) << lit;
    EXPECT_EQ(l.tokens[0].text, lit);
  }
  const char* str = "\"a\\tb\\\"c\\\\ \\x41\\101\\u00e9\\U0001F600 é\"";
  Lexed s = lex(str);
  EXPECT_EQ(s.errors, Errors{});
  EXPECT_EQ(s.tokens[0].tok, Tok::String);
  EXPECT_EQ(s.tokens[0].text, str);
  // Raw strings keep everything, carriage returns included, across lines.
  Lexed raw = lex("`a\\n\r\nb\"` x");
  EXPECT_EQ(raw.errors, Errors{});
  EXPECT_EQ(raw.tokens[0].tok, Tok::String);
  EXPECT_EQ(raw.tokens[0].text, "`a\\n\r\nb\"`");
  EXPECT_EQ(raw.tokens[0].pos.line, 1);
  EXPECT_EQ(raw.tokens[0].end.line, 2);
  EXPECT_EQ(raw.tokens[1].pos.line, 2);
  EXPECT_EQ(raw.tokens[1].pos.col, 5);
}

TEST_F(LexerTest, SemicolonInsertion) {
  EXPECT_EQ(stream("x\ny"), "x <nl> y <eof>");
  EXPECT_EQ(stream("42\n'a'\n\"s\"\n`r`\n1.5\n2i\n"), "42 <nl> 'a' <nl> \"s\" <nl> `r` <nl> 1.5 <nl> 2i <nl>");
  EXPECT_EQ(stream("return\nbreak\ncontinue\nfallthrough\n"),
            "return <nl> break <nl> continue <nl> fallthrough <nl>");
  EXPECT_EQ(stream("f()\na[0]\n{}\nx++\ny--\n"), "f ( ) <nl> a [ 0 ] <nl> { } <nl> x ++ <nl> y -- <nl>");
  // Not after an opening brace, an operator, a comma or other keywords.
  EXPECT_EQ(stream("{\n+\n,\nfunc\nif\n(\n[\n"), "{ + , func if ( [");
  // At EOF only after a token that would take one at a newline.
  EXPECT_EQ(stream("x"), "x <eof>");
  EXPECT_EQ(stream("x +"), "x +");
  EXPECT_EQ(stream(""), "");
  // Comments: a line comment keeps the newline; a block comment spanning
  // lines acts as a newline; one on a single line is just space.
  EXPECT_EQ(stream("x // c\ny"), "x <nl> y <eof>");
  EXPECT_EQ(stream("x /* a\nb */ y"), "x <nl> y <eof>");
  EXPECT_EQ(stream("x /* a */ y\n"), "x y <nl>");
  EXPECT_EQ(stream("x +/* a\nb */y"), "x + y <eof>");
  EXPECT_EQ(stream("x;y"), "x ; y <eof>");
}

TEST_F(LexerTest, SemicolonPositions) {
  Lexed l = lex("ab  // c\n");
  ASSERT_EQ(l.tokens.size(), 2u);
  EXPECT_EQ(l.tokens[1].tok, Tok::Semicolon);
  EXPECT_EQ(l.tokens[1].text, "newline");
  EXPECT_EQ(l.tokens[1].pos.line, 1);
  EXPECT_EQ(l.tokens[1].pos.col, 9);  // at the newline, after the comment
  Lexed e = lex("x\n y");
  EXPECT_EQ(e.tokens[2].text, "y");
  EXPECT_EQ(e.tokens[3].text, "EOF");
  EXPECT_EQ(e.tokens[3].pos.line, 2);
  EXPECT_EQ(e.tokens[3].pos.col, 3);
  Lexed c = lex("x /* a\n */");
  EXPECT_EQ(c.tokens[1].text, "newline");
  EXPECT_EQ(c.tokens[1].pos.col, 3);  // a multi-line comment's semicolon sits at its start
}

TEST_F(LexerTest, PositionsCountBytes) {
  // 'é' is two bytes and a tab one: Go counts columns in bytes.
  Lexed l = lex("\ts := \"é\" + x\n  y");
  ASSERT_GE(l.tokens.size(), 7u);
  EXPECT_EQ(l.tokens[0].pos.col, 2);  // s
  EXPECT_EQ(l.tokens[2].pos.col, 7);  // "é"
  EXPECT_EQ(l.tokens[2].end.col, 11);
  EXPECT_EQ(l.tokens[3].pos.col, 12);  // +
  EXPECT_EQ(l.tokens[4].pos.col, 14);  // x
  EXPECT_EQ(l.tokens[6].pos.line, 2);  // y
  EXPECT_EQ(l.tokens[6].pos.col, 3);
  EXPECT_EQ(l.tokens[6].pos.file, 0);
}

TEST_F(LexerTest, StringErrors) {
  EXPECT_EQ(errors("x := \"abc\n"), Errors{"1:10: newline in string"});
  EXPECT_EQ(errors("x := \"abc"), Errors{"1:6: string not terminated"});
  EXPECT_EQ(errors("x := `abc\ndef"), Errors{"1:6: string not terminated"});
  EXPECT_EQ(errors("\"\\q\""), Errors{"1:3: unknown escape"});
  EXPECT_EQ(errors("\"a\\x0g\\400\\uD800\\U00110000\""),
            (Errors{"1:6: invalid character 'g' in hexadecimal escape",
                    "1:11: octal escape value 256 > 255",
                    "1:17: escape is invalid Unicode code point U+D800",
                    "1:27: escape is invalid Unicode code point U+110000"}));
  EXPECT_EQ(errors("\"\\8\""), Errors{"1:3: unknown escape"});
  EXPECT_EQ(errors("'\\\"'"), Errors{"1:3: unknown escape"});
  EXPECT_EQ(errors("\"\\'\""), Errors{"1:3: unknown escape"});
}

TEST_F(LexerTest, RuneErrors) {
  EXPECT_EQ(errors("x := 'ab'"), Errors{"1:6: more than one character in rune literal"});
  EXPECT_EQ(errors("x := ''"), Errors{"1:7: empty rune literal or unescaped '"});
  EXPECT_EQ(errors("x := 'a\n"), Errors{"1:8: newline in rune literal"});
  EXPECT_EQ(errors("x := 'a"), Errors{"1:6: rune literal not terminated"});
  EXPECT_EQ(errors("'\\z'"), Errors{"1:3: unknown escape"});
}

TEST_F(LexerTest, NumberErrors) {
  EXPECT_EQ(errors("08"), Errors{"1:2: invalid digit '8' in octal literal"});
  EXPECT_EQ(errors("0o8"), Errors{"1:3: invalid digit '8' in octal literal"});
  EXPECT_EQ(errors("0b12"), Errors{"1:4: invalid digit '2' in binary literal"});
  EXPECT_EQ(errors("0x"), Errors{"1:3: hexadecimal literal has no digits"});
  EXPECT_EQ(errors("0b"), Errors{"1:3: binary literal has no digits"});
  EXPECT_EQ(errors("0x.p1"), Errors{"1:4: hexadecimal literal has no digits"});
  EXPECT_EQ(errors("1__0"), Errors{"1:3: '_' must separate successive digits"});
  EXPECT_EQ(errors("1_"), Errors{"1:2: '_' must separate successive digits"});
  EXPECT_EQ(errors("0x_1_"), Errors{"1:5: '_' must separate successive digits"});
  EXPECT_EQ(errors("1e"), Errors{"1:3: exponent has no digits"});
  EXPECT_EQ(errors("1e+"), Errors{"1:4: exponent has no digits"});
  EXPECT_EQ(errors("0x1.8"), Errors{"1:6: hexadecimal mantissa requires a 'p' exponent"});
  EXPECT_EQ(errors("0b1e3"), Errors{"1:4: 'e' exponent requires decimal mantissa"});
  EXPECT_EQ(errors("1p3"), Errors{"1:2: 'p' exponent requires hexadecimal mantissa"});
  EXPECT_EQ(errors("0o7.1"), Errors{"1:4: invalid radix point in octal literal"});
  // A leading-zero "octal" with 8 or 9 is fine as a float or imaginary.
  EXPECT_EQ(errors("09.5 09e1 09i"), Errors{});
}

TEST_F(LexerTest, CharacterErrors) {
  EXPECT_EQ(errors("a @ b"), Errors{"1:3: invalid character U+0040 '@'"});
  EXPECT_EQ(errors("#"), Errors{"1:1: invalid character U+0023 '#'"});
  EXPECT_EQ(errors("a\x01"), Errors{"1:2: invalid character U+0001"});
  EXPECT_EQ(errors("x €"), Errors{"1:3: invalid character U+20AC '€' in identifier"});
  EXPECT_EQ(errors("a·b"), Errors{"1:2: invalid character U+00B7 '·' in identifier"});
  EXPECT_EQ(errors("٣x"), Errors{"1:1: identifier cannot begin with digit U+0663 '٣'"});
}

TEST_F(LexerTest, SourceErrors) {
  EXPECT_EQ(errors(std::string("x := 1\0;", 8)), Errors{"1:7: invalid NUL character"});
  EXPECT_EQ(errors("x \xff y"), Errors{"1:3: invalid UTF-8 encoding"});
  EXPECT_EQ(errors("\"a\xff" "b\""), Errors{"1:3: invalid UTF-8 encoding"});
  EXPECT_EQ(errors("// \xfe\n"), Errors{"1:4: invalid UTF-8 encoding"});
  EXPECT_EQ(errors("x := 1 \xef\xbb\xbf"), Errors{"1:8: invalid BOM in the middle of the file"});
  // A byte order mark is allowed as the very first character.
  Lexed bom = lex("\xef\xbb\xbfpackage main");
  EXPECT_EQ(bom.errors, Errors{});
  EXPECT_EQ(bom.tokens[0].tok, Tok::Package);
  EXPECT_EQ(bom.tokens[0].pos.col, 4);
  EXPECT_EQ(errors("/* abc"), Errors{"1:1: comment not terminated"});
  EXPECT_EQ(errors("x\n  /* a\n b"), Errors{"2:3: comment not terminated"});
}

// Go's source reader drops these bytes before the scanner sees them, so a
// name goes on across them, keeping them in its text.
TEST_F(LexerTest, DroppedBytesInsideANameKeepItWhole) {
  Lexed l = lex(std::string("ab\0cd x\xff" "y z\xef\xbb\xbfw", 15));
  EXPECT_EQ(l.errors, (Errors{"1:3: invalid NUL character", "1:8: invalid UTF-8 encoding",
                              "1:12: invalid BOM in the middle of the file"}));
  ASSERT_EQ(l.tokens.size(), 4u);  // three names and the final semicolon
  EXPECT_EQ(l.tokens[0].text, std::string_view("ab\0cd", 5));
  EXPECT_EQ(l.tokens[1].text, "x\xff" "y");
  EXPECT_EQ(l.tokens[2].text, "z\xef\xbb\xbfw");
  EXPECT_EQ(l.tokens[2].pos.col, 11);
}

// Token::bad marks a token the lexer complained about, so the parser can keep
// a malformed literal out of type checking.
TEST_F(LexerTest, BadTokens) {
  Lexed l = lex("0x 1 '\\400' \"ok\" /* c */ 08");
  ASSERT_EQ(l.tokens.size(), 6u);
  EXPECT_TRUE(l.tokens[0].bad);
  EXPECT_FALSE(l.tokens[1].bad);
  EXPECT_TRUE(l.tokens[2].bad);
  EXPECT_FALSE(l.tokens[3].bad);
  EXPECT_TRUE(l.tokens[4].bad);
  // An error before a token (a stray character) does not make it bad.
  Lexed s = lex("@ x");
  ASSERT_GE(s.tokens.size(), 1u);
  EXPECT_FALSE(s.tokens[0].bad);
}

TEST_F(LexerTest, ErrorsDoNotStopTheStream) {
  Lexed l = lex("a @ \"b\n c");
  EXPECT_EQ(l.errors, (Errors{"1:3: invalid character U+0040 '@'", "1:7: newline in string"}));
  EXPECT_EQ(l.tokens.back().text, "EOF");
  EXPECT_EQ(l.tokens[l.tokens.size() - 2].text, "c");
}

TEST_F(LexerTest, TokDescription) {
  EXPECT_EQ(tok_description(Tok::Name), "name");
  EXPECT_EQ(tok_description(Tok::Int), "literal");
  EXPECT_EQ(tok_description(Tok::Func), "keyword func");
  EXPECT_EQ(tok_description(Tok::Comma), "comma");
  EXPECT_EQ(tok_description(Tok::Semicolon), "semicolon or newline");
  EXPECT_EQ(tok_description(Tok::AndNotAssign), "&^=");
}

}  // namespace
}  // namespace gol::lang
