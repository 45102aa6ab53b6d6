#!/bin/bash
# run.sh — run the benchmarks under Go, gol, Lua 5.4 and Python 3 side by side.
#
# Usage: bench/run.sh [NAME...]
#        (default: fib loop nbody parfib spawn pingpong threadring spawnpark sleepers echo)
# Environment:
#   GOL     the gol binary (default: the newest build*/cli/gol of the checkout)
#   RUNS    timed runs per program and runtime (default 5); one untimed
#           warm-up run comes first
#   GOL_GO, LUA, PYTHON   override the other runtimes
#
# Three kinds of benchmark, each with its own table:
#  - fib, loop, nbody (and any other NAME.go): each program is timed as a
#    whole process (start-up included), and the table shows the median of
#    RUNS runs per runtime, then the ratios of gol's median to the others'
#    (below 1.00: gol is faster).
#  - parfib: Go and gol only, timed once with GOMAXPROCS=1 and once with
#    GOMAXPROCS=2 in the environment; the speed-up is the first median over
#    the second.
#  - spawn: Go and gol only. ns/goroutine is (t(create 1000000) -
#    t(create 0)) / 1000000 from the medians of the two; bytes/goroutine is
#    the median of the figure `spawn idle 100000` prints on its
#    "measure: bytes/goroutine N" line. README.md explains both.
#  - pingpong, threadring, sleepers (channels, select and timers): Go and
#    gol only, each timed as a whole process with GOMAXPROCS=1 and with
#    GOMAXPROCS=2 in its environment, one table for the three with a
#    gol/Go row per program.
#  - spawnpark: Go and gol only, with GOMAXPROCS=1 and 2; the program
#    measures itself and prints "measure: ns/goroutine N" and
#    "measure: bytes/goroutine N"; the table shows the medians.
#  - echo (loopback TCP): Go and gol only, with GOMAXPROCS=1 and 2; the
#    program prints "measure: roundtrips/s N" (100 connections, 64-byte
#    messages); the table shows the medians and gol/Go of those rates
#    (above 1.00: gol is faster, unlike the time ratios).
# The Go program is built once with `go build` and its binary is timed, so
# compilation is not counted; gol's figure includes its compile step, as
# `gol run` does it. Every runtime's output must equal Go's for the same
# arguments and environment, lines starting with "measure: " aside (they
# carry figures, not results): a runtime that prints something else is
# reported as "wrong" rather than timed, one that fails as "fail". A runtime
# that is missing is shown as "-".
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${RUNS:-5}
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(fib loop nbody parfib spawn pingpong threadring spawnpark sleepers echo)

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

# same_output EXPECTED: does $scratch/out equal EXPECTED, "measure: " lines aside?
same_output() {
	grep -v '^measure: ' "$scratch/out" >"$scratch/out.results"
	cmp -s "$scratch/out.results" "$1"
}

# measure EXPECTED CMD...: prints the median time, "wrong" or "fail".
measure() {
	local expected=$1
	shift
	if ! seconds "$@" >/dev/null; then echo fail; return; fi
	if ! same_output "$expected"; then echo wrong; return; fi
	local i times=""
	for ((i = 0; i < runs; i++)); do
		local t
		t=$(seconds "$@") || { echo fail; return; }
		times="$times$t"$'\n'
	done
	printf '%s' "$times" | median
}

# figure NAME EXPECTED CMD...: runs CMD RUNS times and prints the median of
# the value on its "measure: NAME VALUE" line, "wrong" or "fail".
figure() {
	local name=$1 expected=$2
	shift 2
	local i values=""
	for ((i = 0; i < runs; i++)); do
		seconds "$@" >/dev/null || { echo fail; return; }
		same_output "$expected" || { echo wrong; return; }
		local v
		v=$(awk -v n="$name" '$1 == "measure:" && $2 == n { print $3 }' "$scratch/out")
		[ -n "$v" ] || { echo fail; return; }
		values="$values$v"$'\n'
	done
	printf '%s' "$values" | median
}

# figures NAME1 NAME2 EXPECTED CMD...: like figure, for two figures taken
# from the same runs; prints "MEDIAN1 MEDIAN2", or "wrong wrong" / "fail fail".
figures() {
	local n1=$1 n2=$2 expected=$3
	shift 3
	local i v1s="" v2s=""
	for ((i = 0; i < runs; i++)); do
		seconds "$@" >/dev/null || { echo fail fail; return; }
		same_output "$expected" || { echo wrong wrong; return; }
		local v1 v2
		v1=$(awk -v n="$n1" '$1 == "measure:" && $2 == n { print $3 }' "$scratch/out")
		v2=$(awk -v n="$n2" '$1 == "measure:" && $2 == n { print $3 }' "$scratch/out")
		{ [ -n "$v1" ] && [ -n "$v2" ]; } || { echo fail fail; return; }
		v1s="$v1s$v1"$'\n'
		v2s="$v2s$v2"$'\n'
	done
	echo "$(printf '%s' "$v1s" | median) $(printf '%s' "$v2s" | median)"
}

ratio() { # gol other
	case "$1$2" in
	*[!0-9.]*) echo "-" ;;
	*) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }' ;;
	esac
}

# prepare NAME: copies NAME.go into $scratch/NAME as main.go (for Go) and
# NAME.gol (for gol), and builds $scratch/NAME/prog with Go if it can.
prepare() {
	local name=$1 work="$scratch/$1"
	[ -f "$here/$name.go" ] || { echo "run.sh: no $here/$name.go" >&2; exit 2; }
	mkdir -p "$work"
	cp "$here/$name.go" "$work/main.go"
	cp "$here/$name.go" "$work/$name.gol"
	printf 'module bench\n\ngo 1.22\n' >"$work/go.mod"
	if [ -z "$go" ] || ! (cd "$work" && GOTOOLCHAIN=local GOFLAGS=-mod=mod "$go" build -o "$work/prog" . 2>"$work/build.err"); then
		echo "run.sh: cannot build $name.go with Go; gol's output is the reference" >&2
		rm -f "$work/prog"
	fi
}

# expect NAME FILE ENV... -- ARGS...: writes the reference output of NAME run
# with the environment assignments ENV and the arguments ARGS (Go's, else
# gol's) to FILE, "measure: " lines removed.
expect() {
	local name=$1 file=$2 work="$scratch/$1"
	shift 2
	local envs=()
	while [ "$1" != "--" ]; do envs+=("$1"); shift; done
	shift
	if [ -x "$work/prog" ]; then
		env "${envs[@]}" "$work/prog" "$@" </dev/null 2>/dev/null | grep -v '^measure: ' >"$file"
	else
		env "${envs[@]}" "$gol" run "$work/$name.gol" "$@" </dev/null 2>/dev/null | grep -v '^measure: ' >"$file"
	fi
}

# runner RUNTIME NAME: sets cmd to the command that runs NAME under RUNTIME
# (go, gol, lua, python); fails if that runtime or its version is missing.
runner() {
	local work="$scratch/$2"
	case $1 in
	go) [ -x "$work/prog" ] && cmd=("$work/prog") ;;
	gol) [ -n "$gol" ] && cmd=("$gol" run "$work/$2.gol") ;;
	lua) [ -n "$lua" ] && [ -f "$here/$2.lua" ] && cmd=("$lua" "$here/$2.lua") ;;
	python) [ -n "$python" ] && [ -f "$here/$2.py" ] && cmd=("$python" "$here/$2.py") ;;
	esac
}

# separate: a blank line before every table but the first.
tables=0
separate() {
	[ $tables -gt 0 ] && echo
	tables=$((tables + 1))
}

# One row of the main table: NAME timed under all four runtimes.
plain_row() {
	local name=$1 expected="$scratch/$1/expected" rt
	local -A t=([go]=- [gol]=- [lua]=- [python]=-)
	prepare "$name"
	expect "$name" "$expected" --
	for rt in go gol lua python; do
		runner "$rt" "$name" && t[$rt]=$(measure "$expected" "${cmd[@]}")
	done
	printf '%-8s %9s %9s %9s %9s   %8s %8s %9s\n' "$name" "${t[go]}" "${t[gol]}" "${t[lua]}" "${t[python]}" \
		"$(ratio "${t[gol]}" "${t[go]}")" "$(ratio "${t[gol]}" "${t[lua]}")" "$(ratio "${t[gol]}" "${t[python]}")"
}

# parfib: Go and gol with one and two Ps.
parfib_rows() {
	local expected="$scratch/parfib/expected" rt
	prepare parfib
	expect parfib "$expected" GOMAXPROCS=1 --
	separate
	printf '%-8s %-8s %13s %13s %9s\n' bench runtime GOMAXPROCS=1 GOMAXPROCS=2 speed-up
	for rt in go gol; do
		local one=- two=-
		if runner "$rt" parfib; then
			one=$(measure "$expected" env GOMAXPROCS=1 "${cmd[@]}")
			two=$(measure "$expected" env GOMAXPROCS=2 "${cmd[@]}")
		fi
		printf '%-8s %-8s %13s %13s %9s\n' parfib "$rt" "$one" "$two" "$(ratio "$one" "$two")"
	done
}

# spawn: ns per goroutine from two timed runs, bytes per idle goroutine from
# the program's own figure.
spawn_rows() {
	local work="$scratch/spawn" n=1000000 idle=100000 rt
	local -A ns=([go]=- [gol]=-) bytes=([go]=- [gol]=-)
	prepare spawn
	expect spawn "$work/expected0" -- create 0
	expect spawn "$work/expectedN" -- create $n
	expect spawn "$work/expected_idle" -- idle $idle
	for rt in go gol; do
		runner "$rt" spawn || continue
		local t0 tn
		t0=$(measure "$work/expected0" "${cmd[@]}" create 0)
		tn=$(measure "$work/expectedN" "${cmd[@]}" create $n)
		case "$t0$tn" in
		*[!0-9.]*) ns[$rt]=$tn ;;
		*) ns[$rt]=$(awk -v a="$t0" -v b="$tn" -v n=$n 'BEGIN { printf "%.0f", (b - a) * 1e9 / n }') ;;
		esac
		bytes[$rt]=$(figure bytes/goroutine "$work/expected_idle" "${cmd[@]}" idle $idle)
	done
	separate
	printf '%-8s %-8s %13s %16s\n' bench runtime ns/goroutine bytes/goroutine
	for rt in go gol; do
		printf '%-8s %-8s %13s %16s\n' spawn "$rt" "${ns[$rt]}" "${bytes[$rt]}"
	done
	printf '%-8s %-8s %13s %16s\n' spawn gol/Go "$(ratio "${ns[gol]}" "${ns[go]}")" "$(ratio "${bytes[gol]}" "${bytes[go]}")"
}

# One program of the channel table: NAME under Go and gol, with one and
# with two Ps, then the ratios. The header is printed by the caller.
procs_rows() {
	local name=$1 expected="$scratch/$1/expected" rt
	local -A one=([go]=- [gol]=-) two=([go]=- [gol]=-)
	prepare "$name"
	expect "$name" "$expected" GOMAXPROCS=1 --
	for rt in go gol; do
		if runner "$rt" "$name"; then
			one[$rt]=$(measure "$expected" env GOMAXPROCS=1 "${cmd[@]}")
			two[$rt]=$(measure "$expected" env GOMAXPROCS=2 "${cmd[@]}")
		fi
		printf '%-10s %-8s %13s %13s\n' "$name" "$rt" "${one[$rt]}" "${two[$rt]}"
	done
	printf '%-10s %-8s %13s %13s\n' "$name" gol/Go "$(ratio "${one[gol]}" "${one[go]}")" "$(ratio "${two[gol]}" "${two[go]}")"
}

# spawnpark: the program's own figures, with one and with two Ps.
spawnpark_rows() {
	local expected="$scratch/spawnpark/expected" rt p
	local -A ns=() bytes=()
	prepare spawnpark
	expect spawnpark "$expected" GOMAXPROCS=1 --
	for rt in go gol; do
		for p in 1 2; do
			ns[$rt$p]=-
			bytes[$rt$p]=-
			runner "$rt" spawnpark || continue
			local both
			both=$(figures ns/goroutine bytes/goroutine "$expected" env GOMAXPROCS=$p "${cmd[@]}")
			ns[$rt$p]=${both% *}
			bytes[$rt$p]=${both#* }
		done
	done
	separate
	printf '%-10s %-8s %16s %16s %16s %16s\n' bench runtime "ns/gor. P=1" "ns/gor. P=2" "bytes/gor. P=1" "bytes/gor. P=2"
	for rt in go gol; do
		printf '%-10s %-8s %16s %16s %16s %16s\n' spawnpark "$rt" "${ns[${rt}1]}" "${ns[${rt}2]}" "${bytes[${rt}1]}" "${bytes[${rt}2]}"
	done
	printf '%-10s %-8s %16s %16s %16s %16s\n' spawnpark gol/Go "$(ratio "${ns[gol1]}" "${ns[go1]}")" \
		"$(ratio "${ns[gol2]}" "${ns[go2]}")" "$(ratio "${bytes[gol1]}" "${bytes[go1]}")" "$(ratio "${bytes[gol2]}" "${bytes[go2]}")"
}

# echo: round trips per second from the program's own figure, one and two Ps.
echo_rows() {
	local expected="$scratch/echo/expected" rt p
	local -A rate=()
	prepare echo
	expect echo "$expected" GOMAXPROCS=1 --
	for rt in go gol; do
		for p in 1 2; do
			rate[$rt$p]=-
			runner "$rt" echo || continue
			rate[$rt$p]=$(figure roundtrips/s "$expected" env GOMAXPROCS=$p "${cmd[@]}")
		done
	done
	separate
	printf '%-10s %-8s %16s %16s\n' bench runtime "trips/s P=1" "trips/s P=2"
	for rt in go gol; do
		printf '%-10s %-8s %16s %16s\n' echo "$rt" "${rate[${rt}1]}" "${rate[${rt}2]}"
	done
	printf '%-10s %-8s %16s %16s\n' echo gol/Go "$(ratio "${rate[gol1]}" "${rate[go1]}")" "$(ratio "${rate[gol2]}" "${rate[go2]}")"
}

echo "runs per cell: $runs (median, after one warm-up); times in seconds"
echo "go:     ${go:--}"
echo "gol:    ${gol:--}"
echo "lua:    ${lua:--}"
echo "python: ${python:--}"
echo
plain_open=0 # is the last table printed the plain one?
procs_open=0 # ... the channel one?
for name in "${names[@]}"; do
	case $name in
	parfib) parfib_rows; plain_open=0; procs_open=0 ;;
	spawn) spawn_rows; plain_open=0; procs_open=0 ;;
	spawnpark) spawnpark_rows; plain_open=0; procs_open=0 ;;
	echo) echo_rows; plain_open=0; procs_open=0 ;;
	pingpong | threadring | sleepers)
		if [ $procs_open -eq 0 ]; then
			separate
			printf '%-10s %-8s %13s %13s\n' bench runtime GOMAXPROCS=1 GOMAXPROCS=2
			procs_open=1
		fi
		plain_open=0
		procs_rows "$name"
		;;
	*)
		procs_open=0
		if [ $plain_open -eq 0 ]; then
			separate
			printf '%-8s %9s %9s %9s %9s   %8s %8s %9s\n' bench Go gol Lua5.4 Python gol/Go gol/Lua gol/Python
			plain_open=1
		fi
		plain_row "$name"
		;;
	esac
done
