//===--- Fixes.h - async-tidy -----------------------------------*- C++ -*-===//
//
// The two fixes of a blocking call in a coroutine, built from the catalog's
// templates. A swap fix rewrites the call into its framework's async twin
// where the rewrite is equivalent; an offload fix runs the call on a thread
// pool and resumes the coroutine with its result.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_FIXES_H
#define ASYNC_TIDY_ENGINE_FIXES_H

#include "Engine.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::async {

/// A rewrite of the finding's call, and the headers it needs included.
struct CallFix {
  FixItHint Replacement;
  std::vector<std::string> Includes;
};

/// The swap fix of a finding, or std::nullopt when no rule of the
/// coroutine's framework family applies safely.
std::optional<CallFix> buildSwapFix(const CoroutineReport &Report,
                                    const Finding &F, const Engine &E);

struct OffloadFix {
  std::optional<CallFix> Fix;
  /// When there is no fix only because options are missing: which.
  std::string MissingOptions;
  /// When no fix may be offered: why (a note says it).
  std::string Refused;
};

OffloadFix buildOffloadFix(const CoroutineReport &Report, const Finding &F,
                           const Engine &E, const OffloadSettings &Settings);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_FIXES_H
