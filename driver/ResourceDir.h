//===--- ResourceDir.h - async-tidy -----------------------------*- C++ -*-===//
//
// Clang tools look for their builtin headers (stddef.h, ...) next to their own
// binary. Ours live elsewhere, so the drivers point them at the resource
// directory of the LLVM they were built against.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_RESOURCEDIR_H
#define ASYNC_TIDY_DRIVER_RESOURCEDIR_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include <string>
#include <vector>

namespace clang::tidy::async {

/// Inserts Flag + the resource directory after argv[0] unless an argument
/// already starts with one of UserFlags or the directory is missing.
inline std::vector<char *>
withResourceDir(int Argc, char **Argv, llvm::StringRef Flag,
                std::initializer_list<llvm::StringRef> UserFlags,
                std::string &Storage) {
  std::vector<char *> Args(Argv, Argv + Argc);
  for (int I = 1; I < Argc; ++I)
    for (llvm::StringRef U : UserFlags)
      if (llvm::StringRef(Argv[I]).starts_with(U))
        return Args;
  if (!llvm::sys::fs::is_directory(ASYNC_TIDY_RESOURCE_DIR))
    return Args;
  Storage = (Flag + ASYNC_TIDY_RESOURCE_DIR).str();
  Args.insert(Args.begin() + 1, Storage.data());
  return Args;
}

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_RESOURCEDIR_H
