// Legacy code with two findings, recorded in a baseline.
#include "task.h"
#include <chrono>
#include <thread>
#include <unistd.h>

namespace legacy {

test::task<> poll_jobs() {
  sleep(1);
  co_await test::yield();
}

test::task<int> refresh() {
  auto nap = []() -> test::task<> {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    co_return;
  };
  nap();
  usleep(100); // NOLINT(async-blocking-sleep): silenced, not recorded
  co_return 0;
}

} // namespace legacy
