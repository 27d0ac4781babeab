//===--- BlockingDbCheck.cpp - async-tidy ----------------------------===//

#include "BlockingDbCheck.h"

namespace clang::tidy::async {

BlockingDbCheck::BlockingDbCheck(llvm::StringRef Name,
                                 ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context, Category::Db) {}

} // namespace clang::tidy::async
