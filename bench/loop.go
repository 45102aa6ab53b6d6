// loop.go — 100 million iterations of integer arithmetic: the dispatch and
// back-edge (safe point) cost of a tight loop.
package main

import "fmt"

func main() {
	s := 0
	for i := 0; i < 100000000; i++ {
		s += i * i % 7
	}
	fmt.Println(s)
}
