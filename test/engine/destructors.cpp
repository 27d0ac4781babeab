// Destructors that wait: a local std::jthread or asio::thread_pool joins when
// its scope ends, and so does a class of the project whose destructor joins.
// Reported where the object is declared, with a note where it is destroyed.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-wait %t -- %asio_flags

#include <asio.hpp>
#include <thread>
#include <utility>
#include <vector>

void work();

class Worker {
public:
  Worker() : T(work) {}
  ~Worker() { T.join(); }

private:
  std::thread T;
};

asio::awaitable<void> handler() {
  std::jthread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::jthread::~jthread' joins its thread when it goes out of scope inside coroutine 'handler', stalling every coroutine on its thread [async-blocking-wait]
  asio::thread_pool pool(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'asio::thread_pool::~thread_pool' joins its threads when it goes out of scope inside coroutine 'handler'
  {
    Worker w;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'Worker::~Worker' waits for another thread inside coroutine 'handler'
  }
  co_await asio::this_coro::executor;
}

// Handed on before its scope ends: moved out, detached, joined or
// returned. (An explicit join is its own finding.)
std::vector<std::jthread> threads;

asio::awaitable<void> hands_on() {
  std::jthread moved(work);
  threads.push_back(std::move(moved));
  std::jthread detached(work);
  detached.detach();
  asio::thread_pool waited(1);
  waited.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::thread_pool::join' waits for another thread inside coroutine 'hands_on'
  co_return;
}

std::jthread start() {
  std::jthread t(work);
  return t;
}

asio::awaitable<void> returned() {
  threads.push_back(start());
  co_return;
}
