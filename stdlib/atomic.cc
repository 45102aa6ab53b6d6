// atomic.cc — package sync/atomic: atomic operations on integers, and the
// types Bool, Int32, Int64, Uint32, Uint64, Uintptr and Value.
//
// Every function is a native (atomic_native.cc): one sequentially
// consistent hardware atomic on the pointee — 4 bytes for the 32-bit kinds,
// 8 for the 64-bit ones — as Go's are (Go's memory model: all atomics are
// sequentially consistent). The types are Go, each method one call of the
// function on its field, as Go's type.go has them. Value keeps its interface
// in a field and leaves the two-word atomicity to natives that take a lock
// striped by address; its panics are Go's, raised here.
//
// Left out: the unsafe.Pointer functions and the generic Pointer[T] (gol
// has neither unsafe nor generics), and Go's noCopy/align64 markers (vet
// aids with no run-time effect).
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kAtomicSource = R"go(package atomic

// ---- natives: functions on addresses ----

// SwapInt32 atomically stores new into *addr and returns the previous value.
func SwapInt32(addr *int32, new int32) (old int32)

// CompareAndSwapInt32 executes the compare-and-swap operation for a int32 value.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)

// AddInt32 atomically adds delta to *addr and returns the new value.
func AddInt32(addr *int32, delta int32) (new int32)

// AndInt32 atomically performs a bitwise AND with mask and returns the old value.
func AndInt32(addr *int32, mask int32) (old int32)

// OrInt32 atomically performs a bitwise OR with mask and returns the old value.
func OrInt32(addr *int32, mask int32) (old int32)

// LoadInt32 atomically loads *addr.
func LoadInt32(addr *int32) (val int32)

// StoreInt32 atomically stores val into *addr.
func StoreInt32(addr *int32, val int32)

// SwapInt64 atomically stores new into *addr and returns the previous value.
func SwapInt64(addr *int64, new int64) (old int64)

// CompareAndSwapInt64 executes the compare-and-swap operation for a int64 value.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)

// AddInt64 atomically adds delta to *addr and returns the new value.
func AddInt64(addr *int64, delta int64) (new int64)

// AndInt64 atomically performs a bitwise AND with mask and returns the old value.
func AndInt64(addr *int64, mask int64) (old int64)

// OrInt64 atomically performs a bitwise OR with mask and returns the old value.
func OrInt64(addr *int64, mask int64) (old int64)

// LoadInt64 atomically loads *addr.
func LoadInt64(addr *int64) (val int64)

// StoreInt64 atomically stores val into *addr.
func StoreInt64(addr *int64, val int64)

// SwapUint32 atomically stores new into *addr and returns the previous value.
func SwapUint32(addr *uint32, new uint32) (old uint32)

// CompareAndSwapUint32 executes the compare-and-swap operation for a uint32 value.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)

// AddUint32 atomically adds delta to *addr and returns the new value.
func AddUint32(addr *uint32, delta uint32) (new uint32)

// AndUint32 atomically performs a bitwise AND with mask and returns the old value.
func AndUint32(addr *uint32, mask uint32) (old uint32)

// OrUint32 atomically performs a bitwise OR with mask and returns the old value.
func OrUint32(addr *uint32, mask uint32) (old uint32)

// LoadUint32 atomically loads *addr.
func LoadUint32(addr *uint32) (val uint32)

// StoreUint32 atomically stores val into *addr.
func StoreUint32(addr *uint32, val uint32)

// SwapUint64 atomically stores new into *addr and returns the previous value.
func SwapUint64(addr *uint64, new uint64) (old uint64)

// CompareAndSwapUint64 executes the compare-and-swap operation for a uint64 value.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)

// AddUint64 atomically adds delta to *addr and returns the new value.
func AddUint64(addr *uint64, delta uint64) (new uint64)

// AndUint64 atomically performs a bitwise AND with mask and returns the old value.
func AndUint64(addr *uint64, mask uint64) (old uint64)

// OrUint64 atomically performs a bitwise OR with mask and returns the old value.
func OrUint64(addr *uint64, mask uint64) (old uint64)

// LoadUint64 atomically loads *addr.
func LoadUint64(addr *uint64) (val uint64)

// StoreUint64 atomically stores val into *addr.
func StoreUint64(addr *uint64, val uint64)

// SwapUintptr atomically stores new into *addr and returns the previous value.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)

// CompareAndSwapUintptr executes the compare-and-swap operation for a uintptr value.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)

// AddUintptr atomically adds delta to *addr and returns the new value.
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)

// AndUintptr atomically performs a bitwise AND with mask and returns the old value.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr)

// OrUintptr atomically performs a bitwise OR with mask and returns the old value.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr)

// LoadUintptr atomically loads *addr.
func LoadUintptr(addr *uintptr) (val uintptr)

// StoreUintptr atomically stores val into *addr.
func StoreUintptr(addr *uintptr, val uintptr)

// ---- types ----

// A Bool is an atomic boolean value. The zero value is false.
type Bool struct {
	v uint32
}

// Load atomically loads and returns the value stored in x.
func (x *Bool) Load() bool { return LoadUint32(&x.v) != 0 }

// Store atomically stores val into x.
func (x *Bool) Store(val bool) { StoreUint32(&x.v, b32(val)) }

// Swap atomically stores new into x and returns the previous value.
func (x *Bool) Swap(new bool) (old bool) { return SwapUint32(&x.v, b32(new)) != 0 }

// CompareAndSwap executes the compare-and-swap operation for the boolean value x.
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	return CompareAndSwapUint32(&x.v, b32(old), b32(new))
}

func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// An Int32 is an atomic int32. The zero value is zero.
type Int32 struct {
	v int32
}

// Load atomically loads and returns the value stored in x.
func (x *Int32) Load() int32 { return LoadInt32(&x.v) }

// Store atomically stores val into x.
func (x *Int32) Store(val int32) { StoreInt32(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Int32) Swap(new int32) (old int32) { return SwapInt32(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) { return CompareAndSwapInt32(&x.v, old, new) }

// Add atomically adds delta to x and returns the new value.
func (x *Int32) Add(delta int32) (new int32) { return AddInt32(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Int32) And(mask int32) (old int32) { return AndInt32(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Int32) Or(mask int32) (old int32) { return OrInt32(&x.v, mask) }

// An Int64 is an atomic int64. The zero value is zero.
type Int64 struct {
	v int64
}

// Load atomically loads and returns the value stored in x.
func (x *Int64) Load() int64 { return LoadInt64(&x.v) }

// Store atomically stores val into x.
func (x *Int64) Store(val int64) { StoreInt64(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Int64) Swap(new int64) (old int64) { return SwapInt64(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) { return CompareAndSwapInt64(&x.v, old, new) }

// Add atomically adds delta to x and returns the new value.
func (x *Int64) Add(delta int64) (new int64) { return AddInt64(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Int64) And(mask int64) (old int64) { return AndInt64(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Int64) Or(mask int64) (old int64) { return OrInt64(&x.v, mask) }

// A Uint32 is an atomic uint32. The zero value is zero.
type Uint32 struct {
	v uint32
}

// Load atomically loads and returns the value stored in x.
func (x *Uint32) Load() uint32 { return LoadUint32(&x.v) }

// Store atomically stores val into x.
func (x *Uint32) Store(val uint32) { StoreUint32(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Uint32) Swap(new uint32) (old uint32) { return SwapUint32(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) { return CompareAndSwapUint32(&x.v, old, new) }

// Add atomically adds delta to x and returns the new value.
func (x *Uint32) Add(delta uint32) (new uint32) { return AddUint32(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uint32) And(mask uint32) (old uint32) { return AndUint32(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uint32) Or(mask uint32) (old uint32) { return OrUint32(&x.v, mask) }

// A Uint64 is an atomic uint64. The zero value is zero.
type Uint64 struct {
	v uint64
}

// Load atomically loads and returns the value stored in x.
func (x *Uint64) Load() uint64 { return LoadUint64(&x.v) }

// Store atomically stores val into x.
func (x *Uint64) Store(val uint64) { StoreUint64(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Uint64) Swap(new uint64) (old uint64) { return SwapUint64(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) { return CompareAndSwapUint64(&x.v, old, new) }

// Add atomically adds delta to x and returns the new value.
func (x *Uint64) Add(delta uint64) (new uint64) { return AddUint64(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uint64) And(mask uint64) (old uint64) { return AndUint64(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uint64) Or(mask uint64) (old uint64) { return OrUint64(&x.v, mask) }

// A Uintptr is an atomic uintptr. The zero value is zero.
type Uintptr struct {
	v uintptr
}

// Load atomically loads and returns the value stored in x.
func (x *Uintptr) Load() uintptr { return LoadUintptr(&x.v) }

// Store atomically stores val into x.
func (x *Uintptr) Store(val uintptr) { StoreUintptr(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Uintptr) Swap(new uintptr) (old uintptr) { return SwapUintptr(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) { return CompareAndSwapUintptr(&x.v, old, new) }

// Add atomically adds delta to x and returns the new value.
func (x *Uintptr) Add(delta uintptr) (new uintptr) { return AddUintptr(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uintptr) And(mask uintptr) (old uintptr) { return AndUintptr(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uintptr) Or(mask uintptr) (old uintptr) { return OrUintptr(&x.v, mask) }

// A Value provides an atomic load and store of a consistently typed value.
// The zero value for a Value returns nil from Load. Once Store has been
// called, a Value must not be copied.
type Value struct {
	v any
}

// natives on the interface held in a Value (a lock striped by address
// makes the two words one atomic unit)
func valueLoad(v *Value) any
func valueStore(v *Value, val any) (ok bool)              // false: a value of another type is stored
func valueSwap(v *Value, new any) (old any, ok bool)      // ok as for valueStore
func valueCompareAndSwap(v *Value, cur, new any) bool     // swaps if v still holds cur's very words
func sameType(a, b any) bool

// Load returns the value set by the most recent Store. It returns nil if
// there has been no call to Store for this Value.
func (v *Value) Load() (val any) { return valueLoad(v) }

// Store sets the value of the Value v to val. All calls to Store for a
// given Value must use values of the same concrete type. Store of an
// inconsistent type panics, as does Store(nil).
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	if !valueStore(v, val) {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
}

// Swap stores new into Value and returns the previous value. It returns nil
// if the Value is empty.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	old, ok := valueSwap(v, new)
	if !ok {
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	return old
}

// CompareAndSwap executes the compare-and-swap operation for the Value.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	if old != nil && !sameType(old, new) {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	cur := valueLoad(v)
	if cur == nil {
		if old != nil {
			return false
		}
		return valueCompareAndSwap(v, nil, new)
	}
	if !sameType(cur, new) {
		panic("sync/atomic: compare and swap of inconsistently typed value into Value")
	}
	// Go's == on the dynamic values: panics for an uncomparable type.
	if cur != old {
		return false
	}
	return valueCompareAndSwap(v, cur, new)
}
)go";

}  // namespace gol::stdlib
