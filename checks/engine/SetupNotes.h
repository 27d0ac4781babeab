//===--- SetupNotes.h - async-tidy ------------------------------*- C++ -*-===//
//
// What a translation unit's set-up hides from the checks, said as a remark
// rather than left as no finding and no word why:
// - a file with coroutine keywords compiled below C++20, where the checks do
//   not run (clang has coroutines from C++20 only; GCC's -fcoroutines does
//   not carry over);
// - Asio or Boost.Asio whose configuration turned co_await off, as it does
//   for clang in the versions Debian 12 ships: code under
//   #if defined(ASIO_HAS_CO_AWAIT) then parses to nothing. Once per run.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_SETUPNOTES_H
#define ASYNC_TIDY_ENGINE_SETUPNOTES_H

#include "llvm/ADT/StringRef.h"

namespace clang {
class Preprocessor;
class SourceManager;
} // namespace clang

namespace clang::tidy {
class ClangTidyContext;
} // namespace clang::tidy

namespace clang::tidy::async {

/// Watches PP's translation unit for the set-ups above; the remarks are
/// CheckName's.
void addSetupNotes(Preprocessor &PP, const SourceManager &SM,
                   ClangTidyContext &Tidy, llvm::StringRef CheckName);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_SETUPNOTES_H
