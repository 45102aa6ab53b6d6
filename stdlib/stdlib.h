// stdlib.h — the standard packages gol programs import.
//
// Each package lives in its own file here: its Go declarations (what the
// checker sees, see lang/registry.h) and, from the VM on, its implementation.
#pragma once

#include "lang/registry.h"

namespace gol::stdlib {

// Registers the declarations of every standard package.
void register_packages(lang::PackageRegistry& registry);

}  // namespace gol::stdlib
