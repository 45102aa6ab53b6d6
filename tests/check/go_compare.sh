#!/bin/sh
# go_compare.sh — show what the installed Go says about corpus files.
#
# Usage: tests/check/go_compare.sh FILE.gol...
#
# Copies each file to a scratch folder as .go, runs `go build` on it and
# prints Go's diagnostics with the .gol name, next to the file's ERROR
# annotations, so a new corpus entry can be checked by eye before the
# corpus_tests differential suite judges it. The installed Go may word
# messages in its older way; positions are what must agree (README.md).
set -u
if ! command -v go >/dev/null 2>&1; then
	echo "go_compare.sh: go is not on PATH" >&2
	exit 2
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/gol-go-compare.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cache="${TMPDIR:-/tmp}/gol-corpus-go/cache"
for file in "$@"; do
	name=$(basename "$file" .gol)
	cp "$file" "$scratch/$name.go"
	echo "== $file"
	grep -n "// ERROR" "$file" | sed 's/^/   want line /'
	(cd "$scratch" && GO111MODULE=off GOFLAGS= GOTOOLCHAIN=local GOCACHE="$cache" \
		GOPATH="$scratch/gopath" go build -o "$scratch/a.out" "$name.go" 2>&1) |
		grep -v '^#' | sed "s|^\./$name\.go|$name.gol|; s|^|   go   |"
	rm -f "$scratch/$name.go"
done
