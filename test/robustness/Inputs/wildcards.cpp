// Functions for the wildcards of BlockingFunctions and AllowedFunctions.
#include "task.h"
#include <unistd.h>
namespace app::gen { int fetch(int); int store(int); }
namespace other { int fetch(int); }
test::task<> co() {
  app::gen::fetch(1);
  app::gen::store(1);
  other::fetch(1);
  sleep(1);
  co_await test::yield();
}
