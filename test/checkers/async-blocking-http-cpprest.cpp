// cpprestsdk (its headers unpacked from libcpprest-dev by ./run).
// REQUIRES: http-clients
// RUN: %check_async_tidy %s async-blocking-http %t -- -I %inputs -isystem %unpacked

#include "task.h"
#include <cpprest/http_client.h>

using test::task;

task<> cpprest(web::http::client::http_client &client) {
  auto response = client.request(web::http::methods::GET).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: 'pplx::task::get' waits for the request to finish inside coroutine 'cpprest', stalling every coroutine on its thread [async-blocking-http]
  client.request(web::http::methods::GET).wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'pplx::task::wait' waits for the request to finish
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> continuations(web::http::client::http_client &client) {
  // Chaining a continuation does not wait.
  auto t = client.request(web::http::methods::GET)
               .then([](web::http::http_response r) { return r.status_code(); });
  t.is_done();
  co_return;
}
