// Stand-in for async_simple/coro/Lazy.h: see ../../README.md.
#pragma once
#include "../../standin/task.hpp"
#include "../Executor.h"

namespace async_simple::coro {
template <typename T = void> class Lazy;
namespace detail {
template <typename T> struct LazyPromise : standin::promise<Lazy<T>, T> {
  standin::awaiter<Executor *> await_transform(CurrentExecutor) noexcept;
  template <typename Awaitable> Awaitable &&await_transform(Awaitable &&a) {
    return static_cast<Awaitable &&>(a);
  }
};
} // namespace detail
template <typename T> class Lazy {
public:
  using promise_type = detail::LazyPromise<T>;
  standin::awaiter<T> operator co_await() && noexcept;
};
} // namespace async_simple::coro
