// Stackful coroutines on Boost 1.81's spawn: the yield_context is the
// completion token, with no co_await; errors go through yield[ec].
// REQUIRES: boost-asio
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes %s async-blocking-sleep,async-blocking-socket %t

#include <boost/asio.hpp>
#include <boost/asio/spawn.hpp>
#include <thread>

namespace net = boost::asio;

void session(net::ip::tcp::socket &sock, net::yield_context yield) {
  char buf[64];
  std::size_t n = sock.read_some(net::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'boost::asio::basic_stream_socket::read_some' waits for data inside coroutine 'session'
  // CHECK-FIXES: std::size_t n = sock.async_read_some(net::buffer(buf), yield);
  boost::system::error_code ec;
  net::write(sock, net::buffer(buf, n), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::write' waits until the data is sent inside coroutine 'session'
  // CHECK-FIXES: net::async_write(sock, net::buffer(buf, n), yield[ec]);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'session'
  // CHECK-FIXES: boost::asio::steady_timer(yield.get_executor(), std::chrono::milliseconds(5)).async_wait(yield);
}

void start(net::io_context &io, net::ip::tcp::socket &sock) {
  net::spawn(io, [&](net::yield_context yield) {
    sock.write_some(net::buffer("hello", 5));
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::asio::basic_stream_socket::write_some' waits until the data is sent inside a coroutine lambda
    // CHECK-FIXES: sock.async_write_some(net::buffer("hello", 5), yield);
  });
}
