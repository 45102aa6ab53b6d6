// check_branches.cc — labels and branch statements of a function body (cf.
// cmd/compile/internal/syntax/branches.go).
//
// One walk over the body's blocks resolves every break, continue and goto to
// its target statement (left on BranchStmt::target for the compiler) and
// reports what Go's parser reports: unknown, unused or duplicate labels,
// misplaced break/continue, gotos into blocks or over declarations.
//
// In Go these errors come from the parser, for every function body parsed
// without an error, whether or not the package is then type-checked. So the
// walk needs no types: the checker runs it on each body it checks (labels in
// check_stmt.cc), and check_branches runs it on the clean bodies of files
// that have syntax errors, which the checker never sees. Rejected: a label
// scope inside the checker's scopes — labels are function-wide and blocks
// matter only for goto, which the walk tracks itself.
#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "lang/ast_dump.h"
#include "lang/check.h"
#include "lang/check_impl.h"

namespace gol::lang {

namespace {

struct LabelBlock {
  LabelBlock* parent;
  Pos start;
  LabeledStmt* lstmt;
};

struct LabelInfo {
  LabelBlock* parent;
  LabeledStmt* lstmt;
  bool used = false;
};

struct Targets {
  Stmt* breaks = nullptr;
  Stmt* continues = nullptr;
};

class LabelChecker {
 public:
  explicit LabelChecker(const BranchReporter& r) : m_r(r) {}

  void check(BlockStmt* body) {
    std::vector<BranchStmt*> fwd = block(nullptr, Targets{}, nullptr, body->pos(), body->list);
    for (BranchStmt* g : fwd) {
      const std::string& name = g->label->name;
      auto it = m_labels.find(name);
      if (it != m_labels.end()) {
        it->second.used = true;
        m_r.error(g->label->pos(), "goto " + name + " jumps into block starting at " +
                                           m_r.pos_str(it->second.parent->start));
      } else {
        m_r.error(g->label->pos(), "label " + name + " not defined");
      }
    }
    for (auto& [name, l] : m_labels) {
      if (!l.used) m_r.error(l.lstmt->label->pos(), "label " + name + " defined and not used");
    }
  }

 private:
  LabelInfo* declare(LabelBlock* b, LabeledStmt* s) {
    const std::string& name = s->label->name;
    auto it = m_labels.find(name);
    if (it != m_labels.end()) {
      m_r.error(s->pos(), "label " + name + " already defined at " + m_r.pos_str(it->second.lstmt->label->pos()));
      return &it->second;
    }
    auto* obj = alloc<Label>(s->label->pos(), m_r.pkg, name, s);
    s->label->object = obj;
    auto [pos, inserted] = m_labels.emplace(name, LabelInfo{b, s, false});
    (void)inserted;
    return &pos->second;
  }

  LabeledStmt* goto_target(LabelBlock* b, const std::string& name) {
    auto it = m_labels.find(name);
    if (it == m_labels.end()) return nullptr;
    it->second.used = true;
    for (; b != nullptr; b = b->parent) {
      if (it->second.parent == b) return it->second.lstmt;
    }
    return nullptr;
  }

  // The innermost enclosing labeled statement named `name`; null if the label
  // is unknown, m_invalid if it labels no enclosing statement.
  LabeledStmt* enclosing_target(LabelBlock* b, const std::string& name) {
    auto it = m_labels.find(name);
    if (it == m_labels.end()) return nullptr;
    it->second.used = true;
    for (; b != nullptr; b = b->parent) {
      if (it->second.lstmt == b->lstmt) return it->second.lstmt;
    }
    return &m_invalid;
  }

  std::vector<BranchStmt*> block(LabelBlock* parent, Targets ctxt, LabeledStmt* lstmt, Pos start,
                                 const std::vector<Stmt*>& body) {
    auto* b = new LabelBlock{parent, start, lstmt};
    m_blocks.emplace_back(b);
    Pos var_pos;
    std::string var_name;
    std::vector<BranchStmt*> fwd;
    std::vector<BranchStmt*> bad;
    auto record_var_decl = [&](Pos pos, const std::string& name) {
      var_pos = pos;
      var_name = name;
      bad = fwd;
    };
    auto jumps_over = [&](BranchStmt* g) {
      return var_pos.valid() && std::find(bad.begin(), bad.end(), g) != bad.end();
    };
    auto inner_block = [&](Targets t, Pos st, const std::vector<Stmt*>& list, LabeledStmt* ls) {
      std::vector<BranchStmt*> inner = block(b, t, ls, st, list);
      fwd.insert(fwd.end(), inner.begin(), inner.end());
    };
    for (Stmt* s0 : body) {
      LabeledStmt* ls = nullptr;
      Stmt* s = s0;
      while (auto* l = s->as<LabeledStmt>()) {
        if (l->label->name != "_") {
          LabelInfo* info = declare(b, l);
          std::vector<BranchStmt*> keep;
          for (BranchStmt* g : fwd) {
            if (g->label->name == l->label->name) {
              g->target = l;
              info->used = true;
              if (jumps_over(g)) {
                m_r.error(g->label->pos(), "goto " + l->label->name + " jumps over declaration of " + var_name +
                                                   " at " + m_r.pos_str(var_pos));
              }
            } else {
              keep.push_back(g);
            }
          }
          fwd = std::move(keep);
          ls = l;
        }
        s = l->stmt;
      }
      switch (s->kind) {
        case NodeKind::DeclStmt: {
          GenDecl* d = s->as<DeclStmt>()->decl;
          if (d && d->op == Op::Var) {
            for (Node* spec : d->specs) {
              if (auto* vs = spec->as<ValueSpec>(); vs && !vs->names.empty()) {
                record_var_decl(spec->pos(), vs->names[0]->name);
                break;
              }
            }
          }
          break;
        }
        case NodeKind::BranchStmt: {
          auto* bs = s->as<BranchStmt>();
          if (bs->label == nullptr) {
            if (bs->op == Op::Break) {
              if (ctxt.breaks) bs->target = ctxt.breaks;
              else m_r.error(bs->pos(), "break is not in a loop, switch, or select");
            } else if (bs->op == Op::Continue) {
              if (ctxt.continues) bs->target = ctxt.continues;
              else m_r.error(bs->pos(), "continue is not in a loop");
            }
            break;
          }
          const std::string& name = bs->label->name;
          if (bs->op == Op::Break) {
            if (LabeledStmt* t = enclosing_target(b, name)) {
              Stmt* ts = t == &m_invalid ? nullptr : t->stmt;
              if (ts && (ts->is<SwitchStmt>() || ts->is<TypeSwitchStmt>() || ts->is<SelectStmt>() ||
                         ts->is<ForStmt>() || ts->is<RangeStmt>())) {
                bs->target = ts;
              } else {
                m_r.error(bs->label->pos(), "invalid break label " + name);
              }
            } else {
              m_r.error(bs->label->pos(), "break label not defined: " + name);
            }
          } else if (bs->op == Op::Continue) {
            if (LabeledStmt* t = enclosing_target(b, name)) {
              Stmt* ts = t == &m_invalid ? nullptr : t->stmt;
              if (ts && (ts->is<ForStmt>() || ts->is<RangeStmt>())) {
                bs->target = ts;
              } else {
                m_r.error(bs->label->pos(), "invalid continue label " + name);
              }
            } else {
              m_r.error(bs->label->pos(), "continue label not defined: " + name);
            }
          } else if (bs->op == Op::Goto) {
            if (LabeledStmt* t = goto_target(b, name)) bs->target = t;
            else fwd.push_back(bs);
          }
          break;
        }
        case NodeKind::AssignStmt: {
          auto* as = s->as<AssignStmt>();
          if (as->op == Op::Define && !as->lhs.empty()) {
            std::string names;
            for (size_t i = 0; i < as->lhs.size(); i++) {
              if (i > 0) names += ", ";
              names += m_r.expr_str(as->lhs[i]);
            }
            record_var_decl(as->op_pos, names);
          }
          break;
        }
        case NodeKind::BlockStmt:
          inner_block(ctxt, s->pos(), s->as<BlockStmt>()->list, ls);
          break;
        case NodeKind::IfStmt: {
          auto* is = s->as<IfStmt>();
          inner_block(ctxt, is->then->pos(), is->then->list, ls);
          if (is->els != nullptr) inner_block(ctxt, is->els->pos(), {is->els}, ls);
          break;
        }
        case NodeKind::ForStmt:
          inner_block(Targets{s, s}, s->as<ForStmt>()->body->pos(), s->as<ForStmt>()->body->list, ls);
          break;
        case NodeKind::RangeStmt:
          inner_block(Targets{s, s}, s->as<RangeStmt>()->body->pos(), s->as<RangeStmt>()->body->list, ls);
          break;
        case NodeKind::SwitchStmt:
          for (CaseClause* cc : s->as<SwitchStmt>()->clauses) inner_block(Targets{s, ctxt.continues}, cc->pos(), cc->body, ls);
          break;
        case NodeKind::TypeSwitchStmt:
          for (CaseClause* cc : s->as<TypeSwitchStmt>()->clauses) {
            inner_block(Targets{s, ctxt.continues}, cc->pos(), cc->body, ls);
          }
          break;
        case NodeKind::SelectStmt:
          for (CommClause* cc : s->as<SelectStmt>()->clauses) inner_block(Targets{s, ctxt.continues}, cc->pos(), cc->body, ls);
          break;
        default:
          break;
      }
    }
    return fwd;
  }

  const BranchReporter& m_r;
  std::map<std::string, LabelInfo> m_labels;
  std::vector<std::unique_ptr<LabelBlock>> m_blocks;
  LabeledStmt m_invalid;
};

}  // namespace

void check_body_branches(BlockStmt* body, const BranchReporter& r) {
  LabelChecker lc(r);
  lc.check(body);
}

namespace {

// Whether a diagnostic lies inside `body`: Go skips the branch checks of a
// body in which the parser reported anything.
bool has_errors_in(const std::vector<Diagnostic>& errors, const BlockStmt* body) {
  for (const Diagnostic& d : errors) {
    if (d.pos.file == body->pos().file && !(d.pos < body->pos()) && d.pos < body->end()) return true;
  }
  return false;
}

}  // namespace

void check_branches(const SourceSet& sources, const std::vector<File*>& files, Diagnostics& diags) {
  const std::vector<Diagnostic> errors = diags.sorted();
  BranchReporter r;
  r.error = [&diags](Pos pos, const std::string& msg) { diags.error(pos, msg); };
  r.pos_str = [&sources](Pos pos) { return format_pos(sources, pos); };
  r.expr_str = [](const Expr* e) { return expr_string(e); };
  for (File* f : files) {
    if (f == nullptr) continue;
    for (Node* d : f->decls) {
      auto* fd = d->as<FuncDecl>();
      if (fd == nullptr || fd->body == nullptr || has_errors_in(errors, fd->body)) continue;
      check_body_branches(fd->body, r);
    }
  }
}

}  // namespace gol::lang
