//===--- ConfigChild.h - async-tidy -----------------------------*- C++ -*-===//
//
// What async-tidy adds to clang-tidy's --verify-config and --dump-config.
// Both construct the checks as --dump-config does, in a child process that
// asks (through the environment) for what clang-tidy cannot show: the
// checks' judgement of option values, and the analysis-wide options, which
// live under global keys that clang-tidy's --dump-config leaves out.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_CONFIGCHILD_H
#define ASYNC_TIDY_DRIVER_CONFIGCHILD_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>

namespace clang::tidy::async {

/// The configuration errors the checks find in the values, one line each;
/// empty if none, or if the child failed (clang-tidy's own pass then says
/// why).
std::string valueErrors(const char *Argv0, llvm::ArrayRef<char *> Args);

/// --dump-config with the analysis-wide options under their global keys.
/// RunClangTidy runs clang-tidy in this process; returns the exit status.
int dumpConfig(const char *Argv0, llvm::ArrayRef<char *> Args,
               llvm::function_ref<int()> RunClangTidy);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_CONFIGCHILD_H
