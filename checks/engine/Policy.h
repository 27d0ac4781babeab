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
#include <memory>
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

/// The include inserter of the async-* checks parsing with PP: one per
/// translation unit, since each inserter records every #include of it.
/// Every fix carries the includes it needs, whether or not another fix has
/// them too: a fix on a note may not be applied, and clang-tidy merges the
/// identical insertions of the fixes it applies.
std::shared_ptr<utils::IncludeInserter>
acquireIncludeInserter(Preprocessor *PP,
                       utils::IncludeSorter::IncludeStyle Style);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_POLICY_H
