#!/bin/bash
# run.sh — run the benchmarks under Go, gol, Lua 5.4 and Python 3 side by side.
#
# Usage: bench/run.sh [NAME...]        (default: fib loop nbody)
# Environment:
#   GOL     the gol binary (default: the newest build*/cli/gol of the checkout)
#   RUNS    timed runs per program and runtime (default 5); one untimed
#           warm-up run comes first
#   GOL_GO, LUA, PYTHON   override the other runtimes
#
# Each program is timed as a whole process (start-up included), and the
# table shows the median of RUNS runs per runtime, then the ratios of gol's
# median to the others' (below 1.00: gol is faster). The Go program is built
# once with `go build` and its binary is timed, so compilation is not
# counted; gol's figure includes its compile step, as `gol run` does it.
# Every runtime's output must equal Go's: a runtime that prints something
# else is reported as "wrong" rather than timed. A runtime that is missing
# is shown as "-".
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${RUNS:-5}
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(fib loop nbody)

gol=${GOL:-$(ls -t "$root"/build*/cli/gol 2>/dev/null | head -n 1)}
go=${GOL_GO:-}
if [ -z "$go" ]; then
	for minor in 30 29 28 27 26 25 24 23 22; do
		if [ -x "/usr/lib/go-1.$minor/bin/go" ]; then go=/usr/lib/go-1.$minor/bin/go; break; fi
	done
	[ -z "$go" ] && go=$(command -v go || true)
fi
lua=${LUA:-$(command -v lua5.4 || true)}
python=${PYTHON:-}
if [ -z "$python" ]; then
	# Debian's own CPython first: the one ANCHORS.md measured.
	if [ -x /usr/bin/python3 ]; then python=/usr/bin/python3; else python=$(command -v python3 || true); fi
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/gol-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# seconds CMD...: runs CMD with stdout to $scratch/out, prints elapsed seconds.
seconds() {
	local start end
	start=$(date +%s%N)
	"$@" >"$scratch/out" 2>"$scratch/err" </dev/null
	local status=$?
	end=$(date +%s%N)
	[ $status -eq 0 ] || return 1
	awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

# median of the numbers on stdin.
median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure NAME EXPECTED CMD...: prints the median time, "wrong" or "fail".
measure() {
	local expected=$2
	shift 2
	if ! seconds "$@" >/dev/null; then echo fail; return; fi
	if ! cmp -s "$scratch/out" "$expected"; then echo wrong; return; fi
	local i times=""
	for ((i = 0; i < runs; i++)); do
		local t
		t=$(seconds "$@") || { echo fail; return; }
		times="$times$t"$'\n'
	done
	printf '%s' "$times" | median
}

ratio() { # gol other
	case "$1$2" in
	*[!0-9.]*) echo "-" ;;
	*) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }' ;;
	esac
}

echo "runs per cell: $runs (median, after one warm-up); times in seconds"
echo "go:     ${go:--}"
echo "gol:    ${gol:--}"
echo "lua:    ${lua:--}"
echo "python: ${python:--}"
echo
printf '%-8s %9s %9s %9s %9s   %8s %8s %9s\n' bench Go gol Lua5.4 Python gol/Go gol/Lua gol/Python
for name in "${names[@]}"; do
	src="$here/$name.go"
	[ -f "$src" ] || { echo "run.sh: no $src" >&2; exit 2; }
	work="$scratch/$name"
	mkdir -p "$work"
	cp "$src" "$work/main.go"
	cp "$src" "$work/$name.gol"
	printf 'module bench\n\ngo 1.22\n' >"$work/go.mod"
	expected="$work/expected"
	t_go="-" t_gol="-" t_lua="-" t_py="-"
	if [ -n "$go" ] && (cd "$work" && GOTOOLCHAIN=local GOFLAGS=-mod=mod "$go" build -o "$work/prog" . 2>"$work/build.err"); then
		"$work/prog" >"$expected"
		t_go=$(measure "$name" "$expected" "$work/prog")
	else
		echo "run.sh: cannot build $name.go with Go; gol's output is the reference" >&2
		"$gol" run "$work/$name.gol" >"$expected" 2>/dev/null
	fi
	[ -n "$gol" ] && t_gol=$(measure "$name" "$expected" "$gol" run "$work/$name.gol")
	[ -n "$lua" ] && [ -f "$here/$name.lua" ] && t_lua=$(measure "$name" "$expected" "$lua" "$here/$name.lua")
	[ -n "$python" ] && [ -f "$here/$name.py" ] && t_py=$(measure "$name" "$expected" "$python" "$here/$name.py")
	printf '%-8s %9s %9s %9s %9s   %8s %8s %9s\n' "$name" "$t_go" "$t_gol" "$t_lua" "$t_py" \
		"$(ratio "$t_gol" "$t_go")" "$(ratio "$t_gol" "$t_lua")" "$(ratio "$t_gol" "$t_py")"
done
