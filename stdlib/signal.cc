// signal.cc — package os/signal: Notify, Stop, Ignore, Ignored, Reset,
// NotifyContext.
//
// The Go part only turns os.Signal values into numbers (Go's signum: a
// syscall.Signal, anything else is no signal) and calls the runtime once
// per signal; the registry, the handlers and the delivery thread are
// vm/signal.cc's. Notify passes a syscall.Signal as an os.Signal so the
// runtime learns the dynamic type of the values it sends, without the VM
// having to look a type up by name.
// NotifyContext is Go code over Notify and context.WithCancel.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kSignalSource = R"go(package signal

import (
	"context"
	"os"
	"strings"
	"syscall"
)

const numSig = 65 // Linux: signals 1..64

// Notify causes package signal to relay incoming signals to c: the given
// ones, or every incoming signal when none is given. Delivery never blocks:
// a signal for a channel that is not ready to receive is dropped, so c
// should be buffered.
func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	var proto os.Signal = syscall.Signal(0)
	if len(sig) == 0 {
		notify(c, -1, proto)
		return
	}
	for _, s := range sig {
		if n := signum(s); n >= 0 {
			notify(c, n, proto)
		}
	}
}

// Stop causes package signal to stop relaying incoming signals to c. When
// Stop returns, c receives no more signals.
func Stop(c chan<- os.Signal) {
	stop(c)
}

// Ignore causes the provided signals (all of them when none is given) to
// be ignored, and cancels their delivery to every channel.
func Ignore(sig ...os.Signal) {
	if len(sig) == 0 {
		ignore(-1)
		return
	}
	for _, s := range sig {
		if n := signum(s); n >= 0 {
			ignore(n)
		}
	}
}

// Ignored reports whether sig is currently ignored.
func Ignored(sig os.Signal) bool {
	n := signum(sig)
	return n >= 0 && ignored(n)
}

// Reset undoes the effect of any prior Notify or Ignore for the provided
// signals (all of them when none is given).
func Reset(sig ...os.Signal) {
	if len(sig) == 0 {
		reset(-1)
		return
	}
	for _, s := range sig {
		if n := signum(s); n >= 0 {
			reset(n)
		}
	}
}

// NotifyContext returns a copy of parent that is cancelled when one of the
// given signals (any signal when none is given) arrives, when stop is
// called, or when parent is cancelled. stop also stops the relaying, so
// the signal's default behaviour returns; call it as soon as possible.
func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc) {
	inner, cancel := context.WithCancel(parent)
	c := &signalCtx{Context: inner, cancel: cancel, signals: signals, ch: make(chan os.Signal, 1)}
	Notify(c.ch, c.signals...)
	if inner.Err() == nil {
		go func() {
			select {
			case <-c.ch:
				c.cancel()
			case <-c.Done():
			}
		}()
	}
	return c, c.stop
}

type signalCtx struct {
	context.Context // the WithCancel context that does the work
	cancel          context.CancelFunc
	signals         []os.Signal
	ch              chan os.Signal
}

func (c *signalCtx) stop() {
	c.cancel()
	Stop(c.ch)
}

// String names the parent and the signals: signal.NotifyContext(context.Background, [interrupt]).
func (c *signalCtx) String() string {
	inner := c.Context.(interface{ String() string }).String()
	s := "signal.NotifyContext(" + strings.TrimSuffix(inner, ".WithCancel")
	if len(c.signals) != 0 {
		names := make([]string, len(c.signals))
		for i, sig := range c.signals {
			names[i] = sig.String()
		}
		s += ", [" + strings.Join(names, " ") + "]"
	}
	return s + ")"
}

func signum(sig os.Signal) int {
	switch sig := sig.(type) {
	case syscall.Signal:
		i := int(sig)
		if i < 0 || i >= numSig {
			return -1
		}
		return i
	default:
		return -1
	}
}

// ---- natives ----

func notify(c chan<- os.Signal, sig int, proto os.Signal)
func stop(c chan<- os.Signal)
func ignore(sig int)
func ignored(sig int) bool
func reset(sig int)
)go";

}  // namespace gol::stdlib
