// Destructors that wait: a local std::jthread or asio::thread_pool joins when
// its scope ends, and so does a class of the project whose destructor joins.
// Reported where the object is declared, with a note where it is destroyed.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-wait %t -- %asio_flags

#include <asio.hpp>
#include <future>
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

// A temporary a statement discards is destroyed at the statement's end: a
// jthread joins there, and the future of std::async waits for its task
// (not a deferred one). A future whose result is read, or one kept and
// never read, likewise at the end of its scope.
int compute();

asio::awaitable<void> temporaries() {
  std::jthread{work};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::jthread::~jthread' joins its thread when it goes out of scope inside coroutine 'temporaries'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix is offered for 'std::jthread::~jthread': it runs when the temporary is destroyed, at the end of the statement
  std::async(std::launch::async, work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::~future' waits for the task std::async started when it is destroyed inside coroutine 'temporaries'
  auto kept = std::async(std::launch::async, compute);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future::~future' waits for the task std::async started when it is destroyed inside coroutine 'temporaries'
  auto read = std::async(std::launch::async, compute);
  int v = read.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::future::get' waits for another thread inside coroutine 'temporaries'
  std::async(std::launch::deferred, work);
  std::future<int> lazy = std::async(std::launch::deferred, compute);
  threads.push_back(std::jthread(work));
  std::jthread idle;
  (void)v;
  co_return;
}
