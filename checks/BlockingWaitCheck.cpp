//===--- BlockingWaitCheck.cpp - async-tidy --------------------------===//

#include "BlockingWaitCheck.h"

namespace clang::tidy::async {

// Short critical sections are usually fine, so locking is opt-in.
static constexpr llvm::StringLiteral ReportMutexLocksOption =
    "ReportMutexLocks";

BlockingWaitCheck::BlockingWaitCheck(llvm::StringRef Name,
                                     ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context, Category::Wait),
      ReportMutexLocks(readLocalBool(ReportMutexLocksOption, false)) {
  enableOptIn(ReportMutexLocks);
}

void BlockingWaitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  BlockingCheckBase::storeOptions(Opts);
  Options.store(Opts, ReportMutexLocksOption, ReportMutexLocks);
}

} // namespace clang::tidy::async
