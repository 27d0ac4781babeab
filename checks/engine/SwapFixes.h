//===--- SwapFixes.h - async-tidy -------------------------------*- C++ -*-===//
//
// Swap fixes: rewrite a blocking call into its framework's async twin, from
// the catalog's swap rules, only where the rewrite is known to be equivalent.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_SWAPFIXES_H
#define ASYNC_TIDY_ENGINE_SWAPFIXES_H

#include "Engine.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>

namespace clang::tidy::async {

/// The replacement of the finding's call, or std::nullopt when no rule of the
/// coroutine's framework applies safely.
std::optional<FixItHint> buildSwapFix(const CoroutineReport &Report,
                                      const Finding &F, ASTContext &Ctx);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_SWAPFIXES_H
