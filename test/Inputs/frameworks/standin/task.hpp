// Scaffolding shared by the stand-in headers (see ../README.md): a promise
// and an awaiter that let each framework's own task type be a coroutine
// return type. Declarations only: the tests compile, nothing runs.
#pragma once
#include <coroutine>
#include <type_traits>
#include <utility>

namespace standin {
template <typename T> struct awaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};

template <typename Task, typename T> struct promise {
  Task get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void unhandled_exception() noexcept;
  template <typename U> void return_value(U &&) noexcept;
};
template <typename Task> struct promise<Task, void> {
  Task get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void unhandled_exception() noexcept;
  void return_void() noexcept;
};

// What 'co_await a' yields, for the blocking waits' return types.
template <typename A, typename = void> struct await_result {
  using type = decltype(std::declval<A>().await_resume());
};
template <typename A>
struct await_result<A, std::void_t<decltype(std::declval<A>().operator co_await())>> {
  using type = decltype(std::declval<A>().operator co_await().await_resume());
};
template <typename A> using await_result_t = typename await_result<A>::type;
} // namespace standin
