// Legacy code with two findings, recorded in a baseline.
// Since then: a new function above moves the old code down, the old
// call is rewrapped, and a new blocking call was added.
#include "task.h"
#include <chrono>
#include <thread>
#include <unistd.h>

namespace legacy {

int answer() { return 42; }

test::task<> poll_jobs() {
  sleep(1);
  co_await test::yield();
}

test::task<int> refresh() {
  auto nap = []() -> test::task<> {
    std::this_thread::sleep_for(
        std::chrono::milliseconds(50));
    co_return;
  };
  nap();
  usleep(100); // NOLINT(async-blocking-sleep): silenced, not recorded
  usleep(200);
  co_return 0;
}

} // namespace legacy
