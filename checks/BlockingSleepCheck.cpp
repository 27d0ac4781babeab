//===--- BlockingSleepCheck.cpp - async-tidy ------------------------------===//

#include "BlockingSleepCheck.h"

namespace clang::tidy::async {

BlockingSleepCheck::BlockingSleepCheck(llvm::StringRef Name,
                                       ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context, Category::Sleep) {}

} // namespace clang::tidy::async
