// folly::coro (stand-in headers): sleep, nested loop, offload; the sleep fix
// includes the header that declares folly::coro::sleep.
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: pool}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait %t -- -I %inputs -I %inputs/frameworks

#include <folly/coro/BlockingWait.h>
#include <folly/coro/Invoke.h>
// CHECK-FIXES: #include <folly/coro/Sleep.h>
#include <folly/coro/Task.h>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

extern folly::Executor::KeepAlive<> pool;
folly::coro::Task<int> child();
folly::coro::Task<std::size_t> handler(int fd) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'handler'
  // CHECK-FIXES: co_await folly::coro::sleep(std::chrono::milliseconds(20));
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await folly::coro::co_withExecutor(pool, folly::coro::co_invoke([&]() -> folly::coro::Task<std::string> { co_return read_file("/etc/hostname"); }));
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await folly::coro::co_withExecutor(pool, folly::coro::co_invoke([&]() -> folly::coro::Task<void> { flush(fd); co_return; }));
  int n = folly::coro::blockingWait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'folly::coro::blockingWait' runs a nested event loop or waits for one inside coroutine 'handler'
  // CHECK-FIXES: int n = co_await child();
  co_return text.size() + n;
}
