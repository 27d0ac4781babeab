// Asio against Debian's standalone Asio 1.22: async twins with the
// completion token, errors redirected into the caller's error_code, the
// offload through co_spawn on a pool, and the places no fix may go.
// REQUIRES: asio
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: pool}}" %s async-blocking-socket,async-blocking-file-io,async-blocking-sleep %t -- -I %inputs %asio_flags

#include <asio.hpp>
#include <string>
#include <thread>

using asio::ip::tcp;

extern asio::thread_pool pool;

#include "blocking_helpers.h"
inline const std::string &cached_config() {
  static std::string config;
  config = read_file("/etc/app.conf");
  return config;
}

#define READ_SOME(s, b) (s).read_some(b)

asio::awaitable<std::size_t> session(tcp::socket sock, tcp::resolver &resolver,
                                     int fd) {
  char buf[64];
  std::error_code ec;
  // The value is used: 'co_await' yields the same value.
  std::size_t n = sock.read_some(asio::buffer(buf)) + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'asio::basic_stream_socket::read_some' waits for data inside coroutine 'session'
  // CHECK-FIXES: std::size_t n = co_await sock.async_read_some(asio::buffer(buf), asio::use_awaitable) + 1;
  // Errors go where the caller asked for them.
  n = sock.write_some(asio::buffer(buf, n), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'asio::basic_stream_socket::write_some' waits until the data is sent inside coroutine 'session'
  // CHECK-FIXES: n = co_await sock.async_write_some(asio::buffer(buf, n), asio::redirect_error(asio::use_awaitable, ec));
  asio::read(sock, asio::buffer(buf), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::read' waits for data inside coroutine 'session'
  // CHECK-FIXES: co_await asio::async_read(sock, asio::buffer(buf), asio::redirect_error(asio::use_awaitable, ec));
  // An operand of '.' needs parentheses.
  tcp::endpoint first = resolver.resolve("example.org", "80").begin()->endpoint();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'asio::ip::basic_resolver::resolve' resolves a name over the network inside coroutine 'session'
  // CHECK-FIXES: tcp::endpoint first = (co_await resolver.async_resolve("example.org", "80", asio::use_awaitable)).begin()->endpoint();
  // Offloaded, by value and as a statement.
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'session'
  // CHECK-FIXES: std::string text = co_await asio::co_spawn(pool, [&]() -> asio::awaitable<std::string> { co_return read_file("/etc/hostname"); }, asio::use_awaitable);
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'session'
  // CHECK-FIXES: co_await asio::co_spawn(pool, [&]() -> asio::awaitable<void> { flush(fd); co_return; }, asio::use_awaitable);
  // A reference cannot come back from the pool: only as a statement.
  std::size_t size = cached_config().size();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'cached_config' opens a file inside coroutine 'session'
  // No 'co_await' in a handler, nor in a lambda called on the spot.
  try {
    co_await asio::async_write(sock, asio::buffer(buf, n), asio::use_awaitable);
  } catch (const std::exception &) {
    sock.write_some(asio::buffer("error", 5));
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::basic_stream_socket::write_some' waits until the data is sent inside coroutine 'session'
  }
  [&] { sock.write_some(asio::buffer(buf, n)); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'asio::basic_stream_socket::write_some' waits until the data is sent inside coroutine 'session'
  // Not inside a macro's expansion.
  n += READ_SOME(sock, asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'asio::basic_stream_socket::read_some' waits for data inside coroutine 'session'
  co_return n + text.size() + size + first.port();
}

// An awaitable on another executor takes another use_awaitable: no swap,
// and it is no Asio coroutine for the offload either.
asio::awaitable<void, asio::io_context::executor_type> bound_to_io() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'bound_to_io'
  co_return;
}
