// An HTTP server on Boost.Beast with C++20 coroutines. Each request is served
// by a coroutine; all of them share the io_context's single thread.
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <thread>
#include <unistd.h>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

http::response<http::string_body>
make_response(const http::request<http::string_body> &req,
              std::string body) {
  http::response<http::string_body> res{http::status::ok, req.version()};
  res.set(http::field::content_type, "text/plain");
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

asio::awaitable<void> serve(tcp::socket socket) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> req;
    co_await http::async_read(socket, buffer, req, asio::use_awaitable);
    if (req.target() == "/slow") {
      // Simulated backend latency, written the blocking way.
      usleep(200000);
    } else if (req.target() == "/retry") {
      // The right way: the coroutine waits, the thread does not.
      asio::steady_timer timer(co_await asio::this_coro::executor, 100ms);
      co_await timer.async_wait(asio::use_awaitable);
    }
    auto res = make_response(req, "hello\n");
    co_await http::async_write(socket, res, asio::use_awaitable);
    if (!req.keep_alive())
      break;
  }
}

asio::awaitable<void> accept_loop(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), serve(std::move(socket)),
                   asio::detached);
  }
}

int main() {
  asio::io_context io;
  tcp::acceptor acceptor(io, {tcp::v4(), 8080});
  asio::co_spawn(io, accept_loop(std::move(acceptor)), asio::detached);
  io.run();
}
