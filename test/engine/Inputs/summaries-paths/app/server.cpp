#include "api.h"
#include "task.h"

test::task<> first() {
  fetch_one();
  co_return;
}

test::task<> second() {
  fetch_two();
  co_return;
}
