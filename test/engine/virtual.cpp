// Virtual calls are followed to their static target only, unless
// FollowOverriders says otherwise; overriders defined after the coroutine
// count too.
// RUN: %check_async_tidy %s async-blocking-file-io %t -- -I %inputs
// RUN: %check_async_tidy --suffix=ALL %s async-blocking-file-io %t \
// RUN:   --config="{CheckOptions: {FollowOverriders: true}}" -- -I %inputs

#include "task.h"
#include <unistd.h>

using test::task;

struct Store {
  virtual ~Store() = default;
  virtual void save() {}
  virtual void flush() { ::fsync(0); }
};

task<> persist(Store &store) {
  store.save();
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:9: warning: 'FileStore::save' waits for the file or pipe behind the descriptor inside coroutine 'persist'
  store.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Store::flush' waits for the file system inside coroutine 'persist'
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:9: warning: 'Store::flush' waits for the file system inside coroutine 'persist'
  // A call qualified with the class is never dispatched.
  store.Store::save();
  co_return;
}

struct FileStore : Store {
  void save() override { ::write(1, "x", 1); }
};
