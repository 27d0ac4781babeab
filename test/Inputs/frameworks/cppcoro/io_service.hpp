// Stand-in for cppcoro/io_service.hpp: see ../README.md.
#pragma once
#include <coroutine>

namespace cppcoro {
class io_service {
public:
  struct schedule_operation {
    bool await_ready() noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  schedule_operation schedule() noexcept { return {}; }
};
} // namespace cppcoro
