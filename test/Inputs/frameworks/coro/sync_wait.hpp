// Stand-in for libcoro's coro/sync_wait.hpp: see ../README.md.
#pragma once
#include <utility>

namespace coro {
template <typename awaitable_type>
auto sync_wait(awaitable_type &&a) -> decltype(auto) {
  return std::forward<awaitable_type>(a).await_resume();
}
} // namespace coro
