//===--- BlockingSocketCheck.h - async-tidy ---------------------*- C++ -*-===//

#ifndef ASYNC_TIDY_BLOCKINGSOCKETCHECK_H
#define ASYNC_TIDY_BLOCKINGSOCKETCHECK_H

#include "engine/BlockingCheckBase.h"

namespace clang::tidy::async {

/// Finds socket calls that wait (connect, accept, recv, send, DNS
/// look-ups, synchronous Asio, Beast and ZeroMQ operations) inside coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-socket.md.
class BlockingSocketCheck : public BlockingCheckBase {
public:
  BlockingSocketCheck(llvm::StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGSOCKETCHECK_H
