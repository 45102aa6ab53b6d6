// spawn.go — the cost of goroutines: time per go statement and memory per
// idle goroutine. bench/run.sh runs it in three ways and derives the figures
// (README.md, "Goroutines", explains the method):
//
//	spawn.go create N   N goroutines that each bump a counter and end, started
//	                    in batches of 1,000 that main joins before the next
//	                    (so dead goroutines are reused, as in a steady
//	                    state, and memory stays small). run.sh times N = 0
//	                    and N = 1,000,000 and reports (t(N) - t(0)) / N: a go
//	                    statement plus the goroutine's one run and its exit.
//	spawn.go idle N     N goroutines that stay alive, yielding in a loop until
//	                    main releases them; main reads its resident set size
//	                    (VmRSS in /proc/self/status) before spawning and once
//	                    all N are running, and prints the growth per goroutine
//	                    on a "measure:" line (run.sh does not compare those).
//
// Everything runs on one P (GOMAXPROCS(1)), so the plain counters are safe.
// gol has no time package or channels yet: only runtime, fmt, os, strconv
// and strings are used.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
)

const batch = 1000

var counter int
var release bool

func bump() {
	counter++
}

func idle() {
	counter++
	for !release {
		runtime.Gosched()
	}
}

// rssKB returns the process's resident set size in KiB.
func rssKB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		panic(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) >= 2 && fields[0] == "VmRSS:" {
			kb, err := strconv.Atoi(fields[1])
			if err != nil {
				panic(err)
			}
			return kb
		}
	}
	panic("no VmRSS line in /proc/self/status")
}

func wait(n int) {
	for counter < n {
		runtime.Gosched()
	}
}

func main() {
	runtime.GOMAXPROCS(1)
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: spawn create|idle N")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "spawn: bad count", os.Args[2])
		os.Exit(2)
	}
	switch os.Args[1] {
	case "create":
		for started := 0; started < n; {
			k := batch
			if n-started < k {
				k = n - started
			}
			for range k {
				go bump()
			}
			started += k
			wait(started)
		}
		fmt.Println("goroutines run:", counter)
	case "idle":
		before := rssKB()
		for range n {
			go idle()
		}
		wait(n)
		after := rssKB()
		release = true
		fmt.Println("goroutines alive at once:", counter)
		if n > 0 {
			fmt.Printf("measure: bytes/goroutine %d\n", (after-before)*1024/n)
		}
	default:
		fmt.Fprintln(os.Stderr, "spawn: unknown mode", os.Args[1])
		os.Exit(2)
	}
}
