// Stand-in for concurrencpp/concurrencpp.h: see ../README.md.
#pragma once
#include "../standin/task.hpp"
#include <chrono>
#include <memory>
#include <type_traits>

namespace concurrencpp {
struct executor_tag {};
enum class result_status { idle, value, exception };
template <class type> class result {
public:
  using promise_type = standin::promise<result, type>;
  standin::awaiter<type> operator co_await();
  type get();
  void wait();
  template <class duration_type, class ratio_type>
  result_status wait_for(std::chrono::duration<duration_type, ratio_type> duration);
  template <class clock_type, class duration_type>
  result_status
  wait_until(std::chrono::time_point<clock_type, duration_type> timeout_time);
};
template <class type> class shared_result {
public:
  standin::awaiter<type> operator co_await();
  std::add_lvalue_reference_t<type> get();
  void wait();
  template <class duration_type, class ratio_type>
  result_status wait_for(std::chrono::duration<duration_type, ratio_type> duration);
  template <class clock_type, class duration_type>
  result_status
  wait_until(std::chrono::time_point<clock_type, duration_type> timeout_time);
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
