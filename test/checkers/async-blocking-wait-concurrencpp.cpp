// concurrencpp's results block when waited for; awaiting them does not.
// concurrencpp is library code: its own wait is described here, not searched.
// RUN: %check_async_tidy %s async-blocking-wait %t -- -I %inputs/frameworks

#include <chrono>
#include <concurrencpp/concurrencpp.h>

using namespace std::chrono_literals;

concurrencpp::result<int> poll(concurrencpp::shared_result<int> res,
                               concurrencpp::result<int> other) {
  while (res.wait_for(5ms) == concurrencpp::result_status::idle) {
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'concurrencpp::shared_result::wait_for' waits for another thread inside coroutine 'poll', stalling every coroutine on its thread [async-blocking-wait]
  }
  other.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'concurrencpp::result::wait' waits for another thread inside coroutine 'poll'
  co_return co_await res;
}
