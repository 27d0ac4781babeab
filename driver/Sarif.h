//===--- Sarif.h - async-tidy -----------------------------------*- C++ -*-===//
//
// SARIF 2.1.0 output for async-tidy --sarif, converted from the diagnostics
// clang-tidy exports with --export-fixes (clang-tidy has no SARIF of its
// own). GitHub code scanning and other CI viewers read it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_SARIF_H
#define ASYNC_TIDY_DRIVER_SARIF_H

#include "DocsUrl.h"
#include "engine/FindingFilter.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/JSON.h"
#include <functional>
#include <string>
#include <vector>

namespace clang::tidy::async {

/// The run's category when --sarif-category does not give one.
inline constexpr llvm::StringLiteral DefaultSarifCategory = "async-tidy";

/// The key of the async-* finding reported at Offset of File (absolute) by
/// Check, as the baselines match it; nullptr if none.
using FindingKeyLookup = std::function<const FindingKey *(
    llvm::StringRef File, unsigned Offset, llvm::StringRef Check)>;

struct SarifRun {
  /// The absolute directory that %SRCROOT% stands for: locations inside
  /// it are written relative to it.
  std::string Root;
  int ExitStatus = 0;
  /// automationDetails.id, to which a "/" is appended when it does not end
  /// with one: GitHub keeps one set of alerts per category.
  std::string Category = DefaultSarifCategory.str();
  std::string DocsUrl = DefaultDocsUrl.str();
  /// Where the async-* findings' keys come from, for their fingerprints.
  FindingKeyLookup Keys;
  /// The main files analysed (absolute), which results and the invocation
  /// name as their translation units: merges replace what a log holds for
  /// them (SarifMerge.h).
  std::vector<std::string> Units;
};

/// The SARIF log of a run. Paths in Diagnostics must be absolute.
llvm::json::Value sarifLog(llvm::ArrayRef<tooling::Diagnostic> Diagnostics,
                           const SarifRun &Run);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_SARIF_H
