// A file whose name and one string literal are Latin-1, not UTF-8.
#include "task.h"
#include <stdio.h>
#include <unistd.h>

test::task<> brew() {
  sleep(1);
  FILE *menu = fopen("café.txt", "r");
  co_await test::yield();
}
