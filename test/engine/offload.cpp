// Functions configured as offloads run their work elsewhere: their bodies
// are not searched.
// RUN: %check_async_tidy %s async-blocking-sleep %t \
// RUN:   --config="{CheckOptions: {OffloadFunctions: 'jobs::run_blocking'}}" -- -I %inputs
// RUN: %check_async_tidy --suffix=DEFAULT %s async-blocking-sleep %t -- -I %inputs

#include "task.h"
#include <unistd.h>

using test::task;

namespace jobs {
// Looks inline to the analysis, but the team's runtime moves it to a pool.
template <typename F> void run_blocking(F f) { f(); }
} // namespace jobs

void nap() { sleep(1); }

task<> handler() {
  // Calls through a function pointer are not followed, offload or not.
  jobs::run_blocking(nap);
  jobs::run_blocking([] { sleep(1); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'jobs::run_blocking' sleeps the thread inside coroutine 'handler'
  nap();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nap' sleeps the thread inside coroutine 'handler'
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: 'nap' sleeps the thread inside coroutine 'handler'
  co_return;
}
