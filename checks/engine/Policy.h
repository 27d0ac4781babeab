//===--- Policy.h - async-tidy ----------------------------------*- C++ -*-===//
//
// What one check contributes to the shared analysis: its category and the
// settings the user gave that check alone.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_POLICY_H
#define ASYNC_TIDY_ENGINE_POLICY_H

#include "AnalysisOptions.h"
#include "Catalog.h"
#include <string>
#include <vector>

namespace clang::tidy::async {

struct CategoryPolicy {
  Category Cat = Category::Call;
  /// The user's own blocking functions for this category.
  Catalog Extra;
  /// Functions never reported in this category, as name components.
  std::vector<std::vector<std::string>> Allowed;
  /// Whether the catalog's opt-in entries of this category are reported.
  bool EnableOptIn = false;
  /// Whether calls in static and thread_local initialisers are reported:
  /// they run once per process or thread, not per request.
  bool ReportStaticInitializers = false;
  /// How far this check's findings may come from: the analysis-wide reach,
  /// or the check's own.
  SearchReach Reach;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_POLICY_H
