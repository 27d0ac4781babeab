// Two blocking calls in coroutines for the SARIF tests.
#include "slow.h"
#include "task.h"
#include <unistd.h>

test::task<> nap() {
  sleep(1);
  co_await test::yield();
}

// The column counts code points: 'é' is two bytes but one column.
test::task<> doze() {
  /* café */ usleep(5);
  co_return;
}
