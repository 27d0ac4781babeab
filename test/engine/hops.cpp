// After 'co_await pool.schedule()' and other hops onto a pool, the rest of
// the block runs on the pool: blocking there is intended. A hop back to the
// event loop resumes reporting.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-sleep %t -- -I %inputs -I %inputs/frameworks %asio_flags
// RUN: %check_async_tidy --suffix=OPTION %s async-blocking-sleep %t \
// RUN:   --config="{CheckOptions: {HopAwaitables: 'my::to_workers,pool;my::to_loop,loop'}}" -- -I %inputs -I %inputs/frameworks %asio_flags

#include "task.h"
#include <asio.hpp>
#include <concurrencpp/concurrencpp.h>
#include <cppcoro/io_service.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <memory>
#include <unistd.h>

using test::task;

task<> cppcoro_hops(cppcoro::static_thread_pool &pool, cppcoro::io_service &io) {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'cppcoro_hops'
  // CHECK-MESSAGES-OPTION: :[[@LINE-2]]:3: warning: 'sleep' sleeps the thread
  co_await pool.schedule();
  sleep(2);
  {
    sleep(3);
  }
  co_await io.schedule();
  sleep(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'cppcoro_hops'
  // CHECK-MESSAGES-OPTION: :[[@LINE-2]]:3: warning: 'sleep' sleeps the thread
}

task<> block_scope(cppcoro::static_thread_pool &pool) {
  if (true) {
    co_await pool.schedule();
    sleep(1);
  }
  // The hop holds for the rest of its block.
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'block_scope'
  // CHECK-MESSAGES-OPTION: :[[@LINE-2]]:3: warning: 'sleep' sleeps the thread
}

task<> concurrencpp_hop(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  co_await concurrencpp::resume_on(ex);
  sleep(1);
}

// The same in a coroutine template, where the executor's type is a
// parameter: the call names resume_on by its overloads only.
template <class Executor> task<> template_hop(std::shared_ptr<Executor> ex) {
  co_await concurrencpp::resume_on(ex);
  sleep(1);
}
template task<> template_hop(std::shared_ptr<concurrencpp::thread_pool_executor>);

// concurrencpp starts a coroutine whose first parameter is executor_tag on
// the executor that follows: it runs there as a whole.
concurrencpp::result<void>
parallel(concurrencpp::executor_tag,
         std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  sleep(1);
  co_return;
}
concurrencpp::result<void>
untagged(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'untagged'
  // CHECK-MESSAGES-OPTION: :[[@LINE-2]]:3: warning: 'sleep' sleeps the thread
  co_return;
}

asio::awaitable<void> asio_hops(asio::thread_pool &pool) {
  auto home = co_await asio::this_coro::executor;
  co_await asio::post(asio::bind_executor(pool, asio::use_awaitable));
  sleep(1);
  co_await asio::post(asio::bind_executor(home, asio::use_awaitable));
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'asio_hops'
  // CHECK-MESSAGES-OPTION: :[[@LINE-2]]:3: warning: 'sleep' sleeps the thread
  // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::seconds(2)).async_wait(asio::use_awaitable);
  // CHECK-FIXES-OPTION: co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::seconds(2)).async_wait(asio::use_awaitable);
}

// Posting to the pool as a completion token does not move the coroutine.
asio::awaitable<void> not_a_hop(asio::thread_pool &pool) {
  co_await asio::post(pool, asio::use_awaitable);
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'not_a_hop'
  // CHECK-MESSAGES-OPTION: :[[@LINE-2]]:3: warning: 'sleep' sleeps the thread
  // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::seconds(1)).async_wait(asio::use_awaitable);
  // CHECK-FIXES-OPTION: co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::seconds(1)).async_wait(asio::use_awaitable);
}

// A team's own hops, declared with the HopAwaitables option.
namespace my {
std::suspend_never to_workers();
std::suspend_never to_loop();
} // namespace my
task<> own_hops() {
  co_await my::to_workers();
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'own_hops'
  co_await my::to_loop();
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' sleeps the thread inside coroutine 'own_hops'
  // CHECK-MESSAGES-OPTION: :[[@LINE-2]]:3: warning: 'sleep' sleeps the thread inside coroutine 'own_hops'
}
