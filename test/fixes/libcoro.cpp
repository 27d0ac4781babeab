// libcoro (stand-in headers): sleep on the scheduler member, nested loop,
// offload with the hop back to the coroutine's own scheduler.
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: pool}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait %t -- -I %inputs -I %inputs/frameworks

#include <coro/scheduler.hpp>
#include <coro/sync_wait.hpp>
#include <coro/task.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

extern std::unique_ptr<coro::thread_pool> pool;
coro::task<int> child();

class Service {
public:
  coro::task<std::size_t> handler(int fd);

private:
  std::unique_ptr<coro::scheduler> m_scheduler;
};
coro::task<std::size_t> Service::handler(int fd) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'handler'
  // CHECK-FIXES: co_await m_scheduler->yield_for(std::chrono::milliseconds(20));
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await [&]() -> coro::task<std::string> { co_await pool->schedule(); std::exception_ptr async_tidy_error; try { std::string async_tidy_result = read_file("/etc/hostname"); co_await m_scheduler->schedule(); co_return async_tidy_result; } catch (...) { async_tidy_error = std::current_exception(); } co_await m_scheduler->schedule(); std::rethrow_exception(async_tidy_error); }();
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await [&]() -> coro::task<void> { co_await pool->schedule(); std::exception_ptr async_tidy_error; try { flush(fd); } catch (...) { async_tidy_error = std::current_exception(); } co_await m_scheduler->schedule(); if (async_tidy_error) std::rethrow_exception(async_tidy_error); }();
  int n = coro::sync_wait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'coro::sync_wait' runs a nested event loop or waits for one inside coroutine 'handler'
  // CHECK-FIXES: int n = co_await child();
  co_return text.size() + n;
}

// A coroutine that names no scheduler: the offload could not come back to
// where it ran, and one option for the whole file cannot name each
// coroutine's scheduler.
coro::task<void> detached_log(int fd) {
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'detached_log'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'flush' is not offloaded by a fix: 'detached_log' names no scheduler to come back to after the pool (a parameter or member of type coro::io_scheduler or coro::scheduler)
  co_return;
}
