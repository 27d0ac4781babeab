// Reported only when the command defines what GCC's Asio configuration
// would: the drivers add it to GCC's C++20 commands.
#include "task.h"
#include <unistd.h>

#if defined(ASIO_HAS_CO_AWAIT) && defined(ASIO_HAS_STD_COROUTINE) &&         \
    defined(BOOST_ASIO_HAS_CO_AWAIT) && defined(BOOST_ASIO_HAS_STD_COROUTINE)
test::task<> poll() {
  sleep(1);
  co_return;
}
#endif
