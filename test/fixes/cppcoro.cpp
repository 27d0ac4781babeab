// cppcoro (stand-in headers): sleep on the io_service in scope, nested
// loop, offload with the hop back to the home scheduler.
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: pool, OffloadHomeExecutor: io}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait %t -- -I %inputs -I %inputs/frameworks

#include <cppcoro/io_service.hpp>
// CHECK-FIXES: #include <cppcoro/resume_on.hpp>
// CHECK-FIXES: #include <cppcoro/schedule_on.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

extern cppcoro::static_thread_pool pool;
cppcoro::task<int> child();
cppcoro::task<std::size_t> handler(cppcoro::io_service &io, int fd) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'handler'
  // CHECK-FIXES: co_await io.schedule_after(std::chrono::milliseconds(20));
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await cppcoro::resume_on(io, cppcoro::schedule_on(pool, [&]() -> cppcoro::task<std::string> { co_return read_file("/etc/hostname"); }()));
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await cppcoro::resume_on(io, cppcoro::schedule_on(pool, [&]() -> cppcoro::task<void> { flush(fd); co_return; }()));
  int n = cppcoro::sync_wait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' runs a nested event loop or waits for one inside coroutine 'handler'
  // CHECK-FIXES: int n = co_await child();
  co_return text.size() + n;
}
