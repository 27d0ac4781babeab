//===--- BlockingProcessCheck.h - async-tidy --------------------*- C++ -*-===//

#ifndef ASYNC_TIDY_BLOCKINGPROCESSCHECK_H
#define ASYNC_TIDY_BLOCKINGPROCESSCHECK_H

#include "engine/BlockingCheckBase.h"

namespace clang::tidy::async {

/// Finds calls that run or wait for child processes (system,
/// popen, waitpid, Boost.Process waits) inside coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-process.md.
class BlockingProcessCheck : public BlockingCheckBase {
public:
  BlockingProcessCheck(llvm::StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGPROCESSCHECK_H
