// Stand-in for libcoro's coro/fd.hpp and coro/poll.hpp (Linux values): see
// ../README.md.
#pragma once
#include <cstdint>
#include <sys/epoll.h>

namespace coro {
using fd_t = int;
enum class poll_op : uint64_t {
  read = EPOLLIN,
  write = EPOLLOUT,
  read_write = EPOLLIN | EPOLLOUT
};
enum class poll_status { read, write, timeout, error, closed, cancelled };
// Cancels a poll; its members are not needed here.
class poll_stop_token {};
} // namespace coro
