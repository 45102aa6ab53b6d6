// registry.h — the standard packages a gol program can import.
//
// Each standard package declares its members as Go source: a package clause,
// its own imports, and declarations of its exported types, constants,
// variables and functions. A function the runtime implements natively is
// declared without a body, as Go declares assembly functions. The checker
// parses and checks a package's source the first time a program imports it,
// so an unknown member is Go's "undefined: pkg.Name" and a signature is
// checked exactly like user code.
//
// The declarations live in stdlib/, one file per package, next to the
// package's implementation; stdlib::register_packages fills a registry.
// lang/ only sees the registry, never stdlib/ (arrows point down).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gol::lang {

struct PackageSource {
  std::string path;         // import path: "fmt", "unicode/utf8"
  std::string_view source;  // Go declarations; static storage
};

class PackageRegistry {
 public:
  // Registers a package; a second add of one path replaces the first.
  void add(std::string path, std::string_view source);
  // The package with this import path, or null.
  const PackageSource* find(std::string_view path) const;
  // All import paths, sorted.
  std::vector<std::string> paths() const;

 private:
  std::map<std::string, PackageSource, std::less<>> m_packages;
};

}  // namespace gol::lang
