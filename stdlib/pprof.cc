// pprof.cc — package runtime/pprof: CPU profiles, heap and allocs profiles,
// the goroutine profile (vm/profile.h does the work).
//
// The core idea: as in runtime/trace, the natives only switch the sampler
// and hand back finished bytes (a gzipped profile.proto, or Go's text
// forms); every write goes through the io.Writer here, in Go, so a file, a
// bytes buffer or a user's Writer all work. Go's profileWriter goroutine
// streams the CPU profile while it runs; gol aggregates in memory and
// writes the whole profile at StopCPUProfile (the file is empty until then).
//
// Offered: StartCPUProfile/StopCPUProfile (100 Hz, Go's "cpu profiling
// already in use"), WriteHeapProfile, Lookup for "goroutine", "heap" and
// "allocs" (nil for any other name, including Go's "block", "mutex" and
// "threadcreate", which gol does not record), Profiles, and Profile's Name,
// Count and WriteTo (debug 0: proto; 1: Go's legacy text; 2 for goroutine:
// every stack in the panic-dump format). Not offered: NewProfile, Add,
// Remove, labels (Do, SetGoroutineLabels), WriteHeapProfile's GC coupling
// (gol's heap profile includes allocations since the last collection).
//
// Elsewhere: the natives (pprof_native.cc), the sampler and the encoder
// (vm/profile.cc, vm/profile_encode.cc).
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kPprofSource = R"go(package pprof

import (
	"errors"
	"io"
	"sync"
)

func startCPU(hz int) bool
func stopCPU() []byte
func profileBytes(name string, debug int) []byte
func profileCount(name string) int

// A Profile is a collection of stack traces showing the call sequences
// that led to instances of a particular event.
type Profile struct {
	name string
}

var (
	allocsProfile    = &Profile{name: "allocs"}
	goroutineProfile = &Profile{name: "goroutine"}
	heapProfile      = &Profile{name: "heap"}
)

// Lookup returns the profile with the given name, or nil if no such
// profile exists.
func Lookup(name string) *Profile {
	switch name {
	case "allocs":
		return allocsProfile
	case "goroutine":
		return goroutineProfile
	case "heap":
		return heapProfile
	}
	return nil
}

// Profiles returns a slice of all the known profiles, sorted by name.
func Profiles() []*Profile {
	return []*Profile{allocsProfile, goroutineProfile, heapProfile}
}

// Name returns this profile's name.
func (p *Profile) Name() string { return p.name }

// Count returns the number of execution stacks currently in the profile.
func (p *Profile) Count() int { return profileCount(p.name) }

// WriteTo writes a pprof-formatted snapshot of the profile to w (debug 0:
// gzipped protocol buffer; 1: legacy text; 2, goroutine profile: every
// goroutine's stack as an unrecovered panic prints it).
func (p *Profile) WriteTo(w io.Writer, debug int) error {
	_, err := w.Write(profileBytes(p.name, debug))
	return err
}

// WriteHeapProfile is shorthand for Lookup("heap").WriteTo(w, 0).
func WriteHeapProfile(w io.Writer) error {
	return heapProfile.WriteTo(w, 0)
}

var (
	cpuMu     sync.Mutex
	cpuWriter io.Writer
)

// StartCPUProfile enables CPU profiling for the current process. While
// profiling, the profile is buffered in memory; StopCPUProfile writes it
// to w.
func StartCPUProfile(w io.Writer) error {
	cpuMu.Lock()
	defer cpuMu.Unlock()
	if cpuWriter != nil || !startCPU(100) {
		return errors.New("cpu profiling already in use")
	}
	cpuWriter = w
	return nil
}

// StopCPUProfile stops the current CPU profile, if any, and writes it.
func StopCPUProfile() {
	cpuMu.Lock()
	defer cpuMu.Unlock()
	if cpuWriter == nil {
		return
	}
	data := stopCPU()
	w := cpuWriter
	cpuWriter = nil
	w.Write(data)
}
)go";

}  // namespace gol::stdlib
