// Stand-in for cppcoro/task.hpp: see ../README.md.
#pragma once
#include "../standin/task.hpp"

namespace cppcoro {
template <typename T = void> class task {
public:
  using promise_type = standin::promise<task, T>;
  standin::awaiter<T> operator co_await() const & noexcept;
  standin::awaiter<T> operator co_await() const && noexcept;
};
} // namespace cppcoro
