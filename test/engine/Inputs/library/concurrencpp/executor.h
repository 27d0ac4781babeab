// A vendored library header, included with -I: its namespace is one of the
// catalog's 'libraries:'. Shaped as concurrencpp's executor.h: an internal
// coroutine runs what is submitted, on the executor it was submitted to.
#include "task.h"
#include <fstream>
#include <string>

namespace concurrencpp {
namespace details {
template <class F> test::task<> submit_bridge(F f) {
  f();
  co_return;
}
// A helper of the library: the search describes libraries by the catalog,
// it does not enter them.
inline std::string read_config() {
  std::ifstream in("/etc/library.conf");
  std::string s;
  in >> s;
  return s;
}
} // namespace details
} // namespace concurrencpp

namespace doctest::detail {
// A test framework's failure path: on a failed assertion it asks whether a
// debugger is attached by reading /proc/self/status.
inline bool log_failure(bool failed) {
  if (failed) {
    std::ifstream status("/proc/self/status");
    return status.good();
  }
  return false;
}
} // namespace doctest::detail
