//===--- LockedFile.h - async-tidy ------------------------------*- C++ -*-===//
//
// Report files that several async-tidy processes write at once (a parallel
// build with CMAKE_CXX_CLANG_TIDY, xargs -P, make -j): each process takes
// an advisory lock (flock) on the file, reads what the others wrote,
// merges its own into it and replaces the file atomically, so that no
// process's findings are lost and no reader sees half a file.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LOCKEDFILE_H
#define ASYNC_TIDY_DRIVER_LOCKEDFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <chrono>
#include <string>

namespace clang::tidy::async {

/// How long a process waits for another's lock before it gives up: a
/// merge takes well under a second, so only a stopped process holds one
/// this long.
inline constexpr std::chrono::seconds LockTimeout{600};

/// Replaces the file at Path with Update's text, given the file's current
/// text (empty when there is none), while holding an exclusive lock on it.
/// The new text goes to a temporary file in the same directory, renamed
/// over Path. A Path that exists and is not a regular file (/dev/null, a
/// FIFO) is written as it is, unlocked, with Update given nothing.
llvm::Error
updateLocked(llvm::StringRef Path,
             llvm::function_ref<std::string(llvm::StringRef Old)> Update,
             std::chrono::seconds Timeout = LockTimeout);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_LOCKEDFILE_H
