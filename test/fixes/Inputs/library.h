// A library header the user does not lint: a coroutine template that runs
// a callable the user passes in.
#include <boost/asio.hpp>

namespace lib {
template <class F> boost::asio::awaitable<void> run_it(F f) {
  f();
  co_return;
}
} // namespace lib
