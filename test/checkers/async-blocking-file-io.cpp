// RUN: %check_async_tidy %s async-blocking-file-io %t -- -I %inputs

#include "task.h"
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using test::task;

task<std::string> load(const char *path) {
  FILE *f = fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' waits for the file system inside coroutine 'load', stalling every coroutine on its thread [async-blocking-file-io]
  char buf[256];
  fgets(buf, sizeof buf, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fgets' waits for a file or the terminal
  fread(buf, 1, sizeof buf, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fread' waits for a file or the terminal
  fprintf(f, "%d\n", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fprintf' writes to a stream that may be a file or a pipe
  fflush(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fflush' waits for the file system
  int fd = open(path, O_RDONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'open' waits for the file system
  read(fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' waits for the file or pipe behind the descriptor
  pwrite(fd, buf, 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pwrite' waits for the file system
  fsync(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fsync' waits for the file system
  struct stat st;
  stat(path, &st);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stat' waits for the file system
  co_await test::yield();
  co_return buf;
}

task<> streams(const std::string &path) {
  std::ifstream in(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::basic_ifstream::basic_ifstream' opens a file inside coroutine 'streams'
  std::ofstream out;
  out.open(path + ".bak");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::basic_ofstream::open' opens a file
  std::fstream both(path, std::ios::in | std::ios::out);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::basic_fstream::basic_fstream' opens a file
  co_return;
}

// Reads and writes on a file stream opened elsewhere (a member, a
// parameter): each may wait for the disk.
struct Upload {
  std::ifstream source;
  std::ofstream journal;
};

task<> stream_io(Upload &u, std::fstream &both) {
  char buf[4096];
  u.source.read(buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::basic_ifstream::read' reads a file inside coroutine 'stream_io'
  std::string line;
  std::getline(u.source, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::getline' reads a file inside coroutine 'stream_io'
  int n = 0;
  u.source >> n;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::basic_ifstream::operator>>' reads a file inside coroutine 'stream_io'
  u.journal << "uploaded " << n << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::operator<<' writes a file inside coroutine 'stream_io'
  u.journal.write(buf, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::basic_ofstream::write' writes a file inside coroutine 'stream_io'
  u.journal.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::basic_ofstream::flush' writes a file inside coroutine 'stream_io'
  both << n;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::basic_fstream::operator<<' writes a file inside coroutine 'stream_io'
  // Other queries touch no file.
  (void)u.source.good();
  (void)u.journal.tellp();
  co_return;
}

task<> filesystem(const fs::path &dir) {
  if (fs::exists(dir / "config.yaml"))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::filesystem::exists' queries the file system
    fs::file_size(dir / "config.yaml");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::filesystem::file_size' queries the file system
  fs::create_directories(dir / "cache");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::create_directories' changes the file system
  std::error_code ec;
  fs::remove(dir / "stale", ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::remove' changes the file system
  for (const auto &entry : fs::directory_iterator(dir))
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'std::filesystem::directory_iterator::directory_iterator' reads a directory
    (void)entry;
  fs::is_directory(dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::is_directory' queries the file system
  co_return;
}

task<int> standard_input() {
  int n = 0;
  std::cin >> n;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::basic_istream::operator>>' waits for standard input
  std::string line;
  std::getline(std::cin, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::getline' waits for standard input
  std::cin >> line;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::operator>>' waits for standard input
  getchar();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getchar' waits for a file or the terminal
  co_return n;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> memory_only(const fs::path &p, std::istringstream &in) {
  // Path arithmetic never touches the disk.
  fs::path config = p / "config.yaml";
  config.extension();
  config.stem();
  config.replace_extension(".bak");
  config.lexically_normal();
  // Neither do queries of a status already obtained.
  fs::file_status status;
  fs::is_directory(status);
  fs::exists(status);
  // String streams are memory.
  std::ostringstream out;
  out << "x";
  int n;
  in >> n;
  std::string line;
  std::getline(in, line);
  std::stringstream both("1 2");
  both >> n;
  // A default-constructed file stream opens nothing.
  std::ifstream closed;
  (void)closed.is_open();
  snprintf(nullptr, 0, "%d", n);
  // Messages to the terminal.
  fprintf(stderr, "%d\n", n);
  fputs("done\n", stderr);
  fwrite("ok\n", 1, 3, stdout);
  std::cerr << "done" << std::endl;
  co_return;
}

void not_a_coroutine(const char *path) {
  std::ifstream in(path);
  fopen(path, "r");
}
