// Identical calls, some silenced by NOLINT in each of its forms: a
// baseline records and matches only the others.
#include "task.h"
#include <unistd.h>

test::task<> poll() {
  sleep(1); // NOLINT(async-blocking-sleep)
  // NOLINTNEXTLINE(async-blocking-sleep)
  sleep(1);
  // NOLINTBEGIN(async-blocking-sleep)
  sleep(1);
  // NOLINTEND(async-blocking-sleep)
  sleep(1); // NOLINT(async-blocking-db): another check's, not this one's
  co_await test::yield();
}
