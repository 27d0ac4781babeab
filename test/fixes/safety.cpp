// What a fix must never do: drop a comment or a preprocessor branch, write
// one instantiation's types into a template, or change what the program
// does by moving a call to another thread (safety-library.cpp: edit a file
// the user did not ask to lint). Each of these calls is reported, with a note saying why it gets no
// fix, and left as it was; the one fix offered compiles for every
// instantiation.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: blocking_pool, async-blocking-call.BlockingFunctions: 'load_count;log_line;ident'}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait,async-blocking-call %t

#include <boost/asio.hpp>
#include <cerrno>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace asio = boost::asio;
using namespace std::chrono_literals;

asio::thread_pool blocking_pool{2};
int load_count(int key);
void log_line(const char *where);
int next_id();
int ident(int x);

asio::awaitable<int> key();

asio::awaitable<void> text_that_a_fix_would_lose() {
  ::usleep(
#ifdef NDEBUG
      100
#else
      100000
#endif
  );
  // CHECK-MESSAGES: :[[@LINE-7]]:3: warning: 'usleep' sleeps the thread inside coroutine 'text_that_a_fix_would_lose'
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'usleep' is not offloaded by a fix: the call's text holds a preprocessor directive, which the fix would drop
  ::usleep(100 /* microseconds */);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' sleeps the thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'usleep' is not offloaded by a fix: the call's text holds a comment, which the fix would drop
  co_return;
}

// Written once into the template, the fix would carry one instantiation's
// types: a value of type T, a duration swap that fits milliseconds but not
// duration<double>.
template <class T> asio::awaitable<T> first(std::future<T> &f) {
  co_return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::future::get' waits for another thread inside coroutine 'first'
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: 'std::future::get' is not offloaded by a fix: the coroutine's type, and with it the fix, depends on its template's arguments
}
template asio::awaitable<int> first(std::future<int> &);
template asio::awaitable<double> first(std::future<double> &);

template <class D> asio::awaitable<int> nap(D d) {
  std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'nap'
  // No timer: steady_timer takes milliseconds, not duration<double>. The
  // offload takes any.
  // CHECK-FIXES: co_await boost::asio::co_spawn(blocking_pool, [&]() -> boost::asio::awaitable<void> { std::this_thread::sleep_for(d); co_return; }, boost::asio::use_awaitable);
  co_return 0;
}
template asio::awaitable<int> nap(std::chrono::milliseconds);
template asio::awaitable<int> nap(std::chrono::duration<double>);

// Moving these to a pool thread would change what they do.
asio::awaitable<void> what_a_pool_thread_would_change(int fd, char *buf,
                                                       std::mutex &m,
                                                       std::condition_variable &cv,
                                                       bool &ready) {
  ssize_t n = ::read(fd, buf, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' waits for the file or pipe behind the descriptor
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: 'read' is not offloaded by a fix: the coroutine reads errno after it, and the pool thread's errno would be the one set
  if (n < 0 && errno == EAGAIN)
    co_return;
  log_line(__func__);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'log_line' blocks the thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'log_line' is not offloaded by a fix: it names the function or the line it is written in, which would be the pool's lambda
  int count = load_count(co_await key());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'load_count' blocks the thread
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: 'load_count' is not offloaded by a fix: its arguments suspend the coroutine
  int more = ident(next_id());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'ident' blocks the thread
  // CHECK-MESSAGES: :[[@LINE-2]]:14: note: 'ident' is not offloaded by a fix: its argument calls 'next_id', which would run on the pool thread
  std::unique_lock<std::mutex> lk(m);
  cv.wait(lk, [&] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' waits for another thread
  // CHECK-MESSAGES: :[[@LINE-2]]:6: note: 'std::condition_variable::wait' is not offloaded by a fix: it takes a lock the coroutine holds, which a pool thread would unlock without owning
  auto id = std::this_thread::get_id();
  (void)id;
  (void)count;
  (void)more;
}
