//===--- BlockingSocketCheck.cpp - async-tidy ------------------------===//

#include "BlockingSocketCheck.h"

namespace clang::tidy::async {

BlockingSocketCheck::BlockingSocketCheck(llvm::StringRef Name,
                                         ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context, Category::Socket) {}

} // namespace clang::tidy::async
