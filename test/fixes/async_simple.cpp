// async_simple (stand-in headers): sleep, nested loop, offload that hops
// back to the Lazy's own executor.
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: pool}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait %t -- -I %inputs -I %inputs/frameworks

// CHECK-FIXES: #include <async_simple/coro/Dispatch.h>
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Sleep.h>
#include <async_simple/coro/SyncAwait.h>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

extern async_simple::Executor *pool;
async_simple::coro::Lazy<int> child();
async_simple::coro::Lazy<std::size_t> handler(int fd) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'handler'
  // CHECK-FIXES: co_await async_simple::coro::sleep(std::chrono::milliseconds(20));
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await [&]() -> async_simple::coro::Lazy<std::string> { async_simple::Executor *async_tidy_home = co_await async_simple::CurrentExecutor{}; co_await async_simple::coro::dispatch(pool); std::exception_ptr async_tidy_error; try { std::string async_tidy_result = read_file("/etc/hostname"); if (async_tidy_home) co_await async_simple::coro::dispatch(async_tidy_home); co_return async_tidy_result; } catch (...) { async_tidy_error = std::current_exception(); } if (async_tidy_home) co_await async_simple::coro::dispatch(async_tidy_home); std::rethrow_exception(async_tidy_error); }();
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await [&]() -> async_simple::coro::Lazy<void> { async_simple::Executor *async_tidy_home = co_await async_simple::CurrentExecutor{}; co_await async_simple::coro::dispatch(pool); std::exception_ptr async_tidy_error; try { flush(fd); } catch (...) { async_tidy_error = std::current_exception(); } if (async_tidy_home) co_await async_simple::coro::dispatch(async_tidy_home); if (async_tidy_error) std::rethrow_exception(async_tidy_error); }();
  int n = async_simple::coro::syncAwait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::syncAwait' runs a nested event loop or waits for one inside coroutine 'handler'
  // CHECK-FIXES: int n = co_await child();
  co_return text.size() + n;
}
