//===--- Policy.h - async-tidy ----------------------------------*- C++ -*-===//
//
// What one check contributes to the shared engine: its category and the
// user's options for it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_POLICY_H
#define ASYNC_TIDY_ENGINE_POLICY_H

#include "Catalog.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Preprocessor;
} // namespace clang

namespace clang::tidy {
class ClangTidyContext;
} // namespace clang::tidy

namespace clang::tidy::async {

struct CategoryPolicy {
  Category Cat = Category::Call;
  /// The user's own blocking functions for this category.
  Catalog Extra;
  /// Functions never reported in this category, as name components.
  std::vector<std::vector<std::string>> Allowed;
  /// Whether the catalog's opt-in entries of this category are reported.
  bool EnableOptIn = false;
  /// Whether calls reach blocking APIs through helpers are reported, and
  /// through how many helpers at most.
  bool TransitiveSearch = true;
  unsigned MaxDepth = 8;
  /// Whether virtual calls are also followed into the overriders defined in
  /// the translation unit, not only into the static target.
  bool FollowOverriders = false;
  /// Functions that run their arguments elsewhere: never searched.
  std::vector<std::vector<std::string>> Offload;
  /// The user's executor hops are entries of Extra with a HopTarget.
  /// Cross-translation-unit summaries: where they are, and whether this run
  /// writes them.
  std::string SummaryDirectory;
  bool WriteSummaries = false;
  /// The user's own coroutine types, by plain qualified name, and the
  /// frameworks they belong to.
  std::vector<std::pair<std::string, const Framework *>> FrameworkTypes;
};

/// Checks announce their policies while they exist, so that the engine built
/// for a translation unit knows every enabled check's options, whichever
/// check asks first.
void registerPolicy(const ClangTidyContext *Tidy, const CategoryPolicy *P);
void unregisterPolicy(const ClangTidyContext *Tidy, const CategoryPolicy *P);

/// The #include insertions of the async-* checks of one translation unit:
/// one inserter, since each records every #include of the unit, and the
/// headers fixes already insert. clang-tidy applies every warning's fix, and
/// with --fix-notes the note's fix of a warning without one; each of those
/// two sets inserts a header once. In self-contained mode (clangd, where
/// each fix is applied alone) every fix carries all it needs.
class SharedIncludes {
public:
  enum class AppliedWith : uint8_t { Warning, Note, Never };

  explicit SharedIncludes(utils::IncludeSorter::IncludeStyle Style);
  void registerPreprocessor(Preprocessor *PP) {
    Inserter.registerPreprocessor(PP);
  }
  std::optional<FixItHint> insert(FileID File, llvm::StringRef Header,
                                  AppliedWith When, bool SelfContained);

private:
  utils::IncludeInserter Inserter;
  llvm::StringSet<> Inserted[2];
};

/// The SharedIncludes of the translation unit parsed with PP.
std::shared_ptr<SharedIncludes>
acquireIncludes(Preprocessor *PP, utils::IncludeSorter::IncludeStyle Style);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_POLICY_H
