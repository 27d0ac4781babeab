//===--- BlockingFileIoCheck.cpp - async-tidy ------------------------===//

#include "BlockingFileIoCheck.h"

namespace clang::tidy::async {

BlockingFileIoCheck::BlockingFileIoCheck(llvm::StringRef Name,
                                         ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context, Category::FileIo) {}

} // namespace clang::tidy::async
