// Stand-in for async_simple/coro/Dispatch.h: see ../../README.md.
#pragma once
#include "../Executor.h"
#include <coroutine>

namespace async_simple::coro {
struct DispatchAwaiter {
  bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
inline DispatchAwaiter dispatch(Executor *ex) { return {}; }
} // namespace async_simple::coro
