// Stand-in for libcoro's coro/scheduler.hpp (v0.16; io_scheduler before):
// see ../README.md.
#pragma once
#include "task.hpp"
#include "thread_pool.hpp"
#include <chrono>
#include <memory>

namespace coro {
class scheduler {
public:
  [[nodiscard]] auto schedule() -> schedule_operation;
  [[nodiscard]] auto yield_for(std::chrono::milliseconds amount)
      -> coro::task<void>;
  [[nodiscard]] auto schedule_after(std::chrono::milliseconds amount)
      -> coro::task<void>;
};
} // namespace coro
