// Guards decided by arguments (issue 18, class 0): a helper that blocks only
// under a condition on its parameters does not block a caller whose
// arguments make the condition false, through helpers that pass the
// parameter on. A condition the arguments cannot decide reports as before.
// REQUIRES: boost-asio
// RUN: %check_async_tidy %s async-blocking-sleep,async-blocking-cpu,async-blocking-socket %t

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/spawn.hpp>
#include <optional>
#include <regex>
#include <string>
#include <unistd.h>

namespace asio = boost::asio;
using asio::ip::tcp;

namespace app {
// A flag.
void trace(bool Slow) {
  if (Slow)
    usleep(100);
}

// An enumerator, and an early return.
enum class Mode { Sync, Async };
void flush(Mode M, int Level) {
  if (Level < 3)
    return;
  if (M == Mode::Sync)
    sleep(1);
}

// A router: a regular expression only for routes with '{' or ')', decided
// on a local string built from the argument, passed on by a wrapper.
class Router {
public:
  void add(std::string Key) {
    std::string Whole;
    Whole.append("GET").append(" ").append(Key);
    if (Whole.find(":") != std::string::npos) {
      Tree.push_back(Whole);
    } else {
      if (Whole.find("{") != std::string::npos ||
          Whole.find(")") != std::string::npos) {
        std::string Pattern = Whole;
        Patterns.emplace_back(std::regex(Pattern), Pattern);
      } else {
        Plain.push_back(std::move(Whole));
      }
    }
  }

private:
  std::vector<std::string> Tree, Plain;
  std::vector<std::pair<std::regex, std::string>> Patterns;
};

class Server {
public:
  void route(std::string Key) { R.add(std::move(Key)); }

private:
  Router R;
};

// A synchronous fallback chosen by an optional yield_context.
tcp::resolver::results_type lookup(tcp::resolver &Resolver,
                                   const std::string &Host,
                                   std::optional<asio::yield_context> Yield = {}) {
  boost::system::error_code Ec;
  if (Yield)
    return Resolver.async_resolve(Host, "80", (*Yield)[Ec]);
  return Resolver.resolve(Host, "80", Ec);
}

asio::awaitable<void> requests(Server &S, bool Flag, std::string Route) {
  trace(false);
  trace(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'app::trace' sleeps the thread inside coroutine 'requests'
  trace(Flag);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'app::trace' sleeps the thread inside coroutine 'requests'
  flush(Mode::Async, 5);
  flush(Mode::Sync, 1);
  flush(Mode::Sync, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'app::flush' sleeps the thread inside coroutine 'requests'
  S.route("/hello");
  S.route("/api/v1/items");
  S.route("/user/:id");
  S.route("/user/{}");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'app::Server::route' compiles a regular expression inside coroutine 'requests'
  S.route("/files/(.*)");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'app::Server::route' compiles a regular expression inside coroutine 'requests'
  S.route(Route);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'app::Server::route' compiles a regular expression inside coroutine 'requests'
  co_return;
}

void session(tcp::resolver &Resolver, asio::yield_context Yield) {
  lookup(Resolver, "example.com", Yield);
  lookup(Resolver, "example.com");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'app::lookup' resolves a name over the network inside coroutine 'session'
}
} // namespace app
