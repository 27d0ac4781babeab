// Stand-in for seastar/core/sleep.hh: see ../../README.md.
#pragma once
#include "future.hh"
#include <chrono>

namespace seastar {
using steady_clock_type = std::chrono::steady_clock;
template <typename Clock = steady_clock_type, typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur);
} // namespace seastar
