// Stand-in for folly/coro/Task.h: see ../../README.md.
#pragma once
#include "../../standin/task.hpp"

namespace folly {
class Executor {
public:
  template <typename ExecutorT = Executor> class KeepAlive {
  public:
    KeepAlive(ExecutorT *executor);
  };
};
namespace coro {
template <typename T = void> class TaskWithExecutor {
public:
  standin::awaiter<T> operator co_await() && noexcept;
};
template <typename T = void> class Task {
public:
  using promise_type = standin::promise<Task, T>;
  standin::awaiter<T> operator co_await() && noexcept;
};
// A customization point object, as in folly (added 2025-03).
struct co_withExecutor_fn {
  template <typename T>
  TaskWithExecutor<T> operator()(Executor::KeepAlive<> executor,
                                 Task<T> &&task) const;
};
inline constexpr co_withExecutor_fn co_withExecutor{};
} // namespace coro
} // namespace folly
