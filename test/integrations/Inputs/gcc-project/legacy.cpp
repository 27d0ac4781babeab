// C++17 with GCC's -fcoroutines: a coroutine GCC compiles and clang cannot.
#include <chrono>
#include <thread>
#include <version>

#if defined(__cpp_impl_coroutine)
#include <coroutine>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

task poll() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return;
}
#endif
