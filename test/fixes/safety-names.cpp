// A fix names things: the framework's namespace, the pool of option
// OffloadExecutor. Each must be what the fix means where it is written.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: blocking_pool}}" %s async-blocking-sleep,async-blocking-file-io %t
// RUN: %check_async_tidy --suffix=MISSING --fix-notes --config="{CheckOptions: {OffloadExecutor: 'app::missing_pool()'}}" %s async-blocking-sleep,async-blocking-file-io %t

#include <boost/asio.hpp>
#include <cstdio>
#include <thread>
#include <unistd.h>

boost::asio::thread_pool blocking_pool{2};

namespace app {
// The project's own 'boost', next to its coroutines: the fix must name
// Boost's from the global scope.
namespace boost {
struct config {};
} // namespace boost

::boost::asio::awaitable<void> tick() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'tick'
  // CHECK-MESSAGES-MISSING: :[[@LINE-2]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'tick'
  // CHECK-FIXES: co_await ::boost::asio::steady_timer(co_await ::boost::asio::this_coro::executor, std::chrono::milliseconds(5)).async_wait(::boost::asio::use_awaitable);
  // CHECK-FIXES-MISSING: co_await ::boost::asio::steady_timer(co_await ::boost::asio::this_coro::executor, std::chrono::milliseconds(5)).async_wait(::boost::asio::use_awaitable);
  co_return;
}

// A parameter named like the pool hides it: the fix would hand the
// parameter to co_spawn. (No timer either: a negative int would not sleep
// as usleep does.)
::boost::asio::awaitable<void> nap(int blocking_pool) {
  ::usleep(blocking_pool);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' sleeps the thread inside coroutine 'nap'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'usleep' is not offloaded by a fix: 'blocking_pool' there is the coroutine's own, not the one option OffloadExecutor means
  // CHECK-MESSAGES-MISSING: :[[@LINE-3]]:3: warning: 'usleep' sleeps the thread inside coroutine 'nap'
  // CHECK-MESSAGES-MISSING: :[[@LINE-4]]:3: note: 'usleep' is not offloaded by a fix: option OffloadExecutor's 'app::missing_pool' is not declared where 'nap' can see it
  co_return;
}
} // namespace app

// One call reaching two categories: both are reported, one of them carries
// the fix (clang-tidy drops two overlapping fixes, both of them).
static void sleepy_log(const char *path) {
  ::sleep(1);
  std::FILE *f = std::fopen(path, "a");
  std::fclose(f);
}

boost::asio::awaitable<void> both() {
  sleepy_log("/tmp/log");
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:3: warning: 'sleepy_log' sleeps the thread inside coroutine 'both'
  // CHECK-MESSAGES-DAG: :[[@LINE-2]]:3: warning: 'sleepy_log' waits for the file system inside coroutine 'both'
  // CHECK-MESSAGES-MISSING-DAG: :[[@LINE-3]]:3: warning: 'sleepy_log' sleeps the thread inside coroutine 'both'
  // CHECK-MESSAGES-MISSING-DAG: :[[@LINE-4]]:3: warning: 'sleepy_log' waits for the file system inside coroutine 'both'
  // CHECK-FIXES: co_await boost::asio::co_spawn(blocking_pool, [&]() -> boost::asio::awaitable<void> { sleepy_log("/tmp/log"); co_return; }, boost::asio::use_awaitable);
  co_return;
}
