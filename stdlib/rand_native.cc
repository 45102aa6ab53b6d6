// rand_native.cc — the three natives of package math/rand (see rand.cc).
//
//   seedWords(vec []int64, seed int64)  the generator's 607 words for seed:
//                         the seed reduced mod 2^31-1 (0 becomes 89482311),
//                         20 Park–Miller steps, then three steps per word
//                         (shifted by 40, 20, 0), XORed with the seeding table
//   zigEntry(table, i int) float64      entry i of ziggurat table 0..5 (normal
//                         K, W, F; exponential K, W, F), exact as a float64
//   runtimeRand() uint64  a per-thread wyrand stream seeded by getrandom(2):
//                         the unseeded top-level functions' source
// The tables are generated (stdlib/gen/rand_cooked.cc), so they are data
// here, not code to maintain.
#include <sys/random.h>

#include <chrono>
#include <cstdint>

#include "stdlib/natives.h"
#include "stdlib/rand_seed.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

#include "stdlib/rand_cooked.inc"

using vm::NativeStatus;
using vm::Slot;

// seedWords(vec []int64, seed int64). vec is the source's own array (len 607).
NativeStatus seed_words(vm::Goroutine&, Slot* w) {
  auto* vec = static_cast<uint64_t*>(w[0].p);
  int64_t seed = w[3].i % 2147483647;
  if (seed < 0) seed += 2147483647;
  if (seed == 0) seed = 89482311;
  park_miller_words(static_cast<int32_t>(seed), 40, 20, vec);
  for (int i = 0; i < kRandWords; i++) vec[i] ^= kRandCooked[i];
  return NativeStatus::Ok;
}

// zigEntry(table, i int) float64. Indexes come from the package's own init
// loops, always in range.
NativeStatus zig_entry(vm::Goroutine&, Slot* w) {
  const int64_t table = w[0].i, i = w[1].i;
  double v = 0;
  switch (table) {
    case 0: v = kNormK[i]; break;
    case 1: v = kNormW[i]; break;
    case 2: v = kNormF[i]; break;
    case 3: v = kExpK[i]; break;
    case 4: v = kExpW[i]; break;
    case 5: v = kExpF[i]; break;
  }
  w[0].f = v;
  return NativeStatus::Ok;
}

// runtimeRand() uint64: wyrand, one state per thread (each M), seeded from
// the kernel's generator (the clock and the state's address if that fails).
NativeStatus runtime_rand(vm::Goroutine&, Slot* w) {
  thread_local uint64_t state = 0;
  if (state == 0) {
    if (::getrandom(&state, sizeof state, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof state)) {
      state = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
              reinterpret_cast<uintptr_t>(&state);
    }
    state |= 1;
  }
  state += 0xa0761d6478bd642full;
  const unsigned __int128 m =
      static_cast<unsigned __int128>(state) * (state ^ 0xe7037ed1a0b428dbull);
  w[0].u = static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
  return NativeStatus::Ok;
}

}  // namespace

void register_rand_natives(vm::NativeRegistry& registry) {
  registry.add("math/rand.seedWords", seed_words);
  registry.add("math/rand.zigEntry", zig_entry);
  registry.add("math/rand.runtimeRand", runtime_rand);
}

}  // namespace gol::stdlib
