//===--- BlockingHttpCheck.h - async-tidy -----------------------*- C++ -*-===//

#ifndef ASYNC_TIDY_BLOCKINGHTTPCHECK_H
#define ASYNC_TIDY_BLOCKINGHTTPCHECK_H

#include "engine/BlockingCheckBase.h"

namespace clang::tidy::async {

/// Finds synchronous HTTP and RPC client calls (libcurl easy,
/// curlpp, cpp-httplib, cpprestsdk waits, Poco, gRPC stubs) inside coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-http.md.
class BlockingHttpCheck : public BlockingCheckBase {
public:
  BlockingHttpCheck(llvm::StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGHTTPCHECK_H
