// Stand-in for cppcoro/static_thread_pool.hpp: see ../README.md.
#pragma once
#include <coroutine>

namespace cppcoro {
class static_thread_pool {
public:
  struct schedule_operation {
    bool await_ready() noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  schedule_operation schedule() noexcept { return {}; }
};
} // namespace cppcoro
