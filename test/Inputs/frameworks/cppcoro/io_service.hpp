// Stand-in for cppcoro/io_service.hpp: see ../README.md.
#pragma once
#include <chrono>
#include <coroutine>

namespace cppcoro {
class cancellation_token {};
class io_service {
public:
  struct schedule_operation {
    bool await_ready() noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  struct timed_schedule_operation {
    bool await_ready() noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume();
  };
  schedule_operation schedule() noexcept { return {}; }
  template <typename REP, typename RATIO>
  timed_schedule_operation
  schedule_after(const std::chrono::duration<REP, RATIO> &delay,
                 cancellation_token cancellationToken = {}) noexcept;
};
} // namespace cppcoro
