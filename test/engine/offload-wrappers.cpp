// A coroutine handed to a thread pool runs there as a whole, wherever the
// hand-off is written (main() included), and through the project's own
// wrappers: a function that passes one of its parameters to an offload is
// an offload for that parameter, through any number of wrappers. A wrapper
// that runs the coroutine on the event loop is no offload.
// REQUIRES: boost-asio
// RUN: %check_async_tidy %s async-blocking-sleep %t -- %asio_flags

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <unistd.h>
#include <utility>

namespace asio = boost::asio;

template <class Handler>
void make_co_handler(asio::thread_pool &pool, Handler handler) {
  asio::co_spawn(pool, std::move(handler), asio::detached);
}

// Two levels: the outer wrapper hands its parameter to the inner one.
template <class Handler>
void run_blocking(asio::thread_pool &pool, Handler &&handler) {
  make_co_handler(pool, std::forward<Handler>(handler));
}

// Near miss: the same shape on the event loop.
template <class Handler>
void run_on_loop(asio::io_context &io, Handler handler) {
  asio::co_spawn(io, std::move(handler), asio::detached);
}

asio::awaitable<void> serve(asio::thread_pool &pool, asio::io_context &io) {
  make_co_handler(pool, []() -> asio::awaitable<void> {
    sleep(1);
    co_return;
  });
  run_blocking(pool, []() -> asio::awaitable<void> {
    sleep(1);
    co_return;
  });
  run_on_loop(io, []() -> asio::awaitable<void> {
    sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep' sleeps the thread inside a coroutine lambda
    co_return;
  });
  co_return;
}

int main() {
  asio::thread_pool pool;
  asio::io_context io;
  asio::co_spawn(pool, []() -> asio::awaitable<void> {
    sleep(1);
    co_return;
  }, asio::detached);
  asio::co_spawn(io, []() -> asio::awaitable<void> {
    sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep' sleeps the thread inside a coroutine lambda
    co_return;
  }, asio::detached);
  // Stackful coroutines on the pool, from a plain function.
  asio::spawn(pool, [](asio::yield_context) { sleep(1); }, asio::detached);
  asio::spawn(io, [](asio::yield_context) { sleep(1); }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'sleep' sleeps the thread inside a coroutine lambda
  make_co_handler(pool, []() -> asio::awaitable<void> {
    sleep(1);
    co_return;
  });
  io.run();
}
