// HTTP clients: libcurl, curlpp, cpp-httplib, Poco (cpprestsdk has its own
// test: its U() macro breaks curl.h).
// REQUIRES: http-clients
// RUN: %check_async_tidy %s async-blocking-http %t -- -I %inputs

#include "task.h"
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <curl/curl.h>
#include <curlpp/Easy.hpp>
#include <curlpp/Options.hpp>
#include <httplib.h>

using test::task;

task<> curl(CURL *easy, CURLM *multi) {
  curl_easy_setopt(easy, CURLOPT_URL, "http://example.org");
  curl_easy_perform(easy);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' performs the whole transfer inside coroutine 'curl', stalling every coroutine on its thread [async-blocking-http]
  int running = 0;
  curl_multi_wait(multi, nullptr, 0, 1000, &running);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_multi_wait' waits for transfers
  co_return;
}

task<> curlpp_client() {
  curlpp::Easy request;
  request.setOpt(curlpp::options::Url("http://example.org"));
  request.perform();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'curlpp::Easy::perform' performs the whole transfer
  co_return;
}

task<int> httplib_client() {
  httplib::Client cli("http://example.org");
  auto res = cli.Get("/");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'httplib::Client::Get' performs the whole request
  cli.Post("/items", "{}", "application/json");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'httplib::Client::Post' performs the whole request
  co_return res ? res->status : 0;
}

task<> poco(Poco::Net::HTTPClientSession &session) {
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/");
  session.sendRequest(req);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'Poco::Net::HTTPClientSession::sendRequest' waits for the HTTP server
  Poco::Net::HTTPResponse res;
  session.receiveResponse(res);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'Poco::Net::HTTPClientSession::receiveResponse' waits for the HTTP server
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> setup_only(CURL *easy, CURLM *multi, httplib::Client &cli) {
  curl_easy_setopt(easy, CURLOPT_TIMEOUT, 5L);
  int running = 0;
  curl_multi_perform(multi, &running);
  curl_multi_wait(multi, nullptr, 0, 0, &running);
  cli.set_connection_timeout(5);
  cli.set_keep_alive(true);
  co_return;
}
