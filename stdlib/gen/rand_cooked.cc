// rand_cooked.cc — computes math/rand's tables (stdlib/rand_cooked.inc): the
// seeding table and the ziggurat tables of NormFloat64 and ExpFloat64.
//
// Go's math/rand source is an additive lagged Fibonacci generator over 607
// words (x[n] = x[n-607] + x[n-273] mod 2^64). Seeding XORs the words made
// from the seed with a fixed table: the generator's state after 7.8e12 steps
// from its own seeding with seed 1 (the first 20 and then three
// Lehmer steps per word, shifted by 20 and 10). That table decides every
// value a seeded rand.Source yields, so gol must have the same one.
//
// The core idea: stepping the generator is linear over Z/2^64, and after 607
// steps the read and write positions are back where they started. So one
// cycle is a 607x607 matrix M; the state after n steps is
// M^(n/607) · state, then n%607 plain steps. Square-and-multiply makes that
// about fifty matrix products — seconds, where stepping 7.8e12 times would
// take hours.
//
// The ziggurat tables are Marsaglia and Tsang's ("The Ziggurat Method for
// Generating Random Variables", 2000): 128 strips under the normal density
// with r = 3.442619855899, 256 under the exponential with r = 7.697117470131487,
// each strip's integer bound k, width w and density f, computed in double
// and stored as uint32 / float32. Go's tables are these numbers.
//
// Build and run (the output is checked in; the release build also builds this
// as rand_cooked_gen for the test below):
//   g++ -O2 -march=native -std=c++20 -I. stdlib/gen/rand_cooked.cc -o /tmp/rand_cooked
//   /tmp/rand_cooked > stdlib/rand_cooked.inc
// It checks itself first: the matrix path against plain stepping for a few
// thousand steps. The test StdlibGen.RandTablesAreReproducible checks that
// it still writes the checked-in file; tests/run/stdlib/rand_seeded.gol
// compares seeded sequences and ziggurat samples with Go's.
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "stdlib/rand_seed.h"

namespace {

constexpr int kLen = gol::stdlib::kRandWords;
constexpr int kTap = gol::stdlib::kRandLag;
constexpr uint64_t kSteps = 7'800'000'000'000;

using Matrix = std::vector<uint64_t>;  // kLen x kLen, row-major

// The generator: positions walk down the ring; the feed word gets the tap word added.
struct Lfg {
  uint64_t vec[kLen];
  int tap = 0;
  int feed = kLen - kTap;

  void step() {
    if (--tap < 0) tap += kLen;
    if (--feed < 0) feed += kLen;
    vec[feed] += vec[tap];
  }
};

// The state the table is computed from: seed 1, 20 warm-up steps, then each
// word from three steps (shifts 20 and 10 — not the 40 and 20 of Seed).
Lfg seeded_with_one() {
  Lfg g;
  gol::stdlib::park_miller_words(1, 20, 10, g.vec);
  return g;
}

// One cycle of kLen steps as a matrix: row i is word i after the cycle, in
// terms of the words before it.
Matrix cycle_matrix() {
  std::vector<std::vector<uint64_t>> rows(kLen, std::vector<uint64_t>(kLen, 0));
  for (int i = 0; i < kLen; i++) rows[i][i] = 1;
  int tap = 0, feed = kLen - kTap;
  for (int s = 0; s < kLen; s++) {
    if (--tap < 0) tap += kLen;
    if (--feed < 0) feed += kLen;
    for (int j = 0; j < kLen; j++) rows[feed][j] += rows[tap][j];
  }
  if (tap != 0 || feed != kLen - kTap) std::abort();
  Matrix m(kLen * kLen);
  for (int i = 0; i < kLen; i++)
    for (int j = 0; j < kLen; j++) m[i * kLen + j] = rows[i][j];
  return m;
}

Matrix multiply(const Matrix& a, const Matrix& b) {
  Matrix c(kLen * kLen, 0);
  for (int i = 0; i < kLen; i++) {
    uint64_t* ci = &c[i * kLen];
    for (int k = 0; k < kLen; k++) {
      const uint64_t aik = a[i * kLen + k];
      if (aik == 0) continue;
      const uint64_t* bk = &b[k * kLen];
      for (int j = 0; j < kLen; j++) ci[j] += aik * bk[j];
    }
  }
  return c;
}

// The generator after n steps, through the cycle matrix.
Lfg advance(Lfg g, uint64_t n, const Matrix& cycle) {
  if (g.tap != 0 || g.feed != kLen - kTap) std::abort();  // cycles start here
  uint64_t cycles = n / kLen;
  Matrix power;  // empty = identity
  Matrix base = cycle;
  while (cycles != 0) {
    if (cycles & 1) power = power.empty() ? base : multiply(base, power);
    cycles >>= 1;
    if (cycles != 0) base = multiply(base, base);
  }
  if (!power.empty()) {
    uint64_t next[kLen] = {};
    for (int i = 0; i < kLen; i++)
      for (int j = 0; j < kLen; j++) next[i] += power[i * kLen + j] * g.vec[j];
    for (int i = 0; i < kLen; i++) g.vec[i] = next[i];
  }
  for (uint64_t s = 0; s < n % kLen; s++) g.step();
  return g;
}

}  // namespace

// Prints a float32 table exactly (hexadecimal floating literals).
void print_floats(const char* name, const std::vector<double>& v) {
  std::printf("constexpr float %s[%zu] = {\n", name, v.size());
  for (size_t i = 0; i < v.size(); i++) {
    std::printf("%s%a,%s", i % 4 == 0 ? "    " : " ", static_cast<double>(static_cast<float>(v[i])),
                i % 4 == 3 || i + 1 == v.size() ? "\n" : "");
  }
  std::printf("};\n");
}

void print_uints(const char* name, const std::vector<uint32_t>& v) {
  std::printf("constexpr uint32_t %s[%zu] = {\n", name, v.size());
  for (size_t i = 0; i < v.size(); i++) {
    std::printf("%s0x%08x,%s", i % 6 == 0 ? "    " : " ", v[i],
                i % 6 == 5 || i + 1 == v.size() ? "\n" : "");
  }
  std::printf("};\n");
}

// One ziggurat: n strips of equal area v under density(x), the last ending at
// r; scale is 2^31 (normal: a signed 32-bit draw) or 2^32 (exponential).
// inverse(r, v) is the next strip's edge going inward.
template <class Density, class Inward>
void ziggurat(const char* prefix, int n, double r, double v, double scale, Density density,
              Inward inward) {
  std::vector<uint32_t> k(n);
  std::vector<double> w(n), f(n);
  const double q = v / density(r);
  k[0] = static_cast<uint32_t>((r / q) * scale);
  k[1] = 0;
  w[0] = q / scale;
  w[n - 1] = r / scale;
  f[0] = 1.0;
  f[n - 1] = density(r);
  double outer = r;
  for (int i = n - 2; i >= 1; i--) {
    const double x = inward(outer, v);
    k[i + 1] = static_cast<uint32_t>((x / outer) * scale);
    outer = x;
    f[i] = density(x);
    w[i] = x / scale;
  }
  std::string name = prefix;
  print_uints((name + "K").c_str(), k);
  print_floats((name + "W").c_str(), w);
  print_floats((name + "F").c_str(), f);
}

int main() {
  const Matrix cycle = cycle_matrix();
  // Self-check: the matrix path agrees with stepping.
  for (uint64_t n : {0ull, 1ull, 606ull, 607ull, 1300ull, 607ull * 5 + 196}) {
    Lfg slow = seeded_with_one();
    for (uint64_t s = 0; s < n; s++) slow.step();
    Lfg fast = advance(seeded_with_one(), n, cycle);
    for (int i = 0; i < kLen; i++) {
      if (slow.vec[i] != fast.vec[i]) {
        std::fprintf(stderr, "rand_cooked: self-check failed at n=%" PRIu64 "\n", n);
        return 1;
      }
    }
  }
  const Lfg cooked = advance(seeded_with_one(), kSteps, cycle);
  std::printf("// rand_cooked.inc — math/rand's seeding table, written by stdlib/gen/rand_cooked.cc.\n");
  std::printf("// The generator's %d words after 7.8e12 steps from its seed-1 state.\n", kLen);
  std::printf("constexpr uint64_t kRandCooked[%d] = {\n", kLen);
  for (int i = 0; i < kLen; i++) {
    std::printf("%s0x%016" PRIx64 ",%s", i % 4 == 0 ? "    " : " ", cooked.vec[i],
                i % 4 == 3 || i == kLen - 1 ? "\n" : "");
  }
  std::printf("};\n\n");

  std::printf("// NormFloat64's ziggurat: 128 strips, r = 3.442619855899.\n");
  ziggurat("kNorm", 128, 3.442619855899, 9.91256303526217e-3, 2147483648.0,
           [](double x) { return std::exp(-0.5 * x * x); },
           [](double x, double v) { return std::sqrt(-2.0 * std::log(v / x + std::exp(-0.5 * x * x))); });
  std::printf("\n// ExpFloat64's ziggurat: 256 strips, r = 7.697117470131487.\n");
  ziggurat("kExp", 256, 7.697117470131487, 3.949659822581572e-3, 4294967296.0,
           [](double x) { return std::exp(-x); },
           [](double x, double v) { return -std::log(v / x + std::exp(-x)); });
  return 0;
}
