// With FollowOverriders, a virtual call that may run several functions that
// block is reported once, with a note for each and its chain; past three, a
// last note counts the others.
// RUN: %check_async_tidy %s async-blocking-file-io %t -- -I %inputs
// RUN: %check_async_tidy --suffix=ALL %s async-blocking-file-io %t \
// RUN:   --config="{CheckOptions: {FollowOverriders: true}}" -- -I %inputs

#include "task.h"
#include <unistd.h>

using test::task;

void append_log() { ::write(2, "x", 1); }

struct Store {
  virtual ~Store() = default;
  virtual void save() {}
  virtual void flush() { ::fsync(0); }
};
struct FileStore : Store {
  void save() override { ::write(1, "x", 1); }
  void flush() override { ::sync(); }
};
struct SyncStore : Store {
  void save() override { ::fsync(1); }
  void flush() override { ::fdatasync(1); }
};
// Blocks through a helper: the chain is noted as for any helper.
struct LogStore : Store {
  void save() override { append_log(); }
  void flush() override { append_log(); }
};
// Does not block: no note.
struct NullStore : Store {
  void save() override {}
};
struct PipeStore : Store {
  void flush() override { ::read(0, nullptr, 0); }
};

task<> persist(Store &store) {
  store.save();
  // CHECK-NOTES-ALL: :[[@LINE-1]]:9: warning: 'Store::save' waits for the file or pipe behind the descriptor inside coroutine 'persist', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-NOTES-ALL: :[[@LINE-23]]:8: note: the call to 'Store::save' may run the overrider 'FileStore::save'
  // CHECK-NOTES-ALL: :[[@LINE-24]]:26: note: 'FileStore::save' calls 'write' here, which waits for the file or pipe behind the descriptor
  // CHECK-NOTES-ALL: :[[@LINE-21]]:8: note: the call to 'Store::save' may run the overrider 'SyncStore::save'
  // CHECK-NOTES-ALL: :[[@LINE-22]]:26: note: 'SyncStore::save' calls 'fsync' here, which waits for the file system
  // CHECK-NOTES-ALL: :[[@LINE-18]]:8: note: the call to 'Store::save' may run the overrider 'LogStore::save'
  // CHECK-NOTES-ALL: :[[@LINE-19]]:26: note: 'LogStore::save' calls 'append_log' here
  // CHECK-NOTES-ALL: :[[@LINE-37]]:21: note: 'append_log' calls 'write' here, which waits for the file or pipe behind the descriptor
  // CHECK-NOTES-ALL: :[[@LINE+18]]:3: note: 'persist' is a coroutine because of this 'co_return'
  // CHECK-NOTES-ALL: :[[@LINE-10]]:9: note: to offload 'Store::save' to a thread pool, set option 'OffloadTemplate'
  store.flush();
  // Without the option, only the static target.
  // CHECK-NOTES: :[[@LINE-2]]:9: warning: 'Store::flush' waits for the file system inside coroutine 'persist', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-NOTES: :[[@LINE-38]]:26: note: 'Store::flush' calls 'fsync' here, which waits for the file system
  // CHECK-NOTES: :[[@LINE+12]]:3: note: 'persist' is a coroutine because of this 'co_return'
  // CHECK-NOTES: :[[@LINE-5]]:9: note: to offload 'Store::flush' to a thread pool, set option 'OffloadTemplate'
  // CHECK-NOTES-ALL: :[[@LINE-6]]:9: warning: 'Store::flush' waits for the file system inside coroutine 'persist', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-NOTES-ALL: :[[@LINE-42]]:16: note: the call to 'Store::flush' may run its own definition
  // CHECK-NOTES-ALL: :[[@LINE-43]]:26: note: 'Store::flush' calls 'fsync' here, which waits for the file system
  // CHECK-NOTES-ALL: :[[@LINE-40]]:8: note: the call to 'Store::flush' may run the overrider 'FileStore::flush'
  // CHECK-NOTES-ALL: :[[@LINE-41]]:27: note: 'FileStore::flush' calls 'sync' here, which waits for the file system
  // CHECK-NOTES-ALL: :[[@LINE-38]]:8: note: the call to 'Store::flush' may run the overrider 'SyncStore::flush'
  // CHECK-NOTES-ALL: :[[@LINE-39]]:27: note: 'SyncStore::flush' calls 'fdatasync' here, which waits for the file system
  // CHECK-NOTES-ALL: :[[@LINE-13]]:9: note: and 2 more overriders block
  // CHECK-NOTES-ALL: :[[@LINE+2]]:3: note: 'persist' is a coroutine because of this 'co_return'
  // CHECK-NOTES-ALL: :[[@LINE-15]]:9: note: to offload 'Store::flush' to a thread pool, set option 'OffloadTemplate'
  co_return;
}
