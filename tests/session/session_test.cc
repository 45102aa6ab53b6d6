// session_test.cc — the REPL's runtime (vm/session.h): inputs run as
// goroutines of one live program while the test thread plays the REPL
// thread.
//
// One Go program, compiled the normal way, holds every "input" as a
// function; a test runs one through session_eval by its proto's name.
// session_start is once per process, so the first test to need the session
// starts it (ctest runs each test in a process of its own; run directly,
// the tests share one session, and each leaves nothing running that the
// next would notice). Program output is caught by the output hook, which
// is what these tests read; SIGINT goes to a hook that interrupts.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "lang/check.h"
#include "lang/compile.h"
#include "lang/parse.h"
#include "sched/note.h"
#include "stdlib/natives.h"
#include "stdlib/stdlib.h"
#include "vm/runtime.h"
#include "vm/session.h"

namespace gol::vm {
namespace {

constexpr const char* kProgram = R"(package main

import (
	"fmt"
	"runtime"
	"time"
)

var results = make(chan int, 10)
var stuck = make(chan int)
var woke = make(chan int, 1)
var release = make(chan int)
var stopKeep chan bool
var deferRan = make(chan string, 2)

// The compiler keeps only what main's package reaches.
var inputs = []func(){sayHello, printsToStderr, doPanic, callGoexit, startProducer, readProduced, blockOnStuck,
	sendToStuck, readWoke, spin, keepAwake, parkUntilReleased, releaseParked, readDefer, sleepThenPrint, backgroundPanic}

func main() {}

func sayHello() { fmt.Println("hello from an input") }

func printsToStderr() { println("to stderr") }

func doPanic() {
	defer fmt.Println("deferred before the report")
	panic("boom")
}

func callGoexit() {
	defer fmt.Println("goexit defer")
	runtime.Goexit()
}

func startProducer() {
	go func() {
		for i := 1; i <= 3; i++ {
			time.Sleep(time.Millisecond)
			results <- i * 10
		}
	}()
}

func readProduced() {
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-results
	}
	fmt.Println("sum", sum)
}

func blockOnStuck() {
	v := <-stuck
	woke <- v * 2
}

func sendToStuck() { stuck <- 21 }

func readWoke() { fmt.Println("woke", <-woke) }

func spin() {
	defer func() { deferRan <- "spin's defer ran" }()
	fmt.Println("spinning")
	n := 0
	for {
		n++
	}
}

// A timer keeps firing while parkUntilReleased waits: it is blocked, not
// deadlocked.
func keepAwake() {
	stopKeep = make(chan bool)
	stop := stopKeep
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
}

func parkUntilReleased() {
	defer func() { deferRan <- "park's defer ran" }()
	fmt.Println("parking")
	<-release
	fmt.Println("released")
}

func releaseParked() {
	close(stopKeep)
	release <- 1
}

func readDefer() { fmt.Println(<-deferRan) }

func sleepThenPrint() {
	time.Sleep(20 * time.Millisecond)
	fmt.Println("slept")
}

func backgroundPanic() {
	go func() { panic("background boom") }()
}
)";

// Everything the hook received, by stream.
std::mutex g_out_mu;
std::string g_stdout;  // g_out_mu
std::string g_stderr;  // g_out_mu

void capture(int fd, const char* data, size_t len) {
  std::lock_guard<std::mutex> lock(g_out_mu);
  (fd == 2 ? g_stderr : g_stdout).append(data, len);
}

std::atomic<int> g_sigints{0};
void on_sigint() {
  g_sigints.fetch_add(1);
  session_interrupt();
}

// Output seen so far; taken (cleared) so each test reads its own.
std::string take(std::string& stream) {
  std::lock_guard<std::mutex> lock(g_out_mu);
  std::string out;
  out.swap(stream);
  return out;
}

// Waits (generously) until `stream` contains `text`; returns what it holds.
std::string wait_for(std::string& stream, const std::string& text, int64_t timeout_ns = 20'000'000'000) {
  const int64_t deadline = sched::monotonic_ns() + timeout_ns;
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(g_out_mu);
      if (stream.find(text) != std::string::npos || sched::monotonic_ns() > deadline) return stream;
    }
    usleep(1000);
  }
}

Program* g_program = nullptr;

// Compiles kProgram, starts the session and runs the package's
// initialisation (the program's entry) as the first input.
Program& session() {
  static std::once_flag once;
  std::call_once(once, [] {
    runtime_init();
    auto sources = new lang::SourceSet();  // all leaked: the program lives until exit
    auto arena = new lang::Arena();
    lang::Diagnostics diags;
    const int32_t id = sources->add("session_test.gol", kProgram);
    lang::File* file = lang::parse_file(*sources, id, *arena, diags);
    lang::PackageRegistry registry;
    stdlib::register_packages(registry);
    lang::Package* pkg = lang::check_package(*sources, *arena, {file}, registry, diags);
    if (!diags.empty()) {
      diags.print(*sources, stderr, false);
      std::abort();
    }
    NativeRegistry natives;
    stdlib::register_natives(natives);
    lang::CompileError error;
    g_program = lang::compile_program(*sources, pkg, natives, &error).release();
    if (g_program == nullptr) {
      std::fprintf(stderr, "compile: %s\n", error.message.c_str());
      std::abort();
    }
    set_output_hook(capture);
    set_sigint_hook(on_sigint);
    // A shell without job control starts background jobs with SIGINT
    // ignored, which the runtime honours (nohup): not what is tested here.
    std::signal(SIGINT, SIG_DFL);
    session_start(*g_program);
    if (session_eval(g_program->entry) != EvalOutcome::Done) std::abort();
  });
  return *g_program;
}

uint32_t proto(const std::string& name) {
  Program& p = session();
  for (uint32_t i = 0; i < p.protos.size(); i++) {
    if (p.protos[i]->name == name) return i;
  }
  ADD_FAILURE() << "no function " << name;
  return p.entry;
}

EvalOutcome eval(const std::string& name) {
  const uint32_t entry = proto(name);
  return session_eval(entry);
}

TEST(Session, AnInputRunsToTheEndAndItsOutputGoesToTheHook) {
  session();
  take(g_stdout);
  take(g_stderr);
  EXPECT_EQ(eval("main.sayHello"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "hello from an input\n");
  EXPECT_EQ(eval("main.printsToStderr"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stderr), "to stderr\n");
  EXPECT_EQ(eval("main.sleepThenPrint"), EvalOutcome::Done) << "a pending timer is no deadlock";
  EXPECT_EQ(take(g_stdout), "slept\n");
}

TEST(Session, GoexitEndsTheInputNormally) {
  session();
  take(g_stdout);
  EXPECT_EQ(eval("main.callGoexit"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "goexit defer\n");
}

TEST(Session, APanicIsReportedAndTheSessionGoesOn) {
  session();
  take(g_stdout);
  take(g_stderr);
  EXPECT_EQ(eval("main.doPanic"), EvalOutcome::Panicked);
  EXPECT_EQ(take(g_stdout), "deferred before the report\n");
  const std::string report = take(g_stderr);
  EXPECT_EQ(report.rfind("panic: boom\n\ngoroutine ", 0), 0u) << report;
  EXPECT_NE(report.find("[running]:\nmain.doPanic()"), std::string::npos) << report;
  EXPECT_EQ(eval("main.sayHello"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "hello from an input\n");
}

TEST(Session, ABackgroundPanicKillsOnlyItsGoroutine) {
  session();
  take(g_stdout);
  take(g_stderr);
  EXPECT_EQ(eval("main.backgroundPanic"), EvalOutcome::Done);
  const std::string report = wait_for(g_stderr, "panic: background boom\n");
  EXPECT_NE(report.find("panic: background boom\n\ngoroutine "), std::string::npos) << report;
  take(g_stderr);
  EXPECT_EQ(eval("main.sayHello"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "hello from an input\n");
}

TEST(Session, GoroutinesStartedByOneInputKeepRunningForTheNext) {
  session();
  take(g_stdout);
  EXPECT_EQ(eval("main.startProducer"), EvalOutcome::Done);
  EXPECT_EQ(eval("main.readProduced"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "sum 60\n");
}

TEST(Session, ADeadlockIsReportedAndALaterInputWakesTheAbandonedGoroutine) {
  session();
  take(g_stderr);
  take(g_stdout);
  EXPECT_EQ(eval("main.blockOnStuck"), EvalOutcome::Deadlocked);
  const std::string report = take(g_stderr);
  EXPECT_EQ(report.rfind("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine ", 0), 0u) << report;
  EXPECT_NE(report.find(" [chan receive]:\nmain.blockOnStuck()"), std::string::npos) << report;
  EXPECT_NE(session_goroutines().find("[chan receive]:\nmain.blockOnStuck()"), std::string::npos);
  // Reported again for a later input, once.
  EXPECT_EQ(eval("main.readWoke"), EvalOutcome::Deadlocked);
  const std::string again = take(g_stderr);
  EXPECT_EQ(again.rfind("fatal error: all goroutines are asleep - deadlock!\n", 0), 0u) << again;
  EXPECT_EQ(again.find("fatal error", 1), std::string::npos) << again;
  // The first input's goroutine is still there to receive; the second one's
  // then receives what it sends.
  EXPECT_EQ(eval("main.sendToStuck"), EvalOutcome::Done);
  EXPECT_EQ(wait_for(g_stdout, "woke 42\n"), "woke 42\n");
  take(g_stdout);
  EXPECT_EQ(eval("main.sayHello"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "hello from an input\n");
  EXPECT_EQ(take(g_stderr), "");
}

// Interrupts `for {}` from another thread once it is running: the eval
// returns Interrupted, and the goroutine ends at its next safe point,
// running its deferred call (which the next input observes).
TEST(Session, AnInterruptStopsARunningLoopAndRunsItsDefers) {
  session();
  take(g_stdout);
  std::thread interrupter([] {
    wait_for(g_stdout, "spinning\n");
    session_interrupt();
  });
  EXPECT_EQ(eval("main.spin"), EvalOutcome::Interrupted);
  interrupter.join();
  take(g_stdout);
  EXPECT_EQ(eval("main.readDefer"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "spin's defer ran\n");
}

// A blocked input is abandoned; when something wakes it later, it stops at
// its next safe point (its deferred call runs, the rest does not).
TEST(Session, AnInterruptAbandonsABlockedInput) {
  session();
  take(g_stdout);
  EXPECT_EQ(eval("main.keepAwake"), EvalOutcome::Done);
  std::thread interrupter([] {
    wait_for(g_stdout, "parking\n");
    session_interrupt();
  });
  EXPECT_EQ(eval("main.parkUntilReleased"), EvalOutcome::Interrupted);
  interrupter.join();
  EXPECT_EQ(take(g_stdout), "parking\n");
  EXPECT_EQ(eval("main.sayHello"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "hello from an input\n");
  EXPECT_EQ(eval("main.releaseParked"), EvalOutcome::Done);
  EXPECT_EQ(eval("main.readDefer"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "park's defer ran\n");
}

// Ctrl-C: SIGINT reaches the delivery thread, which calls the hook instead
// of ending the process.
TEST(Session, SigintGoesToTheHook) {
  session();
  take(g_stdout);
  const int before = g_sigints.load();
  std::thread interrupter([] {
    wait_for(g_stdout, "spinning\n");
    kill(getpid(), SIGINT);
  });
  EXPECT_EQ(eval("main.spin"), EvalOutcome::Interrupted);
  interrupter.join();
  EXPECT_EQ(g_sigints.load(), before + 1);
  take(g_stdout);
  EXPECT_EQ(eval("main.readDefer"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "spin's defer ran\n");
}

TEST(Session, InterruptWithNoInputDoesNothing) {
  session();
  take(g_stdout);
  session_interrupt();
  EXPECT_EQ(eval("main.sayHello"), EvalOutcome::Done);
  EXPECT_EQ(take(g_stdout), "hello from an input\n");
}

TEST(Session, GomaxprocsReadsAndSets) {
  session();
  const int32_t old = session_gomaxprocs(0);
  EXPECT_GE(old, 1);
  EXPECT_EQ(session_gomaxprocs(3), old);
  EXPECT_EQ(session_gomaxprocs(-1), 3);
  EXPECT_EQ(eval("main.sayHello"), EvalOutcome::Done);
  EXPECT_EQ(session_gomaxprocs(old), 3);
  take(g_stdout);
}

}  // namespace
}  // namespace gol::vm
