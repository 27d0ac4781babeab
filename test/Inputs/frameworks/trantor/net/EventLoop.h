// Stand-in for trantor/net/EventLoop.h: see ../../README.md.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <utility>

namespace trantor {
class Date;
using Func = std::function<void()>;
using TimerId = uint64_t;

class EventLoop {
public:
  EventLoop();
  ~EventLoop();
  void loop();
  void quit();
  bool isInLoopThread() const;
  static EventLoop *getEventLoopOfCurrentThread();

  // Runs f on the loop's thread: at once when called there, else queued.
  template <typename Functor> inline void runInLoop(const Functor &f) {
    if (isInLoopThread())
      f();
    else
      queueInLoop(f);
  }
  template <typename Functor> inline void runInLoop(Functor &&f) {
    if (isInLoopThread())
      f();
    else
      queueInLoop(std::forward<Functor>(f));
  }
  void queueInLoop(const Func &f);
  void queueInLoop(Func &&f);

  TimerId runAt(const Date &time, const Func &cb);
  TimerId runAt(const Date &time, Func &&cb);
  TimerId runAfter(double delay, const Func &cb);
  TimerId runAfter(double delay, Func &&cb);
  TimerId runAfter(const std::chrono::duration<double> &delay, const Func &cb);
  TimerId runAfter(const std::chrono::duration<double> &delay, Func &&cb);
  TimerId runEvery(double interval, const Func &cb);
  TimerId runEvery(double interval, Func &&cb);
  TimerId runEvery(const std::chrono::duration<double> &interval,
                   const Func &cb);
  TimerId runEvery(const std::chrono::duration<double> &interval, Func &&cb);
  void invalidateTimer(TimerId id);

  // Runs cb on the thread that quits the loop.
  void runOnQuit(Func &&cb);
  void runOnQuit(const Func &cb);
};
} // namespace trantor
