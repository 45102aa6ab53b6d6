// session.cc — the REPL's evaluator (see session.h).
//
// The core idea: a session is Go source, kept as pieces — the imports, the
// declarations made so far (each in its latest version) and one `var` per
// session variable — and every input is checked as a whole `package main`
// made of those pieces plus the input's statements wrapped in a function.
// lang::SessionLinker then compiles that generation into the session's one
// growing Program, linking variables, standard packages and unchanged types
// to the earlier generations by name, and vm::session_eval runs the input
// function as a goroutine. Re-checking the session each time keeps the
// checker unchanged (it checks whole packages); a session is small and a
// check of it with fmt takes a few milliseconds.
//
// An input is split into items by the lexer at top-level semicolons: import
// declarations join the session's imports, func/type/const declarations its
// declarations (replacing earlier ones of the same name), and everything
// else — statements, including `var` declarations — is the input's body.
// Variables a body declares at its top level become session variables: the
// body is checked once as written, the types of those variables read from
// the checker, then the body is rewritten so they are package-level (a
// `var x T` piece, `x := e` turned into `x = e`) and checked again. An input
// that is one expression is first tried as fmt.Println(expr), which prints
// its values; if that does not check (no value, or not an expression) it
// runs as a statement. A name that is undefined and is the name of a
// standard package gets that package imported, and the check is retried.
//
// Positions: each piece becomes a file of its own named "<input>", laid out
// so that its lines are the lines of the input it came from: the package
// clause and the imports share the first line with the piece's first line,
// so only columns on that line move (errors are printed with that undone;
// traces print lines only).
//
// Rejected: an incremental checker (adding declarations to a checked
// package) — the checker is written for whole packages, and replacing a
// function or type in place would need every dependent annotation redone.
#include "cli/session.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "lang/ast.h"
#include "lang/check.h"
#include "lang/lexer.h"
#include "lang/parse.h"
#include "lang/registry.h"
#include "lang/scope.h"
#include "lang/session.h"
#include "lang/source.h"
#include "lang/types.h"
#include "stdlib/natives.h"
#include "stdlib/stdlib.h"
#include "vm/interp.h"
#include "vm/session.h"

namespace gol::cli {

namespace {

using lang::Tok;

constexpr const char* kFileName = "<input>";
constexpr const char* kInputFunc = "__gol_input";

// One top-level item of an input.
struct Item {
  enum Kind { Import, Func, Type, Const, Var, Stmt } kind = Stmt;
  size_t begin = 0;  // byte offsets in the input
  size_t end = 0;
  int32_t line = 1;  // of begin
};

// A declaration piece of the session.
struct Decl {
  std::vector<std::string> keys;  // names it declares ("T.M" for methods)
  bool is_type = false;
  std::string text;
  int32_t line = 1;  // where it started in its input
};

struct ImportDecl {
  std::string alias;  // "" when none
  std::string path;
  bool operator==(const ImportDecl& o) const { return alias == o.alias && path == o.path; }
};

// Byte offsets of line starts, for Pos → offset.
std::vector<size_t> line_starts(const std::string& text) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); i++) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

size_t offset_of(const std::vector<size_t>& starts, lang::Pos pos) {
  const size_t line = static_cast<size_t>(pos.line > 0 ? pos.line - 1 : 0);
  return (line < starts.size() ? starts[line] : starts.back()) + static_cast<size_t>(pos.col > 0 ? pos.col - 1 : 0);
}

// The tokens of `text` (errors ignored: the parser reports them later).
std::vector<lang::Token> lex_all(const lang::SourceSet& sources, int32_t file) {
  lang::Diagnostics ignored;
  lang::Lexer lexer(sources, file, ignored);
  std::vector<lang::Token> toks;
  for (;;) {
    lang::Token t = lexer.next();
    toks.push_back(t);
    if (t.tok == Tok::Eof) break;
  }
  return toks;
}

bool opens(Tok t) { return t == Tok::LParen || t == Tok::LBrack || t == Tok::LBrace; }
bool closes(Tok t) { return t == Tok::RParen || t == Tok::RBrack || t == Tok::RBrace; }

// Splits an input into items at top-level semicolons.
std::vector<Item> split_items(const std::string& text) {
  lang::SourceSet sources;
  const int32_t file = sources.add(kFileName, text);
  const std::vector<lang::Token> toks = lex_all(sources, file);
  const std::vector<size_t> starts = line_starts(text);
  std::vector<Item> items;
  int depth = 0;
  size_t first = 0;  // index of the item's first token
  auto finish = [&](size_t last_exclusive) {
    if (last_exclusive <= first) return;
    Item item;
    item.begin = offset_of(starts, toks[first].pos);
    item.end = offset_of(starts, toks[last_exclusive - 1].end);
    item.line = toks[first].pos.line;
    switch (toks[first].tok) {
      case Tok::Import: item.kind = Item::Import; break;
      case Tok::Type: item.kind = Item::Type; break;
      case Tok::Const: item.kind = Item::Const; break;
      case Tok::Var: item.kind = Item::Var; break;
      case Tok::Func:
        // `func name(` or `func (recv) name(`: a declaration; `func(` ... `)`
        // followed by anything else is a function literal.
        if (first + 1 < last_exclusive && toks[first + 1].tok == Tok::Name) {
          item.kind = Item::Func;
        } else if (first + 1 < last_exclusive && toks[first + 1].tok == Tok::LParen) {
          int d = 0;
          size_t i = first + 1;
          for (; i < last_exclusive; i++) {
            if (opens(toks[i].tok)) d++;
            if (closes(toks[i].tok) && --d == 0) break;
          }
          if (i + 2 < last_exclusive && toks[i + 1].tok == Tok::Name && toks[i + 2].tok == Tok::LParen) {
            item.kind = Item::Func;
          }
        }
        break;
      default: break;
    }
    items.push_back(item);
  };
  // Between `for`/`if`/`switch`/`select` and the `{` of its body, a
  // semicolon separates the header's clauses, not items.
  bool header = false;
  for (size_t i = 0; i < toks.size(); i++) {
    const Tok t = toks[i].tok;
    if (t == Tok::Eof) {
      finish(i);
      break;
    }
    if (depth <= 0 && (t == Tok::For || t == Tok::If || t == Tok::Switch || t == Tok::Select)) header = true;
    if (depth <= 0 && t == Tok::LBrace) header = false;
    if (opens(t)) depth++;
    if (closes(t)) depth--;
    if (t == Tok::Semicolon && depth <= 0 && !header) {
      finish(i);
      first = i + 1;
    }
  }
  return items;
}

// The text with everything outside [begin, end) ranges of `keep` replaced by
// spaces (newlines kept), so what remains keeps its lines and columns.
std::string mask_except(const std::string& text, const std::vector<std::pair<size_t, size_t>>& keep) {
  std::string out = text;
  std::vector<bool> kept(text.size(), false);
  for (auto [b, e] : keep) {
    for (size_t i = b; i < e && i < text.size(); i++) kept[i] = true;
  }
  for (size_t i = 0; i < out.size(); i++) {
    if (!kept[i] && out[i] != '\n') out[i] = ' ';
  }
  return out;
}

void blank(std::string& text, size_t begin, size_t end) {
  for (size_t i = begin; i < end && i < text.size(); i++) {
    if (text[i] != '\n') text[i] = ' ';
  }
}

// The standard packages by the name a program uses for them.
const std::map<std::string, std::string>& std_names() {
  static const std::map<std::string, std::string> names = [] {
    lang::PackageRegistry registry;
    stdlib::register_packages(registry);
    std::map<std::string, std::string> m;
    for (const std::string& path : registry.paths()) {
      const size_t slash = path.rfind('/');
      m[slash == std::string::npos ? path : path.substr(slash + 1)] = path;
    }
    return m;
  }();
  return names;
}

const char* const kKeywords[] = {"break",  "case",   "chan",    "const", "continue", "default", "defer",
                                 "else",   "fallthrough", "for", "func",  "go",       "goto",    "if",
                                 "import", "interface",   "map", "package", "range",  "return",  "select",
                                 "struct", "switch",      "type", "var"};
const char* const kPredeclared[] = {"append", "cap",   "clear", "close", "complex", "copy",   "delete", "imag",
                                    "len",    "make",  "max",   "min",   "new",     "panic",  "print",  "println",
                                    "real",   "recover", "bool", "byte", "error",   "float32", "float64", "int",
                                    "int8",   "int16", "int32", "int64", "rune",    "string", "uint",   "uint8",
                                    "uint16", "uint32", "uint64", "uintptr", "any", "true",  "false",  "nil",
                                    "iota"};

}  // namespace

// One check of the session: everything it made must stay alive while code
// compiled from it may run (names and types the compiler took from it).
struct Generation {
  lang::SourceSet sources;
  lang::Arena arena;
  lang::Package* package = nullptr;
  lang::Diagnostics diags;
  // Per file: how many columns the header added on its first line.
  std::vector<int32_t> shift;
  int32_t input_file = -1;
  lang::FuncDecl* input = nullptr;
};

struct Session::Impl {
  lang::PackageRegistry registry;
  vm::NativeRegistry natives;
  std::unique_ptr<lang::SessionLinker> linker;
  bool started = false;

  std::vector<ImportDecl> imports;
  std::vector<Decl> decls;
  std::vector<std::pair<std::string, std::string>> vars;  // name, type (source form), in declaration order
  std::vector<std::unique_ptr<Generation>> kept;         // generations whose code may run
  Generation* last = nullptr;                            // the last one that checked

  Impl() {
    stdlib::register_packages(registry);
    stdlib::register_natives(natives);
    linker = std::make_unique<lang::SessionLinker>(natives);
  }

  std::string header(const std::vector<ImportDecl>& imps) const {
    std::string h = "package main; ";
    if (!imps.empty()) {
      h += "import (";
      for (const ImportDecl& i : imps) h += (i.alias.empty() ? "" : i.alias + " ") + "\"" + i.path + "\"; ";
      h += "); ";
    }
    return h;
  }

  // Adds a piece as its own file: its first line shares the header's line
  // when it starts on line 1, else the header has a line to itself.
  int32_t add_piece(Generation& g, const std::string& head, const std::string& text, int32_t line) {
    std::string src = head;
    int32_t shift = static_cast<int32_t>(head.size());
    if (line > 1) {
      src += std::string(static_cast<size_t>(line - 1), '\n');
      shift = 0;
    }
    src += text;
    const int32_t id = g.sources.add(kFileName, std::move(src));
    g.shift.resize(static_cast<size_t>(id) + 1, 0);
    g.shift[static_cast<size_t>(id)] = shift;
    return id;
  }

  // Builds and checks one generation: the session pieces plus `body` (the
  // input's statements, at their input positions) as the input function.
  std::unique_ptr<Generation> check(const std::vector<ImportDecl>& imps, const std::vector<Decl>& ds,
                                    const std::vector<std::pair<std::string, std::string>>& vs,
                                    const std::string& body) {
    auto g = std::make_unique<Generation>();
    const std::string head = header(imps);
    std::vector<int32_t> ids;
    for (const Decl& d : ds) ids.push_back(add_piece(*g, head, d.text, d.line));
    if (!vs.empty()) {
      std::string text = "var (";
      for (const auto& [name, type] : vs) text += name + " " + type + "; ";
      text += ")";
      ids.push_back(add_piece(*g, head, text, 1));
    }
    g->input_file = add_piece(*g, head + "func " + kInputFunc + "() { ", body + "\n}", 1);
    ids.push_back(g->input_file);
    std::vector<lang::File*> files;
    for (int32_t id : ids) files.push_back(lang::parse_file(g->sources, id, g->arena, g->diags));
    const bool parsed =
        std::none_of(files.begin(), files.end(), [](const lang::File* f) { return f->has_syntax_errors; });
    if (!parsed) return g;
    lang::CheckOptions options;
    options.repl = true;
    g->package = lang::check_package(g->sources, g->arena, files, registry, g->diags, options);
    for (lang::Node* n : files.back()->decls) {
      if (auto* fd = n->as<lang::FuncDecl>(); fd != nullptr && fd->name != nullptr && fd->name->name == kInputFunc) {
        g->input = fd;
      }
    }
    return g;
  }

  // Names `undefined: x` errors give for standard packages not imported yet.
  std::vector<std::string> missing_packages(const Generation& g, const std::vector<ImportDecl>& imps) const {
    std::vector<std::string> paths;
    for (const lang::Diagnostic& d : g.diags.sorted()) {
      const std::string prefix = "undefined: ";
      if (d.message.rfind(prefix, 0) != 0) continue;
      const std::string name = d.message.substr(prefix.size());
      auto it = std_names().find(name);
      if (it == std_names().end()) continue;
      const bool have = std::any_of(imps.begin(), imps.end(), [&](const ImportDecl& i) { return i.path == it->second; });
      if (!have && std::find(paths.begin(), paths.end(), it->second) == paths.end()) paths.push_back(it->second);
    }
    return paths;
  }

  // Checks, importing standard packages named but not imported (at most a
  // few rounds); *imps gains them.
  std::unique_ptr<Generation> check_importing(std::vector<ImportDecl>* imps, const std::vector<Decl>& ds,
                                              const std::vector<std::pair<std::string, std::string>>& vs,
                                              const std::string& body) {
    std::unique_ptr<Generation> g = check(*imps, ds, vs, body);
    for (int round = 0; round < 4 && !g->diags.empty(); round++) {
      std::vector<std::string> missing = missing_packages(*g, *imps);
      if (missing.empty()) break;
      for (const std::string& p : missing) imps->push_back({"", p});
      g = check(*imps, ds, vs, body);
    }
    return g;
  }

  void print_errors(const Generation& g) const {
    for (const lang::Diagnostic& d : g.diags.sorted()) {
      int32_t col = d.pos.col;
      if (d.pos.file >= 0 && static_cast<size_t>(d.pos.file) < g.shift.size() && d.pos.line == 1) {
        col -= g.shift[static_cast<size_t>(d.pos.file)];
        if (col < 1) col = 1;
      }
      std::fprintf(stderr, "%s:%d:%d: %s\n", kFileName, d.pos.line, col, d.message.c_str());
    }
    std::fflush(stderr);
  }

  void ensure_started() {
    if (started) return;
    vm::session_start(linker->program());
    started = true;
  }

  Outcome run(Generation& g) {
    lang::Object* obj = g.package->scope->lookup(kInputFunc);
    const lang::Func* input = obj != nullptr ? obj->as<lang::Func>() : nullptr;
    if (input == nullptr) return Outcome::Error;
    lang::CompileError error;
    uint32_t entry = 0;
    if (!linker->compile(g.sources, g.package, input, &entry, &error)) {
      std::fprintf(stderr, "%s: %s\n", error.pos.valid() ? lang::format_pos(g.sources, error.pos).c_str() : "gol",
                   error.message.c_str());
      return Outcome::Error;
    }
    ensure_started();
    switch (vm::session_eval(entry)) {
      case vm::EvalOutcome::Done: return Outcome::Ok;
      case vm::EvalOutcome::Panicked: return Outcome::Panicked;
      case vm::EvalOutcome::Interrupted: return Outcome::Interrupted;
      case vm::EvalOutcome::Deadlocked: return Outcome::Deadlocked;
    }
    return Outcome::Ok;
  }

  // file: the text is a file's body (:load), whose `var` declarations are
  // package-level; an input's are statements (promoted to session variables).
  Outcome eval(const std::string& text, bool allow_print, bool file = false);
  // The printed expression is a call returning exactly (int, error) — a
  // write, like fmt.Println's own: it runs as a statement instead, so
  // `fmt.Println(x)` does not also print its byte count.
  static bool writes_output(const Generation& g) {
    if (g.input == nullptr || g.input->body == nullptr || g.input->body->list.size() != 1) return false;
    const auto* stmt = g.input->body->list.front()->as<lang::ExprStmt>();
    const auto* print = stmt != nullptr ? stmt->x->as<lang::CallExpr>() : nullptr;
    if (print == nullptr || print->args.size() != 1 || !print->args[0]->is<lang::CallExpr>()) return false;
    const auto* results = print->args[0]->type != nullptr ? print->args[0]->type->as<lang::Tuple>() : nullptr;
    if (results == nullptr || results->size() != 2) return false;
    const std::string first = lang::type_string(results->at(0), g.package);
    const std::string second = lang::type_string(results->at(1), g.package);
    return first == "int" && second == "error";
  }
  bool promote(Generation& g, std::string* body, std::vector<std::pair<std::string, std::string>>* vs,
               const std::string& input_text);
};

// The variables the input body declares at its top level: rewrites `body`
// so they are assignments to package-level variables added to *vs. Returns
// whether anything was promoted.
bool Session::Impl::promote(Generation& g, std::string* body, std::vector<std::pair<std::string, std::string>>* vs,
                            const std::string& input_text) {
  if (g.input == nullptr || g.input->body == nullptr) return false;
  const std::vector<size_t> starts = line_starts(input_text);
  const int32_t shift = g.shift[static_cast<size_t>(g.input_file)];  // header and `func __gol_input() { `
  // Positions in the input file; line 1 is shifted by the header.
  auto offset = [&](lang::Pos p) {
    if (p.line == 1) p.col -= shift;
    return offset_of(starts, p);
  };
  bool any = false;
  auto add_var = [&](const lang::Ident* id) {
    if (id == nullptr || id->name == "_" || id->object == nullptr || !(id->object->pos == id->pos())) return false;
    const lang::Var* v = id->object->as<lang::Var>();
    if (v == nullptr || v->type == nullptr) return false;
    const std::string type = lang::type_string(v->type, g.package);
    vs->erase(std::remove_if(vs->begin(), vs->end(), [&](const auto& p) { return p.first == id->name; }), vs->end());
    vs->push_back({id->name, type});
    any = true;
    return true;
  };
  // Later statements first, so offsets of earlier ones stay valid when a
  // rewrite changes a length.
  std::vector<lang::Stmt*> list = g.input->body->list;
  std::reverse(list.begin(), list.end());
  for (lang::Stmt* s : list) {
    if (auto* a = s->as<lang::AssignStmt>(); a != nullptr && a->op == lang::Op::Define) {
      bool promoted = false;
      for (lang::Expr* e : a->lhs) promoted = add_var(e->as<lang::Ident>()) || promoted;
      if (promoted) body->replace(offset(a->op_pos), 2, " =");
      continue;
    }
    auto* d = s->as<lang::DeclStmt>();
    if (d == nullptr || d->decl == nullptr || d->decl->op != lang::Op::Var) continue;
    std::vector<lang::Node*> specs = d->decl->specs;
    std::reverse(specs.begin(), specs.end());
    for (lang::Node* n : specs) {
      auto* spec = n->as<lang::ValueSpec>();
      if (spec == nullptr) continue;
      for (lang::Ident* id : spec->names) add_var(id);
      if (!spec->values.empty()) {
        if (spec->type_expr != nullptr) blank(*body, offset(spec->type_expr->pos()), offset(spec->type_expr->end()));
      } else {
        // `var a, b T`: assign zero values (the variable may exist already).
        std::string names;
        std::string zeros;
        const std::string type = spec->type_expr != nullptr ? input_text.substr(offset(spec->type_expr->pos()),
                                                                               offset(spec->type_expr->end()) -
                                                                                   offset(spec->type_expr->pos()))
                                                            : "int";
        for (lang::Ident* id : spec->names) {
          names += (names.empty() ? "" : ", ") + id->name;
          zeros += (zeros.empty() ? "" : ", ") + std::string("*new(") + type + ")";
        }
        const size_t b = offset(spec->pos());
        const size_t e = offset(spec->end());
        body->replace(b, e - b, names + " = " + zeros);
      }
    }
    // The keyword and the group's parentheses.
    blank(*body, offset(d->decl->pos()), offset(d->decl->pos()) + 3);
    if (d->decl->grouped()) {
      blank(*body, offset(d->decl->lparen), offset(d->decl->lparen) + 1);
      blank(*body, offset(d->decl->rparen), offset(d->decl->rparen) + 1);
    }
  }
  return any;
}

Session::Outcome Session::Impl::eval(const std::string& text, bool allow_print, bool file) {
  const std::vector<Item> items = split_items(text);
  if (items.empty()) return Outcome::Ok;
  std::vector<ImportDecl> imps = imports;
  std::vector<Decl> ds = decls;
  std::vector<std::pair<std::string, std::string>> vs = vars;
  std::vector<std::pair<size_t, size_t>> stmt_ranges;
  std::vector<Decl> fresh;
  // Imports and declarations: parse each alone to learn its names.
  for (const Item& item : items) {
    const std::string piece = text.substr(item.begin, item.end - item.begin);
    if (item.kind == Item::Stmt || (item.kind == Item::Var && !file)) {
      stmt_ranges.push_back({item.begin, item.end});
      continue;
    }
    Generation probe;
    const int32_t id = probe.sources.add(kFileName, "package main; " + piece);
    lang::File* f = lang::parse_file(probe.sources, id, probe.arena, probe.diags);
    if (f->has_syntax_errors) {
      // Reported by the whole check below, at the right place.
      stmt_ranges.push_back({item.begin, item.end});
      continue;
    }
    for (lang::Node* n : f->decls) {
      if (auto* fd = n->as<lang::FuncDecl>()) {
        Decl d;
        std::string key = fd->name != nullptr ? fd->name->name : "";
        if (fd->recv != nullptr) {
          // The receiver's base type name: the last name before ')' in the text.
          const std::string recv = piece.substr(0, piece.find(')'));
          size_t e = recv.size();
          while (e > 0 && !(std::isalnum(static_cast<unsigned char>(recv[e - 1])) || recv[e - 1] == '_')) e--;
          size_t b = e;
          while (b > 0 && (std::isalnum(static_cast<unsigned char>(recv[b - 1])) || recv[b - 1] == '_')) b--;
          key = recv.substr(b, e - b) + "." + key;
        }
        d.keys.push_back(key);
        d.text = piece;
        d.line = item.line;
        fresh.push_back(d);
      } else if (auto* gd = n->as<lang::GenDecl>()) {
        if (gd->op == lang::Op::Import) {
          for (lang::Node* s : gd->specs) {
            auto* is = s->as<lang::ImportSpec>();
            if (is == nullptr || is->path == nullptr) continue;
            ImportDecl imp{is->name != nullptr ? is->name->name : "", is->path->raw};
            if (imp.path.size() >= 2) imp.path = imp.path.substr(1, imp.path.size() - 2);
            if (std::find(imps.begin(), imps.end(), imp) == imps.end()) imps.push_back(imp);
          }
          continue;
        }
        Decl d;
        d.is_type = gd->op == lang::Op::Type;
        for (lang::Node* s : gd->specs) {
          if (auto* ts = s->as<lang::TypeSpec>(); ts != nullptr && ts->name != nullptr) d.keys.push_back(ts->name->name);
          if (auto* vs2 = s->as<lang::ValueSpec>()) {
            for (lang::Ident* id : vs2->names) d.keys.push_back(id->name);
          }
        }
        d.text = piece;
        d.line = item.line;
        fresh.push_back(d);
      }
    }
  }
  // Replace earlier declarations of the same names; a redeclared type makes
  // the variables of the old one unreachable.
  std::set<std::string> keys;
  std::set<std::string> types;
  for (const Decl& d : fresh) {
    keys.insert(d.keys.begin(), d.keys.end());
    if (d.is_type) types.insert(d.keys.begin(), d.keys.end());
  }
  ds.erase(std::remove_if(ds.begin(), ds.end(),
                          [&](const Decl& d) {
                            return std::any_of(d.keys.begin(), d.keys.end(), [&](const std::string& k) { return keys.count(k) != 0; });
                          }),
           ds.end());
  ds.insert(ds.end(), fresh.begin(), fresh.end());
  auto mentions = [](const std::string& type, const std::string& name) {
    for (size_t at = type.find(name); at != std::string::npos; at = type.find(name, at + 1)) {
      const bool left = at == 0 || !(std::isalnum(static_cast<unsigned char>(type[at - 1])) || type[at - 1] == '_' || type[at - 1] == '.');
      const size_t r = at + name.size();
      const bool right = r >= type.size() || !(std::isalnum(static_cast<unsigned char>(type[r])) || type[r] == '_');
      if (left && right) return true;
    }
    return false;
  };
  vs.erase(std::remove_if(vs.begin(), vs.end(),
                          [&](const auto& v) {
                            return keys.count(v.first) != 0 ||
                                   std::any_of(types.begin(), types.end(), [&](const std::string& t) { return mentions(v.second, t); });
                          }),
           vs.end());

  std::string body = mask_except(text, stmt_ranges);
  std::unique_ptr<Generation> g;
  // One expression: print its values.
  if (allow_print && stmt_ranges.size() == 1) {
    const auto [b, e] = stmt_ranges[0];
    std::string printing = body;
    printing.replace(e, 0, ")");
    printing.replace(b, 0, "fmt.Println(");
    std::vector<ImportDecl> with_fmt = imps;
    if (std::none_of(with_fmt.begin(), with_fmt.end(), [](const ImportDecl& i) { return i.path == "fmt" && i.alias.empty(); })) {
      with_fmt.push_back({"", "fmt"});
    }
    std::unique_ptr<Generation> attempt = check_importing(&with_fmt, ds, vs, printing);
    if (attempt->diags.empty() && attempt->package != nullptr && !writes_output(*attempt)) {
      g = std::move(attempt);
      imps = with_fmt;
      body = printing;
    }
  }
  if (!g) {
    g = check_importing(&imps, ds, vs, body);
    if (!g->diags.empty() || g->package == nullptr) {
      print_errors(*g);
      return Outcome::Error;
    }
    std::string rewritten = body;
    if (promote(*g, &rewritten, &vs, text)) {
      // A promoted variable replaces a declaration of that name (a file's
      // package-level var, a const, a func).
      std::set<std::string> promoted;
      for (const auto& v : vs) promoted.insert(v.first);
      ds.erase(std::remove_if(ds.begin(), ds.end(),
                              [&](const Decl& d) {
                                return std::any_of(d.keys.begin(), d.keys.end(),
                                                   [&](const std::string& k) { return promoted.count(k) != 0; });
                              }),
               ds.end());
      std::unique_ptr<Generation> second = check(imps, ds, vs, rewritten);
      if (!second->diags.empty() || second->package == nullptr) {
        print_errors(*second);
        return Outcome::Error;
      }
      g = std::move(second);
    }
  }
  // The session now holds what the input declared, whatever running it does.
  Generation& gen = *g;
  kept.push_back(std::move(g));
  const Outcome outcome = run(gen);
  if (outcome == Outcome::Error) return outcome;
  imports = imps;
  decls = ds;
  vars = vs;
  last = &gen;
  return outcome;
}

Session::Session() : m_impl(std::make_unique<Impl>()) {}
Session::~Session() = default;

bool Session::is_complete(const std::string& text) {
  lang::SourceSet sources;
  const int32_t file = sources.add(kFileName, text);
  const std::vector<lang::Token> toks = lex_all(sources, file);
  int depth = 0;
  Tok last = Tok::Eof;
  for (const lang::Token& t : toks) {
    if (t.tok == Tok::Eof) break;
    if (opens(t.tok)) depth++;
    if (closes(t.tok)) depth--;
    // An unterminated raw string runs to the end: more lines may close it.
    if (t.tok == Tok::String && !t.text.empty() && t.text[0] == '`' && (t.text.size() < 2 || t.text.back() != '`')) {
      return false;
    }
    if (t.tok != Tok::Semicolon || t.text == "semicolon") last = t.tok;
  }
  if (depth > 0) return false;
  if (depth < 0) return true;  // a syntax error more lines cannot fix
  switch (last) {
    case Tok::Eof:
    case Tok::Name:
    case Tok::Int:
    case Tok::Float:
    case Tok::Imag:
    case Tok::Char:
    case Tok::String:
    case Tok::Break:
    case Tok::Continue:
    case Tok::Fallthrough:
    case Tok::Return:
    case Tok::RParen:
    case Tok::RBrack:
    case Tok::RBrace:
    case Tok::Inc:
    case Tok::Dec:
    case Tok::Semicolon:
      return true;
    default:
      return false;  // an operator, a comma, a keyword that needs more
  }
}

Session::Outcome Session::eval(const std::string& text) { return m_impl->eval(text, true); }

void Session::interrupt() { vm::session_interrupt(); }

bool Session::type_of(const std::string& expr, std::string* type, std::string* error) {
  Impl& s = *m_impl;
  std::vector<ImportDecl> imps = s.imports;
  // `_ = e` types a single value; a call of several results types as a tuple.
  for (const std::string& body : {"_ = " + expr, expr}) {
    std::unique_ptr<Generation> g = s.check_importing(&imps, s.decls, s.vars, body);
    if (!g->diags.empty() || g->input == nullptr || g->input->body == nullptr || g->input->body->list.empty()) {
      if (body != expr) continue;
      *error = g->diags.empty() ? "not an expression" : g->diags.sorted().front().message;
      return false;
    }
    const lang::Stmt* st = g->input->body->list.front();
    const lang::Expr* e = nullptr;
    if (auto* a = st->as<lang::AssignStmt>(); a != nullptr && !a->rhs.empty()) e = a->rhs.front();
    if (auto* x = st->as<lang::ExprStmt>()) e = x->x;
    if (e == nullptr || e->type == nullptr) continue;
    *type = lang::type_string(e->type, g->package);
    return true;
  }
  *error = "not an expression";
  return false;
}

std::vector<std::string> Session::vars() {
  std::vector<std::string> out;
  for (const auto& [name, type] : m_impl->vars) out.push_back(name + " " + type);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Session::funcs() {
  std::vector<std::string> out;
  Impl& s = *m_impl;
  if (s.last == nullptr || s.last->package == nullptr) return out;
  for (const Decl& d : s.decls) {
    for (const std::string& key : d.keys) {
      if (key.find('.') != std::string::npos) continue;
      lang::Object* obj = s.last->package->scope->lookup(key);
      const lang::Func* f = obj != nullptr ? obj->as<lang::Func>() : nullptr;
      if (f == nullptr || f->type == nullptr) continue;
      const std::string sig = lang::type_string(f->type, s.last->package);  // "func(int) string"
      out.push_back("func " + key + sig.substr(4));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Session::Outcome Session::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "open %s: no such file or directory\n", path.c_str());
    return Outcome::Error;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  // Drop the package clause; keep the lines where they were.
  const std::vector<Item> items = split_items(text);
  if (!items.empty()) {
    const std::string first = text.substr(items[0].begin, items[0].end - items[0].begin);
    if (first.rfind("package", 0) == 0) blank(text, items[0].begin, items[0].end);
  }
  // Only declarations: statements at the top level of a file are errors in
  // Go, and the check reports them.
  Outcome o = m_impl->eval(text, false, true);
  if (o != Outcome::Ok) return o;
  lang::Object* main = m_impl->last != nullptr ? m_impl->last->package->scope->lookup("main") : nullptr;
  if (main != nullptr && main->as<lang::Func>() != nullptr) return m_impl->eval("main()", false);
  return o;
}

void Session::reset() {
  Impl& s = *m_impl;
  s.imports.clear();
  s.decls.clear();
  s.vars.clear();
  s.last = nullptr;
  s.linker->reset();
}

std::string Session::goroutines() {
  m_impl->ensure_started();
  std::string dump = vm::session_goroutines();
  return dump.empty() ? "no goroutines\n" : dump;
}

int32_t Session::gomaxprocs(int32_t n) {
  m_impl->ensure_started();
  return vm::session_gomaxprocs(n);
}

bool Session::disasm(const std::string& func, std::string* out, std::string* error) {
  const vm::Program& program = m_impl->linker->program();
  // "f", "T.M", "(*T).M" name main's functions and methods; "strings.Index"
  // a standard one.
  const size_t dot = func.find('.');
  const bool std_pkg = dot != std::string::npos && func[0] != '(' && std_names().count(func.substr(0, dot)) != 0;
  const std::string want = std_pkg || func.rfind("main.", 0) == 0 ? func : "main." + func;
  // The latest generation's version: the last proto of that name. Code is
  // compiled when first reached, so a function no input has called yet is
  // compiled by referring to it once.
  for (int attempt = 0; attempt < 2; attempt++) {
    for (size_t i = program.protos.size(); i-- > 0;) {
      if (program.protos[i]->name == want) {
        *out = vm::disassemble(program, *program.protos[i]);
        return true;
      }
    }
    if (attempt == 0) {
      std::vector<ImportDecl> imps = m_impl->imports;
      std::unique_ptr<Generation> g = m_impl->check_importing(&imps, m_impl->decls, m_impl->vars, "_ = " + func);
      if (!g->diags.empty() || g->package == nullptr || m_impl->run(*g) != Outcome::Ok) break;
      m_impl->kept.push_back(std::move(g));
    }
  }
  *error = "no function " + func + " in the session";
  return false;
}

std::vector<std::string> Session::complete(const std::string& line, size_t cursor, size_t* start) {
  Impl& s = *m_impl;
  if (cursor > line.size()) cursor = line.size();
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80) != 0; };
  size_t b = cursor;
  while (b > 0 && ident(line[b - 1])) b--;
  *start = b;
  const std::string prefix = line.substr(b, cursor - b);
  std::set<std::string> cands;
  auto add = [&](const std::string& name) {
    if (name.rfind(prefix, 0) == 0 && name != kInputFunc) cands.insert(name);
  };
  if (b > 0 && line[b - 1] == '.') {
    // A selector: what is left of the dot.
    size_t xb = b - 1;
    while (xb > 0 && ident(line[xb - 1])) xb--;
    const std::string x = line.substr(xb, b - 1 - xb);
    if (x.empty()) return {};
    // A package: its exported members.
    std::string path;
    for (const ImportDecl& i : s.imports) {
      const size_t slash = i.path.rfind('/');
      if ((i.alias.empty() ? i.path.substr(slash == std::string::npos ? 0 : slash + 1) : i.alias) == x) path = i.path;
    }
    if (path.empty() && std_names().count(x) != 0) path = std_names().at(x);
    bool is_var = std::any_of(s.vars.begin(), s.vars.end(), [&](const auto& v) { return v.first == x; });
    if (!path.empty() && !is_var) {
      std::vector<ImportDecl> imps{{"", path}};
      std::unique_ptr<Generation> g = s.check(imps, {}, {}, "");
      if (g->package != nullptr) {
        for (lang::Package* p : g->package->imports) {
          if (p->path != path) continue;
          for (lang::Object* o : p->scope->objects()) {
            if (o->exported()) add(o->name);
          }
        }
      }
    } else {
      // A value: its fields and methods (through one pointer).
      std::vector<ImportDecl> imps = s.imports;
      std::unique_ptr<Generation> g = s.check_importing(&imps, s.decls, s.vars, "_ = " + x);
      if (g->diags.empty() && g->input != nullptr && g->input->body != nullptr && !g->input->body->list.empty()) {
        if (auto* a = g->input->body->list.front()->as<lang::AssignStmt>(); a != nullptr && !a->rhs.empty() && a->rhs[0]->type) {
          const lang::Type* t = a->rhs[0]->type;
          if (const auto* p = t->as<lang::Pointer>()) t = p->elem;
          if (const auto* n = t->as<lang::Named>()) {
            for (const lang::Func* m : n->methods) add(m->name);
          }
          if (const auto* st = lang::under(t)->as<lang::Struct>()) {
            for (const lang::Var* f : st->fields) add(f->name);
          }
          if (const auto* in = lang::under(t)->as<lang::Interface>()) {
            for (const lang::Func* m : in->methods) add(m->name);
          }
        }
      }
    }
    return {cands.begin(), cands.end()};
  }
  for (const char* k : kKeywords) add(k);
  for (const char* k : kPredeclared) add(k);
  for (const auto& [name, path] : std_names()) add(name);
  for (const ImportDecl& i : s.imports) {
    const size_t slash = i.path.rfind('/');
    add(i.alias.empty() ? i.path.substr(slash == std::string::npos ? 0 : slash + 1) : i.alias);
  }
  for (const auto& [name, type] : s.vars) add(name);
  for (const Decl& d : s.decls) {
    for (const std::string& k : d.keys) {
      if (k.find('.') == std::string::npos) add(k);
    }
  }
  return {cands.begin(), cands.end()};
}

}  // namespace gol::cli
