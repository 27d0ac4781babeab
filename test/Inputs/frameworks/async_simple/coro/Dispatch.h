// Stand-in for async_simple/coro/Dispatch.h: see ../../README.md.
#pragma once
#include <coroutine>

namespace async_simple {
class Executor {};
namespace coro {
struct DispatchAwaiter {
  bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
inline DispatchAwaiter dispatch(Executor *ex) { return {}; }
} // namespace coro
} // namespace async_simple
