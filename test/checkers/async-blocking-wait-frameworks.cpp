// Nested event loops of frameworks Debian does not ship, against stand-in
// headers with their real declarations (Inputs/frameworks/README.md).
// RUN: %check_async_tidy %s async-blocking-wait %t -- -I %inputs -I %inputs/frameworks

#include "task.h"
#include <async_simple/coro/SyncAwait.h>
#include <coro/sync_wait.hpp>
#include <cppcoro/sync_wait.hpp>
#include <folly/coro/BlockingWait.h>
#include <stdexec/execution.hpp>

using test::task;

struct Ready {
  bool await_ready() { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  int await_resume() { return 1; }
};

task<int> nested_loops() {
  int a = cppcoro::sync_wait(Ready{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' runs a nested event loop or waits for one inside coroutine 'nested_loops', stalling every coroutine on its thread [async-blocking-wait]
  int b = coro::sync_wait(Ready{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'coro::sync_wait' runs a nested event loop
  int c = async_simple::coro::syncAwait(Ready{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::syncAwait' runs a nested event loop
  // Function objects: the catalog names the object.
  int d = folly::coro::blockingWait(Ready{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'folly::coro::blockingWait' runs a nested event loop
  int e = folly::coro::blocking_wait(Ready{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'folly::coro::blocking_wait' runs a nested event loop
  stdexec::sync_wait(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stdexec::sync_wait' runs a nested event loop
  co_await test::yield();
  co_return a + b + c + d + e;
}

//===--- Nothing below is reported ----------------------------------------===//

// Another function object with the same name.
namespace mine {
struct sync_wait_t {
  int operator()(int x) const { return x; }
};
inline constexpr sync_wait_t sync_wait{};
} // namespace mine
task<int> own_object() { co_return mine::sync_wait(1); }

int main_thread() { return cppcoro::sync_wait(Ready{}); }
