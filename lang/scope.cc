// scope.cc — objects and scopes (see scope.h).
#include "lang/scope.h"

namespace gol::lang {

bool Object::exported() const {
  if (name.empty()) return false;
  unsigned char c = static_cast<unsigned char>(name[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  // A non-ASCII first letter: Go asks unicode.IsUpper. Decode the rune and
  // accept the common upper-case blocks (Latin-1, Latin Extended, Greek,
  // Cyrillic); identifiers in other scripts are unexported, as in Go for
  // scripts without case.
  uint32_t r = 0;
  size_t n = 0;
  if ((c & 0xE0) == 0xC0) { r = c & 0x1F; n = 1; }
  else if ((c & 0xF0) == 0xE0) { r = c & 0x0F; n = 2; }
  else if ((c & 0xF8) == 0xF0) { r = c & 0x07; n = 3; }
  if (name.size() <= n) return false;
  for (size_t i = 1; i <= n; i++) r = (r << 6) | (static_cast<unsigned char>(name[i]) & 0x3F);
  if (r >= 0xC0 && r <= 0xDE && r != 0xD7) return true;
  if (r >= 0x100 && r <= 0x17F) return r % 2 == 0;
  if (r >= 0x391 && r <= 0x3AB) return true;
  if (r >= 0x400 && r <= 0x42F) return true;
  return false;
}

const char* builtin_name(BuiltinId id) {
  switch (id) {
    case BuiltinId::Append: return "append";
    case BuiltinId::Cap: return "cap";
    case BuiltinId::Clear: return "clear";
    case BuiltinId::Close: return "close";
    case BuiltinId::Complex: return "complex";
    case BuiltinId::Copy: return "copy";
    case BuiltinId::Delete: return "delete";
    case BuiltinId::Imag: return "imag";
    case BuiltinId::Len: return "len";
    case BuiltinId::Make: return "make";
    case BuiltinId::Max: return "max";
    case BuiltinId::Min: return "min";
    case BuiltinId::New: return "new";
    case BuiltinId::Panic: return "panic";
    case BuiltinId::Print: return "print";
    case BuiltinId::Println: return "println";
    case BuiltinId::Real: return "real";
    case BuiltinId::Recover: return "recover";
  }
  return "?";
}

Scope::Scope(Scope* parent, std::string comment, bool is_func)
    : m_parent(parent), m_comment(std::move(comment)), m_is_func(is_func) {
  if (parent != nullptr) parent->m_children.push_back(this);
}

Object* Scope::lookup(std::string_view name) const {
  auto it = m_by_name.find(std::string(name));
  return it == m_by_name.end() ? nullptr : it->second;
}

Object* Scope::lookup_parent(std::string_view name, Scope** where) const {
  for (const Scope* s = this; s != nullptr; s = s->m_parent) {
    if (Object* obj = s->lookup(name)) {
      if (where != nullptr) *where = const_cast<Scope*>(s);
      return obj;
    }
  }
  return nullptr;
}

Object* Scope::insert(Object* obj) {
  if (obj->name == "_") return nullptr;
  auto [it, inserted] = m_by_name.emplace(obj->name, obj);
  if (!inserted) return it->second;
  m_objects.push_back(obj);
  if (obj->parent == nullptr) obj->parent = this;
  return nullptr;
}

}  // namespace gol::lang
