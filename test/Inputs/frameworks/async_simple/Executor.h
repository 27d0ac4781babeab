// Stand-in for async_simple/Executor.h: see ../README.md.
#pragma once

namespace async_simple {
class Executor {};
// Awaited in a Lazy, yields the Lazy's executor (handled by its promise).
struct CurrentExecutor {};
} // namespace async_simple
