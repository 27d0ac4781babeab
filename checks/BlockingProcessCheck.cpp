//===--- BlockingProcessCheck.cpp - async-tidy -----------------------===//

#include "BlockingProcessCheck.h"

namespace clang::tidy::async {

BlockingProcessCheck::BlockingProcessCheck(llvm::StringRef Name,
                                           ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context, Category::Process) {}

} // namespace clang::tidy::async
