// RUN: %check_async_tidy %s async-blocking-sleep %t -- -I %inputs

#include "task.h"
#include <chrono>
#include <ctime>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace std::chrono_literals;
using test::task;

task<> free_function() {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'free_function', stalling every coroutine on its thread [async-blocking-sleep]
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: 'free_function' is a coroutine because of this 'co_await'
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' sleeps the thread
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'free_function'
  usleep(500);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' sleeps the thread
  co_await test::yield();
  timespec ts{0, 1000};
  nanosleep(&ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nanosleep' sleeps the thread
  clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'clock_nanosleep' sleeps the thread
}

// Spelled through using-directives and using-declarations: still std's.
task<> through_using() {
  using namespace std::this_thread;
  sleep_for(5ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'through_using'
  using std::this_thread::sleep_until;
  sleep_until(std::chrono::system_clock::now());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' sleeps the thread
  ::sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread
  co_return;
}

struct Service {
  task<> member();
  static task<int> factory();
};

task<> Service::member() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'member'
  co_return;
}

task<int> Service::factory() {
  usleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' sleeps the thread inside coroutine 'factory'
  co_return 1;
}

void coroutine_lambda() {
  auto l = []() -> task<> {
    sleep(3);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep' sleeps the thread inside a coroutine lambda, stalling every coroutine on its thread [async-blocking-sleep]
    // CHECK-MESSAGES: :[[@LINE+1]]:5: note: the lambda is a coroutine because of this 'co_return'
    co_return;
  };
  l();
}

// One diagnostic per written call, however many instantiations.
template <typename Duration> task<> generic(Duration d) {
  std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'generic'
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'generic'
  co_return;
}
void instantiate() {
  generic(1s);
  generic(2ms);
  generic(3us);
}

// Reported where the macro is expanded in the coroutine.
#define NAP() sleep(1)
task<> through_macro() {
  NAP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'through_macro'
  co_return;
}

task<> suppressed() {
  sleep(1); // NOLINT(async-blocking-sleep)
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

void not_a_coroutine() {
  sleep(1);
  std::this_thread::sleep_for(1s);
}

// A function of the same name that does not block.
namespace mylib {
std::suspend_never sleep(int seconds);
} // namespace mylib
task<> user_sleep() { co_await mylib::sleep(1); }

task<> zero_durations() {
  std::this_thread::sleep_for(0s);
  sleep(0);
  usleep(0);
  co_return;
}

task<> runs_elsewhere() {
  // An ordinary lambda is not the coroutine; it may run on another thread.
  auto later = [] { sleep(1); };
  std::thread worker([] { std::this_thread::sleep_for(1s); });
  worker.detach();
  // Nor are a local class's member functions.
  struct Local {
    void wait() { sleep(1); }
  };
  co_return;
}

task<> unevaluated() {
  using T = decltype(sleep(1));
  constexpr auto Size = sizeof(usleep(1));
  constexpr bool NoThrow = noexcept(sleep(1));
  if constexpr (sizeof(int) == 0)
    sleep(1);
  co_return;
}
