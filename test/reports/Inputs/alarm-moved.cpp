// Identical blocking calls in one coroutine, for the SARIF fingerprints.
// The same code as alarm.cpp, moved down, reindented and rewrapped.
#include "task.h"
#include <unistd.h>

int unrelated() { return 0; }

test::task<> alarm_loop() {
  co_await test::yield();

      sleep( 1 );
  sleep(1);   usleep(
      5);
}
