// Stackful coroutines behind the project's own context type: a class held by
// reference or pointer that carries the coroutine's yield_context (a REST
// client's 'Context&', a server's 'Request&' holding a 'yield_context*'),
// and the types option StackfulContextTypes names. A function taking one
// runs inside the stackful coroutine.
// REQUIRES: boost-asio
// RUN: %check_async_tidy %s async-blocking-sleep,async-blocking-file-io %t \
// RUN:   --config="{CheckOptions: {StackfulContextTypes: 'app::Session'}}"
// Without the option, only the types that hold a yield_context count; with
// StackfulYieldContext off, only the option's types.
// RUN: %check_async_tidy --suffix=HELD %s async-blocking-sleep,async-blocking-file-io %t
// RUN: %check_async_tidy --suffix=LISTED %s async-blocking-sleep,async-blocking-file-io %t \
// RUN:   --config="{CheckOptions: {StackfulYieldContext: false, StackfulContextTypes: 'app::Session'}}"
// The note says why the function is a coroutine.
// RUN: %async-tidy --checks='-*,async-blocking-sleep' %s \
// RUN:   --config="{CheckOptions: {StackfulContextTypes: 'app::Session'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=NOTES
// RUN: %async-tidy --checks='-*,async-blocking-file-io' %s -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOTES-FILE

#include <boost/asio/spawn.hpp>
#include <fstream>
#include <string>
#include <unistd.h>

namespace app {
// Holds the yield_context it was made with.
class Context {
public:
  explicit Context(boost::asio::yield_context &Yield) : Yield(&Yield) {}
  boost::asio::yield_context &yield() { return *Yield; }

private:
  boost::asio::yield_context *Yield;
};

struct Request {
  std::string Path;
  boost::asio::yield_context Yield;
};

// The project's handle: its type says nothing; the option names it.
struct Session {
  int Id;
};

// A plain value type: not a context.
struct Settings {
  std::string Path;
};

void fetch(Context &Ctx) {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'fetch', stalling every coroutine on its thread [async-blocking-sleep]
  // CHECK-MESSAGES-HELD: :[[@LINE-2]]:3: warning: 'sleep' sleeps the thread inside coroutine 'fetch'
  // NOTES: stackful-contexts.cpp:[[@LINE-4]]:21: note: 'fetch' is a stackful coroutine because it takes this 'Context', which holds a 'yield_context'
}

void serve(const Request *Req) {
  std::ifstream In(Req->Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::basic_ifstream::basic_ifstream' opens a file inside coroutine 'serve'
  // CHECK-MESSAGES-HELD: :[[@LINE-2]]:17: warning: 'std::basic_ifstream::basic_ifstream' opens a file inside coroutine 'serve'
  // NOTES-FILE: stackful-contexts.cpp:[[@LINE-4]]:27: note: 'serve' is a stackful coroutine because it takes this 'Request', which holds a 'yield_context'
}

void handle(Session &S) {
  usleep(S.Id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' sleeps the thread inside coroutine 'handle'
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:3: warning: 'usleep' sleeps the thread inside coroutine 'handle'
  // NOTES: stackful-contexts.cpp:[[@LINE-4]]:22: note: 'handle' is a stackful coroutine because it takes this 'Session', a type option 'StackfulContextTypes' lists
}

// Near misses: a copy of a context-holding class is not the running
// coroutine's (by value), and a value type says nothing.
void by_value(Request Copy) { sleep(2); }
void configure(Settings &S) { sleep(3); }
} // namespace app
