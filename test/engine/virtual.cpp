// Virtual calls are followed into the one function they can run, unless
// FollowOverriders says to follow every overrider; overriders defined after
// the coroutine count too. A static target with a body and one overrider
// are two functions: Store::save is silent without the option.
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

// A call the object's class fixes is devirtualised, with or without the
// option: a 'final' class or method, an object held by value.
struct Ledger {
  virtual ~Ledger() = default;
  virtual void save() {}
  virtual void flush() {}
};
struct Sealed final : Ledger {
  void save() override { ::write(1, "x", 1); }
};
struct Pinned : Ledger {
  void flush() final { ::sync(); }
};
struct Bare final : Store {};

task<> sealed(Sealed &s, Pinned &p, Bare &b) {
  s.save();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Sealed::save' waits for the file or pipe behind the descriptor inside coroutine 'sealed'
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:5: warning: 'Sealed::save' waits for the file or pipe behind the descriptor inside coroutine 'sealed'
  p.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Pinned::flush' waits for the file system inside coroutine 'sealed'
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:5: warning: 'Pinned::flush' waits for the file system inside coroutine 'sealed'
  // Store::save runs, not FileStore's: silent with the option too.
  b.save();
  Store local;
  local.save();
  co_return;
}

// The only overrider of a method that is pure, or has no definition here,
// is the one function the call can run: followed without the option.
struct Sink {
  virtual ~Sink() = default;
  virtual void put() = 0;
};
struct FileSink : Sink {
  void put() override { ::fsync(0); }
};
struct Pipe {
  virtual ~Pipe();
  virtual void push();
};
struct FilePipe : Pipe {
  void push() override { ::write(1, "x", 1); }
};

task<> drain(Sink &sink, Pipe &pipe) {
  sink.put();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'FileSink::put' waits for the file system inside coroutine 'drain'
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:8: warning: 'FileSink::put' waits for the file system inside coroutine 'drain'
  pipe.push();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'FilePipe::push' waits for the file or pipe behind the descriptor inside coroutine 'drain'
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:8: warning: 'FilePipe::push' waits for the file or pipe behind the descriptor inside coroutine 'drain'
  // Qualified: Pipe::push itself, defined elsewhere.
  pipe.Pipe::push();
  co_return;
}

// Two overriders are two targets: followed only with the option. Through a
// reference to one branch, the other branch's overriders cannot run.
struct Queue {
  virtual ~Queue() = default;
  virtual void pop() = 0;
};
struct LogQueue : Queue {
  void pop() override { ::write(1, "x", 1); }
};
struct Durable : Queue {};
struct DiskQueue : Durable {
  void pop() override { ::fsync(0); }
};

task<> consume(Queue &q, Durable &d) {
  q.pop();
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:5: warning: 'Queue::pop' waits for the file or pipe behind the descriptor inside coroutine 'consume'
  d.pop();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'DiskQueue::pop' waits for the file system inside coroutine 'consume'
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:5: warning: 'DiskQueue::pop' waits for the file system inside coroutine 'consume'
  co_return;
}
