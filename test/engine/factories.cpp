// A constructor hidden in a std factory is the caller's blocking call:
// std::make_unique<std::ifstream>(path) opens a file.
// RUN: %check_async_tidy %s async-blocking-file-io %t -- -I %inputs

#include "task.h"
#include <deque>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using test::task;

task<> upload(std::string path) {
  auto body = std::make_unique<std::ifstream>(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::make_unique' opens a file inside coroutine 'upload', stalling every coroutine on its thread [async-blocking-file-io]
  auto log = std::make_shared<std::ofstream>("/var/log/app.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'std::make_shared' opens a file inside coroutine 'upload'
  std::optional<std::ifstream> maybe;
  maybe.emplace(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::optional<std::basic_ifstream<char>>::emplace' opens a file inside coroutine 'upload'
  std::deque<std::ofstream> outs;
  outs.emplace_back(path + ".out");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::deque<std::basic_ofstream<char>>::emplace_back' opens a file inside coroutine 'upload'
  co_return;
}

// Nothing below opens a file: a default-constructed stream, string streams,
// and factories of other types.
task<> quiet(std::string text) {
  auto closed = std::make_unique<std::ifstream>();
  auto in = std::make_unique<std::istringstream>(text);
  auto s = std::make_shared<std::string>(text);
  std::vector<std::string> words;
  words.emplace_back(text);
  co_return;
}
