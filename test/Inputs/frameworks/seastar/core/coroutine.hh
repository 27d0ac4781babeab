// Stand-in for seastar/core/coroutine.hh, which makes seastar::future a
// coroutine return type: see ../../README.md.
#pragma once
#include "future.hh"

template <typename... T, typename... Args>
struct std::coroutine_traits<seastar::future<T...>, Args...> {
  using promise_type =
      standin::promise<seastar::future<T...>,
                       typename seastar::internal::future_value<T...>::type>;
};
