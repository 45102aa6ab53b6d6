// parfib.go — two goroutines computing recursive fib(37) each: parallel
// speed-up. bench/run.sh times it with GOMAXPROCS=1 and GOMAXPROCS=2 and
// prints the ratio; on two free CPUs it should approach 2.
//
// The join uses no channel or sync (gol has neither yet): each goroutine
// sets its own done flag and main yields with runtime.Gosched until both
// are set. The flags are a data race in Go's memory model, harmless here:
// main re-reads them after every call, and a late read only costs a turn.
package main

import (
	"fmt"
	"runtime"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

var results [2]int
var done [2]bool

func worker(i int) {
	results[i] = fib(37)
	done[i] = true
}

func main() {
	go worker(0)
	go worker(1)
	for !done[0] || !done[1] {
		runtime.Gosched()
	}
	fmt.Println(results[0], results[1])
}
