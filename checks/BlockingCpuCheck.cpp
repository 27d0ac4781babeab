//===--- BlockingCpuCheck.cpp - async-tidy ---------------------------===//

#include "BlockingCpuCheck.h"

namespace clang::tidy::async {

BlockingCpuCheck::BlockingCpuCheck(llvm::StringRef Name,
                                   ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context, Category::Cpu) {}

} // namespace clang::tidy::async
