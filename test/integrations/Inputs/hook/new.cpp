// A new file, not yet in the compile database.
#include "task.h"
#include <unistd.h>

test::task<> fresh() {
  usleep(10);
  co_return;
}
