// Callables a library runs before it returns, on the caller's thread: a
// lambda given to std::for_each, std::visit, std::call_once... runs in the
// coroutine, as if written in place. A parallel execution policy runs it on
// other threads.
// RUN: %check_async_tidy %s async-blocking-sleep,async-blocking-file-io %t -- -I %inputs

#include "task.h"
#include <algorithm>
#include <execution>
#include <fstream>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>
#include <tuple>
#include <variant>
#include <vector>
#include <unistd.h>

using test::task;

std::once_flag once;

task<> inline_algorithms(std::vector<std::string> paths,
                         std::variant<int, std::string> v) {
  std::for_each(paths.begin(), paths.end(), [](const std::string &p) {
    std::ifstream in(p);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::basic_ifstream::basic_ifstream' opens a file inside coroutine 'inline_algorithms'
  });
  std::ranges::for_each(paths, [](const std::string &) { ::usleep(10); });
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: 'usleep' sleeps the thread inside coroutine 'inline_algorithms'
  std::sort(paths.begin(), paths.end(), [](const auto &a, const auto &b) {
    ::sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep' sleeps the thread inside coroutine 'inline_algorithms'
    return a < b;
  });
  std::visit([](const auto &) { ::usleep(1); }, v);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'usleep' sleeps the thread inside coroutine 'inline_algorithms'
  std::call_once(once, [] { ::sleep(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'sleep' sleeps the thread inside coroutine 'inline_algorithms'
  int total = std::accumulate(paths.begin(), paths.end(), 0,
                              [](int n, const std::string &p) {
                                ::usleep(5);
                                // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'usleep' sleeps the thread inside coroutine 'inline_algorithms'
                                return n + static_cast<int>(p.size());
                              });
  (void)total;
  co_return;
}

// A generic lambda names its callees only as instantiated: the calls on its
// parameters are found in the instantiation std::apply and std::visit make.
struct Napper {
  void nap() { ::sleep(1); }
};
struct Reader {
  void nap() {}
};

task<> generic_lambdas(std::tuple<Napper> one, std::variant<Napper> v,
                       std::tuple<Reader> quiet) {
  std::apply([](auto &...n) { (n.nap(), ...); }, one);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'Napper::nap' sleeps the thread inside coroutine 'generic_lambdas'
  std::visit([](auto &n) { n.nap(); }, v);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Napper::nap' sleeps the thread inside coroutine 'generic_lambdas'
  // Nothing blocks in this instantiation.
  std::apply([](auto &...r) { (r.nap(), ...); }, quiet);
  co_return;
}

// Not on the coroutine's thread: a parallel policy, a thread, a lambda only
// stored.
task<> elsewhere(std::vector<std::string> paths) {
  std::for_each(std::execution::par, paths.begin(), paths.end(),
                [](const std::string &) { ::sleep(1); });
  std::for_each(std::execution::par_unseq, paths.begin(), paths.end(),
                [](const std::string &) { ::sleep(1); });
  std::jthread t([] { ::sleep(1); });
  t.detach();
  auto later = [] { ::sleep(2); };
  (void)later;
  co_return;
}
