//===--- BlockingHttpCheck.cpp - async-tidy --------------------------===//

#include "BlockingHttpCheck.h"

namespace clang::tidy::async {

BlockingHttpCheck::BlockingHttpCheck(llvm::StringRef Name,
                                     ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context, Category::Http) {}

} // namespace clang::tidy::async
