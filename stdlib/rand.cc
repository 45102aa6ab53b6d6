// rand.cc — package math/rand: pseudo-random numbers.
//
// A seeded source must yield exactly Go's sequence: programs seed to be
// reproducible (tests, simulations, "shuffle with seed 42"), and a gol
// program must print what the Go program prints. So the source is Go's
// algorithm — an additive lagged Fibonacci generator over 607 words with lag
// 273, seeded by Park–Miller steps XORed with a fixed table — and every
// method draws from it the way Go's does (Intn through Int31n's rejection
// loop, Shuffle through the multiply-shift bound, Float64 by division,
// NormFloat64/ExpFloat64 by Marsaglia–Tsang ziggurats).
//
// The tables (the seeding table and the ziggurats) are computed by
// stdlib/gen/rand_cooked.cc into stdlib/rand_cooked.inc and live on the
// native side (rand_native.cc):
//   seedWords(vec, seed)  fills the generator's 607 words for seed
//   zigEntry(table, i)    entry i of a ziggurat table, as a float64
//   runtimeRand()         64 random bits from a per-thread generator seeded
//                         from the operating system (the unseeded default)
//
// The top-level functions use, as Go 1.20 and later do, a randomly seeded
// generator unless Seed is called; after Seed they draw from a locked seeded
// source, reproducibly. Absent: Zipf, and GODEBUG=randautoseed=0.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kRandSource = R"go(package rand

import (
	"math"
	"sync"
)

// A Source yields uniformly distributed int64 values in [0, 1<<63). It is
// not safe for concurrent use unless it says so.
type Source interface {
	Int63() int64
	Seed(seed int64)
}

// A Source64 also yields uint64 values.
type Source64 interface {
	Source
	Uint64() uint64
}

const (
	ringLen  = 607 // words of generator state
	ringLag  = 273 // the shorter lag
	low63    = 1<<63 - 1
	maxInt31 = 1<<31 - 1
)

// rngSource is the lagged Fibonacci generator: each step adds the word
// ringLag behind to the word ringLen behind, walking down the ring.
type rngSource struct {
	tap  int
	feed int
	vec  [ringLen]int64
}

func seedWords(vec []int64, seed int64)

// NewSource returns a Source seeded with seed. Unlike the top-level
// functions it is not safe for concurrent use.
func NewSource(seed int64) Source {
	s := new(rngSource)
	s.Seed(seed)
	return s
}

// Seed resets the source to the state seed selects.
func (s *rngSource) Seed(seed int64) {
	s.tap = 0
	s.feed = ringLen - ringLag
	seedWords(s.vec[:], seed)
}

// Uint64 steps the generator once.
func (s *rngSource) Uint64() uint64 {
	s.tap--
	if s.tap < 0 {
		s.tap += ringLen
	}
	s.feed--
	if s.feed < 0 {
		s.feed += ringLen
	}
	sum := s.vec[s.feed] + s.vec[s.tap]
	s.vec[s.feed] = sum
	return uint64(sum)
}

// Int63 is Uint64 without its top bit.
func (s *rngSource) Int63() int64 {
	return int64(s.Uint64() & low63)
}

// A Rand draws numbers of every shape from a Source.
type Rand struct {
	src Source
	s64 Source64 // src again, when it is a Source64

	// Read's leftover bytes: readPos of them, low byte first, in readVal.
	readVal int64
	readPos int8
}

// New returns a Rand drawing from src.
func New(src Source) *Rand {
	s64, _ := src.(Source64)
	return &Rand{src: src, s64: s64}
}

// Seed reseeds the source (and forgets Read's leftover bytes).
func (r *Rand) Seed(seed int64) {
	if locked, ok := r.src.(*lockedSource); ok {
		locked.seedAndReset(seed, &r.readPos)
		return
	}
	r.src.Seed(seed)
	r.readPos = 0
}

// Int63 returns a non-negative int64.
func (r *Rand) Int63() int64 { return r.src.Int63() }

// Uint32 returns a uint32: bits 31..62 of an Int63.
func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

// Uint64 returns a uint64, from the source directly when it can, else from
// two Int63 draws.
func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
	}
	hi := uint64(r.Int63()) >> 31
	return hi | uint64(r.Int63())<<32
}

// Int31 returns a non-negative int32: the top 31 bits of an Int63.
func (r *Rand) Int31() int32 { return int32(r.Int63() >> 32) }

// Int returns a non-negative int.
func (r *Rand) Int() int {
	u := uint(r.Int63())
	return int(u << 1 >> 1)
}

// Int63n returns an int64 in [0, n). It panics if n <= 0.
func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	// Reject the top partial copy of [0, n) so every value is equally likely.
	limit := int64(low63 - (1<<63)%uint64(n))
	v := r.Int63()
	for v > limit {
		v = r.Int63()
	}
	return v % n
}

// Int31n returns an int32 in [0, n). It panics if n <= 0.
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if n&(n-1) == 0 {
		return r.Int31() & (n - 1)
	}
	limit := int32(maxInt31 - (1<<31)%uint32(n))
	v := r.Int31()
	for v > limit {
		v = r.Int31()
	}
	return v % n
}

// boundedInt31 returns an int32 in [0, n) for n > 0 by multiplying a
// uint32 by n and keeping the high half, rejecting the few low halves that
// would bias it (Lemire). Shuffle draws this way.
func (r *Rand) boundedInt31(n int32) int32 {
	product := uint64(r.Uint32()) * uint64(n)
	if uint32(product) < uint32(n) {
		threshold := uint32(-n) % uint32(n)
		for uint32(product) < threshold {
			product = uint64(r.Uint32()) * uint64(n)
		}
	}
	return int32(product >> 32)
}

// Intn returns an int in [0, n). It panics if n <= 0.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if n <= maxInt31 {
		return int(r.Int31n(int32(n)))
	}
	return int(r.Int63n(int64(n)))
}

// Float64 returns a float64 in [0.0, 1.0).
func (r *Rand) Float64() float64 {
	for {
		f := float64(r.Int63()) / (1 << 63)
		if f < 1 { // an Int63 near 1<<63 rounds up to 1; draw again
			return f
		}
	}
}

// Float32 returns a float32 in [0.0, 1.0).
func (r *Rand) Float32() float32 {
	for {
		f := float32(r.Float64())
		if f < 1 {
			return f
		}
	}
}

// Perm returns a random permutation of [0, n).
func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
	// Inside-out Fisher–Yates: place i at a random j, moving j's value up.
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

// Shuffle permutes n elements through swap. It panics if n < 0.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	i := n - 1
	for ; i > maxInt31-1; i-- {
		swap(i, int(r.Int63n(int64(i+1))))
	}
	for ; i > 0; i-- {
		swap(i, int(r.boundedInt31(int32(i+1))))
	}
}

// Read fills p with random bytes, seven from each Int63. It always returns
// len(p) and a nil error.
func (r *Rand) Read(p []byte) (n int, err error) {
	switch src := r.src.(type) {
	case *lockedSource:
		src.mu.Lock()
		n, err = fillBytes(p, src.src, &r.readVal, &r.readPos)
		src.mu.Unlock()
		return
	case *runtimeSource:
		src.mu.Lock()
		n, err = fillBytes(p, src, &r.readVal, &r.readPos)
		src.mu.Unlock()
		return
	}
	return fillBytes(p, r.src, &r.readVal, &r.readPos)
}

func fillBytes(p []byte, src Source, val *int64, pos *int8) (int, error) {
	v, left := *val, *pos
	for i := range p {
		if left == 0 {
			v = src.Int63()
			left = 7
		}
		p[i] = byte(v)
		v >>= 8
		left--
	}
	*val, *pos = v, left
	return len(p), nil
}

// ---------------------------------------------------------------- ziggurats

// Where the last strip ends. The exponential tables were built with
// r = 7.697117470131487, but Go's tail starts at this 7.69711747013104972,
// 4.4e-13 lower; the tail uses Go's value so samples there match.
const (
	normR = 3.442619855899
	expR  = 7.69711747013104972
)

var (
	normK [128]uint32
	normW [128]float32
	normF [128]float32
	expK  [256]uint32
	expW  [256]float32
	expF  [256]float32
)

func zigEntry(table, i int) float64

func init() {
	for i := 0; i < 128; i++ {
		normK[i] = uint32(zigEntry(0, i))
		normW[i] = float32(zigEntry(1, i))
		normF[i] = float32(zigEntry(2, i))
	}
	for i := 0; i < 256; i++ {
		expK[i] = uint32(zigEntry(3, i))
		expW[i] = float32(zigEntry(4, i))
		expF[i] = float32(zigEntry(5, i))
	}
}

// NormFloat64 returns a normally distributed float64 (mean 0, standard
// deviation 1).
func (r *Rand) NormFloat64() float64 {
	for {
		j := int32(r.Uint32()) // the sign is the sample's
		i := j & 0x7F
		x := float64(j) * float64(normW[i])
		magnitude := uint32(j)
		if j < 0 {
			magnitude = uint32(-j)
		}
		if magnitude < normK[i] {
			return x // inside the strip's rectangle: nearly always
		}
		if i == 0 {
			// The base strip's tail beyond normR, by Marsaglia's method.
			for {
				x = -math.Log(r.Float64()) * (1.0 / normR)
				y := -math.Log(r.Float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return normR + x
			}
			return -normR - x
		}
		if normF[i]+float32(r.Float64())*(normF[i-1]-normF[i]) < float32(math.Exp(-.5*x*x)) {
			return x
		}
	}
}

// ExpFloat64 returns an exponentially distributed float64 (rate 1).
func (r *Rand) ExpFloat64() float64 {
	for {
		j := r.Uint32()
		i := j & 0xFF
		x := float64(j) * float64(expW[i])
		if j < expK[i] {
			return x
		}
		if i == 0 {
			return expR - math.Log(r.Float64())
		}
		if expF[i]+float32(r.Float64())*(expF[i-1]-expF[i]) < float32(math.Exp(-x)) {
			return x
		}
	}
}

// ------------------------------------------------------------- the default

// runtimeSource draws from the runtime's per-thread generator, seeded by
// the operating system: safe for concurrent use, not reproducible.
type runtimeSource struct {
	mu sync.Mutex // Read's leftover bytes only
}

func runtimeRand() uint64

func (*runtimeSource) Int63() int64   { return int64(runtimeRand() & low63) }
func (*runtimeSource) Uint64() uint64 { return runtimeRand() }
func (*runtimeSource) Seed(int64) {
	panic("internal error: call to runtimeSource.Seed")
}

// lockedSource is a seeded source behind a mutex: what Seed installs.
type lockedSource struct {
	mu  sync.Mutex
	src *rngSource
}

func (l *lockedSource) Int63() int64 {
	l.mu.Lock()
	n := l.src.Int63()
	l.mu.Unlock()
	return n
}

func (l *lockedSource) Uint64() uint64 {
	l.mu.Lock()
	n := l.src.Uint64()
	l.mu.Unlock()
	return n
}

func (l *lockedSource) Seed(seed int64) {
	l.mu.Lock()
	l.reseed(seed)
	l.mu.Unlock()
}

func (l *lockedSource) seedAndReset(seed int64, readPos *int8) {
	l.mu.Lock()
	l.reseed(seed)
	*readPos = 0
	l.mu.Unlock()
}

func (l *lockedSource) reseed(seed int64) {
	if l.src == nil {
		l.src = new(rngSource)
	}
	l.src.Seed(seed)
}

var (
	globalMu sync.Mutex
	global   *Rand
)

// globalRand is the Rand behind the top-level functions: random until
// Seed is called.
func globalRand() *Rand {
	globalMu.Lock()
	r := global
	if r == nil {
		r = &Rand{src: &runtimeSource{}, s64: &runtimeSource{}}
		global = r
	}
	globalMu.Unlock()
	return r
}

// Seed makes the top-level functions reproducible: from here on they draw
// from a source seeded with seed. Deprecated in Go, and still honoured by
// Go 1.23.
func Seed(seed int64) {
	globalMu.Lock()
	r := global
	globalMu.Unlock()
	if r != nil {
		if _, ok := r.src.(*lockedSource); ok {
			r.Seed(seed)
			return
		}
	}
	seeded := New(new(lockedSource))
	seeded.Seed(seed)
	globalMu.Lock()
	global = seeded
	globalMu.Unlock()
}

// The top-level functions: the same draws on the shared Rand, safe for
// concurrent use.

func Int63() int64                       { return globalRand().Int63() }
func Uint32() uint32                     { return globalRand().Uint32() }
func Uint64() uint64                     { return globalRand().Uint64() }
func Int31() int32                       { return globalRand().Int31() }
func Int() int                           { return globalRand().Int() }
func Int63n(n int64) int64               { return globalRand().Int63n(n) }
func Int31n(n int32) int32               { return globalRand().Int31n(n) }
func Intn(n int) int                     { return globalRand().Intn(n) }
func Float64() float64                   { return globalRand().Float64() }
func Float32() float32                   { return globalRand().Float32() }
func Perm(n int) []int                   { return globalRand().Perm(n) }
func Shuffle(n int, swap func(i, j int)) { globalRand().Shuffle(n, swap) }
func Read(p []byte) (n int, err error)   { return globalRand().Read(p) }
func NormFloat64() float64               { return globalRand().NormFloat64() }
func ExpFloat64() float64                { return globalRand().ExpFloat64() }
)go";

}  // namespace gol::stdlib
