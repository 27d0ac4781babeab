#include "task.h"
#include <unistd.h>

test::task<> poll_forever() {
  for (;;) {
    sleep(1);
    co_await test::yield();
  }
}
