// Stand-in for concurrencpp/concurrencpp.h: see ../README.md.
#pragma once
#include <coroutine>
#include <memory>

namespace concurrencpp {
class executor {};
class thread_pool_executor : public executor {};
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
