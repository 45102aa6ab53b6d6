// spawnpark.go — goroutines that park: N goroutines (default 1,000,000)
// each block receiving from one shared channel; once all are parked main
// closes it, which wakes every one, and joins them with a WaitGroup.
// bench/run.sh runs it with GOMAXPROCS=1 and 2 and reads two figures from
// "measure:" lines (not compared between runtimes):
//
//	measure: ns/goroutine B     wall time from the first go statement to
//	                            the end of the join, over N: spawn, park,
//	                            wake-up by close, exit
//	measure: bytes/goroutine M  growth of the resident set size (VmRSS in
//	                            /proc/self/status) from before the first go
//	                            statement to the moment all N have started,
//	                            over N: what a parked goroutine costs
//
// Each goroutine calls started.Done() just before it parks, so when
// started.Wait() returns every goroutine exists with its frame; the last few
// may still be on their way into the receive.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

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

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintln(os.Stderr, "usage: spawnpark [N]")
			os.Exit(2)
		}
		n = v
	}
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	var mu sync.Mutex
	woken := 0
	before := rssKB()
	start := time.Now()
	started.Add(n)
	finished.Add(n)
	for range n {
		go func() {
			started.Done()
			<-release
			mu.Lock()
			woken++
			mu.Unlock()
			finished.Done()
		}()
	}
	started.Wait()
	after := rssKB()
	close(release)
	finished.Wait()
	elapsed := time.Since(start)
	fmt.Println("goroutines parked and released:", woken)
	fmt.Printf("measure: ns/goroutine %d\n", elapsed.Nanoseconds()/int64(n))
	fmt.Printf("measure: bytes/goroutine %d\n", (after-before)*1024/n)
}
