//===--- Version.h - async-tidy ---------------------------------*- C++ -*-===//
//
// async-tidy's own version (CMake's project version), which the programs
// print after LLVM's version lines: a bug report then names both.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_VERSION_H
#define ASYNC_TIDY_DRIVER_VERSION_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::async {

inline constexpr llvm::StringLiteral Version = ASYNC_TIDY_VERSION;

/// "async-tidy 0.2.0", for the program named Program.
inline void printVersionLine(llvm::raw_ostream &OS, llvm::StringRef Program) {
  OS << Program << " " << Version << "\n";
}

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_VERSION_H
