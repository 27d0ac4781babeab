// An echo server on standalone Asio: one thread, one io_context, a coroutine
// per connection. The throttle in session() looks harmless, but it stalls the
// thread that serves every other connection.
#include <asio.hpp>
#include <chrono>
#include <cstdio>
#include <thread>

using asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<void> session(tcp::socket socket) {
  char data[1024];
  try {
    for (;;) {
      std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                      asio::use_awaitable);
      // Crude rate limiting: every client waits, so does everyone else.
      std::this_thread::sleep_for(20ms);
      co_await asio::async_write(socket, asio::buffer(data, n),
                                 asio::use_awaitable);
    }
  } catch (const std::exception &e) {
    std::printf("session ended: %s\n", e.what());
  }
}

asio::awaitable<void> listener(unsigned short port) {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {tcp::v4(), port});
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(executor, session(std::move(socket)), asio::detached);
  }
}

// Not a coroutine: sleeping here blocks nobody but this thread.
void wait_for_network() { std::this_thread::sleep_for(1s); }

int main() {
  wait_for_network();
  asio::io_context io(1);
  asio::co_spawn(io, listener(5555), asio::detached);
  io.run();
}
