// Stand-in for trantor/net/EventLoop.h: see ../../README.md.
#pragma once

namespace trantor {
class EventLoop {
public:
  static EventLoop *getEventLoopOfCurrentThread();
};
} // namespace trantor
