// Stand-in for unifex/then.hpp and unifex/scheduler_concepts.hpp: see
// ../README.md.
#pragma once
#include "../standin/task.hpp"
#include <type_traits>

namespace unifex {
template <typename T> struct _sender {
  standin::awaiter<T> operator co_await() &&;
};
namespace _schedule {
struct _fn {
  template <typename Scheduler> _sender<void> operator()(Scheduler &&) const;
};
} // namespace _schedule
inline constexpr _schedule::_fn schedule{};
namespace _then {
struct _fn {
  template <typename Sender, typename F>
  _sender<std::invoke_result_t<F>> operator()(Sender &&, F &&) const {
    __builtin_unreachable();
  }
};
} // namespace _then
inline constexpr _then::_fn then{};
class static_thread_pool {
public:
  struct scheduler {};
  scheduler get_scheduler() noexcept;
};
} // namespace unifex
