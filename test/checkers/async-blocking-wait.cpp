// RUN: %check_async_tidy %s async-blocking-wait %t -- -I %inputs
// RUN: %check_async_tidy --suffix=LOCKS %s async-blocking-wait %t \
// RUN:   --config="{CheckOptions: {async-blocking-wait.ReportMutexLocks: true}}" -- -I %inputs

#include "task.h"
#include <barrier>
#include <chrono>
#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <pthread.h>
#include <semaphore.h>
#include <semaphore>
#include <shared_mutex>
#include <thread>

using namespace std::chrono_literals;
using test::task;

task<int> futures(std::future<int> f, std::shared_future<int> sf) {
  f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future::wait' waits for another thread inside coroutine 'futures', stalling every coroutine on its thread [async-blocking-wait]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:5: warning: 'std::future::wait' waits for another thread
  sf.wait_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::shared_future::wait_for' waits for another thread
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:6: warning: 'std::shared_future::wait_for'
  int v = f.get() + sf.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' waits for another thread
  // CHECK-MESSAGES: :[[@LINE-2]]:24: warning: 'std::shared_future::get' waits for another thread
  // CHECK-MESSAGES-LOCKS: :[[@LINE-3]]:13: warning: 'std::future::get'
  // CHECK-MESSAGES-LOCKS: :[[@LINE-4]]:24: warning: 'std::shared_future::get'
  co_return v;
}

task<> threads(std::thread &worker, std::condition_variable &cv,
               std::mutex &m, std::latch &done, std::barrier<> &sync,
               std::counting_semaphore<8> &slots, pthread_t tid, sem_t *sem) {
  worker.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::thread::join' waits for another thread
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:10: warning: 'std::thread::join'
  std::unique_lock<std::mutex> lock(m);
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:32: warning: 'std::unique_lock::unique_lock' waits for a lock inside coroutine 'threads'
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' waits for another thread
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:6: warning: 'std::condition_variable::wait'
  done.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::latch::wait' waits for another thread
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:8: warning: 'std::latch::wait'
  sync.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::barrier::arrive_and_wait' waits for another thread
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:8: warning: 'std::barrier::arrive_and_wait'
  slots.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::counting_semaphore::acquire' waits for another thread
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:9: warning: 'std::counting_semaphore::acquire'
  pthread_join(tid, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_join' waits for another thread
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:3: warning: 'pthread_join'
  sem_wait(sem);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sem_wait' waits for another thread
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:3: warning: 'sem_wait'
  co_return;
}

// Methods inherited by the user's own classes count under the class they
// come from.
struct Job : std::future<int> {
  explicit Job(std::future<int> f) : std::future<int>(std::move(f)) {}
};
task<> derived(Job &job) {
  job.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::future::wait' waits for another thread inside coroutine 'derived'
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:7: warning: 'std::future::wait'
  co_return;
}

// Locking is reported only with ReportMutexLocks.
task<> locks(std::mutex &m, std::shared_mutex &rw) {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:31: warning: 'std::lock_guard::lock_guard' waits for a lock inside coroutine 'locks'
  rw.lock_shared();
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:6: warning: 'std::shared_mutex::lock_shared' waits for a lock
  m.lock();
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:5: warning: 'std::mutex::lock' waits for a lock
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> non_blocking(std::future<int> &f, std::counting_semaphore<8> &slots,
                    std::condition_variable &cv, std::mutex &m) {
  // Polling with a zero timeout, trying, notifying.
  f.wait_for(0s);
  f.wait_for(std::chrono::seconds(0));
  f.valid();
  slots.try_acquire();
  slots.release();
  cv.notify_all();
  cv.notify_one();
  m.try_lock();
  std::unique_lock<std::mutex> deferred(m, std::defer_lock);
  std::unique_lock<std::mutex> none;
  co_return;
}

void not_a_coroutine(std::future<int> &f, std::thread &t) {
  f.get();
  t.join();
}
