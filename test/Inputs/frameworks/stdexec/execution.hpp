// Stand-in for stdexec/execution.hpp: see ../README.md.
#pragma once
#include "../standin/task.hpp"
#include <optional>
#include <tuple>
#include <type_traits>

namespace stdexec {
// A sender of one value; awaitable in scheduler-affine tasks.
template <typename T> struct __sender {
  standin::awaiter<T> operator co_await() &&;
};
namespace __schedule {
struct schedule_t {
  template <typename Scheduler> __sender<void> operator()(Scheduler &&) const;
};
} // namespace __schedule
inline constexpr __schedule::schedule_t schedule{};
namespace __then {
template <typename F> struct __closure {
  F f;
};
struct then_t {
  template <typename F> __closure<F> operator()(F f) const {
    __builtin_unreachable();
  }
};
template <typename T, typename F>
__sender<std::invoke_result_t<F>> operator|(__sender<T>, __closure<F>) {
  __builtin_unreachable();
}
} // namespace __then
inline constexpr __then::then_t then{};
namespace __sync_wait {
struct sync_wait_t {
  template <typename Sender> auto operator()(Sender &&) const {
    return std::optional<std::tuple<>>{};
  }
};
} // namespace __sync_wait
using __sync_wait::sync_wait_t;
inline constexpr sync_wait_t sync_wait{};
} // namespace stdexec
