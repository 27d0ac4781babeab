// QCoro against Debian's Qt 6 and QCoro 0.8: sleepFor for whole
// milliseconds (with its header included), offload through
// QtConcurrent::run, which needs no pool option, and QCoro's own waits for
// a QProcess, which must not be used from a pool's thread.
// REQUIRES: qcoro
// RUN: %check_async_tidy --compile-fixed=%clangxx --fix-notes %s async-blocking-sleep,async-blocking-file-io,async-blocking-process %t -- -I %inputs %qt_flags

// CHECK-FIXES: #include <QCoroFuture>
// CHECK-FIXES: #include <QCoroProcess>
#include <QCoroTask>
// CHECK-FIXES: #include <QCoroTimer>
// CHECK-FIXES: #include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QProcess>
#include <chrono>
#include <string>
#include <thread>

#include "blocking_helpers.h"

QCoro::Task<std::size_t> handler(int fd) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'handler'
  // CHECK-FIXES: co_await QCoro::sleepFor(std::chrono::milliseconds(20));
  // QCoro::sleepFor truncates to milliseconds: not equivalent here.
  std::this_thread::sleep_for(std::chrono::microseconds(1500));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps the thread inside coroutine 'handler'
  // CHECK-FIXES: co_await QtConcurrent::run([&] { std::this_thread::sleep_for(std::chrono::microseconds(1500)); });
  std::string text = read_file("/etc/hostname");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'read_file' opens a file inside coroutine 'handler'
  // CHECK-FIXES: std::string text = co_await QtConcurrent::run([&] { return read_file("/etc/hostname"); });
  flush(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' waits for the file system inside coroutine 'handler'
  // CHECK-FIXES: co_await QtConcurrent::run([&] { flush(fd); });
  co_return text.size();
}

QCoro::Task<bool> run_tool(QProcess &proc, QProcess *other) {
  proc.start(QStringLiteral("true"), {});
  bool started = proc.waitForStarted(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'QProcess::waitForStarted' waits for a child process inside coroutine 'run_tool'
  // CHECK-FIXES: bool started = co_await qCoro(proc).waitForStarted(1000);
  other->waitForFinished();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'QProcess::waitForFinished' waits for a child process inside coroutine 'run_tool'
  // CHECK-FIXES: co_await qCoro(other).waitForFinished();
  co_return started;
}
