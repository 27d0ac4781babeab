// Stand-in for async_simple/coro/SyncAwait.h: see ../../README.md.
#pragma once
#include "../../standin/task.hpp"

namespace async_simple::coro {
template <typename LazyType>
auto syncAwait(LazyType &&lazy) -> standin::await_result_t<LazyType>;
} // namespace async_simple::coro
