// rand_seed.h — how math/rand's generator turns a seed into its 607 words,
// shared by the natives (rand_native.cc) and the table generator
// (gen/rand_cooked.cc), which seeds the same way with other shifts.
#pragma once

#include <cstdint>

namespace gol::stdlib {

constexpr int kRandWords = 607;  // words of generator state
constexpr int kRandLag = 273;    // the shorter lag

// x * 48271 mod 2^31-1 without overflow (Schrage's method): the Park–Miller
// "minimal standard" step.
constexpr int32_t park_miller(int32_t x) {
  constexpr int32_t a = 48271, m = 2147483647, q = m / a, r = m % a;
  const int32_t hi = x / q, lo = x % q;
  x = a * lo - r * hi;
  return x < 0 ? x + m : x;
}

// From x, 20 warm-up steps, then three steps per word, combined as
// (s1 << hi) ^ (s2 << mid) ^ s3 into words[0..kRandWords).
inline void park_miller_words(int32_t x, int hi, int mid, uint64_t* words) {
  for (int i = -20; i < kRandWords; i++) {
    x = park_miller(x);
    if (i < 0) continue;
    uint64_t u = static_cast<uint64_t>(static_cast<int64_t>(x)) << hi;
    x = park_miller(x);
    u ^= static_cast<uint64_t>(static_cast<int64_t>(x)) << mid;
    x = park_miller(x);
    u ^= static_cast<uint64_t>(static_cast<int64_t>(x));
    words[i] = u;
  }
}

}  // namespace gol::stdlib
