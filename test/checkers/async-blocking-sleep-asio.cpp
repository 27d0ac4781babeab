// Swap fixes against Debian's standalone Asio 1.22; the fixed file must
// compile.
// REQUIRES: asio
// RUN: %check_async_tidy --compile-fixed=%clangxx %s async-blocking-sleep %t -- %asio_flags

#include <asio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

asio::awaitable<void> heartbeat(asio::ip::tcp::socket &sock) {
  for (;;) {
    co_await asio::async_write(sock, asio::buffer("ping", 4), asio::use_awaitable);
    std::this_thread::sleep_for(250ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'heartbeat', stalling every coroutine on its thread [async-blocking-sleep]
    // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, 250ms).async_wait(asio::use_awaitable);
  }
}

asio::awaitable<int> backoff(int attempt) {
  std::chrono::seconds delay(attempt);
  std::this_thread::sleep_for(delay);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'backoff'
  // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, delay).async_wait(asio::use_awaitable);
  co_return attempt;
}

// No fix where the rewrite would not be equivalent or would not compile.
#define PAUSE() std::this_thread::sleep_for(1s)
asio::awaitable<void> no_fix() {
  // A fractional duration does not convert to the timer's duration.
  std::this_thread::sleep_for(std::chrono::duration<double>(0.5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread
  // CHECK-FIXES: std::this_thread::sleep_for(std::chrono::duration<double>(0.5));
  PAUSE();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread
  // CHECK-FIXES: PAUSE();
  // Asio has no async twin of sleep_until for other clocks.
  std::this_thread::sleep_until(std::chrono::system_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' sleeps the thread
  // CHECK-FIXES: std::this_thread::sleep_until(std::chrono::system_clock::now() + 1s);
  co_return;
}
