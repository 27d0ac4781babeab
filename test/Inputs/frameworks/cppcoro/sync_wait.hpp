// Stand-in for cppcoro/sync_wait.hpp: see ../README.md.
#pragma once
#include <utility>

namespace cppcoro {
template <typename Awaitable> auto sync_wait(Awaitable &&awaitable) {
  return std::forward<Awaitable>(awaitable).await_resume();
}
} // namespace cppcoro
