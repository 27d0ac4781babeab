//===--- BlockingCallCheck.h - async-tidy -----------------------*- C++ -*-===//

#ifndef ASYNC_TIDY_BLOCKINGCALLCHECK_H
#define ASYNC_TIDY_BLOCKINGCALLCHECK_H

#include "engine/BlockingCheckBase.h"

namespace clang::tidy::async {

/// Finds calls to functions the user declares blocking, by option or
/// by annotation ([[clang::blocking]], async_tidy::blocking), inside
/// coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-call.md.
class BlockingCallCheck : public BlockingCheckBase {
public:
  BlockingCallCheck(llvm::StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGCALLCHECK_H
