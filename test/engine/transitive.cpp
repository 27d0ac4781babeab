// Blocking calls hidden behind helpers are reported at the call in the
// coroutine, under the category of the API at the end of the chain, with
// notes that walk the chain.
// RUN: %check_async_tidy %s async-blocking-file-io,async-blocking-sleep,async-blocking-db %t -- -I %inputs -I %src/include
// RUN: %check_async_tidy --suffix=SHALLOW %s async-blocking-file-io,async-blocking-sleep,async-blocking-db %t \
// RUN:   --config="{CheckOptions: {MaxDepth: 1}}" -- -I %inputs -I %src/include
// RUN: %check_async_tidy --suffix=OFF %s async-blocking-file-io,async-blocking-sleep,async-blocking-db %t \
// RUN:   --config="{CheckOptions: {async-blocking-file-io.TransitiveSearch: false}}" -- -I %inputs -I %src/include

#include "task.h"
#include <async-tidy/annotations.h>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using test::task;

std::string read_all(const std::string &path) {
  std::ifstream in(path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string load_settings() { return read_all("/etc/app.conf"); }

task<std::string> serve() {
  std::string s = load_settings();
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'load_settings' opens a file inside coroutine 'serve', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-NOTES: :[[@LINE-5]]:38: note: 'load_settings' calls 'read_all' here
  // CHECK-NOTES: :[[@LINE-12]]:17: note: 'read_all' calls 'std::basic_ifstream::basic_ifstream' here, which opens a file
  // CHECK-NOTES: :[[@LINE+9]]:3: note: 'serve' is a coroutine because of this 'co_return'
  // CHECK-NOTES: :[[@LINE-5]]:19: note: to offload 'load_settings' to a thread pool, set option 'OffloadTemplate'
  // CHECK-MESSAGES-SHALLOW-NOT: :[[@LINE-6]]:{{.*}} warning:
  read_all("/tmp/x");
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'read_all' opens a file inside coroutine 'serve'
  // CHECK-NOTES: :[[@LINE-18]]:17: note: 'read_all' calls 'std::basic_ifstream::basic_ifstream' here, which opens a file
  // CHECK-NOTES: :[[@LINE+3]]:3: note: 'serve' is a coroutine because of this 'co_return'
  // CHECK-NOTES: :[[@LINE-4]]:3: note: to offload 'read_all' to a thread pool, set option 'OffloadTemplate'
  // CHECK-MESSAGES-SHALLOW: :[[@LINE-5]]:3: warning: 'read_all' opens a file inside coroutine 'serve'
  co_return s;
}

// Recursion and mutual recursion terminate; the blocking call is found.
void ping(int n);
void pong(int n) {
  if (n == 0)
    sleep(1);
  else
    ping(n - 1);
}
void ping(int n) { pong(n); }
int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

task<> recursion() {
  ping(3);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ping' sleeps the thread inside coroutine 'recursion', stalling every coroutine on its thread [async-blocking-sleep]
  // CHECK-NOTES: :[[@LINE-6]]:20: note: 'ping' calls 'pong' here
  // CHECK-NOTES: :[[@LINE-11]]:5: note: 'pong' calls 'sleep' here, which sleeps the thread
  // CHECK-NOTES: :[[@LINE+5]]:3: note: 'recursion' is a coroutine because of this 'co_return'
  // CHECK-NOTES: :[[@LINE-5]]:3: note: to offload 'ping' to a thread pool, set option 'OffloadTemplate'
  // CHECK-MESSAGES-SHALLOW-NOT: :[[@LINE-6]]:{{.*}} warning:
  // CHECK-MESSAGES-OFF: :[[@LINE-7]]:3: warning: 'ping' sleeps the thread
  fact(5);
  co_return;
}

// Member functions, templates, and a helper called twice: one warning per
// call in a coroutine, analysed once.
struct Repo {
  void flush() { ::fsync(fd); }
  int fd = 0;
};
template <typename T> void save(T &repo) { repo.flush(); }

task<> members(Repo &r) {
  save(r);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'save' waits for the file system inside coroutine 'members'
  // CHECK-NOTES: :[[@LINE-5]]:49: note: 'save' calls 'Repo::flush' here
  // CHECK-NOTES: :[[@LINE-9]]:18: note: 'Repo::flush' calls 'fsync' here, which waits for the file system
  // CHECK-NOTES: :[[@LINE+9]]:3: note: 'members' is a coroutine because of this 'co_return'
  // CHECK-NOTES: :[[@LINE-5]]:3: note: to offload 'save' to a thread pool, set option 'OffloadTemplate'
  // CHECK-MESSAGES-SHALLOW-NOT: :[[@LINE-6]]:{{.*}} warning:
  r.flush();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Repo::flush' waits for the file system inside coroutine 'members'
  // CHECK-NOTES: :[[@LINE-15]]:18: note: 'Repo::flush' calls 'fsync' here, which waits for the file system
  // CHECK-NOTES: :[[@LINE+3]]:3: note: 'members' is a coroutine because of this 'co_return'
  // CHECK-NOTES: :[[@LINE-4]]:5: note: to offload 'Repo::flush' to a thread pool, set option 'OffloadTemplate'
  // CHECK-MESSAGES-SHALLOW: :[[@LINE-5]]:5: warning: 'Repo::flush' waits for the file system
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

// Declared without a body: not blocking unless the catalog or an annotation
// says so.
void opaque();
// Declared non-blocking: the search stops here.
ASYNC_TIDY_NONBLOCKING void trusted() { sleep(1); }
void calls_trusted() { trusted(); }
// Pure computation.
int sum(int a, int b) { return a + b; }
// Another coroutine is analysed on its own, not as a helper.
task<> other() {
  co_return;
}

task<> quiet() {
  opaque();
  trusted();
  calls_trusted();
  sum(1, 2);
  other();
  co_return;
}

// Library internals are described by the catalog, not searched: a string
// stream is memory.
task<> library() {
  std::stringstream s;
  s << 42;
  std::string out = s.str();
  co_return;
}
