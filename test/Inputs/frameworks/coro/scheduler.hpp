// Stand-in for libcoro's coro/scheduler.hpp (v0.16; io_scheduler before):
// see ../README.md.
#pragma once
#include "poll.hpp"
#include "task.hpp"
#include "thread_pool.hpp"
#include <chrono>
#include <memory>
#include <optional>

namespace coro {
class scheduler {
public:
  [[nodiscard]] auto schedule() -> schedule_operation;
  [[nodiscard]] auto yield_for(std::chrono::milliseconds amount)
      -> coro::task<void>;
  [[nodiscard]] auto schedule_after(std::chrono::milliseconds amount)
      -> coro::task<void>;
  [[nodiscard]] auto
  poll(fd_t fd, coro::poll_op op,
       std::chrono::milliseconds timeout = std::chrono::milliseconds{0},
       std::optional<poll_stop_token> cancel_trigger = std::nullopt)
      -> coro::task<poll_status>;
};
} // namespace coro
