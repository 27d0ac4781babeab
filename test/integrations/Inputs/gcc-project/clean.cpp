// An Asio coroutine that waits the asynchronous way: nothing to report.
#include <asio.hpp>
#include <chrono>

#if defined(ASIO_HAS_CO_AWAIT)
asio::awaitable<void> tick() {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(std::chrono::milliseconds(20));
  co_await timer.async_wait(asio::use_awaitable);
}
#endif
