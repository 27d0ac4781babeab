// FrameworkTypes: a team's own coroutine type, built on folly here, gets the
// framework's fixes; generic coroutines get none, and the note says which
// option would enable the offload.
// RUN: %check_async_tidy --compile-fixed=%clangxx --config="{CheckOptions: {FrameworkTypes: 'test::task,folly'}}" %s async-blocking-sleep %t -- -I %inputs -I %inputs/frameworks
// RUN: %check_async_tidy --suffix=GENERIC %s async-blocking-sleep %t -- -I %inputs -I %inputs/frameworks

#include "task.h"
#include <chrono>
#include <folly/coro/Sleep.h>
#include <thread>

test::task<> tick() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'tick'
  // CHECK-FIXES: co_await folly::coro::sleep(std::chrono::seconds(1));
  // CHECK-NOTES-GENERIC: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'tick'
  // CHECK-NOTES-GENERIC: :[[@LINE+2]]:3: note: 'tick' is a coroutine because of this 'co_await'
  // CHECK-NOTES-GENERIC: :[[@LINE-5]]:3: note: to offload 'std::this_thread::sleep_for' to a thread pool, set option 'OffloadTemplate'
  co_await test::yield();
}
