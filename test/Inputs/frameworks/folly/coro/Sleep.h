// Stand-in for folly/coro/Sleep.h: see ../../README.md.
#pragma once
#include "Task.h"
#include <chrono>

namespace folly {
using HighResDuration = std::chrono::high_resolution_clock::duration;
class Timekeeper;
namespace coro {
Task<void> sleep(HighResDuration d, Timekeeper *tk = nullptr);
} // namespace coro
} // namespace folly
