// Completion handlers and functions posted to an event loop run on the loop:
// their bodies are analysed like coroutine bodies. Handlers and posts whose
// executor is a thread pool, or unknown, stay silent; so do plain threads and
// main() running the loop.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-sleep,async-blocking-file-io,async-blocking-socket %t -- %asio_flags
// RUN: %async-tidy --checks='-*,async-blocking-sleep' %s \
// RUN:   --config="{CheckOptions: {LoopExecutors: 'app::loop_executor'}}" \
// RUN:   -- -std=c++20 %asio_flags 2>&1 | FileCheck %s --check-prefix=LOOPS
// HandlerContexts: false analyses coroutine bodies only, as before.
// RUN: %check_async_tidy --suffix=OFF %s async-blocking-sleep,async-blocking-file-io %t \
// RUN:   --config="{CheckOptions: {HandlerContexts: false}}" -- %asio_flags
// The notes say what runs the handler, and no fix is offered.
// RUN: %async-tidy --checks='-*,async-blocking-sleep' %s -- -std=c++20 %asio_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOTES

#include <asio.hpp>
#include <fstream>
#include <thread>
#include <unistd.h>

using asio::ip::tcp;

namespace app {
// An executor of the project's: unknown unless LoopExecutors names it.
struct loop_executor : asio::io_context::executor_type {
  loop_executor(asio::io_context::executor_type E)
      : asio::io_context::executor_type(E) {}
};

void load_config() { std::ifstream In("/etc/app.conf"); }

void handlers(tcp::socket &sock, asio::steady_timer &timer,
              tcp::resolver &resolver, tcp::acceptor &acceptor, char *buf) {
  sock.async_read_some(asio::buffer(buf, 64), [&](std::error_code, std::size_t) {
    sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep' sleeps the thread inside a completion handler run by 'sock''s executor, stalling everything else its event loop runs [async-blocking-sleep]
  });
  // NOTES: handlers.cpp:[[@LINE-4]]:8: note: the lambda is the completion handler of 'asio::basic_stream_socket::async_read_some', which an event loop runs
  // NOTES: note: no fix is offered for 'sleep': a completion handler cannot co_await; post the blocking work to a thread pool
  timer.async_wait([](std::error_code) { usleep(10); });
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'usleep' sleeps the thread inside a completion handler run by 'timer''s executor
  asio::async_read(sock, asio::buffer(buf, 64),
                   [](std::error_code, std::size_t) { load_config(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: 'app::load_config' opens a file inside a completion handler run by 'sock''s executor
  asio::async_connect(sock, resolver.resolve("localhost", "80"),
                      [](std::error_code, const tcp::endpoint &) { sleep(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: 'sleep' sleeps the thread inside a completion handler run by 'sock''s executor
  resolver.async_resolve("localhost", "80",
                         [](std::error_code, tcp::resolver::results_type) {
                           sleep(3);
                           // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'sleep' sleeps the thread inside a completion handler run by 'resolver''s executor
                         });
  acceptor.async_accept([](std::error_code, tcp::socket) { sleep(4); });
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: 'sleep' sleeps the thread inside a completion handler run by 'acceptor''s executor
  // A generic lambda, as instantiated.
  timer.async_wait([](auto) { sleep(5); });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'sleep' sleeps the thread inside a completion handler run by 'timer''s executor
  // A handler bound to a strand runs there.
  auto strand = asio::make_strand(sock.get_executor());
  timer.async_wait(asio::bind_executor(strand, [](std::error_code) { sleep(6); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:70: warning: 'sleep' sleeps the thread inside a completion handler run by 'strand', stalling
}

void posts(asio::io_context &io, asio::thread_pool &pool) {
  asio::post(io, [] { sleep(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'sleep' sleeps the thread inside a function posted to 'io', stalling everything else its event loop runs [async-blocking-sleep]
  // NOTES: handlers.cpp:[[@LINE-2]]:3: note: 'asio::post' runs the lambda on an event loop
  asio::post(io.get_executor(), [] { sleep(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'sleep' sleeps the thread inside a function posted to 'io.get_executor()'
  auto strand = asio::make_strand(io);
  asio::dispatch(strand, [] { sleep(3); });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'sleep' sleeps the thread inside a function dispatched to 'strand'
  asio::any_io_executor ex = io.get_executor();
  asio::defer(ex, [] { sleep(4); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'sleep' sleeps the thread inside a function deferred to 'ex'

  // On a pool: what the user intended.
  asio::post(pool, [] { sleep(5); });
  asio::post(pool.get_executor(), [] { sleep(6); });
  asio::dispatch(asio::make_strand(pool), [] { sleep(7); });
  // An I/O object made on a pool runs its handlers there.
  tcp::socket on_pool(pool);
  on_pool.async_wait(tcp::socket::wait_read,
                     [](std::error_code) { sleep(8); });
  // A thread of its own, and a lambda that is only stored.
  std::thread t([] { sleep(9); });
  t.join();
  auto later = [] { sleep(10); };
  (void)later;

  // The project's executor: unknown, unless LoopExecutors names it.
  loop_executor mine(io.get_executor());
  asio::post(mine, [] { sleep(11); });
  // LOOPS: handlers.cpp:[[@LINE-1]]:25: warning: 'sleep' sleeps the thread inside a function posted to 'mine'
}

// The readiness idiom in a handler: the handler of 'sock.async_wait(...)'
// runs once sock is ready, and a read on it returns at once; a read on it in
// a timer's handler may wait.
void ready(tcp::socket &sock, asio::steady_timer &timer, char *buf) {
  sock.async_wait(tcp::socket::wait_read, [&](std::error_code) {
    std::error_code ec;
    sock.read_some(asio::buffer(buf, 64), ec);
  });
  timer.async_wait([&](std::error_code) {
    std::error_code ec;
    sock.read_some(asio::buffer(buf, 64), ec);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::basic_stream_socket::read_some' waits for data inside a completion handler run by 'timer''s executor
  });
}

// Function objects of the project's: their call operator is the handler.
struct read_handler {
  void operator()(std::error_code, std::size_t) const {
    sleep(20);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep' sleeps the thread inside 'app::read_handler::operator()', a completion handler run by 'sock''s executor
  }
};
// Overloaded: which one runs is not known here.
struct overloaded_handler {
  void operator()(std::error_code) const { sleep(21); }
  void operator()(std::error_code, std::size_t) const { sleep(22); }
};
struct posted_job {
  int N;
  void operator()() const { usleep(N); }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'usleep' sleeps the thread inside 'app::posted_job::operator()', a function posted to 'io'
};
struct pool_job {
  void operator()() const { sleep(23); }
};

void functors(tcp::socket &sock, asio::io_context &io, asio::thread_pool &pool,
              char *buf) {
  sock.async_read_some(asio::buffer(buf, 64), read_handler{});
  sock.async_read_some(asio::buffer(buf, 64), overloaded_handler{});
  asio::post(io, posted_job{10});
  asio::post(pool, pool_job{});
}

// Inside a coroutine, the handler is reported as a handler, once.
asio::awaitable<void> session(tcp::socket &sock, char *buf) {
  sock.async_read_some(asio::buffer(buf, 64),
                       [](std::error_code, std::size_t) { sleep(12); });
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: 'sleep' sleeps the thread inside a completion handler run by 'sock''s executor
  co_await asio::post(sock.get_executor(), asio::use_awaitable);
  co_return;
}
} // namespace app

// Running the loop in main() is not running on it.
int main() {
  asio::io_context io;
  io.run();
  sleep(1);
}
