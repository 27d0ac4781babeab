// POSIX's blocking calls beyond read and write: the cancellation points of
// POSIX.1-2017 XSH 2.9.5 (test/catalog/posix-cancellation-points.test holds
// the catalog against the whole list), each with its silent neighbours.
// RUN: %check_async_tidy %s async-blocking-file-io,async-blocking-sleep,async-blocking-wait,async-blocking-process,async-blocking-db %t -- -I %inputs
#include "task.h"
#include <aio.h>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <cwchar>
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <ftw.h>
#include <glob.h>
#include <grp.h>
#include <mqueue.h>
// gdbm's <ndbm.h> declares C functions without extern "C".
extern "C" {
#include <ndbm.h>
}
#include <netdb.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include <utmpx.h>
#include <wordexp.h>

using test::task;

// File locks wait only for the commands and flags that ask to: the
// constants are read from the headers' macros.
task<> locks(int fd, struct flock *lk) {
  fcntl(fd, F_SETLKW, lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fcntl' waits for a file lock inside coroutine 'locks', stalling every coroutine on its thread [async-blocking-file-io]
  fcntl(fd, F_OFD_SETLKW, lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fcntl' waits for a file lock inside coroutine 'locks', stalling every coroutine on its thread [async-blocking-file-io]
  lockf(fd, F_LOCK, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lockf' waits for a file lock inside coroutine 'locks', stalling every coroutine on its thread [async-blocking-file-io]
  flock(fd, LOCK_EX);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flock' waits for a file lock inside coroutine 'locks', stalling every coroutine on its thread [async-blocking-file-io]
  flock(fd, LOCK_SH);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flock' waits for a file lock inside coroutine 'locks', stalling every coroutine on its thread [async-blocking-file-io]
  co_await test::yield();
}

// POSIX's cancellation points (XSH 2.9.5) that wait for a signal, a
// message queue or a semaphore.
task<> signals(sigset_t *set, siginfo_t *info, const timespec *limit) {
  int sig;
  pause();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pause' sleeps until a signal arrives inside coroutine 'signals', stalling every coroutine on its thread [async-blocking-sleep]
  sigsuspend(set);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sigsuspend' sleeps until a signal arrives inside coroutine 'signals', stalling every coroutine on its thread [async-blocking-sleep]
  sigwait(set, &sig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sigwait' sleeps until a signal arrives inside coroutine 'signals', stalling every coroutine on its thread [async-blocking-sleep]
  sigwaitinfo(set, info);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sigwaitinfo' sleeps until a signal arrives inside coroutine 'signals', stalling every coroutine on its thread [async-blocking-sleep]
  sigtimedwait(set, info, limit);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sigtimedwait' sleeps until a signal arrives inside coroutine 'signals', stalling every coroutine on its thread [async-blocking-sleep]
  co_await test::yield();
}

task<> queues(mqd_t q, int msq, int sems, char *buf, sembuf *ops,
              const timespec *limit) {
  unsigned prio;
  mq_send(q, buf, 8, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mq_send' waits for a message queue inside coroutine 'queues', stalling every coroutine on its thread [async-blocking-wait]
  mq_receive(q, buf, 64, &prio);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mq_receive' waits for a message queue inside coroutine 'queues', stalling every coroutine on its thread [async-blocking-wait]
  mq_timedsend(q, buf, 8, 0, limit);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mq_timedsend' waits for a message queue inside coroutine 'queues', stalling every coroutine on its thread [async-blocking-wait]
  mq_timedreceive(q, buf, 64, &prio, limit);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mq_timedreceive' waits for a message queue inside coroutine 'queues', stalling every coroutine on its thread [async-blocking-wait]
  msgsnd(msq, buf, 8, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'msgsnd' waits for a message queue inside coroutine 'queues', stalling every coroutine on its thread [async-blocking-wait]
  msgrcv(msq, buf, 64, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'msgrcv' waits for a message queue inside coroutine 'queues', stalling every coroutine on its thread [async-blocking-wait]
  semop(sems, ops, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'semop' waits for a semaphore inside coroutine 'queues', stalling every coroutine on its thread [async-blocking-wait]
  co_await test::yield();
}

task<> files(const char *path, int fd, void *map, FILE *f, const aiocb *const *list) {
  struct stat st;
  chmod(path, 0600);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'chmod' waits for the file system inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  chown(path, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'chown' waits for the file system inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  link(path, "b");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'link' waits for the file system inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  symlink(path, "c");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'symlink' waits for the file system inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  char buf[64];
  readlink(path, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'readlink' waits for the file system inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  char tmpl[] = "/tmp/xXXXXXX";
  mkstemp(tmpl);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mkstemp' waits for the file system inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  tmpfile();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tmpfile' waits for the file system inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  remove(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'remove' waits for the file system inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  fstat(fd, &st);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fstat' waits for the file system inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  glob_t g;
  glob("*.txt", 0, nullptr, &g);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'glob' walks directories inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  dirent **entries;
  scandir(".", &entries, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'scandir' walks directories inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  nftw(".", nullptr, 8, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nftw' walks directories inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  dlopen("libm.so.6", RTLD_NOW);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'dlopen' loads a file from disk inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  msync(map, 4096, MS_SYNC);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'msync' writes the mapped pages to the file inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  tcdrain(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tcdrain' waits until the terminal has sent its output inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  aio_suspend(list, 1, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'aio_suspend' waits for asynchronous I/O to complete inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  fseek(f, 0, SEEK_SET);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fseek' may write the stream's buffer to the file inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  dprintf(fd, "%d\n", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'dprintf' waits for the file or pipe behind the descriptor inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  fgetwc(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fgetwc' waits for a file or the terminal inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  fputws(L"x", f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fputws' writes to a stream that may be a file or a pipe inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  fwprintf(f, L"%d", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fwprintf' writes to a stream that may be a file or a pipe inside coroutine 'files', stalling every coroutine on its thread [async-blocking-file-io]
  co_await test::yield();
}

task<> databases(uid_t uid, DBM *db, datum key) {
  getpwnam("root");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getpwnam' queries a system database through NSS (files or a directory service) inside coroutine 'databases', stalling every coroutine on its thread [async-blocking-file-io]
  getpwuid(uid);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getpwuid' queries a system database through NSS (files or a directory service) inside coroutine 'databases', stalling every coroutine on its thread [async-blocking-file-io]
  getgrnam("wheel");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getgrnam' queries a system database through NSS (files or a directory service) inside coroutine 'databases', stalling every coroutine on its thread [async-blocking-file-io]
  getservbyname("http", "tcp");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getservbyname' queries a system database through NSS (files or a directory service) inside coroutine 'databases', stalling every coroutine on its thread [async-blocking-file-io]
  getutxent();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getutxent' reads a system file inside coroutine 'databases', stalling every coroutine on its thread [async-blocking-file-io]
  dbm_fetch(db, key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'dbm_fetch' waits for the database file inside coroutine 'databases', stalling every coroutine on its thread [async-blocking-db]
  co_await test::yield();
}

task<> processes(pid_t *pid, char *const *argv, char *const *envp, wordexp_t *w) {
  posix_spawn(pid, "/bin/true", nullptr, nullptr, argv, envp);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'posix_spawn' waits until the child process starts its program inside coroutine 'processes', stalling every coroutine on its thread [async-blocking-process]
  wordexp("$(date)", w, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'wordexp' may run a shell for command substitution inside coroutine 'processes', stalling every coroutine on its thread [async-blocking-process]
  co_await test::yield();
}

//===--- Nothing below is reported ----------------------------------------===//

task<> quiet(int fd, struct flock *lk, void *map, FILE *f, int msq, char *buf,
             const char *path) {
  // Locks that do not wait, and fcntl's other commands.
  fcntl(fd, F_SETLK, lk);
  fcntl(fd, F_GETLK, lk);
  fcntl(fd, F_OFD_SETLK, lk);
  fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  lockf(fd, F_TLOCK, 0);
  lockf(fd, F_TEST, 0);
  lockf(fd, F_ULOCK, 0);
  flock(fd, LOCK_EX | LOCK_NB);
  flock(fd, LOCK_SH | LOCK_NB);
  flock(fd, LOCK_UN);
  msync(map, 4096, MS_ASYNC);
  msgsnd(msq, buf, 8, IPC_NOWAIT);
  msgrcv(msq, buf, 64, 0, IPC_NOWAIT | MSG_NOERROR);
  // Standard output and error, positions, memory.
  dprintf(STDERR_FILENO, "%d\n", 1);
  dprintf(STDOUT_FILENO, "%d\n", 1);
  fputws(L"x", stderr);
  fwprintf(stdout, L"%d", 1);
  printf("%d\n", 1);
  puts("x");
  perror("x");
  ftell(f);
  ungetc('x', f);
  lseek(fd, 0, SEEK_SET);
  close(fd);
  char cwd[256];
  getcwd(cwd, sizeof cwd);
  time_t now = time(nullptr);
  localtime(&now);
  strerror(2);
  endpwent();
  wordexp_t w;
  wordexp("$HOME", &w, WRDE_NOCMD);
  co_await test::yield();
}
