#include "helpers.h"
#include "task.h"

test::task<int> serve() {
  std::string settings = load_settings();
  co_return compute(static_cast<int>(settings.size()));
}
