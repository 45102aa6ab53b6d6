// sleepers.go — timers at scale: 100,000 goroutines each call
// time.Sleep(10 * time.Millisecond) and are joined with a WaitGroup.
// bench/run.sh times the whole process with GOMAXPROCS=1 and 2. The ideal is
// a little over 10 ms plus the cost of 100,000 spawns, timer insertions,
// expiries and wake-ups; a runtime whose timers serialise on one lock, or
// that wakes each sleeper on its own thread, shows it here.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	n := 100000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 0 {
			fmt.Fprintln(os.Stderr, "usage: sleepers [N]")
			os.Exit(2)
		}
		n = v
	}
	var wg sync.WaitGroup
	var early atomic.Int64
	wg.Add(n)
	for range n {
		go func() {
			start := time.Now()
			time.Sleep(10 * time.Millisecond)
			if time.Since(start) < 10*time.Millisecond {
				early.Add(1)
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("sleepers:", n, "woke early:", early.Load())
}
