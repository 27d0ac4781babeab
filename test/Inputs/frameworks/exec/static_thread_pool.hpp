// Stand-in for stdexec's exec/static_thread_pool.hpp: see ../README.md.
#pragma once

namespace exec {
class static_thread_pool {
public:
  struct scheduler {};
  explicit static_thread_pool(unsigned threads);
  scheduler get_scheduler() noexcept;
};
} // namespace exec
