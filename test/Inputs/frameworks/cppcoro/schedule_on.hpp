// Stand-in for cppcoro/schedule_on.hpp: see ../README.md.
#pragma once
#include "task.hpp"

namespace cppcoro {
template <typename SCHEDULER, typename AWAITABLE>
auto schedule_on(SCHEDULER &scheduler, AWAITABLE awaitable)
    -> task<standin::await_result_t<AWAITABLE>>;
} // namespace cppcoro
