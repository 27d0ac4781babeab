// libgit2, against Debian's headers: transfers wait for the remote, a
// repository's work tree and index for the disk.
// REQUIRES: libgit2
// RUN: %check_async_tidy %s async-blocking-socket,async-blocking-file-io %t -- -I %inputs

#include "task.h"
#include <git2.h>

using test::task;

task<int> mirror(const char *url, const char *path) {
  git_repository *repo = nullptr;
  int err = git_clone(&repo, url, path, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'git_clone' waits for the remote repository inside coroutine 'mirror', stalling every coroutine on its thread [async-blocking-socket]
  git_remote *origin = nullptr;
  git_remote_lookup(&origin, repo, "origin");
  git_remote_fetch(origin, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'git_remote_fetch' waits for the remote repository
  git_remote_push(origin, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'git_remote_push' waits for the remote repository
  git_remote_free(origin);
  git_repository_free(repo);
  co_return err;
}

task<int> local(const char *path) {
  git_repository *repo = nullptr;
  int err = git_repository_open(&repo, path);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'git_repository_open' waits for the repository's files inside coroutine 'local', stalling every coroutine on its thread [async-blocking-file-io]
  git_checkout_head(repo, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'git_checkout_head' waits for the repository's files
  git_status_list *status = nullptr;
  git_status_list_new(&status, repo, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'git_status_list_new' waits for the repository's files
  git_status_list_free(status);
  git_repository_free(repo);
  co_return err;
}

//===--- Nothing below is reported ----------------------------------------===//

// Options, object ids and errors are memory.
task<int> in_memory(const git_oid *oid) {
  git_clone_options options;
  git_clone_options_init(&options, GIT_CLONE_OPTIONS_VERSION);
  git_fetch_options fetch;
  git_fetch_options_init(&fetch, GIT_FETCH_OPTIONS_VERSION);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, oid);
  const git_error *e = git_error_last();
  co_return e ? e->klass : 0;
}
