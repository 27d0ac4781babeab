//===--- BlockingDbCheck.h - async-tidy -------------------------*- C++ -*-===//

#ifndef ASYNC_TIDY_BLOCKINGDBCHECK_H
#define ASYNC_TIDY_BLOCKINGDBCHECK_H

#include "engine/BlockingCheckBase.h"

namespace clang::tidy::async {

/// Finds synchronous database client calls (libpq, libpqxx, SQLite,
/// MariaDB, SOCI, hiredis, MongoDB, librdkafka) inside coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-db.md.
class BlockingDbCheck : public BlockingCheckBase {
public:
  BlockingDbCheck(llvm::StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGDBCHECK_H
