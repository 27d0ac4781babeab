//===--- SharedIncludes.h - async-tidy --------------------------*- C++ -*-===//
//
// The #include insertions of the async-* checks of one translation unit:
// one inserter, since each records every #include of the unit, and the
// headers fixes already insert. clang-tidy applies every warning's fix, and
// with --fix-notes the note's fix of a warning without one; each of those
// two sets inserts a header once. In self-contained mode (clangd, where
// each fix is applied alone) every fix carries all it needs.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_SHAREDINCLUDES_H
#define ASYNC_TIDY_ENGINE_SHAREDINCLUDES_H

#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace clang::tidy::async {

class SharedIncludes {
public:
  enum class AppliedWith : uint8_t { Warning, Note, Never };

  SharedIncludes(utils::IncludeSorter::IncludeStyle Style, Preprocessor *PP);
  std::optional<FixItHint> insert(FileID File, llvm::StringRef Header,
                                  AppliedWith When, bool SelfContained);

private:
  utils::IncludeInserter Inserter;
  llvm::StringSet<> Inserted[2];
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_SHAREDINCLUDES_H
