// Boost.Cobalt (stand-in headers over the real Boost 1.81 Asio): the timer
// with use_op, Asio operations with use_op, offload with spawn.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: pool}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait,async-blocking-socket %t -- -I %inputs -I %inputs/frameworks

#include <boost/asio.hpp>
#include <boost/cobalt/op.hpp>
#include <boost/cobalt/spawn.hpp>
#include <boost/cobalt/task.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

extern boost::asio::thread_pool pool;
boost::cobalt::task<std::size_t> handler(boost::asio::ip::tcp::socket &sock, int fd) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'handler'
  // CHECK-FIXES: co_await boost::asio::steady_timer(co_await boost::cobalt::this_coro::executor, std::chrono::milliseconds(20)).async_wait(boost::cobalt::use_op);
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await boost::cobalt::spawn(boost::asio::make_strand(pool), [&]() -> boost::cobalt::task<std::string> { co_return read_file("/etc/hostname"); }(), boost::cobalt::use_op);
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await boost::cobalt::spawn(boost::asio::make_strand(pool), [&]() -> boost::cobalt::task<void> { flush(fd); co_return; }(), boost::cobalt::use_op);
  char buf[16];
  std::size_t n = sock.read_some(boost::asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'boost::asio::basic_stream_socket::read_some' waits for data inside coroutine 'handler'
  // CHECK-FIXES: std::size_t n = co_await sock.async_read_some(boost::asio::buffer(buf), boost::cobalt::use_op);
  co_return text.size() + n;
}
