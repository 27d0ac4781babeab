// A fix never edits a file the user did not ask to lint: here a library's
// coroutine template, in a header the header filter leaves out, runs the
// user's lambda. The finding is reported (the lambda is the user's code),
// the header is left as it was.
// REQUIRES: boost-asio
// RUN: rm -rf %t.inputs && cp -r %S/Inputs %t.inputs
// RUN: %check_async_tidy --fix-notes --tidy-arg=--header-filter='^$' --config="{CheckOptions: {OffloadExecutor: blocking_pool}}" %s async-blocking-sleep %t -- -I %t.inputs
// RUN: diff %S/Inputs/library.h %t.inputs/library.h

#include "library.h"
#include <unistd.h>

boost::asio::thread_pool blocking_pool{2};

// The coroutine is the library's, in a header the run does not lint: the
// finding is reported (the lambda is the user's), the header is not edited.
boost::asio::awaitable<void> through_the_library() {
  co_await lib::run_it([] { ::sleep(1); });
}
// CHECK-MESSAGES: library.h:7:3: warning: 'lambda' sleeps the thread inside coroutine 'run_it'
// CHECK-MESSAGES: :[[@LINE-3]]:29: note: 'lambda' calls 'sleep' here, which sleeps the thread
// CHECK-MESSAGES: library.h:7:3: note: no fix is offered for 'lambda': 'library.h' is not a file being linted (see HeaderFilterRegex)
