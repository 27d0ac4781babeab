// Synchronous Asio operations in awaitable coroutines, against Debian's
// Boost 1.81 (Asio and Beast); each fix compiles against the same headers.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --compile-fixed=%clangxx %s async-blocking-socket,async-blocking-sleep,async-blocking-wait %t

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>

using boost::asio::ip::tcp;

boost::asio::awaitable<void> client(boost::asio::io_context &io, std::string host) {
  auto ex = co_await boost::asio::this_coro::executor;
  tcp::resolver resolver(ex);
  auto endpoints = resolver.resolve(host, "80");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'boost::asio::ip::basic_resolver::resolve' resolves a name over the network inside coroutine 'client', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: auto endpoints = co_await resolver.async_resolve(host, "80", boost::asio::use_awaitable);
  tcp::socket sock(ex);
  boost::asio::connect(sock, endpoints);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::connect' waits for the network
  // CHECK-FIXES: co_await boost::asio::async_connect(sock, endpoints, boost::asio::use_awaitable);
  sock.connect(*endpoints.begin());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_socket::connect' waits for the network
  // CHECK-FIXES: co_await sock.async_connect(*endpoints.begin(), boost::asio::use_awaitable);
  char buf[512];
  std::size_t n = sock.read_some(boost::asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'boost::asio::basic_stream_socket::read_some' waits for data
  // CHECK-FIXES: std::size_t n = co_await sock.async_read_some(boost::asio::buffer(buf), boost::asio::use_awaitable);
  sock.write_some(boost::asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_stream_socket::write_some' waits until the data is sent
  // CHECK-FIXES: co_await sock.async_write_some(boost::asio::buffer(buf, n), boost::asio::use_awaitable);
  boost::asio::read(sock, boost::asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::read' waits for data
  // CHECK-FIXES: co_await boost::asio::async_read(sock, boost::asio::buffer(buf), boost::asio::use_awaitable);
  boost::asio::write(sock, boost::asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::write' waits until the data is sent
  // CHECK-FIXES: co_await boost::asio::async_write(sock, boost::asio::buffer(buf, n), boost::asio::use_awaitable);
  std::string line;
  boost::asio::read_until(sock, boost::asio::dynamic_buffer(line), '\n');
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::read_until' waits for data
  // CHECK-FIXES: co_await boost::asio::async_read_until(sock, boost::asio::dynamic_buffer(line), '\n', boost::asio::use_awaitable);
  boost::asio::steady_timer timer(ex, std::chrono::seconds(1));
  timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'boost::asio::basic_waitable_timer::wait' sleeps the thread until the timer expires inside coroutine 'client', stalling every coroutine on its thread [async-blocking-sleep]
  // CHECK-FIXES: co_await timer.async_wait(boost::asio::use_awaitable);
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'boost::asio::io_context::run' runs a nested event loop or waits for one inside coroutine 'client', stalling every coroutine on its thread [async-blocking-wait]
}

boost::asio::awaitable<void> server(tcp::acceptor &acceptor, boost::asio::ssl::context &tls) {
  tcp::socket peer = acceptor.accept();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'boost::asio::basic_socket_acceptor::accept' waits for the network
  // CHECK-FIXES: tcp::socket peer = co_await acceptor.async_accept(boost::asio::use_awaitable);
  boost::asio::ssl::stream<tcp::socket> stream(std::move(peer), tls);
  stream.handshake(boost::asio::ssl::stream_base::server);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::asio::ssl::stream::handshake' waits for the network
  // CHECK-FIXES: co_await stream.async_handshake(boost::asio::ssl::stream_base::server, boost::asio::use_awaitable);
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

boost::asio::awaitable<void> async_twins(tcp::socket &sock, tcp::resolver &resolver) {
  auto endpoints = co_await resolver.async_resolve("example.org", "80",
                                                   boost::asio::use_awaitable);
  co_await boost::asio::async_connect(sock, endpoints, boost::asio::use_awaitable);
  char buf[512];
  std::size_t n =
      co_await sock.async_read_some(boost::asio::buffer(buf), boost::asio::use_awaitable);
  co_await boost::asio::async_write(sock, boost::asio::buffer(buf, n), boost::asio::use_awaitable);
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
  timer.expires_after(std::chrono::seconds(1));
  co_await timer.async_wait(boost::asio::use_awaitable);
  // Non-blocking queries of the socket itself.
  sock.available();
  sock.is_open();
  sock.remote_endpoint();
}

// Outside a coroutine the synchronous API is fine.
void synchronous_main(boost::asio::io_context &io, tcp::socket &sock) {
  char buf[16];
  sock.read_some(boost::asio::buffer(buf));
  io.run();
}

namespace http = boost::beast::http;

boost::asio::awaitable<void> beast_sync(boost::beast::tcp_stream &stream) {
  boost::beast::flat_buffer buffer;
  http::request<http::string_body> req;
  http::read(stream, buffer, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::beast::http::read' waits for the network inside coroutine 'beast_sync'
  // CHECK-FIXES: co_await http::async_read(stream, buffer, req, boost::asio::use_awaitable);
  http::response<http::string_body> res;
  http::write(stream, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::beast::http::write' waits for the network
  // CHECK-FIXES: co_await http::async_write(stream, res, boost::asio::use_awaitable);
  co_await http::async_write(stream, res, boost::asio::use_awaitable);
}
