// Synchronous Asio operations in awaitable coroutines, against Debian's
// standalone Asio 1.22.
// REQUIRES: asio
// RUN: %check_async_tidy --compile-fixed=%clangxx %s async-blocking-socket,async-blocking-sleep,async-blocking-wait %t -- %asio_flags

#include <asio.hpp>
#include <asio/ssl.hpp>

using asio::ip::tcp;

asio::awaitable<void> client(asio::io_context &io, std::string host) {
  auto ex = co_await asio::this_coro::executor;
  tcp::resolver resolver(ex);
  auto endpoints = resolver.resolve(host, "80");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'asio::ip::basic_resolver::resolve' resolves a name over the network inside coroutine 'client', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: auto endpoints = co_await resolver.async_resolve(host, "80", asio::use_awaitable);
  tcp::socket sock(ex);
  asio::connect(sock, endpoints);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::connect' waits for the network
  // CHECK-FIXES: co_await asio::async_connect(sock, endpoints, asio::use_awaitable);
  sock.connect(*endpoints.begin());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'asio::basic_socket::connect' waits for the network
  // CHECK-FIXES: co_await sock.async_connect(*endpoints.begin(), asio::use_awaitable);
  char buf[512];
  std::size_t n = sock.read_some(asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'asio::basic_stream_socket::read_some' waits for data
  // CHECK-FIXES: std::size_t n = co_await sock.async_read_some(asio::buffer(buf), asio::use_awaitable);
  sock.write_some(asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'asio::basic_stream_socket::write_some' waits until the data is sent
  // CHECK-FIXES: co_await sock.async_write_some(asio::buffer(buf, n), asio::use_awaitable);
  asio::read(sock, asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::read' waits for data
  // CHECK-FIXES: co_await asio::async_read(sock, asio::buffer(buf), asio::use_awaitable);
  asio::write(sock, asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::write' waits until the data is sent
  // CHECK-FIXES: co_await asio::async_write(sock, asio::buffer(buf, n), asio::use_awaitable);
  std::string line;
  asio::read_until(sock, asio::dynamic_buffer(line), '\n');
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::read_until' waits for data
  // CHECK-FIXES: co_await asio::async_read_until(sock, asio::dynamic_buffer(line), '\n', asio::use_awaitable);
  asio::steady_timer timer(ex, std::chrono::seconds(1));
  timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'asio::basic_waitable_timer::wait' sleeps the thread until the timer expires inside coroutine 'client', stalling every coroutine on its thread [async-blocking-sleep]
  // CHECK-FIXES: co_await timer.async_wait(asio::use_awaitable);
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'asio::io_context::run' runs a nested event loop or waits for one inside coroutine 'client', stalling every coroutine on its thread [async-blocking-wait]
}

asio::awaitable<void> server(tcp::acceptor &acceptor, asio::ssl::context &tls) {
  tcp::socket peer = acceptor.accept();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'asio::basic_socket_acceptor::accept' waits for the network
  // CHECK-FIXES: tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
  asio::ssl::stream<tcp::socket> stream(std::move(peer), tls);
  stream.handshake(asio::ssl::stream_base::server);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::ssl::stream::handshake' waits for the network
  // CHECK-FIXES: co_await stream.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

asio::awaitable<void> async_twins(tcp::socket &sock, tcp::resolver &resolver) {
  auto endpoints = co_await resolver.async_resolve("example.org", "80",
                                                   asio::use_awaitable);
  co_await asio::async_connect(sock, endpoints, asio::use_awaitable);
  char buf[512];
  std::size_t n =
      co_await sock.async_read_some(asio::buffer(buf), asio::use_awaitable);
  co_await asio::async_write(sock, asio::buffer(buf, n), asio::use_awaitable);
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(std::chrono::seconds(1));
  co_await timer.async_wait(asio::use_awaitable);
  // Non-blocking queries of the socket itself.
  sock.available();
  sock.is_open();
  sock.remote_endpoint();
}

// Outside a coroutine the synchronous API is fine.
void synchronous_main(asio::io_context &io, tcp::socket &sock) {
  char buf[16];
  sock.read_some(asio::buffer(buf));
  io.run();
}
