// Completion handlers and posted functions with Boost.Asio and Beast: a
// member function bound as the handler is the handler; io.post(f) of older
// Boost posts to the loop. Pools and main() stay silent.
// REQUIRES: boost-asio
// RUN: %check_async_tidy %s async-blocking-sleep,async-blocking-file-io %t
// RUN: %async-tidy --checks='-*,async-blocking-file-io' %s -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOTES

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <fstream>
#include <functional>
#include <memory>
#include <unistd.h>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

class session : public std::enable_shared_from_this<session> {
public:
  explicit session(tcp::socket S) : stream_(std::move(S)) {}
  void run() {
    http::async_read(
        stream_, buffer_, req_,
        beast::bind_front_handler(&session::on_read, shared_from_this()));
  }
  void on_read(beast::error_code, std::size_t) {
    std::ifstream In("/etc/hosts");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::basic_ifstream::basic_ifstream' opens a file inside 'session::on_read', a completion handler run by 'stream_''s executor, stalling everything else its event loop runs [async-blocking-file-io]
    // NOTES: handlers-beast.cpp:[[@LINE-2]]:19: warning: 'std::basic_ifstream::basic_ifstream' opens a file inside 'session::on_read'
    // NOTES: handlers-beast.cpp:25:5: note: 'session::on_read' is the completion handler of 'boost::beast::http::async_read', which an event loop runs
    // NOTES: note: no fix is offered for 'std::basic_ifstream::basic_ifstream': a completion handler cannot co_await; post the blocking work to a thread pool
    http::async_write(stream_, res_,
                      [Self = shared_from_this()](beast::error_code,
                                                  std::size_t) { usleep(5); });
    // CHECK-MESSAGES: :[[@LINE-1]]:66: warning: 'usleep' sleeps the thread inside a completion handler run by 'stream_''s executor
  }
  void resolve(tcp::resolver &R) {
    R.async_resolve("example.com", "80",
                    std::bind(&session::on_resolve, this,
                              std::placeholders::_1, std::placeholders::_2));
  }
  void on_resolve(beast::error_code, tcp::resolver::results_type) { sleep(1); }
  // CHECK-MESSAGES: :[[@LINE-1]]:69: warning: 'sleep' sleeps the thread inside 'session::on_resolve', a completion handler run by 'R''s executor

private:
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> req_;
  http::response<http::string_body> res_;
};

void old_style(net::io_context &Io, net::io_context::strand &S) {
  Io.post([] { sleep(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'sleep' sleeps the thread inside a function posted to 'Io'
  S.post([] { sleep(3); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'sleep' sleeps the thread inside a function posted to 'S'
  net::post(Io, [] { sleep(4); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'sleep' sleeps the thread inside a function posted to 'Io'
  net::thread_pool Pool(2);
  net::post(Pool, [] { sleep(5); });
  net::dispatch(Pool.get_executor(), [] { sleep(6); });
  net::steady_timer OnPool(Pool);
  OnPool.async_wait([](beast::error_code) { sleep(7); });
}

int main() {
  net::io_context Io;
  Io.run();
  sleep(8);
}
