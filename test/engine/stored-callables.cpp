// A callable kept by an awaiter that calls it from await_suspend runs on the
// coroutine's thread as it suspends (async_simple's demo AsioCallbackAwaiter
// pattern): its body is analysed in place. An awaiter that hands the
// callable on (posts it to a pool) does not run it here; a std::function or
// a thread that keeps a lambda does not run it here either. A scope guard of
// the project is searched through its destructor, at its declaration.
// RUN: %check_async_tidy %s async-blocking-sleep %t -- -I %inputs

#include "task.h"
#include <functional>
#include <thread>
#include <unistd.h>

template <typename T> struct CallbackAwaiter {
  using Callback =
      std::function<void(std::coroutine_handle<>, std::function<void(T)>)>;
  CallbackAwaiter(Callback cb) : cb_(std::move(cb)) {}
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    cb_(h, [this](T t) { result_ = std::move(t); });
  }
  T await_resume() noexcept { return std::move(result_); }
  Callback cb_;
  T result_{};
};

// An aggregate awaiter that calls its callable member.
struct Run {
  std::function<void()> f;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    f();
    h.resume();
  }
  void await_resume() {}
};

void post_to_pool(std::function<void()>);
struct Posting {
  std::function<void()> f;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) { post_to_pool(f); }
  void await_resume() {}
};

template <class F> struct Guard {
  explicit Guard(F f) : f_(std::move(f)) {}
  ~Guard() { f_(); }
  F f_;
};

test::task<> awaiters() {
  int n = co_await CallbackAwaiter<int>{
      [&](std::coroutine_handle<> h, auto set) {
        ::usleep(10);
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'usleep' sleeps the thread inside coroutine 'awaiters'
        set(1);
        h.resume();
      }};
  co_await Run{[] { ::sleep(1); }};
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'sleep' sleeps the thread inside coroutine 'awaiters'
  co_await Posting{[] { ::sleep(2); }};
  std::function<void()> stored = [] { ::sleep(3); };
  std::jthread t([] { ::sleep(4); });
  (void)n;
}

test::task<> guarded() {
  Guard g([] { ::sleep(5); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Guard<(lambda at {{.*}})>::~Guard' sleeps the thread inside coroutine 'guarded'
  co_return;
}
