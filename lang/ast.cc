// ast.cc — small helpers over the syntax tree (see ast.h).
#include "lang/ast.h"

namespace gol::lang {

const char* node_kind_name(NodeKind kind) {
  switch (kind) {
#define GOL_KIND(k) \
  case NodeKind::k: \
    return #k;
    GOL_KIND(BadExpr) GOL_KIND(Ident) GOL_KIND(BasicLit) GOL_KIND(CompositeLit)
    GOL_KIND(FuncLit) GOL_KIND(ParenExpr) GOL_KIND(SelectorExpr) GOL_KIND(IndexExpr)
    GOL_KIND(SliceExpr) GOL_KIND(TypeAssertExpr) GOL_KIND(CallExpr) GOL_KIND(StarExpr)
    GOL_KIND(UnaryExpr) GOL_KIND(BinaryExpr) GOL_KIND(KeyValueExpr) GOL_KIND(Ellipsis)
    GOL_KIND(ArrayType) GOL_KIND(StructType) GOL_KIND(FuncType) GOL_KIND(InterfaceType)
    GOL_KIND(MapType) GOL_KIND(ChanType) GOL_KIND(BadStmt) GOL_KIND(DeclStmt)
    GOL_KIND(EmptyStmt) GOL_KIND(LabeledStmt) GOL_KIND(ExprStmt) GOL_KIND(SendStmt)
    GOL_KIND(IncDecStmt) GOL_KIND(AssignStmt) GOL_KIND(GoStmt) GOL_KIND(DeferStmt)
    GOL_KIND(ReturnStmt) GOL_KIND(BranchStmt) GOL_KIND(BlockStmt) GOL_KIND(IfStmt)
    GOL_KIND(CaseClause) GOL_KIND(SwitchStmt) GOL_KIND(TypeSwitchStmt) GOL_KIND(CommClause)
    GOL_KIND(SelectStmt) GOL_KIND(ForStmt) GOL_KIND(RangeStmt) GOL_KIND(Field)
    GOL_KIND(FieldList) GOL_KIND(ImportSpec) GOL_KIND(ValueSpec) GOL_KIND(TypeSpec)
    GOL_KIND(GenDecl) GOL_KIND(FuncDecl) GOL_KIND(File)
#undef GOL_KIND
  }
  return "?";
}

const char* op_string(Op op) {
  switch (op) {
    case Op::None: return "";
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Quo: return "/";
    case Op::Rem: return "%";
    case Op::And: return "&";
    case Op::Or: return "|";
    case Op::Xor: return "^";
    case Op::Shl: return "<<";
    case Op::Shr: return ">>";
    case Op::AndNot: return "&^";
    case Op::LAnd: return "&&";
    case Op::LOr: return "||";
    case Op::Arrow: return "<-";
    case Op::Not: return "!";
    case Op::Eql: return "==";
    case Op::Neq: return "!=";
    case Op::Lss: return "<";
    case Op::Leq: return "<=";
    case Op::Gtr: return ">";
    case Op::Geq: return ">=";
    case Op::Assign: return "=";
    case Op::Define: return ":=";
    case Op::AddAssign: return "+=";
    case Op::SubAssign: return "-=";
    case Op::MulAssign: return "*=";
    case Op::QuoAssign: return "/=";
    case Op::RemAssign: return "%=";
    case Op::AndAssign: return "&=";
    case Op::OrAssign: return "|=";
    case Op::XorAssign: return "^=";
    case Op::ShlAssign: return "<<=";
    case Op::ShrAssign: return ">>=";
    case Op::AndNotAssign: return "&^=";
    case Op::Inc: return "++";
    case Op::Dec: return "--";
    case Op::Break: return "break";
    case Op::Continue: return "continue";
    case Op::Goto: return "goto";
    case Op::Fallthrough: return "fallthrough";
    case Op::Import: return "import";
    case Op::Const: return "const";
    case Op::Type: return "type";
    case Op::Var: return "var";
  }
  return "?";
}

Op op_assign_base(Op op) {
  switch (op) {
    case Op::AddAssign: return Op::Add;
    case Op::SubAssign: return Op::Sub;
    case Op::MulAssign: return Op::Mul;
    case Op::QuoAssign: return Op::Quo;
    case Op::RemAssign: return Op::Rem;
    case Op::AndAssign: return Op::And;
    case Op::OrAssign: return Op::Or;
    case Op::XorAssign: return Op::Xor;
    case Op::ShlAssign: return Op::Shl;
    case Op::ShrAssign: return Op::Shr;
    case Op::AndNotAssign: return Op::AndNot;
    default: return Op::None;
  }
}

size_t FieldList::count() const {
  size_t n = 0;
  for (const Field* f : list) n += f->names.empty() ? 1 : f->names.size();
  return n;
}

Expr* unparen(Expr* e) {
  while (e != nullptr && e->kind == NodeKind::ParenExpr) e = static_cast<ParenExpr*>(e)->x;
  return e;
}

const Expr* unparen(const Expr* e) {
  while (e != nullptr && e->kind == NodeKind::ParenExpr) e = static_cast<const ParenExpr*>(e)->x;
  return e;
}

}  // namespace gol::lang
