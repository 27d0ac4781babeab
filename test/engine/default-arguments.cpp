// A default argument or a default member initialiser runs where it is
// omitted: a blocking call there is reported at the call or initialisation
// in the coroutine, with a note where it is written, and no fix (the default
// is shared by every use). Constructors' initialisers are searched like
// their bodies.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-sleep,async-blocking-file-io %t -- %asio_flags

#include <asio.hpp>
#include <fstream>
#include <string>
#include <unistd.h>

int settle(int ms = ::usleep(1000));
std::string load(std::string body = [] {
  std::ifstream f("body.txt");
  std::string s;
  f >> s;
  return s;
}());
int outer(int x = settle());
template <class T> T pause(T t = T(::sleep(1))) { return t; }

struct Conn {
  Conn(int port, int wait = ::sleep(1));
};

struct Config {
  int delay = ::sleep(2);
  int port = 80;
};

struct Server {
  Server() {}
  int slept = ::sleep(3);
};

struct Client {
  Client() : waited(::sleep(4)) {}
  int waited;
};

asio::awaitable<void> omitted() {
  settle();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' sleeps the thread inside coroutine 'omitted', stalling every coroutine on its thread [async-blocking-sleep]
  // CHECK-MESSAGES: :14:21: note: 'usleep' is called by the default argument 'ms', evaluated where it is omitted
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: no fix is offered for 'usleep': it is in the default argument 'ms', shared by every use; pass 'ms' here instead
  Conn c(80);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'sleep' sleeps the thread inside coroutine 'omitted'
  // CHECK-MESSAGES: :25:29: note: 'sleep' is called by the default argument 'wait'
  load();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::basic_ifstream::basic_ifstream' opens a file inside coroutine 'omitted'
  // CHECK-MESSAGES: :16:17: note: 'std::basic_ifstream::basic_ifstream' is called by the default argument 'body'
  outer();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' sleeps the thread inside coroutine 'omitted'
  // CHECK-MESSAGES: :21:19: note: 'usleep' is called by the default argument 'x', evaluated where it is omitted
  pause<int>();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'omitted'
  co_return;
}

asio::awaitable<void> members() {
  Config braced{};
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'sleep' sleeps the thread inside coroutine 'members'
  // CHECK-MESSAGES: :29:15: note: 'sleep' is called by the default initialiser of member 'delay', evaluated where it is omitted
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: no fix is offered for 'sleep': it is in the default initialiser of member 'delay', shared by every use; initialise 'delay' here instead
  Config plain;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Config::Config' sleeps the thread inside coroutine 'members'
  // CHECK-MESSAGES: :28:8: note: 'Config::Config' calls 'sleep' here, which sleeps the thread
  Server s;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Server::Server' sleeps the thread inside coroutine 'members'
  // CHECK-MESSAGES: :34:3: note: 'Server::Server' calls 'sleep' here, which sleeps the thread
  // CHECK-MESSAGES: :35:15: note: 'sleep' is called by the default initialiser of member 'slept'
  Client k;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Client::Client' sleeps the thread inside coroutine 'members'
  // CHECK-MESSAGES: :39:21: note: 'Client::Client' calls 'sleep' here, which sleeps the thread
  co_return;
}

// Given explicitly, the default does not run; nor after a hop to a pool.
asio::awaitable<void> given(asio::thread_pool &pool) {
  settle(5);
  Conn c(80, 0);
  load("inline");
  outer(1);
  pause<int>(2);
  Config designated{.delay = 0};
  Config all{0, 81};
  co_await asio::post(asio::bind_executor(pool, asio::use_awaitable));
  settle();
  co_return;
}
