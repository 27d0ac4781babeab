// Stand-in for libcoro's coro/thread_pool.hpp and coro/io_scheduler.hpp:
// see ../README.md.
#pragma once
#include <coroutine>

namespace coro {
struct schedule_operation {
  bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
class thread_pool {
public:
  [[nodiscard]] auto schedule() -> schedule_operation { return {}; }
};
class io_scheduler {
public:
  [[nodiscard]] auto schedule() -> schedule_operation { return {}; }
};
} // namespace coro
