// Stand-in for libcoro's coro/task.hpp: see ../README.md.
#pragma once
#include "../standin/task.hpp"

namespace coro {
template <typename return_type = void> class task {
public:
  using promise_type = standin::promise<task, return_type>;
  standin::awaiter<return_type> operator co_await() const & noexcept;
  standin::awaiter<return_type> operator co_await() const && noexcept;
};
} // namespace coro
