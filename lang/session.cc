// session.cc — the compiler's REPL mode: SessionLinker (lang/session.h) and
// the session parts of ProgramCompiler.
//
// A generation is compiled by a fresh ProgramCompiler that appends to the
// session's Program and consults a SessionLink: the names under which
// earlier generations left variables, standard functions and named types.
// The per-generation caches of ProgramCompiler (by lang object pointer) stay
// as they are; only their misses ask the link, so the compiler's code is the
// same in both modes. What a generation adds is staged and merged only when
// it compiled, so a failed input changes nothing later inputs see (the
// program may keep some unused protos, and the global slots it took are
// given back).
//
// Link keys:
//   - a global: "pkgpath.name" plus its run-time type's identity (interned
//     descriptors, kept named types), so a variable whose type changed in any
//     way that matters gets new slots instead of reading the old layout;
//   - a standard function: its Proto name ("fmt.Println", "bufio.(*Reader).Read");
//   - a package-level named type: for standard packages its qualified name
//     (their source never changes); for main the declaration's source text
//     plus its structure and method signatures, with the keys of the main
//     types it refers to inside (recursively), so a change to a type it
//     embeds or points to also makes it new. The method set is part of the
//     key because the VM caches "T implements I" answers per thread
//     (vm/interp_ops.cc implements_cached) and a method table is read without
//     a lock: a kept type's table may only change in place, method for
//     method, which is how a redeclared method body reaches earlier values
//     (its table entries are repointed after the generation compiled).
// Init functions of main (rather than rejecting them, which would make
// :load of ordinary programs fail): each runs once, in the generation that
// first declares it; "the same" is by source text, counted, so a second
// identical `func init` declared later still runs once.
//
// Rejected: compiling every generation into a new Program (goroutines of
// earlier inputs would run code the REPL could no longer grow or link to);
// relinking by lang object identity (every generation is a new check, so no
// object survives one).
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>

#include "lang/compile_impl.h"
#include "lang/session.h"

namespace gol::lang {

namespace {

// Capacities of a session's Program tables: appending must never move them
// (goroutines read them while the REPL compiles).
constexpr size_t kMaxProtos = size_t{1} << 20;
constexpr size_t kMaxTypes = size_t{1} << 18;
constexpr size_t kMaxNatives = size_t{1} << 14;
constexpr size_t kMaxFiles = size_t{1} << 14;
constexpr uint32_t kGlobalCapacity = uint32_t{1} << 16;

// The source text of range r (Pos columns are 1-based byte offsets).
std::string text_of(const SourceSet& sources, Range r) {
  if (!r.begin.valid() || r.begin.file < 0 || static_cast<size_t>(r.begin.file) >= sources.size()) return "";
  const SourceFile& f = sources.file(r.begin.file);
  std::string out;
  for (int32_t line = r.begin.line; line <= r.end.line; line++) {
    std::string_view text = f.line_text(line);
    size_t from = line == r.begin.line ? static_cast<size_t>(r.begin.col - 1) : 0;
    size_t to = line == r.end.line ? static_cast<size_t>(r.end.col - 1) : text.size();
    from = std::min(from, text.size());
    to = std::min(std::max(to, from), text.size());
    out.append(text.substr(from, to - from));
    if (line != r.end.line) out.push_back('\n');
  }
  return out;
}

const TypeSpec* type_spec_of(const TypeName* obj) {
  if (obj->pkg == nullptr) return nullptr;
  for (File* f : obj->pkg->files) {
    if (f == nullptr) continue;
    for (Node* d : f->decls) {
      auto* gd = d->as<GenDecl>();
      if (gd == nullptr || gd->op != Op::Type) continue;
      for (Node* spec : gd->specs) {
        auto* ts = spec->as<TypeSpec>();
        if (ts != nullptr && ts->name != nullptr && ts->name->pos() == obj->pos) return ts;
      }
    }
  }
  return nullptr;
}

bool is_package_level(const TypeName* obj) { return obj->pkg != nullptr && obj->parent == obj->pkg->scope; }

template <class Map>
auto find_in(SessionLink& link, Map SessionTables::*table, const std::string& key) -> const typename Map::mapped_type* {
  auto it = (link.committed.*table).find(key);
  if (it != (link.committed.*table).end()) return &it->second;
  it = (link.staged.*table).find(key);
  if (it != (link.staged.*table).end()) return &it->second;
  return nullptr;
}

}  // namespace

// ------------------------------------------------------------ ProgramCompiler

void ProgramCompiler::check_capacity(size_t size, size_t capacity, const char* what) {
  if (size >= capacity) compile_fail(Pos{}, std::string("too many ") + what + " in the session");
}

uint32_t ProgramCompiler::session_global_slot(const Var* v) {
  const vm::Type* rt = rtype(v->type);
  char id[32];
  std::snprintf(id, sizeof id, "%p", static_cast<const void*>(rt));
  const std::string key = (v->pkg != nullptr ? v->pkg->path : "") + "." + v->name + "\x1f" + id;
  if (auto it = m_link->committed.globals.find(key); it != m_link->committed.globals.end()) {
    m_linked_globals.insert(v);
    return it->second;
  }
  if (const uint32_t* slot = find_in(*m_link, &SessionTables::globals, key)) return *slot;
  const uint32_t slot = m_program->global_slots;
  if (uint64_t{slot} + rt->slots > m_program->global_capacity) {
    compile_fail(v->pos, "too many global variables in the session");
  }
  m_program->global_slots += rt->slots;
  m_link->staged.globals[key] = slot;
  return slot;
}

uint32_t ProgramCompiler::session_proto_of(const Func* f) {
  const bool is_std = f->pkg != nullptr && f->pkg->is_std;
  std::string key;
  if (is_std) {
    key = func_name(f);
    if (const uint32_t* idx = find_in(*m_link, &SessionTables::protos, key)) return m_protos[f] = *idx;
  }
  uint32_t idx;
  if (f->decl != nullptr && f->decl->body == nullptr) {
    idx = native_value_proto(f);
  } else {
    auto* p = new vm::Proto();
    // The input runs as main.main does in a program, for traces.
    p->name = f == m_link->input ? "main.main" : func_name(f);
    idx = new_proto(p);
    m_pending.push_back({f, idx});
  }
  m_protos[f] = idx;
  if (is_std) m_link->staged.protos[key] = idx;
  return idx;
}

namespace {

// The structure of a type for a named type's link key: what decides its
// layout and method set, with main's package-level named types by their
// own keys (through `named`).
void append_shape(std::string& out, const Type* t, const std::function<std::string(const Named*)>& named) {
  if (t == nullptr) {
    out += "?";
    return;
  }
  switch (t->kind) {
    case TypeKind::Named:
      out += named(t->as<Named>());
      return;
    case TypeKind::Pointer:
      out += "*";
      append_shape(out, t->as<Pointer>()->elem, named);
      return;
    case TypeKind::Slice:
      out += "[]";
      append_shape(out, t->as<Slice>()->elem, named);
      return;
    case TypeKind::Array:
      out += "[" + std::to_string(t->as<Array>()->len) + "]";
      append_shape(out, t->as<Array>()->elem, named);
      return;
    case TypeKind::Map:
      out += "map[";
      append_shape(out, t->as<Map>()->key, named);
      out += "]";
      append_shape(out, t->as<Map>()->elem, named);
      return;
    case TypeKind::Chan:
      out += "chan" + std::to_string(static_cast<int>(t->as<Chan>()->dir)) + " ";
      append_shape(out, t->as<Chan>()->elem, named);
      return;
    case TypeKind::Tuple:
      out += "(";
      for (const Var* v : t->as<Tuple>()->vars) {
        append_shape(out, v->type, named);
        out += ",";
      }
      out += ")";
      return;
    case TypeKind::Signature: {
      const Signature* sig = t->as<Signature>();
      out += sig->variadic ? "func..." : "func";
      append_shape(out, sig->params, named);
      append_shape(out, sig->results, named);
      return;
    }
    case TypeKind::Struct: {
      const Struct* s = t->as<Struct>();
      out += "struct{";
      for (size_t i = 0; i < s->fields.size(); i++) {
        out += (s->fields[i]->embedded ? "~" : "") + s->fields[i]->name + " ";
        append_shape(out, s->fields[i]->type, named);
        if (i < s->tags.size()) out += " `" + s->tags[i] + "`";
        out += ";";
      }
      out += "}";
      return;
    }
    case TypeKind::Interface:
      out += "interface{";
      for (const Func* m : t->as<Interface>()->all_methods()) {
        out += m->name;
        append_shape(out, m->type, named);
        out += ";";
      }
      out += "}";
      return;
    case TypeKind::Basic:
      break;
  }
  out += type_string(t, nullptr);
}

}  // namespace

std::string ProgramCompiler::named_key(const Named* n, std::vector<const Named*>& stack) {
  const TypeName* obj = n->obj;
  if (obj->pkg == nullptr) return obj->name;
  if (!is_package_level(obj)) {
    // Never linked (see session_named): its identity is the object's.
    char id[32];
    std::snprintf(id, sizeof id, "%p", static_cast<const void*>(n));
    return "local:" + obj->pkg->path + "." + obj->name + "@" + id;
  }
  if (obj->pkg->is_std) return obj->pkg->path + "." + obj->name;
  if (auto it = m_named_keys.find(n); it != m_named_keys.end()) return it->second;
  for (const Named* s : stack) {
    if (s == n) return "@main." + obj->name;  // a reference back into the cycle being keyed
  }
  stack.push_back(n);
  auto inner = [&](const Named* m) { return "{" + named_key(m, stack) + "}"; };
  std::string key = "main." + obj->name + "\n";
  if (const TypeSpec* spec = type_spec_of(obj)) key += text_of(m_sources, spec->range);
  key += "\n";
  append_shape(key, n->underlying, inner);
  for (const Func* m : n->methods) {
    key += "\n" + std::string(m->ptr_recv ? "*" : "") + m->name;
    append_shape(key, m->type, inner);
  }
  stack.pop_back();
  // A key made inside a cycle names the types above it by name only: only
  // a complete one is remembered.
  if (stack.empty()) m_named_keys[n] = key;
  return key;
}

const vm::Type* ProgramCompiler::session_named(const Named* n, std::string* key) {
  key->clear();
  if (!is_package_level(n->obj)) return nullptr;
  std::vector<const Named*> stack;
  *key = named_key(n, stack);
  const vm::Type* const* kept = find_in(*m_link, &SessionTables::named, *key);
  if (kept == nullptr) return nullptr;
  m_rtypes[n] = *kept;
  if (!n->obj->pkg->is_std && under(n)->as<Interface>() == nullptr) {
    // Main's methods are compiled anew: the table is rebuilt (staged).
    m_kept_types.insert(*kept);
    m_named.emplace_back(n, *kept);
  }
  return *kept;
}

void ProgramCompiler::session_method_update(const vm::Type* rt, std::vector<vm::Method> methods) {
  std::sort(methods.begin(), methods.end(), [](const vm::Method& a, const vm::Method& b) { return a.name < b.name; });
  bool same = methods.size() == rt->methods.size();
  for (size_t i = 0; same && i < methods.size(); i++) {
    same = methods[i].name == rt->methods[i].name && methods[i].mtype == rt->methods[i].mtype;
  }
  if (!same) compile_fail(Pos{}, "internal error: the method set of kept type " + rt->name + " changed");
  m_link->method_updates.emplace_back(rt, std::move(methods));
}

uint32_t ProgramCompiler::compile_session(Package* main, const Func* input) {
  m_main = main;
  m_link->input = input;
  const Signature* sig = input != nullptr ? input->sig() : nullptr;
  if (sig == nullptr || input->decl == nullptr || input->decl->body == nullptr || sig->recv != nullptr ||
      !sig->params->vars.empty() || !sig->results->vars.empty()) {
    compile_fail(input != nullptr ? input->pos : Pos{}, "internal error: the REPL input is not a func()");
  }
  std::vector<Package*> order;
  std::unordered_set<Package*> seen;
  collect_packages(main, order, seen);
  auto* p = new vm::Proto();
  p->name = "runtime.main";
  p->is_wrapper = true;
  const uint32_t entry = new_proto(p);
  EscapeInfo none;
  {
    FuncCompiler fc(*this, p, nullptr, &none);
    fc.compile_session_entry(order, input);
  }
  // Kept types of main get this generation's methods even when nothing
  // compiled now names them: values made by earlier inputs (in variables,
  // in running goroutines) dispatch through their tables.
  for (Object* obj : main->scope->objects()) {
    const TypeName* tn = obj->as<TypeName>();
    if (tn == nullptr || tn->alias || tn->type == nullptr || !tn->type->is<Named>()) continue;
    std::vector<const Named*> stack;
    const std::string key = named_key(tn->type->as<Named>(), stack);
    if (m_link->committed.named.count(key) != 0) rtype(tn->type);
  }
  drain();
  return entry;
}

// ------------------------------------------------------------ FuncCompiler

void FuncCompiler::compile_session_entry(const std::vector<Package*>& order, const Func* input) {
  SessionLink& link = *m_pc.session();
  m_proto->file = m_pc.file_index(input->pos.file);
  m_result_base = 0;
  for (Package* pkg : order) {
    if (pkg->is_std) {
      // Initialised once per session (per reset), however many inputs import it.
      if (link.committed.initialized.count(pkg->path) != 0) continue;
      link.staged.initialized.insert(pkg->path);
    }
    bool has_new = false;
    for (const Initializer& init : pkg->init_order) {
      if (init.rhs == nullptr) continue;
      for (const Var* v : init.lhs) {
        m_pc.global_slot(v);
        has_new = has_new || !m_pc.global_is_linked(v);
      }
    }
    if (has_new) call_package_init(pkg);
    if (pkg->is_std) {
      for (const Func* f : pkg->inits) call_proto(m_pc.proto_of(f));
      continue;
    }
    std::unordered_map<std::string, uint32_t> seen;
    for (const Func* f : pkg->inits) {
      const std::string text = text_of(m_pc.sources(), f->decl->range);
      const uint32_t nth = ++seen[text];
      auto ran = link.committed.inits_run.find(text);
      if (ran != link.committed.inits_run.end() && nth <= ran->second) continue;
      call_proto(m_pc.proto_of(f));
      uint32_t& staged = link.staged.inits_run[text];
      staged = std::max(staged, nth);
    }
  }
  set_line(input->pos);
  call_proto(m_pc.proto_of(input));
  emit(vm::Op::RET, 0, 0);
}

// ------------------------------------------------------------ SessionLinker

struct SessionLinker::State {
  explicit State(const vm::NativeRegistry& n) : natives(n) {}
  const vm::NativeRegistry& natives;
  vm::Program* program = nullptr;  // never destroyed (see session.h)
  SessionLink link;
};

SessionLinker::SessionLinker(const vm::NativeRegistry& natives) : m_state(std::make_unique<State>(natives)) {
  m_state->program = new vm::Program();
  m_state->program->reserve_session(kMaxProtos, kMaxTypes, kMaxNatives, kMaxFiles, kGlobalCapacity);
}

SessionLinker::~SessionLinker() = default;

vm::Program& SessionLinker::program() { return *m_state->program; }

namespace {

void commit(SessionLink& link) {
  SessionTables& c = link.committed;
  SessionTables& s = link.staged;
  c.globals.merge(s.globals);
  c.protos.merge(s.protos);
  c.named.merge(s.named);
  c.initialized.merge(s.initialized);
  for (auto& [text, n] : s.inits_run) c.inits_run[text] = std::max(c.inits_run[text], n);
  link.staged = SessionTables{};
  // Kept types' tables change in place, one entry at a time (same methods,
  // same order): a goroutine dispatching meanwhile reaches the old method
  // or the new one, both complete.
  for (auto& [rt, methods] : link.method_updates) {
    auto& live = const_cast<vm::Type*>(rt)->methods;
    for (size_t i = 0; i < methods.size(); i++) {
      std::atomic_ref<const vm::Closure*>(live[i].fn).store(methods[i].fn, std::memory_order_release);
    }
  }
  link.method_updates.clear();
}

}  // namespace

bool SessionLinker::compile(const SourceSet& sources, Package* main, const Func* input, uint32_t* entry,
                            CompileError* error) {
  SessionLink& link = m_state->link;
  vm::Program& program = *m_state->program;
  const uint32_t globals_before = program.global_slots;
  link.staged = SessionTables{};
  link.method_updates.clear();
  uint32_t index = 0;
  try {
    ProgramCompiler pc(sources, m_state->natives, program, link);
    index = pc.compile_session(main, input);
  } catch (const CompileFailure& f) {
    if (error != nullptr) *error = CompileError{f.pos, f.message};
    // Nothing of this generation ran: its slots can be handed out again.
    program.global_slots = globals_before;
    link.staged = SessionTables{};
    link.method_updates.clear();
    return false;
  }
  commit(link);
  program.entry = index;
  program.finish();
  *entry = index;
  return true;
}

void SessionLinker::reset() {
  // Program table indices stay (they only name what the program holds);
  // everything that links a name to a variable, function or type goes.
  m_state->link.committed = SessionTables{};
  m_state->link.staged = SessionTables{};
  m_state->link.method_updates.clear();
}

}  // namespace gol::lang
