// A static or thread_local local is initialised once per process or thread,
// not per request: what its initialiser calls is not reported, in the
// coroutine or in a helper, unless the check's ReportStaticInitializers is
// set. The same call outside the initialiser is reported.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-cpu,async-blocking-file-io %t -- %asio_flags
// RUN: %check_async_tidy --suffix=ON %s async-blocking-cpu,async-blocking-file-io %t \
// RUN:   --config="{CheckOptions: {async-blocking-cpu.ReportStaticInitializers: true}}" -- %asio_flags

#include <asio.hpp>
#include <fstream>
#include <regex>
#include <string>

std::string read_config() {
  std::ifstream in("server.conf");
  std::string s;
  std::getline(in, s);
  return s;
}

const std::regex &route() {
  static const std::regex re("/users/([0-9]+)");
  return re;
}

asio::awaitable<void> handle(std::string path) {
  static const std::regex users("/users/([0-9]+)");
  // CHECK-MESSAGES-ON: :[[@LINE-1]]:27: warning: 'std::basic_regex::basic_regex' compiles a regular expression inside coroutine 'handle'
  // CHECK-MESSAGES-ON: :[[@LINE-2]]:27: note: 'std::basic_regex::basic_regex' is in a static or thread_local initialiser, run once; reported because ReportStaticInitializers is set
  thread_local std::string config = read_config();
  bool match = std::regex_match(path, route());
  // CHECK-MESSAGES-ON: :[[@LINE-1]]:39: warning: 'route' compiles a regular expression inside coroutine 'handle'
  // CHECK-MESSAGES-ON: :23:27: note: 'route' calls 'std::basic_regex::basic_regex' here, which compiles a regular expression
  // CHECK-MESSAGES-ON: :23:27: note: 'std::basic_regex::basic_regex' is in a static or thread_local initialiser, run once; reported because ReportStaticInitializers is set
  // A local regex is compiled on every request.
  std::regex each("/items/([0-9]+)");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'std::basic_regex::basic_regex' compiles a regular expression inside coroutine 'handle'
  // CHECK-MESSAGES-ON: :[[@LINE-2]]:14: warning: 'std::basic_regex::basic_regex' compiles a regular expression inside coroutine 'handle'
  std::string again = read_config();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'read_config' opens a file inside coroutine 'handle'
  // CHECK-MESSAGES-ON: :[[@LINE-2]]:23: warning: 'read_config' opens a file inside coroutine 'handle'
  (void)match;
  co_return;
}
