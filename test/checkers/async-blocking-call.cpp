// RUN: %check_async_tidy %s async-blocking-call,async-blocking-file-io %t \
// RUN:   --config="{CheckOptions: { \
// RUN:     async-blocking-call.BlockingFunctions: 'legacy::fetch_all,downloads every page;store::Db::query,,store::Db::query_async;::vendor_sync', \
// RUN:     async-blocking-file-io.AllowedFunctions: 'fopen'}}" \
// RUN:   -- -I %inputs -I %src/include

#include "task.h"
#include <async-tidy/annotations.h>
#include <cstdio>
#include <unistd.h>

using test::task;

namespace legacy {
int fetch_all(const char *url);
} // namespace legacy
namespace store {
struct Db {
  int query(const char *sql);
  std::suspend_never query_async(const char *sql);
};
struct CachedDb : Db {};
} // namespace store
extern "C" void vendor_sync();

// Annotated by the user.
ASYNC_TIDY_BLOCKING void flush_journal();
void compact() [[clang::blocking]];
// Declared non-blocking: never reported, even under a blocking name.
namespace buffered {
ASYNC_TIDY_NONBLOCKING ssize_t read(int fd, void *buf, size_t n);
} // namespace buffered
int probe(int fd) [[clang::nonblocking]];

task<> handler(store::Db &db, store::CachedDb &cached) {
  legacy::fetch_all("https://example.org");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'legacy::fetch_all' downloads every page inside coroutine 'handler', stalling every coroutine on its thread [async-blocking-call]
  db.query("SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'store::Db::query' blocks the thread inside coroutine 'handler', stalling every coroutine on its thread; use 'store::Db::query_async' instead [async-blocking-call]
  cached.query("SELECT 2");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'store::Db::query' blocks the thread
  vendor_sync();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'vendor_sync' blocks the thread
  flush_journal();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush_journal' is declared blocking inside coroutine 'handler'
  compact();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'compact' is declared blocking
  co_await db.query_async("SELECT 3");
}

//===--- Nothing below is reported ----------------------------------------===//

task<> allowed(int fd, char *buf) {
  // fopen is allowed by async-blocking-file-io.AllowedFunctions.
  FILE *f = fopen("/proc/self/stat", "r");
  buffered::read(fd, buf, 16);
  probe(fd);
  co_await std::suspend_never{};
  (void)f;
}

void not_a_coroutine(store::Db &db) {
  db.query("SELECT 1");
  flush_journal();
}
