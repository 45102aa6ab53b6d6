#!/bin/sh
# regen.sh — (re)create the expected results of golden programs with real Go.
#
# Usage: tests/run/regen.sh [FILE.gol...]
#        (no arguments: every .gol under tests/run/ and examples/)
#
# For each NAME.gol, Go builds a copy named NAME.go in a scratch module
# ("go 1.22" in its go.mod: per-iteration loop variables, and Go 1.21+
# run-time defaults such as panic(nil) raising *runtime.PanicNilError, which
# GOPATH mode would turn off) and the binary runs there with no arguments, stdin from /dev/null and
# GOL_GOLDEN=1 in its environment. Beside the program this writes:
#   NAME.out   its stdout (always written, possibly empty)
#   NAME.err   its stderr, only when there is some, normalised (below)
#   NAME.exit  its exit status, only when it is not 0
# The binary is run directly rather than through `go run`, so no
# "exit status N" line needs stripping.
#
# Normalisation of a goroutine trace (run_test.cc compares by the same rule):
# a "[signal SIGSEGV: ...]" line before the trace (Go's nil dereference is a
# hardware fault, gol's is not) is dropped. The trace starts at the first
# goroutine header, "goroutine 1 [running]:" after a panic or any
# "goroutine N [wait reason]:" of a fatal error's dump. From there on:
# headers are kept with the goroutine number replaced by "N" unless it is 1
# (Go's numbers for other goroutines depend on its runtime's own goroutines);
# blank lines between goroutines are kept; frames whose file is not the
# program itself (Go's runtime: "panic({...})", "runtime.gopanic") are
# dropped; a kept frame is its function line with the arguments replaced by
# "..." (Go prints register values there, gol cannot) and "\tNAME.gol:LINE"
# without the directory or the "+0x" offset. "created by F in goroutine K"
# is kept like a frame, K masked as "N" unless it is 1.
#
# Review the diff (git diff tests/run) before trusting new expectations:
# they are what gol will be held to.
set -eu

go=${GOL_GO:-}
if [ -z "$go" ]; then
	for minor in 30 29 28 27 26 25 24 23 22; do
		if [ -x "/usr/lib/go-1.$minor/bin/go" ]; then go=/usr/lib/go-1.$minor/bin/go; break; fi
	done
fi
if [ -z "$go" ]; then go=$(command -v go || true); fi
if [ -z "$go" ]; then echo "regen.sh: no Go toolchain found (set GOL_GO)" >&2; exit 2; fi

root=$(cd "$(dirname "$0")/../.." && pwd)
if [ $# -eq 0 ]; then
	set -- $(find "$root/tests/run" "$root/examples" -name '*.gol' | sort)
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/gol-regen.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cache="${TMPDIR:-/tmp}/gol-corpus-go/cache"

normalise() { # $1: program name (NAME.gol)
	awk -v prog="$1" -v src="${1%.gol}.go" '
	BEGIN { stack = 0 }
	/^goroutine [0-9]+ \[[^]]*\]:$/ {
		stack = 1; fn = ""
		if ($0 !~ /^goroutine 1 /) sub(/^goroutine [0-9]+ /, "goroutine N ")
		print; next
	}
	!stack && /^\[signal / { next }
	!stack { print; next }
	/^$/ { print; fn = ""; next }
	/^\t/ {
		loc = substr($0, 2); sub(/ \+0x[0-9a-f]+$/, "", loc)
		file = loc; sub(/:[0-9]+$/, "", file); line = substr(loc, length(file) + 2)
		n = split(file, parts, "/")
		if (parts[n] == src && fn != "") { print fn; print "\t" prog ":" line }
		fn = ""; next
	}
	{
		fn = $0
		if (fn ~ /^created by .* in goroutine [0-9]+$/) {
			if (fn !~ / in goroutine 1$/) sub(/ in goroutine [0-9]+$/, " in goroutine N", fn)
		} else if (fn ~ /\([^()]+\)$/) {
			sub(/\([^()]+\)$/, "(...)", fn)
		}
	}'
}

for file in "$@"; do
	dir=$(dirname "$file")
	name=$(basename "$file" .gol)
	work="$scratch/$name"
	mkdir -p "$work"
	cp "$file" "$work/$name.go"
	printf 'module golden\n\ngo 1.22\n' >"$work/go.mod"
	if ! (cd "$work" && GO111MODULE=on GOFLAGS=-mod=mod GOTOOLCHAIN=local GOTELEMETRY=off \
		GOCACHE="$cache" GOPATH="$scratch/gopath" "$go" build -o "$work/prog" .); then
		echo "regen.sh: $file does not build with Go" >&2
		exit 1
	fi
	status=0
	(cd "$work" && GOL_GOLDEN=1 timeout 60 ./prog <"/dev/null" >"$work/out" 2>"$work/err") || status=$?
	cp "$work/out" "$dir/$name.out"
	if [ -s "$work/err" ]; then
		normalise "$name.gol" <"$work/err" >"$dir/$name.err"
	else
		rm -f "$dir/$name.err"
	fi
	if [ "$status" -ne 0 ]; then echo "$status" >"$dir/$name.exit"; else rm -f "$dir/$name.exit"; fi
	echo "$file: exit $status"
	rm -rf "$work"
done
