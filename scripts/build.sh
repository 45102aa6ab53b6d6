#!/usr/bin/env bash
# build.sh — configures and builds one configuration of gol into build/<config>.
#
#   scripts/build.sh [release|asan|tsan|fuzz] [ninja targets...]
#
#   release  gcc, Release                                  (the default)
#   asan     gcc, AddressSanitizer + UndefinedBehaviorSanitizer
#   tsan     gcc, ThreadSanitizer
#   fuzz     clang, libFuzzer + ASan + UBSan; adds the tests/fuzz targets
#
# The core idea: one build folder per configuration, each configured once and
# then rebuilt incrementally by Ninja, so switching configurations never throws
# away another configuration's objects. The sanitizer and fuzz builds keep
# assertions on (no -DNDEBUG): they exist to find bugs, and an assertion is the
# cheapest detector there is.
#
# The compiler is fixed per configuration rather than taken from $CXX, so that
# "the asan build" means the same thing on every machine; CMake itself (the
# GOL_SANITIZE and GOL_FUZZ options in CMakeLists.txt) holds the flags.
# Packages come from setup.sh, run first (a no-op when all are installed).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
config=${1:-release}
shift || true

case $config in
  release)
    # -O2, not CMake's -O3: at -O3 gcc 12 reports a false -Wrestrict inside
    # libstdc++ for `"literal" + std::string` (a known gcc 12 bug), and the
    # build must be warning-free without switching the warning off.
    cc=gcc cxx=g++
    options=(-DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG"
             "-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG")
    ;;
  asan)
    cc=gcc cxx=g++
    options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g"
             "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g" "-DGOL_SANITIZE=address,undefined")
    ;;
  tsan)
    cc=gcc cxx=g++
    options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g"
             "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g" -DGOL_SANITIZE=thread)
    ;;
  fuzz)
    cc=clang cxx=clang++
    options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g"
             "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g" -DGOL_FUZZ=ON)
    ;;
  *)
    echo "usage: scripts/build.sh [release|asan|tsan|fuzz] [ninja targets...]" >&2
    exit 2
    ;;
esac

"$root/scripts/setup.sh"

build=$root/build/$config
cmake -S "$root" -B "$build" -G Ninja -Wno-dev \
  "-DCMAKE_C_COMPILER=$cc" "-DCMAKE_CXX_COMPILER=$cxx" "${options[@]}" >/dev/null
ninja -C "$build" "$@"
