// Waiting on a future the code has checked to be ready returns at once: in
// the branch where the check says so, after 'if (!ready) return;', and after
// 'while (!ready) ...' with no break. The same wait without the check, on
// another object, or outside the checked branch is reported.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-wait %t -- %asio_flags

#include <asio.hpp>
#include <chrono>
#include <future>

using namespace std::chrono_literals;

asio::awaitable<void> checked(std::future<int> f, std::shared_future<int> s,
                              std::future<int> g) {
  if (f.wait_for(0s) == std::future_status::ready) {
    int v = f.get();
    (void)v;
  }
  if (std::future_status::ready == s.wait_for(std::chrono::seconds(0)) &&
      g.wait_for(0s) == std::future_status::ready) {
    s.get();
    g.wait();
  }
  if (f.wait_for(0s) != std::future_status::ready)
    co_return;
  f.get();
  co_return;
}

asio::awaitable<void> polled(std::future<int> f, asio::steady_timer &timer) {
  while (f.wait_for(0s) != std::future_status::ready) {
    timer.expires_after(10ms);
    co_await timer.async_wait(asio::use_awaitable);
  }
  f.get();
}

struct Job {
  std::future<int> result;
  asio::awaitable<int> finish() {
    if (!(result.wait_for(0s) == std::future_status::ready))
      throw std::runtime_error("not done");
    co_return result.get();
  }
};

// Near misses: no check, another object, the wrong branch, after the
// checked branch, a loop that may break out, a status that is not 'ready'.
asio::awaitable<void> unchecked(std::future<int> f, std::future<int> g) {
  f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future::get' waits for another thread inside coroutine 'unchecked'
  if (f.wait_for(0s) == std::future_status::ready)
    g.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::future::get' waits for another thread inside coroutine 'unchecked'
  if (f.wait_for(0s) == std::future_status::ready) {
  } else {
    f.wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::future::wait' waits for another thread inside coroutine 'unchecked'
  }
  if (g.wait_for(0s) == std::future_status::ready) {
  }
  g.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future::wait' waits for another thread inside coroutine 'unchecked'
  while (g.wait_for(0s) != std::future_status::ready)
    if (g.valid())
      break;
  g.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future::get' waits for another thread inside coroutine 'unchecked'
  if (g.wait_for(0s) == std::future_status::timeout)
    g.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::future::get' waits for another thread inside coroutine 'unchecked'
  co_return;
}
