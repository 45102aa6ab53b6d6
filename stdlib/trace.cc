// trace.cc — package runtime/trace: Start, Stop and IsEnabled over the
// scheduler's event recorder (sched/trace.h).
//
// The core idea: Go's tracer streams its binary format to the writer while
// the program runs; gol records in memory and, at Stop, renders the whole
// session as Chrome trace-event JSON (one track per P) that chrome://tracing
// and Perfetto open and `gol trace FILE` summarises. The natives only
// switch the recorder and hand back the JSON bytes; the write goes through
// the io.Writer here, in Go, so any Writer (a file, a bytes buffer, a user
// type) works, as Go's packages.h convention asks.
//
// Elsewhere: the natives (trace_native.cc), the recorder and the JSON
// (sched/trace.cc), the summary (cli/trace.cc). Go's tasks, regions and
// logs (NewTask, WithRegion, Log) are not offered.
//
// Rejected: writing to the file from C++ — it would take the writer out of
// Go's hands (a user Writer could not be traced to).
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kTraceSource = R"go(package trace

import (
	"io"
	"sync"
)

func start() bool
func stop() []byte

// IsEnabled reports whether tracing is enabled.
func IsEnabled() bool

// Go's runtime.StartTrace returns this error, a runtime.Error.
type alreadyEnabled struct{}

func (alreadyEnabled) Error() string { return "runtime error: tracing is already enabled" }
func (alreadyEnabled) RuntimeError() {}

var (
	mu     sync.Mutex
	writer io.Writer
)

// Start enables tracing for the current program. While tracing, the trace
// is buffered in memory; Stop writes it to w.
func Start(w io.Writer) error {
	mu.Lock()
	defer mu.Unlock()
	if !start() {
		return alreadyEnabled{}
	}
	writer = w
	return nil
}

// Stop stops the current trace, if any, and writes it (Chrome trace-event
// JSON) to the writer given to Start.
func Stop() {
	mu.Lock()
	defer mu.Unlock()
	data := stop()
	if data == nil || writer == nil {
		return
	}
	w := writer
	writer = nil
	w.Write(data)
}
)go";

}  // namespace gol::stdlib
