// Stand-in for cppcoro/sync_wait.hpp: see ../README.md.
#pragma once
#include "../standin/task.hpp"

namespace cppcoro {
template <typename AWAITABLE>
auto sync_wait(AWAITABLE &&awaitable) -> standin::await_result_t<AWAITABLE>;
} // namespace cppcoro
