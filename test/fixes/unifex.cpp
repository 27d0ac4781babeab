// libunifex (stand-in headers): task<T> is a nested class of a template;
// offload through a scheduler, and a sync_wait whose value is unused.
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: pool.get_scheduler()}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait %t -- -I %inputs -I %inputs/frameworks

#include <unifex/sync_wait.hpp>
#include <unifex/task.hpp>
#include <unifex/then.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

extern unifex::static_thread_pool pool;
unifex::task<int> child();
unifex::task<std::size_t> handler(int fd) {
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await unifex::then(unifex::schedule(pool.get_scheduler()), [&] { return read_file("/etc/hostname"); });
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await unifex::then(unifex::schedule(pool.get_scheduler()), [&] { flush(fd); });
  unifex::sync_wait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'unifex::sync_wait' runs a nested event loop or waits for one inside coroutine 'handler'
  // CHECK-FIXES: co_await child();
  co_return text.size();
}
