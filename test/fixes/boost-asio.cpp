// Boost 1.81 Asio and Beast: Beast's operations with errors redirected, the
// timer in a member coroutine, and the offload through co_spawn.
// REQUIRES: boost-asio, db-clients
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: blocking_pool_}}" %s async-blocking-socket,async-blocking-http,async-blocking-db,async-blocking-sleep %t

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <sqlite3.h>
#include <thread>

namespace net = boost::asio;
namespace http = boost::beast::http;
using namespace std::chrono_literals;

class Handler {
public:
  net::awaitable<void> serve(net::ip::tcp::socket stream);

private:
  net::thread_pool blocking_pool_{2};
  sqlite3 *db_ = nullptr;
};

net::awaitable<void> Handler::serve(net::ip::tcp::socket stream) {
  boost::beast::flat_buffer buffer;
  http::request<http::string_body> req;
  boost::beast::error_code ec;
  http::read(stream, buffer, req, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::beast::http::read' waits for the network inside coroutine 'serve'
  // CHECK-FIXES: co_await http::async_read(stream, buffer, req, boost::asio::redirect_error(boost::asio::use_awaitable, ec));
  if (ec)
    co_return;
  int rc = sqlite3_exec(db_, req.body().c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'sqlite3_exec' waits for the database file inside coroutine 'serve'
  // CHECK-FIXES: int rc = co_await boost::asio::co_spawn(blocking_pool_, [&]() -> boost::asio::awaitable<int> { co_return sqlite3_exec(db_, req.body().c_str(), nullptr, nullptr, nullptr); }, boost::asio::use_awaitable);
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'serve'
  // CHECK-FIXES: co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 10ms).async_wait(boost::asio::use_awaitable);
  http::response<http::string_body> res{http::status::ok, req.version()};
  res.body() = std::to_string(rc);
  res.prepare_payload();
  http::write(stream, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::beast::http::write' waits for the network inside coroutine 'serve'
  // CHECK-FIXES: co_await http::async_write(stream, res, boost::asio::use_awaitable);
}
