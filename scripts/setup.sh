#!/usr/bin/env bash
# setup.sh — installs the Debian 12 (bookworm) packages gol needs, when missing.
#
# The core idea: ask dpkg first, so that on a machine that has everything this
# is a silent no-op that needs neither root nor the network; only when a
# package is missing does it run `apt-get update` and install exactly the
# missing ones. It runs unattended (no stdin, as CI runs it) and waits for a
# dpkg lock held by another apt instead of failing.
#
# What each package is for is in README.md ("Dependencies"). Two packages are
# deliberately never installed: libeditreadline-dev (apt would remove
# libreadline-dev; gol uses libedit through <editline/readline.h>) and
# libunwind-dev (apt would remove LLVM's libunwind-14-dev and with it
# libc++-dev). libclang-rt-14-dev is the Debian 12 package holding libFuzzer
# and clang 14's sanitizer runtimes (`clang` alone does not pull it in).
#
# Rejected: one unconditional `apt-get update && apt-get install ...` line. It
# needs root and the network on every build, and takes tens of seconds even
# when nothing changes.
set -euo pipefail

readonly kPackages=(
  # build
  cmake ninja-build pkg-config g++ re2c bison
  # libraries
  libgc-dev libedit-dev libfmt-dev libgmp-dev zlib1g-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # clang 14 with libFuzzer and the sanitizer runtimes (fuzz configuration)
  clang libclang-rt-14-dev
  # differential tests run the same programs under Go: Debian 12's own Go is
  # 1.19, older than the language gol targets (range over int, min/max/clear
  # are Go 1.21-1.22), so the corpus compares with Go 1.23 from backports
  golang-go golang-1.23-go
  # debugging, and driving the REPL in tests
  valgrind gdb tmux
  # bench/run.sh compares gol with Lua 5.4 and Python 3 (ANCHORS.md)
  lua5.4 python3
)

missing=()
for package in "${kPackages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ $status != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup.sh: installing ${missing[*]}"
as_root=()
if ((EUID != 0)); then
  if ! command -v sudo >/dev/null; then
    echo "setup.sh: installing these needs root: ${missing[*]}" >&2
    exit 1
  fi
  # -n: fail rather than prompt for a password (there may be no terminal).
  as_root=(sudo -n)
fi

# golang-1.23-go exists only in bookworm-backports: add that suite to apt's
# sources when no source names it yet (the official mirror, signed by the
# Debian archive key every Debian 12 system has).
backports_file=/etc/apt/sources.list.d/gol-backports.sources
if [[ " ${missing[*]} " == *" golang-1.23-go "* ]] &&
   ! grep -rqs '^[^#]*bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "setup.sh: adding bookworm-backports to apt's sources ($backports_file)"
  backports_source="Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
  printf '%s\n' "$backports_source" | "${as_root[@]}" tee "$backports_file" >/dev/null
fi

apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300
     -o Acquire::Retries=3)

"${apt[@]}" update </dev/null
"${apt[@]}" install -y --no-install-recommends "${missing[@]}" </dev/null
