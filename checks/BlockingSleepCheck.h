//===--- BlockingSleepCheck.h - async-tidy ----------------------*- C++ -*-===//

#ifndef ASYNC_TIDY_BLOCKINGSLEEPCHECK_H
#define ASYNC_TIDY_BLOCKINGSLEEPCHECK_H

#include "engine/BlockingCheckBase.h"

namespace clang::tidy::async {

/// Finds calls that sleep the thread (std::this_thread::sleep_for, ::sleep,
/// nanosleep, ...) inside coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-sleep.md.
class BlockingSleepCheck : public BlockingCheckBase {
public:
  BlockingSleepCheck(llvm::StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGSLEEPCHECK_H
