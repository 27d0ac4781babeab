// Drogon (stand-in headers): sleepCoro on the current loop, nested loop,
// offload to a loop thread with the hop back.
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: worker.getLoop()}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait %t -- -I %inputs -I %inputs/frameworks

#include <drogon/utils/coroutine.h>
#include <trantor/net/EventLoopThread.h>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

extern trantor::EventLoopThread worker;
drogon::Task<int> child();
drogon::Task<std::size_t> handler(int fd) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'handler'
  // CHECK-FIXES: co_await drogon::sleepCoro(trantor::EventLoop::getEventLoopOfCurrentThread(), std::chrono::milliseconds(20));
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await [&]() -> drogon::Task<std::string> { trantor::EventLoop *async_tidy_home = trantor::EventLoop::getEventLoopOfCurrentThread(); std::exception_ptr async_tidy_error; try { std::string async_tidy_result = co_await drogon::queueInLoopCoro<std::string>(worker.getLoop(), [&] { return read_file("/etc/hostname"); }); co_await drogon::switchThreadCoro(async_tidy_home); co_return async_tidy_result; } catch (...) { async_tidy_error = std::current_exception(); } co_await drogon::switchThreadCoro(async_tidy_home); std::rethrow_exception(async_tidy_error); }();
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await drogon::queueInLoopCoro(worker.getLoop(), [&] { flush(fd); }, trantor::EventLoop::getEventLoopOfCurrentThread());
  int n = drogon::sync_wait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'drogon::sync_wait' runs a nested event loop or waits for one inside coroutine 'handler'
  // CHECK-FIXES: int n = co_await child();
  co_return text.size() + n;
}
