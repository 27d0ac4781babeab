// Stand-in for libcoro's coro/sync_wait.hpp: see ../README.md.
#pragma once
#include "../standin/task.hpp"

namespace coro {
template <typename awaitable_type>
auto sync_wait(awaitable_type &&a) -> standin::await_result_t<awaitable_type>;
} // namespace coro
