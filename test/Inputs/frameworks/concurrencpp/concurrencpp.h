// Stand-in for concurrencpp/concurrencpp.h: see ../README.md.
#pragma once
#include "../standin/task.hpp"
#include <memory>
#include <type_traits>

namespace concurrencpp {
template <class type> class result {
public:
  using promise_type = standin::promise<result, type>;
  standin::awaiter<type> operator co_await();
  type get();
};
template <class type> class lazy_result {
public:
  using promise_type = standin::promise<lazy_result, type>;
  standin::awaiter<type> operator co_await();
};
class executor {
public:
  template <class callable_type, class... argument_types>
  result<std::invoke_result_t<callable_type, argument_types...>>
  submit(callable_type &&callable, argument_types &&...arguments) {
    __builtin_unreachable();
  }
};
class thread_pool_executor : public executor {};
class thread_executor : public executor {};
namespace details {
template <class executor_type> struct resume_on_awaitable {
  bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
} // namespace details
template <class executor_type>
auto resume_on(std::shared_ptr<executor_type> executor) {
  return details::resume_on_awaitable<executor_type>{};
}
} // namespace concurrencpp
