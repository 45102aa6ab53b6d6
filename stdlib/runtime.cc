// runtime.cc — package runtime: the scheduler's and the collector's knobs
// and counters (GOMAXPROCS, NumGoroutine, Gosched, Goexit, GC,
// ReadMemStats, Stack, Version), as Go's runtime package offers them.
//
// Everything is a native (runtime_native.cc) over vm/sched_exec.cc and
// vm/memstats.cc, except ReadMemStats, which fills the struct in Go from
// plain values (packages.h: natives build no Go structs).
//
// MemStats has the fields the collector can answer truthfully (memstats.cc
// says how each is computed); Go's others (PauseNs, BySize, StackInuse ...)
// are absent rather than zero, so a program that reads one does not
// compile instead of printing an invented number. HeapInuse is
// HeapSys - HeapIdle (Boehm does not split spans as Go does).
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kRuntimeSource = R"go(package runtime

// GOOS and GOARCH: gol runs on Linux; the architecture is the machine's.
const GOOS = "linux"
const GOARCH = ")go"
#if defined(__aarch64__)
                                               "arm64"
#else
                                               "amd64"
#endif
                                               R"go("

// Compiler names the implementation, as Go's does ("gc").
const Compiler = "gol"

// Error identifies a run-time error (index out of range, nil dereference,
// failed type assertion ...): the values gol's run-time panics with have
// the RuntimeError method.
type Error interface {
	error
	RuntimeError()
}

// GOMAXPROCS sets the number of Ps and returns the previous setting; n < 1
// only queries it.
func GOMAXPROCS(n int) int

// NumGoroutine returns the number of goroutines that exist.
func NumGoroutine() int

// NumCPU returns the number of CPUs the process may run on.
func NumCPU() int

// Gosched yields the processor: the goroutine goes to the global run queue.
func Gosched()

// Goexit runs the goroutine's deferred calls and ends it. Goexit in the main
// goroutine ends main; the program ends with a fatal error once no other
// goroutine is left.
func Goexit()

// GC runs a full garbage collection.
func GC()

// Version names the runtime: gol and its version.
func Version() string

// Stack writes the calling goroutine's trace into buf (every goroutine's,
// with all) and returns the number of bytes written.
func Stack(buf []byte, all bool) int

// A MemStats records statistics about the memory allocator.
type MemStats struct {
	Alloc        uint64 // bytes of allocated heap objects
	TotalAlloc   uint64 // cumulative bytes allocated for heap objects
	Sys          uint64 // bytes of memory obtained from the OS
	Mallocs      uint64 // cumulative count of heap objects allocated
	Frees        uint64 // cumulative count of heap objects freed
	HeapAlloc    uint64 // same as Alloc
	HeapSys      uint64 // bytes of heap memory obtained from the OS
	HeapIdle     uint64 // bytes of free heap memory
	HeapInuse    uint64 // bytes of heap memory in use
	HeapReleased uint64 // bytes of free heap memory returned to the OS
	HeapObjects  uint64 // number of allocated heap objects
	NumGC        uint32 // number of completed GC cycles
}

func readMemStats() (alloc, totalAlloc, sys, mallocs, frees, heapAlloc, heapSys, heapIdle, heapReleased, heapObjects uint64, numGC uint32)

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats) {
	m.Alloc, m.TotalAlloc, m.Sys, m.Mallocs, m.Frees, m.HeapAlloc, m.HeapSys, m.HeapIdle, m.HeapReleased, m.HeapObjects, m.NumGC = readMemStats()
	m.HeapInuse = m.HeapSys - m.HeapIdle
}
)go";

}  // namespace gol::stdlib
