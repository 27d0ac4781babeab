//===--- AnalysisOptions.h - async-tidy -------------------------*- C++ -*-===//
//
// The options of the analysis as a whole: facts about the code (where it
// runs, which types are whose coroutines, where summaries are) and how its
// fixes are written. They are read once per translation unit, from global
// keys; a check-prefixed key for one of them is an error that names the
// global key, never a setting that silently applies to every check. The
// search's reach (TransitiveSearch, MaxDepth, FollowOverriders) is
// analysis-wide too, and a check may narrow or widen it for itself.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_ANALYSISOPTIONS_H
#define ASYNC_TIDY_ENGINE_ANALYSISOPTIONS_H

#include "Catalog.h"
#include "OptionReader.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/utils/IncludeSorter.h"
#include "llvm/ADT/StringMap.h"
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy {
class ClangTidyContext;
} // namespace clang::tidy

namespace clang::tidy::async {

/// The user's offload settings: the pool, the executor to hop back to, or a
/// whole template of their own.
struct OffloadSettings {
  std::string Executor;
  std::string HomeExecutor;
  std::string Template;
};

/// How far the transitive search goes; analysis-wide, and per check.
struct SearchReach {
  bool TransitiveSearch = true;
  unsigned MaxDepth = DefaultMaxDepth;
  bool FollowOverriders = false;
};

struct AnalysisOptions {
  SearchReach Reach;
  /// Functions that run their arguments elsewhere: never searched.
  std::vector<std::vector<std::string>> OffloadFunctions;
  /// The user's executor hops, as catalog entries with a HopTarget.
  Catalog Hops;
  /// Functions taking a yield_context are (stackful) coroutines.
  bool StackfulYieldContext = true;
  /// More functions to treat as stackful coroutines, as "::ns::name".
  std::vector<std::string> StackfulFunctions;
  /// The project's types that stand for a yield_context ('Context&' of a
  /// REST library): a function taking one is a stackful coroutine.
  std::vector<std::vector<std::string>> StackfulContextTypes;
  /// Completion handlers and posted functions run by an event loop are
  /// analysed like coroutine bodies.
  bool HandlerContexts = true;
  /// The user's executor types that run work on an event loop.
  std::vector<std::vector<std::string>> LoopExecutors;
  /// Cross-translation-unit summaries: where they are, and whether this run
  /// writes them.
  std::string SummaryDirectory;
  bool WriteSummaries = false;
  /// The user's own coroutine types, by plain qualified name, and the
  /// frameworks they belong to.
  std::vector<std::pair<std::string, const Framework *>> FrameworkTypes;
  OffloadSettings Offload;
  utils::IncludeSorter::IncludeStyle IncludeStyle =
      utils::IncludeSorter::IS_LLVM;

  /// Reads the global keys of the configuration in force; reports wrong
  /// values, and analysis-wide options given under a check's name.
  static AnalysisOptions read(ClangTidyContext &Tidy);
  /// Stores every option under its global key, as --dump-config shows it.
  void store(ClangTidyContext &Tidy, ClangTidyOptions::OptionMap &Opts) const;

private:
  /// The values as given, for store().
  llvm::StringMap<std::string> Given;
};

/// Reads the reach's keys under R's prefix; a key not given is Default's.
SearchReach readReach(const OptionReader &R, const SearchReach &Default);
/// Stores the reach under R's prefix: every key when Always, else the keys
/// given there.
void storeReach(const OptionReader &R, const SearchReach &Reach, bool Always,
                ClangTidyOptions::OptionMap &Opts);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_ANALYSISOPTIONS_H
