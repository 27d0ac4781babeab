// Cold paths: what a helper does only on its way out by a throw or an exit
// does not block its callers; library code is described by the catalog and
// not searched.
// RUN: %check_async_tidy %s async-blocking-file-io,async-blocking-process,async-blocking-sleep %t \
// RUN:   --tidy-arg=--header-filter=.* -- -I %inputs -I %inputs/../engine/Inputs/library

#include "concurrencpp/executor.h"
#include "task.h"
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

using test::task;

enum class Severity { Info, Critical };

[[noreturn]] void fatal(const char *what);

// A logger's write: only a critical record prints a stack trace (popen)
// before the process ends.
void log_write(Severity s, const char *msg) {
  std::fputs(msg, stderr); // the terminal: not reported
  if (s == Severity::Critical) {
    FILE *p = ::popen("addr2line", "r");
    ::pclose(p);
    std::exit(EXIT_FAILURE);
  }
}

// The same through nesting, a statement in between and a user [[noreturn]].
void check_state(bool ok) {
  if (!ok) {
    {
      std::ifstream dump("/proc/self/maps");
    }
    for (int i = 0; i < 3; ++i)
      if (i == 2)
        break; // leaves the loop only: still on the way to fatal()
    fatal("bad state");
  }
}

// An error path that throws: the callers see the exception, not the open.
std::string parse(const std::string &text) {
  if (text.empty()) {
    std::ifstream schema("/usr/share/app/schema");
    throw std::invalid_argument("empty");
  }
  return text;
}

task<> serve(Severity s, bool ok, std::string text) {
  log_write(s, "request");
  check_state(ok);
  parse(text);
  co_await test::yield();
}

// Near misses: each of these blocks on a path that goes on.

// A return between the call and the exit.
void log_or_return(bool quiet) {
  FILE *p = ::popen("logger", "w");
  if (quiet)
    return;
  ::pclose(p);
  std::abort();
}

// Only one branch ends the process.
void maybe_exit(bool done) {
  if (done) {
    ::sleep(1);
    std::exit(0);
  } else {
    ::sleep(2);
  }
}

// A throw inside a try block of the same function may be caught, and the
// function goes on.
void retry() {
  try {
    ::sleep(1);
    throw std::runtime_error("again");
  } catch (const std::exception &) {
  }
}

// A loop's 'continue' goes back round, not on to the exit.
void poll_until(int n) {
  for (int i = 0; i < n; ++i) {
    ::usleep(1000);
    if (i < 10)
      continue;
    std::exit(1);
  }
}

task<> near_misses(bool quiet) {
  log_or_return(quiet);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'log_or_return' waits for a child process inside coroutine 'near_misses'
  maybe_exit(quiet);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'maybe_exit' sleeps the thread inside coroutine 'near_misses'
  retry();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'retry' sleeps the thread inside coroutine 'near_misses'
  poll_until(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll_until' sleeps the thread inside coroutine 'near_misses'
  co_await test::yield();
}

// In a coroutine itself: right before an exit nothing else waits to run;
// before a throw the loop still stalls, so that is reported.
task<> direct(bool bad) {
  if (bad) {
    ::sleep(1);
    std::abort();
  }
  if (!bad) {
    ::sleep(2);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep' sleeps the thread inside coroutine 'direct'
    throw std::runtime_error("bad");
  }
  co_await test::yield();
}

// Library code: its helpers are not searched, its internal coroutine is not
// analysed, and a failed assertion's report is the library's.
task<> uses_library(bool failed) {
  concurrencpp::details::read_config();
  doctest::detail::log_failure(failed);
  concurrencpp::details::submit_bridge([] { ::sleep(1); });
  co_return;
}

// The same helper in the user's own namespace is searched.
namespace app {
inline std::string read_config() {
  std::ifstream in("/etc/app.conf");
  std::string s;
  in >> s;
  return s;
}
} // namespace app

task<> uses_own() {
  app::read_config();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'app::read_config' opens a file inside coroutine 'uses_own'
  co_return;
}
