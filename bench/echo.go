// echo: a TCP echo server on loopback and 100 client connections, each
// doing N round trips (default 2000) of a 64-byte message: write it, read
// the 64 bytes back. Prints the total and, on a "measure:" line, round
// trips per second over the clients' run (connection set-up excluded).
package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"time"
)

const conns = 100

func main() {
	n := 2000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				buf := make([]byte, 64)
				for {
					if _, err := io.ReadFull(c, buf); err != nil {
						c.Close()
						return
					}
					if _, err := c.Write(buf); err != nil {
						c.Close()
						return
					}
				}
			}()
		}
	}()
	clients := make([]net.Conn, conns)
	for i := range clients {
		if clients[i], err = net.Dial("tcp", ln.Addr().String()); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	start := time.Now()
	for _, c := range clients {
		wg.Add(1)
		go func(c net.Conn) {
			defer wg.Done()
			msg := make([]byte, 64)
			got := make([]byte, 64)
			done := 0
			for i := 0; i < n; i++ {
				msg[0] = byte(i)
				if _, err := c.Write(msg); err != nil {
					break
				}
				if _, err := io.ReadFull(c, got); err != nil || got[0] != msg[0] {
					break
				}
				done++
			}
			c.Close()
			mu.Lock()
			total += done
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	ln.Close()
	fmt.Println("round trips:", total)
	fmt.Printf("measure: roundtrips/s %.0f\n", float64(total)/elapsed.Seconds())
}
