//===--- Analysis.h - async-tidy --------------------------------*- C++ -*-===//
//
// The analysis of one translation unit, shared by its async-blocking-*
// checks: the analysis-wide options (read once), the checks' policies, the
// engine and the #include insertions of fixes. The checks own it together,
// so it lives exactly as long as they do, in clang-tidy (one set of checks
// per file) and in clangd (one per rebuild) alike; nothing of it outlives
// the translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_ANALYSIS_H
#define ASYNC_TIDY_ENGINE_ANALYSIS_H

#include "AnalysisOptions.h"
#include "Category.h"
#include <array>
#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class Preprocessor;
class SourceManager;
} // namespace clang

namespace clang::tidy {
class ClangTidyContext;
} // namespace clang::tidy

namespace clang::tidy::async {

class Engine;
class SharedIncludes;
struct CategoryPolicy;

class Analysis {
public:
  /// The analysis of the translation unit whose checks Tidy is creating:
  /// the one the checks created before this one joined, or a new one.
  static std::shared_ptr<Analysis> join(ClangTidyContext &Tidy);

  explicit Analysis(ClangTidyContext &Tidy);
  ~Analysis();
  Analysis(const Analysis &) = delete;
  Analysis &operator=(const Analysis &) = delete;

  ClangTidyContext &tidy() const { return Tidy; }
  const AnalysisOptions &options() const { return Options; }
  /// False when loaded into a clang-tidy it was not built for: the checks
  /// then do nothing (the error has been reported).
  bool usable() const { return HostMatches; }

  /// A check's policy, registered while the check exists.
  void addPolicy(const CategoryPolicy &P);
  void removePolicy(const CategoryPolicy &P);

  /// The translation unit starts: no check joins after this.
  void start(const SourceManager &SM, Preprocessor *PP);
  /// A check that will see the translation unit to its end; true for the
  /// first, which matches what the analysis as a whole needs.
  bool participate() { return Participants++ == 0; }
  /// The engine of the translation unit, built on first use with the
  /// policies of every check.
  Engine &engine(ASTContext &Ctx);
  /// The engine of the translation unit, if a check has used it.
  Engine *currentEngine() const { return TheEngine.get(); }
  /// The #include insertions of fixes; nullptr before start().
  SharedIncludes *includes() const { return Includes.get(); }
  const SourceManager *sources() const { return Sources; }
  /// A participating check is done with the translation unit. The last one
  /// writes the summaries, reporting a failure, and frees the engine.
  void finish();

private:
  ClangTidyContext &Tidy;
  const bool HostMatches;
  const AnalysisOptions Options;
  std::vector<const CategoryPolicy *> Policies;
  bool Started = false;
  const SourceManager *Sources = nullptr;
  const Preprocessor *PP = nullptr;
  std::unique_ptr<SharedIncludes> Includes;
  std::unique_ptr<Engine> TheEngine;
  unsigned Participants = 0;
  unsigned Finished = 0;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_ANALYSIS_H
