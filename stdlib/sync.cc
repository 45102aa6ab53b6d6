// sync.cc — package sync: Mutex, RWMutex, WaitGroup, Once, Cond, Map, Pool,
// Locker, OnceFunc.
//
// The core idea, as in Go: the algorithms are Go code over two primitives,
// atomics (package sync/atomic) and goroutine semaphores keyed by address
// (vm/sema.h, reached through the runtime_* natives of sync_native.cc). A
// goroutine that must wait parks on a semaphore; its thread goes on running
// other goroutines. Every wait parks with the reason Go 1.23 prints in a
// goroutine dump: WaitGroup.Wait "semacquire", Mutex.Lock "sync.Mutex.Lock",
// RWMutex "sync.RWMutex.Lock"/"sync.RWMutex.RLock", Cond.Wait
// "sync.Cond.Wait".
//
// Mutex: a state word (locked, woken, starving bits and a waiter count) and
// a semaphore. Lock takes a free, non-starving mutex with one CAS; otherwise
// it counts itself a waiter and sleeps on the semaphore. Unlock wakes one
// waiter unless one is already awake or a newcomer holds the lock. A waiter
// that has waited over 1 ms switches the mutex to starvation mode, in which
// Unlock hands ownership straight to the first waiter and newcomers queue
// behind (Go's fairness guarantee). Unlike Go, no active spinning: a spin
// only pays off with several Ps and a very short critical section, and the
// semaphore path is already a park without a thread switch.
//
// Misuse is reported as Go reports it: panics for WaitGroup misuse, fatal
// errors (not recoverable, the goroutine's trace, exit 2) for unlocking an
// unlocked Mutex or RWMutex.
//
// Map and Pool are a mutex around a Go map / slice: Go's lock-free read
// path and per-P pool shards are performance techniques, not semantics
// (a Pool here never drops items at a collection; Get may return any Put
// item, as Go allows). Cond does not detect being copied (Go's copyChecker
// needs unsafe).
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kSyncSource = R"go(package sync

import "sync/atomic"

// ---- natives (sync_native.cc over vm/sema.h) ----

func runtime_Semacquire(s *uint32)                   // waits as "semacquire"
func runtime_SemacquireMutex(s *uint32, lifo bool)   // waits as "sync.Mutex.Lock"
func runtime_SemacquireRWMutexR(s *uint32)           // waits as "sync.RWMutex.RLock"
func runtime_SemacquireRWMutex(s *uint32)            // waits as "sync.RWMutex.Lock"
func runtime_Semrelease(s *uint32, handoff bool)     // handoff: yield to the woken waiter
func runtime_notifyListAdd(l *notifyList) uint32
func runtime_notifyListWait(l *notifyList, t uint32) // waits as "sync.Cond.Wait"
func runtime_notifyListNotifyOne(l *notifyList)
func runtime_notifyListNotifyAll(l *notifyList)
func runtime_nanotime() int64
func fatal(s string) // Go's fatal: "fatal error: s", the goroutine's trace, exit 2
func throw(s string) // a broken invariant of this package, reported the same way

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// ---- Mutex ----

// A Mutex is a mutual exclusion lock. The zero value is an unlocked mutex.
// A Mutex must not be copied after first use.
type Mutex struct {
	state int32  // mutexLocked | mutexWoken | mutexStarving | waiters<<mutexWaiterShift (atomic)
	sema  uint32 // waiters sleep here
}

const (
	mutexLocked   = 1 // held
	mutexWoken    = 2 // a waiter has been woken and is on its way: Unlock wakes no other
	mutexStarving = 4 // ownership passes from Unlock straight to the first waiter
	mutexWaiterShift = 3

	// A waiter that has waited longer than this makes the mutex fair.
	starvationThresholdNs = 1e6
)

// Lock locks m. If the lock is already in use, the calling goroutine
// blocks until the mutex is available.
func (m *Mutex) Lock() {
	if atomic.CompareAndSwapInt32(&m.state, 0, mutexLocked) {
		return
	}
	m.lockSlow()
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	s := atomic.LoadInt32(&m.state)
	if s&(mutexLocked|mutexStarving) != 0 {
		return false
	}
	return atomic.CompareAndSwapInt32(&m.state, s, s|mutexLocked)
}

func (m *Mutex) lockSlow() {
	var since int64 // when this goroutine first slept; 0 before
	starving := false
	woken := false // this goroutine is the one Unlock woke
	s := atomic.LoadInt32(&m.state)
	for {
		next := s
		if s&mutexStarving == 0 {
			next |= mutexLocked // try to take it (a starving mutex belongs to its queue)
		}
		if s&(mutexLocked|mutexStarving) != 0 {
			next += 1 << mutexWaiterShift // we will sleep: count us
		}
		if starving && s&mutexLocked != 0 {
			next |= mutexStarving
		}
		if woken {
			if next&mutexWoken == 0 {
				throw("sync: inconsistent mutex state")
			}
			next &^= mutexWoken // we are up: Unlock may wake another
		}
		if !atomic.CompareAndSwapInt32(&m.state, s, next) {
			s = atomic.LoadInt32(&m.state)
			continue
		}
		if s&(mutexLocked|mutexStarving) == 0 {
			return // it was free and is ours
		}
		// A goroutine that waited before goes back to the head of the queue.
		again := since != 0
		if !again {
			since = runtime_nanotime()
		}
		runtime_SemacquireMutex(&m.sema, again)
		starving = starving || runtime_nanotime()-since > starvationThresholdNs
		s = atomic.LoadInt32(&m.state)
		if s&mutexStarving != 0 {
			// Handed over by Unlock: the mutex is ours, but the state still
			// counts us as a waiter and says unlocked.
			if s&(mutexLocked|mutexWoken) != 0 || s>>mutexWaiterShift == 0 {
				throw("sync: inconsistent mutex state")
			}
			delta := int32(mutexLocked - 1<<mutexWaiterShift)
			if !starving || s>>mutexWaiterShift == 1 {
				// Leave starvation mode while it is cheap: we waited little,
				// or nobody is left behind us.
				delta -= mutexStarving
			}
			atomic.AddInt32(&m.state, delta)
			return
		}
		woken = true
	}
}

// Unlock unlocks m. It is a run-time error if m is not locked on entry to
// Unlock. A locked Mutex is not associated with a particular goroutine.
func (m *Mutex) Unlock() {
	s := atomic.AddInt32(&m.state, -mutexLocked)
	if s != 0 {
		m.unlockSlow(s)
	}
}

func (m *Mutex) unlockSlow(s int32) {
	if (s+mutexLocked)&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	if s&mutexStarving != 0 {
		// Hand the mutex to the first waiter and let it run now.
		runtime_Semrelease(&m.sema, true)
		return
	}
	for {
		// Nobody to wake, one already woken, or a newcomer took the lock
		// (its Unlock will see to the waiters).
		if s>>mutexWaiterShift == 0 || s&(mutexLocked|mutexWoken|mutexStarving) != 0 {
			return
		}
		if atomic.CompareAndSwapInt32(&m.state, s, (s-1<<mutexWaiterShift)|mutexWoken) {
			runtime_Semrelease(&m.sema, false)
			return
		}
		s = atomic.LoadInt32(&m.state)
	}
}

// ---- RWMutex ----

// A RWMutex is a reader/writer mutual exclusion lock: any number of
// readers or a single writer. The zero value is an unlocked mutex. A
// writer waiting in Lock keeps new readers out until it has had its turn.
type RWMutex struct {
	w           Mutex        // held by the writer, or the one waiting for readers to leave
	writerSem   uint32       // the writer waits here for the readers ahead of it
	readerSem   uint32       // readers wait here for the writer
	readerCount atomic.Int32 // readers holding or waiting; minus rwmutexMaxReaders while a writer is in
	readerWait  atomic.Int32 // readers the writer still waits for
}

const rwmutexMaxReaders = 1 << 30

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if rw.readerCount.Add(1) < 0 {
		// A writer is in or waiting: wait for its Unlock.
		runtime_SemacquireRWMutexR(&rw.readerSem)
	}
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	for {
		c := rw.readerCount.Load()
		if c < 0 {
			return false
		}
		if rw.readerCount.CompareAndSwap(c, c+1) {
			return true
		}
	}
}

// RUnlock undoes a single RLock call. It is a run-time error if rw is not
// locked for reading on entry to RUnlock.
func (rw *RWMutex) RUnlock() {
	if r := rw.readerCount.Add(-1); r < 0 {
		rw.rUnlockSlow(r)
	}
}

func (rw *RWMutex) rUnlockSlow(r int32) {
	if r+1 == 0 || r+1 == -rwmutexMaxReaders {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	// A writer waits: the last reader it waits for lets it in.
	if rw.readerWait.Add(-1) == 0 {
		runtime_Semrelease(&rw.writerSem, false)
	}
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	// Close the door to new readers, then wait for those already in.
	r := rw.readerCount.Add(-rwmutexMaxReaders) + rwmutexMaxReaders
	if r != 0 && rw.readerWait.Add(r) != 0 {
		runtime_SemacquireRWMutex(&rw.writerSem)
	}
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !rw.readerCount.CompareAndSwap(0, -rwmutexMaxReaders) {
		rw.w.Unlock()
		return false
	}
	return true
}

// Unlock unlocks rw for writing. It is a run-time error if rw is not
// locked for writing on entry to Unlock.
func (rw *RWMutex) Unlock() {
	r := rw.readerCount.Add(rwmutexMaxReaders)
	if r >= rwmutexMaxReaders {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	// Let in the readers that queued behind the writer.
	for i := 0; i < int(r); i++ {
		runtime_Semrelease(&rw.readerSem, false)
	}
	rw.w.Unlock()
}

// RLocker returns a Locker whose Lock and Unlock call rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// ---- WaitGroup ----

// A WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	state atomic.Uint64 // counter<<32 | goroutines in Wait
	sema  uint32
}

// Add adds delta, which may be negative, to the WaitGroup counter. If the
// counter becomes zero, all goroutines blocked on Wait are released. If
// the counter goes negative, Add panics.
func (wg *WaitGroup) Add(delta int) {
	state := wg.state.Add(uint64(delta) << 32)
	count := int32(state >> 32)
	waiters := uint32(state)
	if count < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if waiters != 0 && delta > 0 && count == int32(delta) {
		// From zero to positive while someone still waits on the old round.
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	if count > 0 || waiters == 0 {
		return
	}
	// count == 0 with waiters: nothing may change the state now but us.
	if wg.state.Load() != state {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	wg.state.Store(0)
	for ; waiters != 0; waiters-- {
		runtime_Semrelease(&wg.sema, false)
	}
}

// Done decrements the WaitGroup counter by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait blocks until the WaitGroup counter is zero.
func (wg *WaitGroup) Wait() {
	for {
		state := wg.state.Load()
		if int32(state>>32) == 0 {
			return
		}
		if wg.state.CompareAndSwap(state, state+1) {
			runtime_Semacquire(&wg.sema)
			if wg.state.Load() != 0 {
				panic("sync: WaitGroup is reused before previous Wait has returned")
			}
			return
		}
	}
}

// Go calls f in a new goroutine and adds that task to the WaitGroup. When f
// returns, the task is removed from the WaitGroup.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// ---- Once ----

// Once is an object that will perform exactly one action.
type Once struct {
	done atomic.Uint32
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time for this
// instance of Once. No call to Do returns until the one call to f returns;
// if f panics, Do considers it to have returned.
func (o *Once) Do(f func()) {
	if o.done.Load() == 0 {
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done.Load() == 0 {
		defer o.done.Store(1)
		f()
	}
}

// OnceFunc returns a function that invokes f only once. The returned
// function may be called concurrently. If f panics, the returned function
// will panic with the same value on every call.
func OnceFunc(f func()) func() {
	var once Once
	finished := false
	var failure any
	call := func() {
		defer func() {
			if !finished {
				failure = recover()
				panic(failure)
			}
		}()
		f()
		f = nil // let the collector have what f holds
		finished = true
	}
	return func() {
		once.Do(call)
		if !finished {
			panic(failure)
		}
	}
}

// ---- Cond ----

// Cond implements a condition variable, a rendezvous point for goroutines
// waiting for or announcing the occurrence of an event.
type Cond struct {
	// L is held while observing or changing the condition.
	L Locker

	notify notifyList
}

// The ticket counters of a notify list (vm/sema.h NotifyList), only ever
// touched by the natives.
type notifyList struct {
	wait   uint32
	notify uint32
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends execution of the calling
// goroutine. After later resuming execution, Wait locks c.L before
// returning. Wait cannot return unless awoken by Broadcast or Signal.
func (c *Cond) Wait() {
	// The ticket is taken before unlocking, so a Signal between the Unlock
	// and the wait is not lost.
	t := runtime_notifyListAdd(&c.notify)
	c.L.Unlock()
	runtime_notifyListWait(&c.notify, t)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() {
	runtime_notifyListNotifyOne(&c.notify)
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	runtime_notifyListNotifyAll(&c.notify)
}

// ---- Map ----

// Map is like a Go map[any]any but is safe for concurrent use by multiple
// goroutines without additional locking or coordination. The zero Map is
// empty and ready for use.
type Map struct {
	mu Mutex
	m  map[any]any
}

// Load returns the value stored in the map for a key, or nil if no value
// is present. The ok result indicates whether value was found in the map.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, ok = m.m[key]
	return value, ok
}

// Store sets the value for a key.
func (m *Map) Store(key, value any) {
	m.Swap(key, value)
}

// LoadOrStore returns the existing value for the key if present. Otherwise,
// it stores and returns the given value. The loaded result is true if the
// value was loaded, false if stored.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete deletes the value for a key, returning the previous value
// if any. The loaded result reports whether the key was present.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, loaded = m.m[key]
	if loaded {
		delete(m.m, key)
	}
	return value, loaded
}

// Delete deletes the value for a key.
func (m *Map) Delete(key any) {
	m.LoadAndDelete(key)
}

// Swap swaps the value for a key and returns the previous value if any.
// The loaded result reports whether the key was present.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	previous, loaded = m.m[key]
	m.m[key] = value
	return previous, loaded
}

// CompareAndSwap swaps the old and new values for key if the value stored
// in the map is equal to old. The old value must be of a comparable type.
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; !ok || v != old {
		return false
	}
	m.m[key] = new
	return true
}

// CompareAndDelete deletes the entry for key if its value is equal to old.
// The old value must be of a comparable type.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; !ok || v != old {
		return false
	}
	delete(m.m, key)
	return true
}

// Range calls f sequentially for each key and value present in the map.
// If f returns false, range stops the iteration. f may call any method of
// m: it runs on a copy of the entries taken when Range began, without the
// lock (Go allows Range to reflect any mapping a key had during the call).
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	values := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		values = append(values, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], values[i]) {
			return
		}
	}
}

// Clear deletes all the entries, resulting in an empty Map.
func (m *Map) Clear() {
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.m)
}

// ---- Pool ----

// A Pool is a set of temporary objects that may be individually saved and
// retrieved. The zero Pool is empty and ready for use.
type Pool struct {
	mu    Mutex
	items []any

	// New optionally specifies a function to generate a value when Get
	// would otherwise return nil.
	New func() any
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

// Get selects an arbitrary item from the Pool, removes it from the Pool,
// and returns it to the caller. If the Pool is empty and p.New is non-nil,
// Get returns the result of calling p.New.
func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}
)go";

}  // namespace gol::stdlib
