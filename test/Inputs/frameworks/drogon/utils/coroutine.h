// Stand-in for drogon/utils/coroutine.h: see ../../README.md.
#pragma once
#include "../../standin/task.hpp"
#include <trantor/net/EventLoop.h>
#include <chrono>
#include <functional>

namespace drogon {
template <typename T = void> struct Task {
  using promise_type = standin::promise<Task, T>;
  standin::awaiter<T> operator co_await() const noexcept;
};
struct AsyncTask {
  using promise_type = standin::promise<AsyncTask, void>;
};
struct TimerAwaiter : standin::awaiter<void> {};
struct LoopAwaiter : standin::awaiter<void> {};
struct SwitchThreadAwaiter : standin::awaiter<void> {};
template <typename T> struct EventLoopAwaiter : standin::awaiter<T> {};

TimerAwaiter sleepCoro(trantor::EventLoop *loop,
                       const std::chrono::duration<double> &delay) noexcept;
TimerAwaiter sleepCoro(trantor::EventLoop *loop, double delay) noexcept;
LoopAwaiter queueInLoopCoro(trantor::EventLoop *workLoop,
                            std::function<void()> taskFunc,
                            trantor::EventLoop *resumeLoop = nullptr);
template <typename T>
EventLoopAwaiter<T> queueInLoopCoro(trantor::EventLoop *loop,
                                    std::function<T()> task);
SwitchThreadAwaiter switchThreadCoro(trantor::EventLoop *executor) noexcept;
template <typename Await>
auto sync_wait(Await &&await) -> standin::await_result_t<Await>;
} // namespace drogon
