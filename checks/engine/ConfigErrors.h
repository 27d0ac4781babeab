//===--- ConfigErrors.h - async-tidy ----------------------------*- C++ -*-===//
//
// Configuration errors for async-tidy --verify-config. clang-tidy's own
// --verify-config checks option names only: the checks judge the values when
// constructed, and clang-tidy discards what they report there. The driver
// constructs them again in a child process that asks, through the
// environment, for each error on stderr.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_CONFIGERRORS_H
#define ASYNC_TIDY_ENGINE_CONFIGERRORS_H

#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async {

/// The environment variable that asks for configuration errors on stderr.
inline constexpr llvm::StringLiteral VerifyConfigVariable =
    "ASYNC_TIDY_VERIFY_CONFIG";

/// Prints a configuration error on stderr, once, when the variable is set.
void reportConfigError(llvm::StringRef Message);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_CONFIGERRORS_H
