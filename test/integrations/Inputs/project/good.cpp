#include "task.h"
#include <unistd.h>

// Not a coroutine: sleeping here stalls no event loop.
void wait_for_disk() { sleep(1); }

test::task<int> answer() {
  co_await test::yield();
  co_return 42;
}
