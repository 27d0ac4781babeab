// An Asio echo server whose session sleeps: a blocking call in a coroutine.
#include <asio.hpp>
#include <chrono>
#include <thread>

#if defined(ASIO_HAS_CO_AWAIT)
asio::awaitable<void> session(asio::ip::tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                    asio::use_awaitable);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    co_await asio::async_write(socket, asio::buffer(data, n),
                               asio::use_awaitable);
  }
}
#endif
