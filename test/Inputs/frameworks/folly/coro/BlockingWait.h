// Stand-in for folly/coro/BlockingWait.h: see ../../README.md.
#pragma once
#include "../../standin/task.hpp"

namespace folly::coro {
struct blocking_wait_fn {
  template <typename Awaitable>
  standin::await_result_t<Awaitable> operator()(Awaitable &&a) const;
};
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const &blockingWait = blocking_wait;
} // namespace folly::coro
