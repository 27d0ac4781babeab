// Stand-in for boost/cobalt/task.hpp: see ../../README.md.
#pragma once
#include "../../standin/task.hpp"
#include "this_coro.hpp"
#include <boost/asio/any_io_executor.hpp>

namespace boost::cobalt {
using executor = asio::any_io_executor;
template <typename Return> class task;
namespace detail {
template <typename Return>
struct task_promise : standin::promise<task<Return>, Return> {
  standin::awaiter<executor>
  await_transform(asio::this_coro::executor_t) noexcept;
  template <typename Awaitable> Awaitable &&await_transform(Awaitable &&a) {
    return static_cast<Awaitable &&>(a);
  }
};
} // namespace detail
template <typename Return> class task {
public:
  using promise_type = detail::task_promise<Return>;
  standin::awaiter<Return> operator co_await() && noexcept;
};
} // namespace boost::cobalt
