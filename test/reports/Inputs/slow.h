// A header with a blocking call, outside the SARIF root in the tests.
#include "task.h"
#include <unistd.h>

inline test::task<> slow() {
  usleep(7);
  co_return;
}
