//===--- BlockingFileIoCheck.h - async-tidy ---------------------*- C++ -*-===//

#ifndef ASYNC_TIDY_BLOCKINGFILEIOCHECK_H
#define ASYNC_TIDY_BLOCKINGFILEIOCHECK_H

#include "engine/BlockingCheckBase.h"

namespace clang::tidy::async {

/// Finds synchronous file I/O (stdio, POSIX, file streams,
/// std::filesystem operations that touch the disk) inside coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-file-io.md.
class BlockingFileIoCheck : public BlockingCheckBase {
public:
  BlockingFileIoCheck(llvm::StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGFILEIOCHECK_H
