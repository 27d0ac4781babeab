// A minimal eager coroutine type for tests that need no framework.
#ifndef ASYNC_TIDY_TEST_TASK_H
#define ASYNC_TIDY_TEST_TASK_H

#include <coroutine>

namespace test {

template <typename T = void> struct task;

template <> struct task<void> {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

template <typename T> struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
};

/// Awaiting this suspends nothing; it only makes a function a coroutine.
inline std::suspend_never yield() { return {}; }

} // namespace test

#endif
