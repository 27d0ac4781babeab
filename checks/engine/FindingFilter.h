//===--- FindingFilter.h - async-tidy ---------------------------*- C++ -*-===//
//
// The async-tidy driver's baselines: each finding is described by what
// survives edits that move code (no line numbers) and handed to a filter
// that records it or drops it before it becomes a diagnostic, so that a
// dropped finding is neither printed, nor fixed, nor counted. Only the
// driver installs a filter; in the plugin and in async-clangd there is none.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_FINDINGFILTER_H
#define ASYNC_TIDY_ENGINE_FINDINGFILTER_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <tuple>

namespace clang::tidy::async {

/// A finding as a baseline matches it.
struct FindingKey {
  /// The absolute path of the file the warning is in.
  std::string File;
  std::string Check;
  /// The coroutine's qualified name; a coroutine lambda is "lambda" after
  /// the qualified name of what contains it ("ns::serve::lambda").
  std::string Function;
  /// The call as written, each run of whitespace collapsed to one space.
  std::string Call;

  /// By file, check, coroutine and call: the order baselines are written in.
  friend bool operator<(const FindingKey &A, const FindingKey &B) {
    return std::tie(A.File, A.Check, A.Function, A.Call) <
           std::tie(B.File, B.Check, B.Function, B.Call);
  }
};

class FindingFilter {
public:
  virtual ~FindingFilter();
  /// Asked for each finding; Ordinal counts the earlier findings with the
  /// same key in the translation unit. False drops the finding. Offset is
  /// the warning's offset in Key.File, as in clang-tidy's --export-fixes.
  virtual bool report(const FindingKey &Key, unsigned Ordinal,
                      unsigned Offset) = 0;
  /// Check has looked at all of MainFile (an absolute path), whatever it
  /// found: entries for it that matched nothing are stale.
  virtual void linted(llvm::StringRef MainFile, llvm::StringRef Check) {}
};

/// Installs the process's filter; nullptr (the default) reports everything.
void setFindingFilter(FindingFilter *Filter);
FindingFilter *findingFilter();

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_FINDINGFILTER_H
