// Stand-in for async_simple/coro/Sleep.h: see ../../README.md.
#pragma once
#include "Lazy.h"
#include <chrono>

namespace async_simple::coro {
template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period> dur);
} // namespace async_simple::coro
