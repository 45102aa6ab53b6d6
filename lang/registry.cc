// registry.cc — the standard-package registry (see registry.h).
#include "lang/registry.h"

namespace gol::lang {

void PackageRegistry::add(std::string path, std::string_view source) {
  PackageSource entry{path, source};
  m_packages.insert_or_assign(std::move(path), std::move(entry));
}

const PackageSource* PackageRegistry::find(std::string_view path) const {
  auto it = m_packages.find(path);
  return it == m_packages.end() ? nullptr : &it->second;
}

std::vector<std::string> PackageRegistry::paths() const {
  std::vector<std::string> out;
  for (const auto& [path, entry] : m_packages) out.push_back(path);
  return out;
}

}  // namespace gol::lang
