// Stand-in for folly/coro/BlockingWait.h: see ../../README.md.
#pragma once
#include <utility>

namespace folly::coro {
struct blocking_wait_fn {
  template <typename Awaitable> auto operator()(Awaitable &&a) const {
    return std::forward<Awaitable>(a).await_resume();
  }
};
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const &blockingWait = blocking_wait;
} // namespace folly::coro
