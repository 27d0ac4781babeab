// Stand-in for trantor/net/EventLoopThread.h: see ../../README.md.
#pragma once
#include "EventLoop.h"

namespace trantor {
class EventLoopThread {
public:
  EventLoop *getLoop() const;
  void run();
};
} // namespace trantor
