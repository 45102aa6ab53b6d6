// chan.h — channels and select (cf. Go's runtime/chan.go, select.go).
//
// A channel value is a Chan* (one slot; nil is the nil channel). Its
// operations are VM builtins: the interpreter's opcodes call the blocking
// forms below with the goroutine and the registers; a goroutine that must
// wait parks (runtime.h park) on the channel's wait queue and whoever
// completes its operation delivers straight into its registers and readies
// it, so nothing re-runs when it resumes (DESIGN.md §4, §6).
//
// C++ code outside the interpreter (time's timers) uses the non-blocking
// send.
#pragma once

#include <cstdint>

#include "vm/goroutine.h"
#include "vm/native.h"
#include "vm/type.h"
#include "vm/value.h"

namespace gol::vm {

struct Chan;  // opaque

// make(chan T, size) for chan_type (Kind::Chan). A negative or too large
// size panics as Go's ("makechan: size out of range").
NativeStatus chan_make(Goroutine& g, const Type* chan_type, int64_t size, Chan** out);
int64_t chan_len(const Chan* c);  // 0 for nil
int64_t chan_cap(const Chan* c);

// A send that never blocks (cf. selectnbsend): true if the value was
// delivered to a waiting receiver or buffered. Sending on a closed channel
// returns false here (the caller decides; timers never close theirs).
bool chan_try_send(Chan* c, const Slot* value);

// ---- the opcodes' bodies (interpreter only). Each returns Ok, Panic
// (g.pending_panic set), or Block (g.stop set: parked; the result is
// delivered before the goroutine runs again).
NativeStatus chan_send(Goroutine& g, Chan* c, const Slot* value);
// Receives into dst (elem slots); *ok (may be null) is false when closed.
NativeStatus chan_recv(Goroutine& g, Chan* c, Slot* dst, Slot* ok);
NativeStatus chan_close(Goroutine& g, Chan* c);
// select (select.cc). Cases in source order; c null for a nil channel.
struct SelectCase {
  Chan* c;
  bool send;
  Slot* elem;  // send: the value; receive: where the value goes
};
// Runs a select: result[0].i = the chosen case (-1: default), result[1] =
// recvOK. Block (parked) when no case is ready and there is no default.
// ncases == 0 without default blocks forever.
NativeStatus select_go(Goroutine& g, const SelectCase* cases, uint32_t ncases, bool block, Slot* result);

// A goroutine that parked in a send or a select resumes after the
// instruction; before anything else, the interpreter calls this to finish
// the operation (a send woken by close panics; a select takes its other
// waiters off their channels and stores the chosen case).
NativeStatus chan_finish_wait(Goroutine& g);

}  // namespace gol::vm
