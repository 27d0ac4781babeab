// Seastar (stand-in headers): sleep; offloading takes the team's own helper
// through OffloadTemplate, as Seastar has no thread pool API.
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadTemplate: 'co_await app::run_blocking([&] { return {call}; })'}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait %t -- -I %inputs -I %inputs/frameworks

#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

namespace app {
// The team's helper (a std::thread and seastar::alien::run_on in real code).
template <typename Func>
seastar::future<std::invoke_result_t<Func>> run_blocking(Func func) {
  __builtin_unreachable();
}
} // namespace app
seastar::future<std::size_t> handler(int fd) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'handler'
  // CHECK-FIXES: co_await seastar::sleep(std::chrono::milliseconds(20));
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await app::run_blocking([&] { return read_file("/etc/hostname"); });
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await app::run_blocking([&] { return flush(fd); });
  co_return text.size();
}
