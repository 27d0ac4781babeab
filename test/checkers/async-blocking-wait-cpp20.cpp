// C++20's waits: atomic waits, condition_variable_any with a stop_token,
// barriers, latches, semaphores, timed locks; and their siblings that do not
// wait (test/catalog/cpp20-waits.test holds the catalog against the list).
// RUN: %check_async_tidy %s async-blocking-wait %t -- -I %inputs
// RUN: %check_async_tidy --suffix=LOCKS %s async-blocking-wait %t \
// RUN:   --config="{CheckOptions: {async-blocking-wait.ReportMutexLocks: true}}" -- -I %inputs

#include "task.h"
#include <atomic>
#include <barrier>
#include <chrono>
#include <condition_variable>
#include <latch>
#include <mutex>
#include <semaphore>
#include <shared_mutex>
#include <stop_token>

using namespace std::chrono_literals;
using test::task;

task<> atomics(std::atomic<int> &n, std::atomic<bool> &flag,
               std::atomic<int *> &ptr, std::atomic_flag &f, int &raw) {
  n.wait(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::atomic::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:5: warning: 'std::atomic::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  flag.wait(false, std::memory_order_acquire);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::atomic::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:8: warning: 'std::atomic::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  ptr.wait(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::atomic::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:7: warning: 'std::atomic::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  f.wait(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::atomic_flag::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:5: warning: 'std::atomic_flag::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  std::atomic_ref<int> ref(raw);
  ref.wait(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::atomic_ref::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:7: warning: 'std::atomic_ref::wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  std::atomic_wait(&n, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::atomic_wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:3: warning: 'std::atomic_wait' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  std::atomic_wait_explicit(&n, 0, std::memory_order_relaxed);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::atomic_wait_explicit' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:3: warning: 'std::atomic_wait_explicit' waits for another thread inside coroutine 'atomics', stalling every coroutine on its thread [async-blocking-wait]
  co_await test::yield();
}

task<> others(std::condition_variable_any &cv, std::mutex &m,
              std::stop_token stop, std::barrier<> &sync, std::latch &done,
              std::binary_semaphore &ready) {
  std::unique_lock<std::mutex> lock(m);
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:32: warning: 'std::unique_lock::unique_lock' waits for a lock inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  cv.wait(lock, stop, [] { return false; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable_any::wait' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:6: warning: 'std::condition_variable_any::wait' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  cv.wait_for(lock, stop, 10ms, [] { return false; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable_any::wait_for' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:6: warning: 'std::condition_variable_any::wait_for' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  cv.wait_until(lock, stop, std::chrono::steady_clock::now() + 1s, [] { return false; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable_any::wait_until' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:6: warning: 'std::condition_variable_any::wait_until' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  cv.wait_for(lock, 10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable_any::wait_for' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:6: warning: 'std::condition_variable_any::wait_for' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  sync.wait(sync.arrive());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::barrier::wait' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:8: warning: 'std::barrier::wait' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  done.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::latch::arrive_and_wait' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:8: warning: 'std::latch::arrive_and_wait' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  ready.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::counting_semaphore::acquire' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:9: warning: 'std::counting_semaphore::acquire' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  ready.try_acquire_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::counting_semaphore::try_acquire_for' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:9: warning: 'std::counting_semaphore::try_acquire_for' waits for another thread inside coroutine 'others', stalling every coroutine on its thread [async-blocking-wait]
  co_await test::yield();
}

// Locks: reported only with ReportMutexLocks.
task<> locks(std::timed_mutex &tm, std::shared_timed_mutex &stm,
             std::unique_lock<std::mutex> &held,
             std::shared_lock<std::shared_mutex> &shared) {
  tm.try_lock_for(10ms);
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:6: warning: 'std::timed_mutex::try_lock_for' waits for a lock inside coroutine 'locks', stalling every coroutine on its thread [async-blocking-wait]
  stm.try_lock_shared_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:7: warning: 'std::shared_timed_mutex::try_lock_shared_until' waits for a lock inside coroutine 'locks', stalling every coroutine on its thread [async-blocking-wait]
  held.lock();
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:8: warning: 'std::unique_lock::lock' waits for a lock inside coroutine 'locks', stalling every coroutine on its thread [async-blocking-wait]
  shared.lock();
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:10: warning: 'std::shared_lock::lock' waits for a lock inside coroutine 'locks', stalling every coroutine on its thread [async-blocking-wait]
  tm.try_lock_for(0s);
  tm.try_lock();
  co_await test::yield();
}

//===--- Nothing below is reported ----------------------------------------===//

// Notifying, trying, arriving, and timed waits of zero (the lock taken for
// the condition variables is reported with ReportMutexLocks).
task<> quiet(std::atomic<int> &n, std::atomic_flag &f, std::barrier<> &sync,
             std::latch &done, std::binary_semaphore &ready,
             std::condition_variable_any &cv, std::condition_variable &cv2, std::mutex &m, std::stop_token stop) {
  n.notify_one();
  n.notify_all();
  n.load();
  f.test();
  f.notify_all();
  std::atomic_notify_one(&n);
  auto token = sync.arrive();
  sync.arrive_and_drop();
  done.count_down();
  done.try_wait();
  ready.try_acquire();
  ready.try_acquire_for(0s);
  ready.release();
  std::unique_lock<std::mutex> lock(m);
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:32: warning: 'std::unique_lock::unique_lock' waits for a lock inside coroutine 'quiet', stalling every coroutine on its thread [async-blocking-wait]
  cv.wait_for(lock, 0s);
  cv.wait_for(lock, stop, 0s, [] { return false; });
  cv2.wait_for(lock, 0ms);
  co_await test::yield();
}
