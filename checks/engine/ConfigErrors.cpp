//===--- ConfigErrors.cpp - async-tidy ------------------------------------===//

#include "ConfigErrors.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <mutex>

namespace clang::tidy::async {

void reportConfigError(llvm::StringRef Message) {
  static const bool Requested =
      std::getenv(VerifyConfigVariable.str().c_str()) != nullptr;
  if (!Requested)
    return;
  static std::mutex Lock;
  static llvm::StringSet<> Printed;
  const std::scoped_lock Guard(Lock);
  // Every check reads the global options: one line per message.
  if (Printed.insert(Message).second)
    llvm::errs() << "error: " << Message << " [clang-tidy-config]\n";
}

} // namespace clang::tidy::async
