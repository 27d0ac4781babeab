//===--- BlockingCheck.h - async-tidy ---------------------------*- C++ -*-===//
//
// The async-blocking-* checks: each reports one category of the shared
// analysis's findings (Categories.def) and owns that category's options.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_BLOCKINGCHECK_H
#define ASYNC_TIDY_BLOCKINGCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "engine/Category.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::async {

class Analysis;
class OptionReader;
struct CategoryPolicy;

/// Finds blocking calls of one category inside coroutines.
///
/// For the user-facing documentation see docs/checks/async-blocking-<name>.md.
class BlockingCheck : public ClangTidyCheck {
public:
  BlockingCheck(llvm::StringRef Name, ClangTidyContext *Context, Category Cat);
  ~BlockingCheck() override;

  /// Below C++20 the first check of the unit still runs, only to say so
  /// when the file has coroutine keywords (engine/SetupNotes.h).
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20 || (LangOpts.CPlusPlus && FirstOfUnit);
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void readBlockingFunctions(const OptionReader &Local);
  void warnUnknownOptions();

  const Category Cat;
  ClangTidyContext *const Tidy;
  // Option values as given, for storeOptions.
  std::string BlockingFunctions;
  std::string AllowedFunctions;
  std::unique_ptr<CategoryPolicy> Policy;
  /// Shared by the checks of the translation unit.
  std::shared_ptr<Analysis> Shared;
  /// The first check created for the translation unit.
  const bool FirstOfUnit;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_BLOCKINGCHECK_H
