#include <asio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

asio::awaitable<void> heartbeat(asio::ip::tcp::socket &sock) {
  for (;;) {
    co_await asio::async_write(sock, asio::buffer("ping", 4), asio::use_awaitable);
    std::this_thread::sleep_for(250ms);
  }
}
