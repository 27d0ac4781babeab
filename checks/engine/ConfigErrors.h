//===--- ConfigErrors.h - async-tidy ----------------------------*- C++ -*-===//
//
// Configuration errors: reported through clang-tidy, so that a run fails
// with them, and for async-tidy --verify-config on stderr too. clang-tidy's
// own --verify-config checks option names only: the checks judge the values
// when constructed, and clang-tidy discards what they report there. The
// driver constructs them again in a child process that asks, through the
// environment, for each error on stderr.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_CONFIGERRORS_H
#define ASYNC_TIDY_ENGINE_CONFIGERRORS_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"

namespace clang::tidy {
class ClangTidyContext;
} // namespace clang::tidy

namespace clang::tidy::async {

/// The environment variable by which async-tidy's child asks for
/// configuration errors, and the analysis-wide options in force, on stderr.
inline constexpr llvm::StringLiteral VerifyConfigVariable =
    "ASYNC_TIDY_VERIFY_CONFIG";
/// How the child marks an analysis-wide option: the marker, the key, a
/// space, the value as a JSON string.
inline constexpr llvm::StringLiteral AnalysisOptionMarker =
    "async-tidy-analysis-option: ";

/// An error in the configuration: the run fails.
void configError(ClangTidyContext &Tidy, const llvm::Twine &Message);
/// A configuration that works but is probably not what was meant.
void configWarning(ClangTidyContext &Tidy, const llvm::Twine &Message);
/// Prints the analysis-wide options in force for async-tidy's child: stock
/// clang-tidy's --dump-config shows no global keys.
void reportAnalysisOptions(const ClangTidyOptions::OptionMap &Options);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_CONFIGERRORS_H
