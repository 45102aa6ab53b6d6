// pingpong.go — the cost of a goroutine switch through unbuffered
// channels: two goroutines bounce a counter over two channels, 1,000,000
// round trips (2,000,000 hand-offs, each waking the other goroutine).
// bench/run.sh times the whole process with GOMAXPROCS=1 and 2.
//
// With one P every hand-off parks the sender and runs the receiver on the
// same thread; with two, the partner may be woken on another P, which
// costs more (a wake-up across threads) unless the runtime keeps the pair
// together. The count is printed so the work cannot be skipped.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 0 {
			fmt.Fprintln(os.Stderr, "usage: pingpong [ROUNDS]")
			os.Exit(2)
		}
		n = v
	}
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for range n {
		ping <- v
		v = <-pong
	}
	close(ping)
	<-pong
	fmt.Println("round trips:", n, "final value:", v)
}
