// Swap fixes against Boost 1.81 (Asio 1.26); the fixed file must
// compile.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --compile-fixed=%clangxx %s async-blocking-sleep %t

#include <boost/asio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

boost::asio::awaitable<void> heartbeat(boost::asio::ip::tcp::socket &sock) {
  for (;;) {
    co_await boost::asio::async_write(sock, boost::asio::buffer("ping", 4), boost::asio::use_awaitable);
    std::this_thread::sleep_for(250ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'heartbeat', stalling every coroutine on its thread [async-blocking-sleep]
    // CHECK-FIXES: co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 250ms).async_wait(boost::asio::use_awaitable);
  }
}

boost::asio::awaitable<int> backoff(int attempt) {
  std::chrono::seconds delay(attempt);
  std::this_thread::sleep_for(delay);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'backoff'
  // CHECK-FIXES: co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, delay).async_wait(boost::asio::use_awaitable);
  co_return attempt;
}

// No fix where the rewrite would not be equivalent or would not compile.
#define PAUSE() std::this_thread::sleep_for(1s)
boost::asio::awaitable<void> no_fix() {
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
