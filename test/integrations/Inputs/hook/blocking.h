// A header whose inline coroutine blocks: checked through a file of the
// compile database that includes it.
#pragma once
#include "task.h"
#include <unistd.h>

inline test::task<> nap() {
  sleep(1);
  co_return;
}
