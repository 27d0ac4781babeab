// A coroutine that yields and never awaits is a pull generator: its body
// runs on the thread of whoever pulls it, with no event loop involved, so
// nothing in it is reported there. An async coroutine that pulls one is
// reported at the call, with a note into the generator.
// RUN: %check_async_tidy %s async-blocking-file-io,async-blocking-sleep %t -- -I %inputs

#include "task.h"
#include <coroutine>
#include <fstream>
#include <string>
#include <unistd.h>

using test::task;

// A hand-written generator, as projects write them before std::generator.
template <class T> struct generator {
  struct promise_type {
    T value;
    generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) {
      value = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() {}
  };
};

generator<std::string> lines(std::string path) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    co_yield line;
}

// Pulled from a plain function: nothing to report anywhere.
void print_all(const std::string &path) { auto g = lines(path); }

task<> serve(std::string path) {
  auto g = lines(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'lines' opens a file inside coroutine 'serve', stalling every coroutine on its thread [async-blocking-file-io]
  co_await test::yield();
}

// Near miss: a coroutine that yields and awaits is not a pull generator.
generator<int> ticks() {
  co_await test::yield();
  ::sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'ticks'
  co_yield 1;
}
