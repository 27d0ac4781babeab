// Stand-in for cppcoro/resume_on.hpp: see ../README.md.
#pragma once
#include "task.hpp"

namespace cppcoro {
template <typename SCHEDULER, typename AWAITABLE>
auto resume_on(SCHEDULER &scheduler, AWAITABLE awaitable)
    -> task<standin::await_result_t<AWAITABLE>>;
} // namespace cppcoro
