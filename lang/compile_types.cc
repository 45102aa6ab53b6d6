// compile_types.cc — run-time type descriptors and method tables.
//
// rtype maps a checker type to its vm::Type, built through vm::TypeTable,
// which interns: identical types give the same descriptor. Named types are
// created before their underlying type is built, so recursive types
// (`type List struct { next *List }`) terminate.
//
// Method tables follow Go's method sets: a value of named type T in an
// interface dispatches on T's value methods (promoted ones included); a *T
// on all of T's methods. The table entry takes the interface's data word as
// the receiver; where that is not already the method's own receiver (a
// multi-slot T, a value method reached through *T, a promoted method) the
// entry is a generated wrapper (compile_wrap.cc).
#include "lang/compile_impl.h"
#include "lang/universe.h"

namespace gol::lang {

uint32_t method_name_id(const Func* m) {
  if (m->exported() || m->pkg == nullptr) return vm::intern_name(m->name);
  return vm::intern_name(m->pkg->path + "." + m->name);
}

const Type* universe_bool() { return basic_type(BasicKind::Bool); }
const Type* universe_int() { return basic_type(BasicKind::Int); }
const Type* universe_rune() { return basic_type(BasicKind::Int32); }
const Type* universe_string() { return basic_type(BasicKind::String); }

namespace {

vm::Kind basic_kind(BasicKind k) {
  switch (k) {
    case BasicKind::Bool: case BasicKind::UntypedBool: return vm::Kind::Bool;
    case BasicKind::Int: case BasicKind::UntypedInt: return vm::Kind::Int;
    case BasicKind::Int8: return vm::Kind::Int8;
    case BasicKind::Int16: return vm::Kind::Int16;
    case BasicKind::Int32: case BasicKind::UntypedRune: return vm::Kind::Int32;
    case BasicKind::Int64: return vm::Kind::Int64;
    case BasicKind::Uint: return vm::Kind::Uint;
    case BasicKind::Uint8: return vm::Kind::Uint8;
    case BasicKind::Uint16: return vm::Kind::Uint16;
    case BasicKind::Uint32: return vm::Kind::Uint32;
    case BasicKind::Uint64: return vm::Kind::Uint64;
    case BasicKind::Uintptr: return vm::Kind::Uintptr;
    case BasicKind::Float32: return vm::Kind::Float32;
    case BasicKind::Float64: case BasicKind::UntypedFloat: return vm::Kind::Float64;
    case BasicKind::String: case BasicKind::UntypedString: return vm::Kind::String;
    default: break;
  }
  compile_fail(Pos{}, "internal error: no run-time type for an invalid or untyped nil value");
}

}  // namespace

const vm::Type* ProgramCompiler::rtype(const Type* t) {
  auto it = m_rtypes.find(t);
  if (it != m_rtypes.end()) return it->second;
  const vm::Type* r = build_rtype(t);
  m_rtypes[t] = r;
  return r;
}

const vm::Type* ProgramCompiler::build_rtype(const Type* t) {
  vm::TypeTable& table = vm::TypeTable::get();
  switch (t->kind) {
    case TypeKind::Basic:
      return table.basic(basic_kind(t->as<Basic>()->basic));
    case TypeKind::Named: {
      const Named* n = t->as<Named>();
      if (t == universe_error()) return table.error_type();
      std::string link_key;
      if (m_link != nullptr) {
        if (const vm::Type* kept = session_named(n, &link_key)) return kept;
      }
      Package* pkg = n->obj->pkg;
      std::string pkg_name = pkg != nullptr ? pkg->name : "";
      std::string pkg_path = pkg != nullptr ? pkg->path : "";
      vm::Type* named = table.new_named(pkg_name.empty() ? n->obj->name : pkg_name + "." + n->obj->name, pkg_path,
                                        m_link != nullptr ? ++m_link->named_counter : ++m_named_counter);
      m_rtypes[t] = named;
      if (!link_key.empty()) m_link->staged.named[link_key] = named;
      const vm::Type* u = rtype(n->underlying);
      table.set_underlying(named, u);
      if (const Interface* iface = under(t)->as<Interface>()) {
        std::vector<vm::Method> methods;
        for (const Func* m : iface->all_methods()) {
          methods.push_back(vm::Method{method_name_id(m), rtype(m->type), nullptr, m->exported()});
        }
        table.set_methods(named, std::move(methods));
      } else {
        m_named.emplace_back(t, named);
      }
      return named;
    }
    case TypeKind::Pointer:
      return table.pointer_to(rtype(t->as<Pointer>()->elem));
    case TypeKind::Array:
      return table.array_of(t->as<Array>()->len, rtype(t->as<Array>()->elem));
    case TypeKind::Slice:
      return table.slice_of(rtype(t->as<Slice>()->elem));
    case TypeKind::Map:
      return table.map_of(rtype(t->as<Map>()->key), rtype(t->as<Map>()->elem));
    case TypeKind::Chan: {
      const Chan* c = t->as<Chan>();
      vm::ChanDir dir = c->dir == ChanDir::Send ? vm::ChanDir::Send
                        : c->dir == ChanDir::Recv ? vm::ChanDir::Recv
                                                  : vm::ChanDir::Both;
      return table.chan_of(dir, rtype(c->elem));
    }
    case TypeKind::Signature: {
      const Signature* sig = t->as<Signature>();
      std::vector<const vm::Type*> params, results;
      for (const Var* v : sig->params->vars) params.push_back(rtype(v->type));
      for (const Var* v : sig->results->vars) results.push_back(rtype(v->type));
      return table.func_of(std::move(params), std::move(results), sig->variadic);
    }
    case TypeKind::Struct: {
      const Struct* s = t->as<Struct>();
      std::vector<vm::TypeTable::FieldSpec> fields;
      std::string pkg_path;
      for (size_t i = 0; i < s->fields.size(); i++) {
        const Var* f = s->fields[i];
        if (!f->exported() && f->pkg != nullptr) pkg_path = f->pkg->path;
        fields.push_back({f->name, rtype(f->type), f->embedded, i < s->tags.size() ? s->tags[i] : ""});
      }
      return table.struct_of(fields, pkg_path);
    }
    case TypeKind::Interface: {
      const Interface* iface = t->as<Interface>();
      std::vector<vm::TypeTable::MethodSpec> methods;
      std::string pkg_path;
      for (const Func* m : iface->all_methods()) {
        if (!m->exported() && m->pkg != nullptr) pkg_path = m->pkg->path;
        methods.push_back({m->exported() || m->pkg == nullptr ? m->name : m->pkg->path + "." + m->name,
                           rtype(m->type)});
      }
      if (methods.empty()) return table.empty_interface();
      return table.interface_of(methods, pkg_path);
    }
    case TypeKind::Tuple:
      break;
  }
  compile_fail(Pos{}, "internal error: no run-time type for " + type_string(t, nullptr));
}

std::vector<vm::Method> ProgramCompiler::method_table(const Type* t) {
  std::vector<vm::Method> table;
  const bool is_ptr = t->is<Pointer>();
  for (Func* m : method_set(t)) {
    Selection sel = lookup_field_or_method(t, false, m->pkg, m->name);
    if (sel.obj == nullptr) continue;
    const Func* target = sel.obj->as<Func>();
    if (target == nullptr) continue;
    uint32_t proto;
    const bool direct = sel.index.size() == 1 &&
                        (is_ptr ? target->ptr_recv : (!target->ptr_recv && rtype(t)->slots == 1));
    if (direct) {
      proto = proto_of(target);
    } else {
      proto = iface_method_wrapper(t, target, sel);
    }
    table.push_back(vm::Method{method_name_id(target), rtype(target->type),
                               m_program->protos[proto]->static_closure, target->exported()});
  }
  return table;
}

void ProgramCompiler::build_method_tables() {
  // m_named may grow while wrappers are generated: index, do not iterate.
  for (; m_tables_built < m_named.size(); m_tables_built++) {
    auto [t, rt] = m_named[m_tables_built];
    const Type* ptr = alloc<Pointer>(t);
    const vm::Type* rptr = rtype(ptr);
    std::vector<vm::Method> value_methods = method_table(t);
    std::vector<vm::Method> ptr_methods = method_table(ptr);
    if (m_link != nullptr && m_kept_types.count(rt) != 0) {
      // Goroutines of earlier inputs may be calling through these tables.
      session_method_update(rt, std::move(value_methods));
      session_method_update(rptr, std::move(ptr_methods));
      continue;
    }
    vm::TypeTable::get().set_methods(rt, std::move(value_methods));
    vm::TypeTable::get().set_methods(rptr, std::move(ptr_methods));
  }
}

}  // namespace gol::lang
