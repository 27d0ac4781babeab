// The nearest enclosing function decides: a lambda called on the spot runs
// in the coroutine; one handed to a thread or an executor, or only stored,
// does not.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-sleep,async-blocking-file-io %t -- -I %inputs %asio_flags

#include "task.h"
#include <asio.hpp>
#include <future>
#include <thread>
#include <unistd.h>

using test::task;

int delay();

task<> inline_lambdas() {
  [&] { sleep(1); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'sleep' sleeps the thread inside coroutine 'inline_lambdas', stalling every coroutine on its thread [async-blocking-sleep]
  int v = [] { return usleep(10); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'usleep' sleeps the thread inside coroutine 'inline_lambdas'
  // A capture is initialised where the lambda is created.
  auto later = [fd = ::open("/tmp/x", 0)] { return fd; };
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'open' waits for the file system inside coroutine 'inline_lambdas'
  // A stored lambda called here runs here too.
  auto nap = [] { sleep(2); };
  nap();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lambda' sleeps the thread inside coroutine 'inline_lambdas'
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> elsewhere(asio::thread_pool &pool, asio::io_context &io) {
  // Handed to something that runs it on another thread, or later.
  std::thread worker([] { sleep(1); });
  worker.detach();
  std::jthread j([] { sleep(1); });
  auto f = std::async(std::launch::async, [] { return sleep(1); });
  asio::post(pool, [] { sleep(1); });
  // Posted to the loop: not this coroutine's, but a function of the loop's
  // own, reported as such (engine/handlers.cpp).
  asio::post(io, [] { sleep(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'sleep' sleeps the thread inside a function posted to 'io', stalling everything else its event loop runs [async-blocking-sleep]
  // Only stored.
  auto stored = [] { sleep(1); };
  co_return;
}
