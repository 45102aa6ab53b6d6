// time_native_test.cc — package time's natives (stdlib/time_native.cc)
// called directly, without the scheduler: the clocks, Sleep on a thread
// (never early; d <= 0 returns at once), and Go's rules for choosing the
// Local zone from $TZ and for reading zone files. Duration.String, Format
// and the calendar are Go code, tested as golden programs against Go 1.23
// (tests/run/time, tests/run/timepkg); the timers they run on are tested
// in tests/sched/timer_test.cc.
#include <gtest/gtest.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "sched/note.h"
#include "stdlib/natives.h"
#include "vm/goroutine.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::Slot;

class TimeNative : public ::testing::Test {
 protected:
  void SetUp() override {
    vm::runtime_init();
    register_time_natives(m_registry);
    m_g = vm::new_goroutine();
    if (const char* tz = std::getenv("TZ")) m_saved_tz = tz;
  }
  void TearDown() override {
    if (m_saved_tz) {
      setenv("TZ", m_saved_tz->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
  }

  void call(const char* name, Slot* window) {
    vm::NativeFn fn = m_registry.find(std::string("time.") + name);
    ASSERT_NE(fn, nullptr) << name;
    ASSERT_EQ(fn(*m_g, window), vm::NativeStatus::Ok);
  }
  static std::string get_string(const Slot* w) {
    return std::string(static_cast<const char*>(w[0].cp), static_cast<size_t>(w[1].i));
  }
  // localZone() with TZ set to tz (unset for nullopt): the name, and
  // whether zone data came back.
  std::pair<std::string, bool> local_zone(std::optional<std::string> tz) {
    if (tz) {
      setenv("TZ", tz->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    Slot w[4] = {};
    call("localZone", w);
    const std::string data = get_string(w + 2);
    EXPECT_TRUE(data.empty() || data.compare(0, 4, "TZif") == 0);
    return {get_string(w), !data.empty()};
  }
  static bool exists(const char* path) { return access(path, R_OK) == 0; }

  vm::NativeRegistry m_registry;
  vm::Goroutine* m_g = nullptr;
  std::optional<std::string> m_saved_tz;
};

TEST_F(TimeNative, NowReadsBothClocks) {
  timespec before;
  clock_gettime(CLOCK_REALTIME, &before);
  Slot a[3] = {};
  call("now", a);
  Slot b[3] = {};
  call("now", b);
  EXPECT_GE(a[0].i, before.tv_sec);
  EXPECT_LT(a[0].i, before.tv_sec + 60);  // sanity only
  EXPECT_GE(a[1].i, 0);
  EXPECT_LT(a[1].i, 1'000'000'000);
  // Go's monotonic readings count from the start, and never go back.
  EXPECT_GT(a[2].i, 0);
  EXPECT_GE(b[2].i, a[2].i);
}

TEST_F(TimeNative, SleepWithoutTheSchedulerNeverEndsEarly) {
  for (int64_t d : {int64_t{1}, int64_t{1'000'000}, int64_t{15'000'000}}) {
    const int64_t start = sched::monotonic_ns();
    Slot w[1];
    w[0].i = d;
    call("Sleep", w);
    EXPECT_GE(sched::monotonic_ns() - start, d);
  }
}

TEST_F(TimeNative, SleepOfZeroOrLessReturnsAtOnce) {
  for (int64_t d : {int64_t{0}, int64_t{-1}, INT64_MIN}) {
    Slot w[1];
    w[0].i = d;
    call("Sleep", w);
  }
  SUCCEED();
}

TEST_F(TimeNative, LocalZoneFollowsGosTzRules) {
  // TZ="" and TZ="UTC" are UTC, with no zone data.
  EXPECT_EQ(local_zone(""), std::make_pair(std::string("UTC"), false));
  EXPECT_EQ(local_zone("UTC"), std::make_pair(std::string("UTC"), false));
  // A zone that does not exist falls back to UTC.
  EXPECT_EQ(local_zone("No/Such_Zone"), std::make_pair(std::string("UTC"), false));
  EXPECT_EQ(local_zone("/no/such/file"), std::make_pair(std::string("UTC"), false));
  if (exists("/usr/share/zoneinfo/America/New_York")) {
    EXPECT_EQ(local_zone("America/New_York"), std::make_pair(std::string("America/New_York"), true));
    EXPECT_EQ(local_zone(":America/New_York"), std::make_pair(std::string("America/New_York"), true));
    EXPECT_EQ(local_zone("/usr/share/zoneinfo/America/New_York"),
              std::make_pair(std::string("/usr/share/zoneinfo/America/New_York"), true));
  }
  if (exists("/etc/localtime")) {
    EXPECT_EQ(local_zone(std::nullopt), std::make_pair(std::string("Local"), true));
    EXPECT_EQ(local_zone("/etc/localtime"), std::make_pair(std::string("Local"), true));
    EXPECT_EQ(local_zone(":/etc/localtime"), std::make_pair(std::string("Local"), true));
  } else {
    EXPECT_EQ(local_zone(std::nullopt), std::make_pair(std::string("UTC"), false));
  }
}

TEST_F(TimeNative, ReadZoneReadsTzifFiles) {
  Slot w[3] = {};
  static const char kMissing[] = "No/Such_Zone";
  w[0].cp = kMissing;
  w[1].i = sizeof kMissing - 1;
  call("readZone", w);
  EXPECT_EQ(w[2].u, 0u);
  EXPECT_EQ(w[1].i, 0);
  if (!exists("/usr/share/zoneinfo/Europe/Berlin")) GTEST_SKIP() << "no zone files installed";
  static const char kBerlin[] = "Europe/Berlin";
  w[0].cp = kBerlin;
  w[1].i = sizeof kBerlin - 1;
  call("readZone", w);
  EXPECT_EQ(w[2].u, 1u);
  EXPECT_EQ(get_string(w).compare(0, 4, "TZif"), 0);
}

}  // namespace
}  // namespace gol::stdlib
