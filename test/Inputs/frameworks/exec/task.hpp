// Stand-in for stdexec's exec/task.hpp: see ../README.md.
#pragma once
#include "../standin/task.hpp"

namespace exec {
template <typename T> struct default_task_context {};
template <typename T, typename Context> class basic_task {
public:
  using promise_type = standin::promise<basic_task, T>;
  standin::awaiter<T> operator co_await() && noexcept;
};
template <typename T = void>
using task = basic_task<T, default_task_context<T>>;
} // namespace exec
