// concurrencpp (stand-in headers): offload to the background executor and
// resume on the home executor, also when the call throws.
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes --config="{CheckOptions: {OffloadExecutor: background, OffloadHomeExecutor: cpu}}" %s async-blocking-sleep,async-blocking-file-io,async-blocking-wait %t -- -I %inputs -I %inputs/frameworks

#include <concurrencpp/concurrencpp.h>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

extern std::shared_ptr<concurrencpp::thread_executor> background;
extern std::shared_ptr<concurrencpp::thread_pool_executor> cpu;
concurrencpp::result<std::size_t> handler(int fd) {
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await [&]() -> concurrencpp::lazy_result<std::string> { std::exception_ptr async_tidy_error; try { std::string async_tidy_result = co_await background->submit([&] { return read_file("/etc/hostname"); }); co_await concurrencpp::resume_on(cpu); co_return async_tidy_result; } catch (...) { async_tidy_error = std::current_exception(); } co_await concurrencpp::resume_on(cpu); std::rethrow_exception(async_tidy_error); }();
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await [&]() -> concurrencpp::lazy_result<void> { std::exception_ptr async_tidy_error; try { co_await background->submit([&] { flush(fd); }); } catch (...) { async_tidy_error = std::current_exception(); } co_await concurrencpp::resume_on(cpu); if (async_tidy_error) std::rethrow_exception(async_tidy_error); }();
  co_return text.size();
}
