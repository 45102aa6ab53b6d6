// threadring.go — the benchmarks game's thread-ring: 503 goroutines in a
// ring, each with its own unbuffered channel, pass a token 10,000,000
// times; the goroutine holding it when the count runs out prints its
// number (1-based). bench/run.sh times the whole process with GOMAXPROCS=1
// and 2. Every hop is a receive that parks and a send that wakes the next
// goroutine, so this measures the scheduler's hand-off, not computation.
package main

import (
	"fmt"
	"os"
	"strconv"
)

const ring = 503

func member(id int, in <-chan int, out chan<- int, done chan<- int) {
	for token := range in {
		if token == 0 {
			done <- id
			return
		}
		out <- token - 1
	}
}

func main() {
	hops := 10000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 0 {
			fmt.Fprintln(os.Stderr, "usage: threadring [HOPS]")
			os.Exit(2)
		}
		hops = v
	}
	done := make(chan int)
	first := make(chan int)
	in := first
	for id := 1; id <= ring; id++ {
		out := first
		if id < ring {
			out = make(chan int)
		}
		go member(id, in, out, done)
		in = out
	}
	first <- hops
	fmt.Println("final holder:", <-done)
}
