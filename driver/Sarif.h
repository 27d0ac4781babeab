//===--- Sarif.h - async-tidy -----------------------------------*- C++ -*-===//
//
// SARIF 2.1.0 output for async-tidy --sarif, converted from the diagnostics
// clang-tidy exports with --export-fixes (clang-tidy has no SARIF of its
// own). GitHub code scanning and other CI viewers read it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_SARIF_H
#define ASYNC_TIDY_DRIVER_SARIF_H

#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/JSON.h"
#include <string>

namespace clang::tidy::async {

/// The project's home page, and where each check's page is.
inline constexpr llvm::StringLiteral ProjectUrl =
    "https://github.com/async-tidy/async-tidy";
std::string checkDocsUrl(llvm::StringRef Check);

struct SarifRun {
  /// The absolute directory that %SRCROOT% stands for: locations inside
  /// it are written relative to it.
  std::string Root;
  int ExitStatus = 0;
};

/// The SARIF log of a run. Paths in Diagnostics must be absolute.
llvm::json::Value sarifLog(llvm::ArrayRef<tooling::Diagnostic> Diagnostics,
                           const SarifRun &Run);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_SARIF_H
