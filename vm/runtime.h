// runtime.h — run-time services shared by the interpreter and natives.
//
// Everything here works on the slot layout of value.h and the descriptors of
// type.h. The interpreter's opcodes and stdlib's natives call these; none of
// them knows bytecode. Each group lives in its own .cc (named per group).
//
// Error classes (STYLE.md): a gol panic is raised with raise()/the runtime
// error helpers and surfaces as NativeStatus::Panic; a broken invariant is
// GOL_THROW (fatal error, exit 2).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/goroutine.h"
#include "vm/type.h"
#include "vm/value.h"

namespace gol::vm {

// ------------------------------------------------------ start-up (init.cc)

// Initialises the collector (GC_INIT, thread registration allowed, initial
// heap sized so small programs do not collect every few ms). Call once from
// the main thread before anything else; idempotent.
void runtime_init();

// Objects allocated so far by every thread (init.cc; runtime.MemStats.Mallocs).
uint64_t objects_allocated();

// ------------------------------------------------- memory statistics (memstats.cc)

// runtime.MemStats' fields that gol fills (memstats.cc says from what).
struct MemStats {
  uint64_t alloc = 0, total_alloc = 0, sys = 0, mallocs = 0, frees = 0;
  uint64_t heap_alloc = 0, heap_sys = 0, heap_idle = 0, heap_released = 0, heap_objects = 0;
  uint32_t num_gc = 0;
};
void memstats_init();  // from runtime_init
MemStats read_mem_stats();
void collect_garbage();  // runtime.GC: a full collection, now

// ------------------------------------------------------- fatal errors (fatal.cc)

// Prints "fatal error: <msg>" (after flushing standard output) and exits with
// status 2. For broken runtime invariants and unrecoverable conditions.
[[noreturn]] void fatal(std::string_view msg);
#define GOL_THROW(msg) ::gol::vm::fatal(msg)

// ---------------------------------------------------------- panics (panic.cc)

// Makes v the goroutine's pending panic; the caller then returns
// NativeStatus::Panic (natives) or unwinds (interpreter).
NativeStatus raise(Goroutine& g, Iface v);

// Go's run-time errors (runtime.Error values with Go's messages). Each
// returns NativeStatus::Panic after setting the pending panic.
NativeStatus panic_index(Goroutine& g, int64_t i, int64_t len);  // index out of range [5] with length 3
// Slice bounds: which = "slice bounds out of range [:5] with capacity 3" family;
// see panic.cc for the exact forms (Go's boundsError codes).
enum class SliceBound : uint8_t { HighLen, HighCap, LowHigh, MaxCap, HighMax, LowMax, StrHighLen, StrLowHigh,
                                  MaxLen /* a[::x] of an array: "[::5] with length 3" */ };
NativeStatus panic_slice(Goroutine& g, SliceBound which, int64_t x, int64_t y);
NativeStatus panic_nil_deref(Goroutine& g);                 // invalid memory address or nil pointer dereference
NativeStatus panic_divide(Goroutine& g);                    // integer divide by zero
NativeStatus panic_nil_map_write(Goroutine& g);             // assignment to entry in nil map (plainError)
NativeStatus panic_negative_shift(Goroutine& g);            // negative shift amount
// cannot convert slice with length L to array or pointer to array with length N
NativeStatus panic_slice_to_array(Goroutine& g, int64_t len, int64_t want);
NativeStatus panic_string(Goroutine& g, std::string_view msg);          // panic(errorString(msg)): "runtime error: " + msg
NativeStatus panic_plain(Goroutine& g, std::string_view msg);           // a plainError: msg as is
// interface conversion: <iface> is <dyn>, not <want> / interface is nil, not <want> /
// <dyn> is not <want>: missing method <m>  (a *runtime.TypeAssertionError)
NativeStatus panic_type_assert(Goroutine& g, const Type* iface, const Type* dyn, const Type* want);

// Go's text for a panic value, as the runtime prints it after "panic: "
// (printpanicval): errors via Error(), Stringers via String() are resolved by
// the interpreter before this is called; here basic kinds and the fallback
// "(main.T) {...}" / "(main.T) 0x..." forms.
std::string panic_value_string(const Iface& v);

// ---------------------------------------------------- output (output.cc)

// Standard output is buffered (flushed at exit, os.Exit, before anything is
// written to standard error, and when the buffer fills); standard error is
// not. Writes never fail silently: EPIPE on stdout ends the program as Go's
// SIGPIPE does.
void out_write(int fd, const char* data, size_t len);
void out_flush();

// -------------------------------------------- scheduling (sched_exec.cc)

// The scheduler running the program, or null (a program run without one,
// as the VM's unit tests do; runtime natives then act on the one goroutine).
sched::Scheduler* scheduler();
// Goroutine dumps as Go prints them: "goroutine N [state]:", the frames,
// and "created by F in goroutine M" with the go statement's file:line.
// The calling goroutine's own stack (runtime.Stack(buf, false)), or every
// goroutine's, the caller's first (all = true).
std::string goroutine_stacks(const Goroutine& self, bool all);
// A native that may block its thread brackets the blocking call (cf. Go's
// entersyscall/exitsyscall): enter_syscall, the call, its results written,
// then `return exit_syscall(g)`: Ok when the goroutine still has a P, Block
// (g.stop = LostP) when sysmon gave its P away and no other was free — the
// goroutine then resumes after the call on whichever M picks it up.
// Without a scheduler both do nothing (exit_syscall returns Ok).
void enter_syscall(Goroutine& g);
NativeStatus exit_syscall(Goroutine& g);
// Parking from a native or an opcode's out-of-line body (cf. gopark): sets
// g.stop to Park with `reason` and returns Block. After the goroutine is off
// its M and Waiting, the scheduler calls unlock(g.sched_g, arg) (release the
// lock that guards the wait queue the goroutine was put on; return false to
// abandon the wait and run it again at once). Whoever takes it off that
// queue later delivers its results into its window and calls ready().
NativeStatus park(Goroutine& g, sched::WaitReason reason, bool (*unlock)(sched::G*, void*), void* arg);
// Makes a parked goroutine runnable (cf. goready). Any thread: an M, or a
// timer's or signal's thread.
void ready(Goroutine& g);
// Starts a goroutine calling fn() (no arguments) from C++: time.AfterFunc.
void spawn_call(const Closure* fn);
// The current time on the monotonic clock, in nanoseconds (sched/note.h's).
int64_t nanotime();
// Go's fatal for user errors (sync's "unlock of unlocked mutex"): prints
// "fatal error: <msg>", a blank line, and every goroutine's trace (the
// caller's first), then exits 2. One report at a time with panics.
[[noreturn]] void fatal_with_goroutines(Goroutine& g, std::string_view msg);
// runtime.Goexit: makes the goroutine's pending "panic" the Goexit record;
// the caller returns NativeStatus::Panic and the unwinding runs the defers.
NativeStatus start_goexit(Goroutine& g);
// GOMAXPROCS as the environment sets it (Go's rule: a positive integer,
// else the number of CPUs this process may use), and that CPU count.
int32_t gomaxprocs_from_env();
int32_t num_cpu();

// ------------------------------------------------ strings (string_ops.cc)

StringHeader string_concat(StringHeader a, StringHeader b);
StringHeader string_concat_n(const Slot* strings, uint32_t n);  // n strings at 2-slot steps
int string_compare(StringHeader a, StringHeader b);            // <0, 0, >0 bytewise
// Decodes one rune at s[i] (i < len): returns rune, sets *width (RuneError, 1 when invalid).
int32_t decode_rune(StringHeader s, int64_t i, int64_t* width);
StringHeader string_from_rune(int64_t r);
// The UTF-8 encoding of r into buf (at most 4 bytes); invalid runes and
// surrogates encode as RuneError (U+FFFD). Returns the length.
int encode_rune(int64_t r, char* buf);
StringHeader string_from_bytes(const uint8_t* p, int64_t n);
StringHeader string_from_runes(const int32_t* p, int64_t n);
SliceHeader bytes_from_string(StringHeader s);
SliceHeader runes_from_string(StringHeader s);

// ------------------------------------------------- slices (slice_ops.cc)

// The new backing store for appending `extra` elements to s (Go's growslice:
// double below 256 elements, then grow by (n + 3*256)/4, rounded up to the
// allocator's size class); copies the old elements. elem gives stride and
// whether the store is scanned. The result keeps s's length (the caller
// stores the new elements and sets len); its cap is what Go's cap() prints.
SliceHeader grow_slice(const Type* elem, SliceHeader s, int64_t extra);
// Loads/stores one element between its packed in-memory form (stride bytes)
// and its slot form (elem->slots slots).
void load_elem(const Type* elem, const void* addr, Slot* dst);
void store_elem(const Type* elem, void* addr, const Slot* src);

// ------------------------------------------- equality and hashing (equal.cc)

// Go's == on two values of type t in slot form. Returns false and sets *bad
// to the offending dynamic type when an interface inside holds an
// uncomparable value (the caller panics: comparing uncomparable type T).
bool values_equal(const Type* t, const Slot* a, const Slot* b, const Type** bad);
bool ifaces_equal(const Iface& a, const Iface& b, const Type** bad);
// Hash consistent with values_equal (NaN keys: random, as Go). Sets *bad as above.
uint64_t hash_value(const Type* t, const Slot* v, uint64_t seed, const Type** bad);
// The building blocks of hash_value, for code that hashes a known kind
// directly (map.cc's fast paths): a 64-bit word and a byte string.
uint64_t hash_word(uint64_t v, uint64_t seed);
uint64_t hash_bytes(const void* p, size_t n, uint64_t seed);
// A cheap per-thread pseudo-random number (cf. Go's cheaprand): map seeds,
// iteration starts, NaN hashes. Not for cryptography.
uint64_t fast_rand();

// ---------------------------------------------------- interfaces (iface.cc)

// Boxes the value at v (t->slots slots) as an interface: one-slot values are
// stored directly, bigger ones copied into a GC box, zero-slot ones as 0.
Iface make_iface(const Type* t, const Slot* v);
// The slots of an interface's value: &v.data for one-slot types, the box
// otherwise (null for the nil interface). Read-only.
const Slot* iface_payload(const Iface& v);

// ------------------------------------------------------ maps (map.cc)

struct Map;      // opaque; a map value is a Map*
struct MapIter;  // opaque
Map* map_new(const Type* map_type, int64_t hint);
int64_t map_len(const Map* m);
// The value slots for key, or null when absent. A key whose hash panics
// (uncomparable dynamic type in an interface key) sets *bad.
const Slot* map_find(const Map* m, const Slot* key, const Type** bad);
// Inserts or overwrites; returns the value slots (to be written by the caller).
Slot* map_assign(Map* m, const Slot* key, const Type** bad);
void map_delete(Map* m, const Slot* key, const Type** bad);
void map_clear(Map* m);
// Iteration with Go's semantics: random start, entries deleted during the loop
// are not produced, entries added may or may not be.
MapIter* map_iter_new(Map* m);
// Next entry: pointers to its key and value slots; false at the end.
bool map_iter_next(MapIter* it, const Slot** key, const Slot** value);

}  // namespace gol::vm
