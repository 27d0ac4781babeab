// RUN: %check_async_tidy %s async-blocking-socket %t -- -I %inputs

#include "task.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <resolv.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>

using test::task;

task<int> fetch(const char *host, int fd, char *buf, unsigned len) {
  addrinfo *res = nullptr;
  getaddrinfo(host, "80", nullptr, &res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getaddrinfo' resolves a name over the network inside coroutine 'fetch', stalling every coroutine on its thread [async-blocking-socket]
  gethostbyname(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gethostbyname' resolves a name over the network
  unsigned char answer[512];
  res_query(host, 1, 1, answer, sizeof answer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'res_query' resolves a name over the network
  connect(fd, res->ai_addr, res->ai_addrlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'connect' waits for the network
  send(fd, buf, len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' waits for the network
  auto n = recv(fd, buf, len, MSG_WAITALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'recv' waits for the network
  int client = accept(fd, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'accept' waits for the network
  pollfd p{fd, POLLIN, 0};
  poll(&p, 1, 1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' waits for a descriptor to become ready
  poll(&p, 1, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' waits for a descriptor to become ready
  epoll_event events[8];
  epoll_wait(fd, events, 8, 100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'epoll_wait' waits for a descriptor to become ready
  fd_set set;
  select(fd + 1, &set, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'select' waits for a descriptor to become ready
  co_await test::yield();
  co_return static_cast<int>(n) + client;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> non_blocking(int fd, char *buf, unsigned len) {
  // Flags and timeouts that make these calls return at once.
  recv(fd, buf, len, MSG_DONTWAIT);
  send(fd, buf, len, MSG_DONTWAIT | MSG_NOSIGNAL);
  pollfd p{fd, POLLIN, 0};
  poll(&p, 1, 0);
  epoll_event events[8];
  epoll_wait(fd, events, 8, 0);
  // Pure memory: address conversion and socket creation.
  in_addr addr;
  inet_pton(AF_INET, "127.0.0.1", &addr);
  htons(80);
  int s = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &s, sizeof s);
  co_return;
}

void not_a_coroutine(int fd, char *buf) { recv(fd, buf, 1, 0); }

// User functions that share a name with a blocking C function.
namespace net {
std::suspend_never connect(int fd);
std::suspend_never recv(int fd);
} // namespace net
task<> users_own(int fd) {
  co_await net::connect(fd);
  co_await net::recv(fd);
}
