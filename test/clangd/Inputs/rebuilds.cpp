// Rebuilt many times by memory.test: small, so that rebuilds are quick, and
// with findings of every kind of path (direct, through a helper).
#include "task.h"
#include <unistd.h>

static void nap() { usleep(10); }

test::task<> tick() {
  sleep(1);
  nap();
  co_return;
}
