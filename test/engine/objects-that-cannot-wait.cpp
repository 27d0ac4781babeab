// Objects that cannot wait, told by their type or by the call that made
// them: connecting a UDP socket only records its peer, and a FILE* from
// open_memstream or fmemopen is memory. The same calls on a TCP socket or a
// file opened with fopen are reported.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-socket,async-blocking-file-io %t -- -I %inputs %asio_flags

#include "task.h"
#include <asio.hpp>
#include <cstdio>
#include <cstdlib>

using test::task;

asio::awaitable<void> connects(asio::ip::udp::socket &udp,
                               asio::ip::udp::endpoint peer,
                               asio::ip::tcp::socket &tcp,
                               asio::ip::tcp::endpoint server) {
  asio::error_code ec;
  udp.connect(peer, ec);
  std::array<asio::ip::udp::endpoint, 1> peers{peer};
  asio::connect(udp, peers, ec);
  tcp.connect(server, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'asio::basic_socket::connect' waits for the network inside coroutine 'connects'
  // CHECK-FIXES: co_await tcp.async_connect(server, asio::redirect_error(asio::use_awaitable, ec));
  co_return;
}

task<> memory_streams(const char *path, char *text, size_t n) {
  char *buf = nullptr;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  fprintf(mem, "%d\n", 42);
  fputs("x", mem);
  fwrite(text, 1, n, mem);
  fflush(mem);
  fclose(mem);
  FILE *in = fmemopen(text, n, "r");
  char line[64];
  fgets(line, sizeof line, in);
  fclose(in);
  std::free(buf);
  FILE *file = std::fopen(path, "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'fopen' waits for the file system inside coroutine 'memory_streams'
  fprintf(file, "%d\n", 42);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fprintf' writes to a stream that may be a file or a pipe inside coroutine 'memory_streams'
  fclose(file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fclose' waits for the file system inside coroutine 'memory_streams'
  co_return;
}
