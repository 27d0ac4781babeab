// Stand-in for async_simple/coro/SyncAwait.h: see ../../README.md.
#pragma once
#include <utility>

namespace async_simple::coro {
template <typename LazyType> inline auto syncAwait(LazyType &&lazy) {
  return std::forward<LazyType>(lazy).await_resume();
}
} // namespace async_simple::coro
