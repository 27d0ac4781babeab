// Hops of libcoro and async_simple (stand-ins with their real declarations).
// RUN: %check_async_tidy %s async-blocking-sleep %t -- -I %inputs -I %inputs/frameworks

#include "task.h"
#include <async_simple/coro/Dispatch.h>
#include <coro/thread_pool.hpp>
#include <unistd.h>

using test::task;

task<> libcoro_hops(coro::thread_pool &pool, coro::io_scheduler &io) {
  co_await pool.schedule();
  sleep(1);
  co_await io.schedule();
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'libcoro_hops'
}

task<> async_simple_hop(async_simple::Executor *pool) {
  co_await async_simple::coro::dispatch(pool);
  sleep(1);
}
