// Stand-in for folly/coro/Invoke.h: see ../../README.md.
#pragma once
#include <type_traits>

namespace folly::coro {
struct co_invoke_fn {
  template <typename F, typename... A>
  std::invoke_result_t<F, A...> operator()(F &&f, A &&...a) const {
    __builtin_unreachable();
  }
};
inline constexpr co_invoke_fn co_invoke{};
} // namespace folly::coro
