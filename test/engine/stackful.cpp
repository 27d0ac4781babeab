// Stackful coroutines count too: functions taking Asio's yield_context, and
// functions listed in StackfulFunctions.
// REQUIRES: boost-asio
// RUN: %check_async_tidy %s async-blocking-sleep %t \
// RUN:   --config="{CheckOptions: {StackfulFunctions: 'app::Handler::HandleRequest'}}"
// RUN: %check_async_tidy --suffix=OFF %s async-blocking-sleep %t \
// RUN:   --config="{CheckOptions: {StackfulYieldContext: false, StackfulFunctions: 'app::Handler::HandleRequest'}}"
// Library functions taking a yield_context (Boost's own spawn machinery calls
// the lambda below) are not coroutines of the user's, even when clang-tidy
// visits system headers (as LLVM 19 always does).
// RUN: %async-tidy --system-headers --checks='-*,async-blocking-sleep' %s \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=SYSTEM
// SYSTEM-NOT: spawn.hpp
// SYSTEM: warning: 'sleep' sleeps the thread inside coroutine 'session'
// SYSTEM-NOT: spawn.hpp

#include <boost/asio/spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <unistd.h>

void session(boost::asio::yield_context yield) {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'session', stalling every coroutine on its thread [async-blocking-sleep]
  boost::asio::steady_timer t(yield.get_executor());
  t.async_wait(yield);
}

void with_lambda(boost::asio::io_context &io) {
  boost::asio::spawn(io, [](boost::asio::yield_context yield) {
    usleep(10);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'usleep' sleeps the thread inside a coroutine lambda
  });
}

// A stackful function called with the caller's yield_context runs in place,
// but is reported once, in its own right: not again through the wrapper
// that calls it, nor through a stackful caller.
template <class F> void spawn_wrapped(boost::asio::io_context &io, F f) {
  boost::asio::spawn(io, [f](boost::asio::yield_context y) { f(y); });
}
void step(boost::asio::yield_context yield) {
  sleep(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'step'
}
void steps(boost::asio::yield_context yield) {
  step(yield);
  step(yield);
}
void wrapped(boost::asio::io_context &io) {
  spawn_wrapped(io, [](boost::asio::yield_context yield) {
    usleep(20);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'usleep' sleeps the thread inside a coroutine lambda
  });
}

namespace app {
struct Handler {
  void HandleRequest();
};
void Handler::HandleRequest() {
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'HandleRequest'
  // CHECK-MESSAGES-OFF: :[[@LINE-2]]:3: warning: 'sleep' sleeps the thread inside coroutine 'HandleRequest'
}
} // namespace app

//===--- Nothing below is reported ----------------------------------------===//

void plain(int n) { sleep(n); }
