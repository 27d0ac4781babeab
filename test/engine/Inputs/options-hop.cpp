// A coroutine that hops onto a pool through the project's own awaitable.
#include "task.h"
#include <unistd.h>

namespace app {
struct Hop {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
Hop to_pool();
} // namespace app

test::task<> after_hop() {
  co_await app::to_pool();
  sleep(1);
}
