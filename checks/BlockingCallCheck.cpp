//===--- BlockingCallCheck.cpp - async-tidy --------------------------===//

#include "BlockingCallCheck.h"

namespace clang::tidy::async {

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name,
                                     ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context, Category::Call) {}

} // namespace clang::tidy::async
