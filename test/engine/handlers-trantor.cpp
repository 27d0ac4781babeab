// Functions run on a trantor event loop (Drogon's loops): runInLoop,
// queueInLoop and the loop's timers run them on the loop's thread, which
// serves every connection the loop owns. runOnQuit runs on the thread that
// quits the loop, and a plain thread is elsewhere.
// RUN: %check_async_tidy %s async-blocking-sleep,async-blocking-file-io %t -- -I %inputs/frameworks
// RUN: %check_async_tidy --suffix=OFF %s async-blocking-sleep,async-blocking-file-io %t \
// RUN:   --config="{CheckOptions: {HandlerContexts: false}}" -- -I %inputs/frameworks

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <trantor/net/EventLoop.h>
#include <trantor/net/EventLoopThread.h>

using namespace std::chrono_literals;

namespace app {
std::string read_file(const std::string &Path) {
  std::ifstream In(Path);
  std::string S;
  std::getline(In, S);
  return S;
}

struct refresh {
  trantor::EventLoop *Loop;
  void operator()() const { sleep(1); }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'sleep' sleeps the thread inside 'app::refresh::operator()', a function posted to 'Loop'
};

void schedule(trantor::EventLoop *Loop, trantor::EventLoopThread &Thread) {
  Loop->runInLoop([] { sleep(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'sleep' sleeps the thread inside a function posted to 'Loop', stalling everything else its event loop runs [async-blocking-sleep]
  Loop->queueInLoop([] { read_file("/etc/hosts"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'app::read_file' opens a file inside a function posted to 'Loop'
  Loop->runAfter(1.5, [] { usleep(3); });
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'usleep' sleeps the thread inside a function posted to 'Loop'
  Loop->runEvery(5s, [] { sleep(4); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'sleep' sleeps the thread inside a function posted to 'Loop'
  Thread.getLoop()->runInLoop([] { sleep(5); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'sleep' sleeps the thread inside a function posted to 'Thread.getLoop()'
  Loop->queueInLoop(refresh{Loop});

  // Not on the loop: the thread that quits it, a thread of its own, a
  // lambda only stored.
  Loop->runOnQuit([] { sleep(6); });
  std::thread T([] { sleep(7); });
  T.join();
  auto Later = [] { sleep(8); };
  (void)Later;
}
} // namespace app
// CHECK-MESSAGES-OFF-NOT: warning:
