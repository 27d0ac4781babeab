//===--- BlockingWaitCheck.h - async-tidy -----------------------*- C++ -*-===//

#ifndef ASYNC_TIDY_BLOCKINGWAITCHECK_H
#define ASYNC_TIDY_BLOCKINGWAITCHECK_H

#include "engine/BlockingCheckBase.h"

namespace clang::tidy::async {

/// Finds blocking waits (futures, joins, condition variables, latches,
/// semaphores) and nested event loops inside coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-wait.md.
class BlockingWaitCheck : public BlockingCheckBase {
public:
  BlockingWaitCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  const bool ReportMutexLocks;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGWAITCHECK_H
