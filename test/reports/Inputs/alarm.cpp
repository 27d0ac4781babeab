// Identical blocking calls in one coroutine, for the SARIF fingerprints.
#include "task.h"
#include <unistd.h>

test::task<> alarm_loop() {
  co_await test::yield();
  sleep(1);
  sleep(1);
  usleep(5);
}
