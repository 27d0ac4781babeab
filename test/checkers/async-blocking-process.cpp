// RUN: %check_async_tidy %s async-blocking-process %t -- -I %inputs

#include "task.h"
#include <boost/process/child.hpp>
#include <boost/process/system.hpp>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

using test::task;

task<int> run(pid_t pid, boost::process::child &child) {
  int status = std::system("make");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'system' waits for a child process inside coroutine 'run', stalling every coroutine on its thread [async-blocking-process]
  FILE *p = popen("ls", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'popen' waits for a child process
  pclose(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pclose' waits for a child process
  waitpid(pid, &status, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'waitpid' waits for a child process
  wait(&status);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'wait' waits for a child process
  child.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'boost::process::child::wait' waits for a child process
  boost::process::system("true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::process::system' waits for a child process
  co_return status;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> polling(pid_t pid, boost::process::child &child) {
  int status;
  waitpid(pid, &status, WNOHANG);
  waitpid(-1, &status, WNOHANG | WUNTRACED);
  siginfo_t info;
  waitid(P_PID, pid, &info, WEXITED | WNOHANG);
  child.running();
  co_return;
}
