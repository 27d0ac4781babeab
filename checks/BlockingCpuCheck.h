//===--- BlockingCpuCheck.h - async-tidy ------------------------*- C++ -*-===//

#ifndef ASYNC_TIDY_BLOCKINGCPUCHECK_H
#define ASYNC_TIDY_BLOCKINGCPUCHECK_H

#include "engine/BlockingCheckBase.h"

namespace clang::tidy::async {

/// Finds calls known to be CPU-heavy (password hashing, key
/// derivation, whole-buffer compression, std::regex construction) inside
/// coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-cpu.md.
class BlockingCpuCheck : public BlockingCheckBase {
public:
  BlockingCpuCheck(llvm::StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGCPUCHECK_H
