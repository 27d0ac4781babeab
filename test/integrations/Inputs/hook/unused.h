// Named by an #include that is compiled out: no file really includes it.
#pragma once
#include "task.h"
#include <unistd.h>

inline test::task<> idle() {
  sleep(1);
  co_return;
}
