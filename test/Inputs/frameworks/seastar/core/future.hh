// Stand-in for seastar/core/future.hh: see ../../README.md.
#pragma once
#include "../../standin/task.hpp"

namespace seastar {
template <typename... T> class future;
namespace internal {
template <typename... T> struct future_value {
  using type = void;
};
template <typename T> struct future_value<T> {
  using type = T;
};
} // namespace internal
template <typename... T> class future {
public:
  standin::awaiter<typename internal::future_value<T...>::type>
  operator co_await() && noexcept;
};
} // namespace seastar
