// Libraries a server links that read and write files: yaml-cpp, zlib's gz*
// files, spdlog's file sinks and minizip, against Debian's headers.
// REQUIRES: yaml-cpp, spdlog, minizip
// RUN: %check_async_tidy %s async-blocking-file-io %t -- -I %inputs

#include "task.h"
#include <memory>
#include <minizip/unzip.h>
#include <minizip/zip.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>
#include <sstream>
#include <string>
#include <yaml-cpp/yaml.h>
#include <zlib.h>

using test::task;

task<int> config(const std::string &path) {
  YAML::Node root = YAML::LoadFile(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'YAML::LoadFile' reads a file inside coroutine 'config', stalling every coroutine on its thread [async-blocking-file-io]
  std::vector<YAML::Node> docs = YAML::LoadAllFromFile(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'YAML::LoadAllFromFile' reads a file
  co_return root["port"].as<int>() + static_cast<int>(docs.size());
}

task<int> gz(const char *path) {
  gzFile in = gzopen(path, "rb");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'gzopen{{(64)?}}' waits for the file system inside coroutine 'gz'
  char buf[256];
  int n = gzread(in, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'gzread' reads a file
  gzgets(in, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gzgets' reads a file
  gzclose(in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gzclose' waits for the file system
  gzFile out = gzopen(path, "wb");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'gzopen{{(64)?}}' waits for the file system
  gzwrite(out, buf, static_cast<unsigned>(n));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gzwrite' writes a file
  gzputs(out, "end\n");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gzputs' writes a file
  gzflush(out, Z_SYNC_FLUSH);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gzflush' waits for the file system
  co_return n;
}

task<> logging(const std::string &dir) {
  auto app = spdlog::basic_logger_mt("app", dir + "/app.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'spdlog::basic_logger_mt' opens a log file inside coroutine 'logging'
  auto rot = spdlog::rotating_logger_mt("rot", dir + "/rot.log", 1 << 20, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'spdlog::rotating_logger_mt' opens a log file
  auto day = spdlog::daily_logger_mt("day", dir + "/day.log", 2, 30);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'spdlog::daily_logger_mt' opens a log file
  auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(dir + "/s.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::make_shared' opens a log file
  spdlog::sinks::rotating_file_sink_st rotating(dir + "/r.log", 1024, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'spdlog::sinks::rotating_file_sink::rotating_file_sink' opens a log file
  co_return;
}

task<int> zip(const char *archive, const char *copy) {
  unzFile in = unzOpen(archive);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'unzOpen' opens a file inside coroutine 'zip'
  unzGoToFirstFile(in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'unzGoToFirstFile' reads a file
  unzOpenCurrentFile(in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'unzOpenCurrentFile' reads a file
  char buf[512];
  int n = unzReadCurrentFile(in, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'unzReadCurrentFile' reads a file
  zipFile out = zipOpen(copy, APPEND_STATUS_CREATE);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'zipOpen' opens a file
  zipOpenNewFileInZip(out, "a.txt", nullptr, nullptr, 0, nullptr, 0, nullptr,
                      Z_DEFLATED, Z_DEFAULT_COMPRESSION);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'zipOpenNewFileInZip' writes a file
  zipWriteInFileInZip(out, buf, static_cast<unsigned>(n));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'zipWriteInFileInZip' writes a file
  zipClose(out, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'zipClose' writes a file
  co_return n;
}

//===--- Nothing below is reported ----------------------------------------===//

// Strings, memory, loggers without files, what a handle already knows.
task<int> in_memory(const std::string &text, gzFile in, unzFile zip,
                    int fd) {
  YAML::Node node = YAML::Load(text);
  std::vector<YAML::Node> docs = YAML::LoadAll(text);
  YAML::Emitter emitter;
  emitter << node;
  int ended = gzeof(in);
  int errnum = 0;
  const char *message = gzerror(in, &errnum);
  gzbuffer(in, 1 << 16);
  gzFile wrapped = gzdopen(fd, "rb");
  unz_global_info info;
  unzGetGlobalInfo(zip, &info);
  long offset = unztell(zip);
  std::ostringstream os;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(os);
  auto quiet = std::make_shared<spdlog::sinks::null_sink_mt>();
  spdlog::logger logger("mem", {sink, quiet});
  co_return ended + errnum + static_cast<int>(docs.size() + offset) +
      (message != nullptr) + (wrapped != nullptr);
}
