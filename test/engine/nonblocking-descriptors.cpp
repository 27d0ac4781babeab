// A read, write, accept or connect on a descriptor the code made
// non-blocking returns at once, and so does one on a descriptor whose
// readiness the coroutine awaits (hand-written coroutine I/O): neither is
// reported. A descriptor made non-blocking elsewhere, another descriptor, a
// file opened with O_NONBLOCK (regular files ignore it) and a descriptor
// switched back to blocking are.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-socket,async-blocking-file-io %t -- -I %inputs -I %inputs/frameworks %asio_flags

#include "task.h"
#include <asio.hpp>
#include <coro/scheduler.hpp>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

using test::task;

// --- made non-blocking in the same function ----------------------------

task<> created_nonblocking(char *buf) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  ::recv(fd, buf, 16, 0);
  int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  ::read(efd, buf, 8);
  int fds[2];
  pipe2(fds, O_NONBLOCK);
  ::write(fds[1], buf, 1);
  int client = accept4(fd, nullptr, nullptr, SOCK_NONBLOCK);
  ::send(client, buf, 1, 0);
  co_return;
}

task<> switched_nonblocking(int fd, int other, char *buf) {
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  ::recv(fd, buf, 16, 0);
  int on = 1;
  ioctl(other, FIONBIO, &on);
  ::accept(other, nullptr, nullptr);
  co_return;
}

// Near misses: the flag on another descriptor, no flag, a file.
task<> still_blocking(int fd, int other, const char *path, char *buf) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ::recv(other, buf, 16, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' waits for the network inside coroutine 'still_blocking'
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  ::connect(s, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'connect' waits for the network inside coroutine 'still_blocking'
  fcntl(other, F_SETFD, FD_CLOEXEC);
  ::send(other, buf, 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' waits for the network inside coroutine 'still_blocking'
  int file = ::open(path, O_RDONLY | O_NONBLOCK);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'open' waits for the file system inside coroutine 'still_blocking'
  fcntl(file, F_SETFL, O_NONBLOCK);
  ::read(file, buf, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' waits for the file or pipe behind the descriptor inside coroutine 'still_blocking'
  co_return;
}

// --- through the project's own helper ----------------------------------

static void set_nonblocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}
static long read_some(int fd, char *buf) { return ::read(fd, buf, 16); }

task<> through_helpers(int fd, int other, char *buf) {
  set_nonblocking(fd);
  read_some(fd, buf);
  read_some(other, buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read_some' waits for the file or pipe behind the descriptor inside coroutine 'through_helpers'
  co_return;
}

// --- a member made non-blocking by its class ---------------------------

class connection {
public:
  explicit connection(int fd) : fd_(fd) {
    fcntl(fd_, F_SETFL, fcntl(fd_, F_GETFL) | O_NONBLOCK);
  }
  task<> pump(char *buf) {
    ::recv(fd_, buf, 16, 0);
    ::send(log_, buf, 16, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'send' waits for the network inside coroutine 'pump'
    co_return;
  }

private:
  int fd_;
  int log_ = 2;
};

// --- the readiness idiom: await the descriptor, then read it -----------

class sock_handle {
public:
  int native_handle() const { return fd_; }

private:
  int fd_ = -1;
};

class client {
public:
  task<> read_some(char *buf) {
    auto status = co_await poll(coro::poll_op::read);
    if (status != coro::poll_status::read)
      co_return;
    recv(buf);
    co_return;
  }
  task<> read_without_poll(char *buf) {
    recv(buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'client::recv' waits for the network inside coroutine 'read_without_poll'
    co_return;
  }

private:
  auto poll(coro::poll_op op) -> coro::task<coro::poll_status> {
    return sched_->poll(sock_.native_handle(), op);
  }
  long recv(char *buf) { return ::recv(sock_.native_handle(), buf, 16, 0); }
  coro::scheduler *sched_;
  sock_handle sock_;
};

// The same with a member 'poll' that is itself a coroutine awaiting the
// scheduler's poll.
class peer {
public:
  task<> write_to(char *buf) {
    co_await poll(coro::poll_op::write);
    sendto(buf);
  }

private:
  auto poll(coro::poll_op op) -> coro::task<coro::poll_status> {
    co_return co_await sched_->poll(fd_, op);
  }
  long sendto(char *buf) { return ::sendto(fd_, buf, 1, 0, nullptr, 0); }
  coro::scheduler *sched_;
  int fd_;
};

task<> await_then_read(coro::scheduler &sched, int fd, int other, char *buf) {
  co_await sched.poll(fd, coro::poll_op::read);
  ::read(fd, buf, 16);
  ::read(other, buf, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' waits for the file or pipe behind the descriptor inside coroutine 'await_then_read'
  co_return;
}

// --- Asio: non_blocking(true), or await the socket's readiness ---------

asio::awaitable<void> asio_reactor(asio::ip::tcp::socket &a,
                                   asio::ip::tcp::socket &b,
                                   asio::ip::tcp::socket &c) {
  char data[16];
  a.non_blocking(true);
  asio::error_code ec;
  a.read_some(asio::buffer(data), ec);
  co_await b.async_wait(asio::ip::tcp::socket::wait_read, asio::use_awaitable);
  b.read_some(asio::buffer(data), ec);
  c.non_blocking(false);
  c.read_some(asio::buffer(data), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'asio::basic_stream_socket::read_some' waits for data inside coroutine 'asio_reactor'
  // CHECK-FIXES: co_await c.async_read_some(asio::buffer(data), asio::redirect_error(asio::use_awaitable, ec));
}
