// Stand-in for unifex/task.hpp: task<T> names a nested class of a template,
// as in libunifex. See ../README.md.
#pragma once
#include "../standin/task.hpp"

namespace unifex {
namespace _task {
template <typename T, bool nothrow> struct _task {
  struct type {
    using promise_type = standin::promise<type, T>;
    standin::awaiter<T> operator co_await() && noexcept;
  };
};
} // namespace _task
template <typename T> using task = typename _task::_task<T, false>::type;
template <typename T> using nothrow_task = typename _task::_task<T, true>::type;
} // namespace unifex
