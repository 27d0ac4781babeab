// A finding whose offload fix --fix-notes applies.
#include "task.h"
#include <unistd.h>

test::task<> f() {
  co_await test::yield();
  sleep(1);
}
